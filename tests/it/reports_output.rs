//! `--output`, format inference and atomic writes; `compare` and its limits; Dutch reports.

use crate::common;

use assert_cmd::Command;
use common::{mixed, vcaudit, vendor, Catalogue};
use predicates::prelude::*;

fn with_catalogue<'c>(cmd: &'c mut Command, cat: &Catalogue) -> &'c mut Command {
    cmd.args(["--as-of", "2026-11-22", "--catalogue"]).arg(cat.path())
}

#[test]
fn output_format_follows_the_extension() {
    let cat = mixed();
    let dir = tempfile::tempdir().expect("dir");
    for (name, starts) in [
        ("r.html", &b"<!DOCTYPE html>"[..]),
        ("r.xlsx", &b"PK"[..]),
        ("r.json", &b"{"[..]),
        ("r.csv", &b"vendor,offering"[..]),
        ("r.md", &b"| Vendor |"[..]),
    ] {
        let path = dir.path().join(name);
        with_catalogue(vcaudit().args(["audit", "-o"]).arg(&path), &cat)
            .assert()
            .success()
            .stdout("");
        let bytes = std::fs::read(&path).expect("written");
        assert!(
            bytes.starts_with(starts),
            "{name}: {:?}",
            String::from_utf8_lossy(&bytes[..20.min(bytes.len())])
        );
    }
    // `--format` wins over the extension.
    let path = dir.path().join("report.txt");
    with_catalogue(
        vcaudit().args(["audit", "--format", "json", "--output"]).arg(&path),
        &cat,
    )
    .assert()
    .success();
    assert!(std::fs::read_to_string(&path).expect("written").starts_with('{'));
    // No temporary files are left beside the reports.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn an_unknown_extension_is_a_usage_error_and_writes_nothing() {
    let cat = mixed();
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("report.pdf");
    with_catalogue(vcaudit().args(["audit", "-o"]).arg(&path), &cat)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("report.pdf").and(predicate::str::contains("--format")));
    assert!(!path.exists());
}

#[test]
fn a_failed_run_leaves_the_existing_report_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("report.html");
    std::fs::write(&path, "the report of last week").expect("write");
    let broken = Catalogue::new(&[("good.toml", "id = \"good\"\nname = 3\n")]);
    with_catalogue(vcaudit().args(["audit", "-o"]).arg(&path), &broken)
        .assert()
        .code(3);
    let cat = mixed();
    with_catalogue(vcaudit().args(["compare", "good", "-o"]).arg(&path), &cat)
        .assert()
        .code(2);
    with_catalogue(vcaudit().args(["show", "nobody", "-o"]).arg(&path), &cat)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "the report of last week");
    // A run that succeeds replaces it whole.
    with_catalogue(vcaudit().args(["show", "good", "-o"]).arg(&path), &cat)
        .assert()
        .success();
    let html = std::fs::read_to_string(&path).expect("read");
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
}

#[test]
fn writing_into_a_missing_directory_is_a_runtime_error() {
    let cat = mixed();
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("missing").join("r.html");
    with_catalogue(vcaudit().args(["audit", "-o"]).arg(&path), &cat)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("r.html").and(predicate::str::contains("does not exist")));
}

#[test]
fn compare_puts_offerings_side_by_side_and_marks_differences() {
    let cat = mixed();
    let out = with_catalogue(
        vcaudit().args(["compare", "good", "bad", "vague", "--format", "json"]),
        &cat,
    )
    .output()
    .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let columns: Vec<&str> = v["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c["vendor"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(columns, ["good", "bad", "vague"], "in the order asked for");
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows[0]["kind"], "verdict");
    assert_eq!(rows[0]["differs"], true);
    assert_eq!(rows.iter().filter(|r| r["kind"] == "criterion").count(), 13);
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).expect("row");
    assert_eq!(row("no-secondary-use")["differs"], true);
    assert_eq!(row("no-secondary-use")["cells"][1]["status"], "fail");
    assert_eq!(row("camera-optional")["differs"], false);
    assert_eq!(row("contract.dpa")["cells"][2]["known"], false);

    let table = with_catalogue(vcaudit().args(["compare", "good", "bad"]), &cat)
        .output()
        .expect("runs");
    let text = String::from_utf8(table.stdout).expect("UTF-8");
    assert!(text.contains("≠"), "{text}");
    assert!(text.contains("Conditions bad:"), "{text}");
}

#[test]
fn compare_takes_two_to_twenty_columns() {
    let files: Vec<(String, String)> = (0..21)
        .map(|i| (format!("v{i:02}.toml"), vendor(&format!("v{i:02}"), &[], &[])))
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let cat = Catalogue::new(&refs);
    let ids: Vec<String> = (0..21).map(|i| format!("v{i:02}")).collect();
    with_catalogue(
        vcaudit().arg("compare").args(&ids[..20]).args(["--format", "csv"]),
        &cat,
    )
    .assert()
    .success();
    with_catalogue(vcaudit().arg("compare").args(&ids), &cat)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2 to 20").and(predicate::str::contains("21")));
    with_catalogue(vcaudit().args(["compare", "v00"]), &cat)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2 to 20"));
    vcaudit().arg("compare").assert().code(2);
}

#[test]
fn validate_refuses_report_formats() {
    vcaudit()
        .args(["validate", "--format", "html"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("`validate`"));
}

#[test]
fn dutch_reports_speak_dutch() {
    let cat = mixed();
    let run = |args: &[&str]| {
        let out = with_catalogue(vcaudit().arg("--lang").arg("nl").args(args), &cat)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let html = run(&["compare", "good", "bad", "--format", "html"]);
    for word in [
        "<html lang=\"nl\">",
        "Oordeel",
        "Voorwaarden",
        "verschilt",
        "niet geschikt",
        "voldoet niet",
        "Regel voor het oordeel",
        "Beoordeeld op",
    ] {
        assert!(html.contains(word), "missing {word:?}");
    }
    assert!(!html.contains(">not suitable<") && !html.contains("Verdict rule"));
    let table = run(&["compare", "good", "vague"]);
    assert!(
        table.contains("onvoldoende info") && table.contains("Voorwaarden"),
        "{table}"
    );
    let md = run(&["show", "bad", "--format", "markdown"]);
    assert!(md.contains("Oordeel: **niet geschikt**"), "{md}");
    // CSV: the text columns in Dutch, the id columns as in the JSON contract.
    let csv = run(&["audit", "--format", "csv"]);
    assert!(csv.contains(",fail,false,Persoonsgegevens worden verkocht"), "{csv}");
    let audit = run(&["audit", "--format", "html"]);
    assert!(audit.contains("Overzicht"));
    assert!(
        audit.contains("gecontroleerd 2026-06-01"),
        "claims carry their Dutch date label"
    );
}
