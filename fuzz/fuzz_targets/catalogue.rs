//! Fuzzes the vendor file loader: any bytes given as a vendor file must end in a vendor or in
//! diagnostics with a position inside the file, never in a panic or a hang.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vcaudit::catalogue::{self, CheckOptions};

fuzz_target!(|data: &[u8]| {
    let opts = CheckOptions {
        today: jiff::civil::date(2026, 11, 22),
        latest: jiff::civil::date(2026, 11, 22),
        max_age_months: 18,
    };
    let (vendor, diags) = catalogue::from_bytes("v.toml", data, opts);
    let lines = data.split(|&b| b == b'\n').count();
    for d in &diags {
        assert!(d.line <= lines, "line {} past the end ({lines} lines): {d}", d.line);
        let _ = d.to_string();
    }
    if vendor.is_some() {
        assert!(diags.iter().all(|d| d.severity != catalogue::Level::Error));
    }
});
