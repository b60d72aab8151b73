//! The printed comparison, checked in a real browser: runs `bench/print_check.py`, which renders
//! the comparison of five offerings in headless Chromium, prints it to PDF and checks the page
//! count, the footer on every page, that nothing is wider than the page and that no word is broken
//! without a hyphen. It needs `chromium`, `pdftotext`/`pdfinfo` (poppler-utils) and `python3`;
//! without them the test says that it is skipped and passes.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The first `name` on `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

#[test]
fn the_comparison_of_five_prints_on_six_pages_without_broken_words() {
    let missing: Vec<&str> = ["chromium", "pdftotext", "pdfinfo", "python3"]
        .into_iter()
        .filter(|t| on_path(t).is_none())
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "SKIPPED the print check: {} not installed (apt-get install chromium poppler-utils python3)",
            missing.join(", ")
        );
        return;
    }
    let out = tempfile::tempdir().expect("temp dir");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/print_check.py");
    let run = Command::new("python3")
        .arg(script)
        .arg(common::vcaudit_path())
        .arg(out.path())
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "print check failed:\n{stdout}{stderr}");
    assert!(stdout.contains("en: ") && stdout.contains("nl: "), "{stdout}");
}
