//! Inputs the fuzzers found that once crashed or hung the loaders, kept so they never do again.
//! Each file in `tests/regressions/` is loaded as a vendor file (`catalogue-*`) or a profile
//! (`profile-*`); it must end in diagnostics, not a panic.

mod common;

use std::path::Path;

use assert_cmd::Command;
use vcaudit::catalogue::{self, CheckOptions, Level};

fn opts() -> CheckOptions {
    CheckOptions {
        today: jiff::civil::date(2026, 11, 22),
        latest: jiff::civil::date(2026, 11, 22),
        max_age_months: 18,
    }
}

#[test]
fn every_saved_input_loads_without_panicking() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("regressions directory") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let bytes = std::fs::read(&path).expect("read");
        if name.starts_with("catalogue-") {
            let (_, diags) = catalogue::from_bytes(&name, &bytes, opts());
            assert!(diags.iter().any(|d| d.severity == Level::Error), "{name}");
        } else if name.starts_with("profile-") {
            assert!(vcaudit::criteria::profile::from_bytes(&name, &bytes).is_err(), "{name}");
        } else {
            continue;
        }
        seen += 1;
    }
    assert!(seen > 0, "no saved inputs in {}", dir.display());
}

/// A `?` or `!` in a CSS selector made the selector parser panic while wording its error.
#[test]
fn a_stray_character_in_a_css_selector_is_a_diagnostic() {
    let text = common::vendor("v", &[], &[]).replacen(
        "url = \"https://example.com/v/privacy\"",
        "url = \"https://example.com/v/privacy\"\nselect = [\".secti?n-rich\"]\nremove = [\"div !x\"]",
        1,
    );
    let cat = common::Catalogue::new(&[("v.toml", &text)]);
    let out = Command::cargo_bin("vcaudit")
        .expect("binary")
        .args(["validate", "--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stdout}{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stdout.contains("`documents[0].select[0]`: `.secti?n-rich` is not a valid CSS selector"),
        "{stdout}"
    );
    assert!(
        stdout.contains("`documents[0].remove[0]`: `div !x` is not a valid CSS selector"),
        "{stdout}"
    );
}
