//! Inputs the fuzzers found that once crashed or hung the loaders, kept so they never do again.
//! Each file in `tests/regressions/` is loaded as a vendor file (`catalogue-*`) or a profile
//! (`profile-*`); it must end in diagnostics, not a panic.

use crate::common;

use std::path::Path;

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
    let v = common::validate(&[("v.toml", &text)]);
    assert_eq!(v.exit, Some(3), "{}", v.listing());
    assert!(v
        .expect("invalid-selector", "v.toml:13:11", "documents[0].select[0]")
        .names(".secti?n-rich"));
    assert!(v
        .expect("invalid-selector", "v.toml:14:11", "documents[0].remove[0]")
        .names("div !x"));
}
