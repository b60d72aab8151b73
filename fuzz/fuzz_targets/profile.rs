//! Fuzzes the profile loader: any bytes given as a profile must end in a profile or in
//! diagnostics with a position inside the file, never in a panic or a hang.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vcaudit::criteria::profile;

fuzz_target!(|data: &[u8]| {
    let lines = data.split(|&b| b == b'\n').count();
    match profile::from_bytes("profile.toml", data) {
        Ok(p) => assert!((1..=240).contains(&p.max_age_months)),
        Err(diags) => {
            assert!(!diags.is_empty());
            for d in &diags {
                assert!(d.line <= lines, "line {} past the end ({lines} lines): {d}", d.line);
                let _ = d.to_string();
            }
        }
    }
});
