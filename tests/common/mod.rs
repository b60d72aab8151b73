//! Helpers shared by the integration tests: a small vendor file builder and a temporary catalogue.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The binary under test, with colours off and the terminal width left to its default.
pub fn vcaudit() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(vcaudit_path());
    c.env("NO_COLOR", "1").env_remove("COLUMNS");
    c
}

/// The path of the binary under test: `VCAUDIT_TEST_BIN` when set (a build of this tree kept
/// aside, for shared target directories), else the one cargo built for this test.
pub fn vcaudit_path() -> PathBuf {
    match std::env::var_os("VCAUDIT_TEST_BIN") {
        Some(bin) => bin.into(),
        None => assert_cmd::cargo::cargo_bin("vcaudit"),
    }
}

/// A catalogue with a suitable vendor (`good`), a not-suitable one (`bad`) and one lacking
/// information (`vague`).
pub fn mixed() -> Catalogue {
    Catalogue::new(&[
        ("good.toml", &vendor("good", &[], &[])),
        ("bad.toml", &vendor("bad", &[("secondary_use.selling", "true")], &[])),
        ("vague.toml", &vendor("vague", &[], &["contract.dpa"])),
    ])
}

/// The header of a valid vendor file with one document (`privacy`) and the given offerings.
pub fn vendor_head(id: &str, offerings: &[&str]) -> String {
    let mut s = format!(
        r#"id = "{id}"
name = "{id} name"
company = "{id} company"
headquarters = "NL"
open_source = false
self_hostable = false
status = "active"

[[documents]]
id = "privacy"
kind = "privacy-policy"
url = "https://example.com/{id}/privacy"
"#
    );
    for o in offerings {
        s.push_str(&format!("\n[[offerings]]\nid = \"{o}\"\nname = \"{o} tier\"\n"));
    }
    s
}

/// A claim table for one term.
pub fn claim(term: &str, value: &str) -> String {
    format!("\n[terms.{term}]\nvalue = {value}\nsource = \"privacy\"\nverified = 2026-06-01\n")
}

/// A claim table with conditions.
pub fn claim_if(term: &str, value: &str, condition: &str) -> String {
    format!("{}conditions = [\"{condition}\"]\n", claim(term, value))
}

/// Every term with a value that passes every criterion.
pub const ALL_PASS: &[(&str, &str)] = &[
    ("contract.role", "\"processor\""),
    ("contract.dpa", "true"),
    ("contract.education_terms", "true"),
    ("analytics.usage_profiling", "false"),
    ("analytics.telemetry_limitable", "true"),
    ("secondary_use.marketing", "false"),
    ("secondary_use.selling", "false"),
    ("secondary_use.ai_training", "false"),
    ("sharing.trackers", "false"),
    ("sharing.third_parties", "false"),
    ("content_analysis.transcription", "\"off-by-default\""),
    ("content_analysis.face_recognition", "\"absent\""),
    ("content_analysis.attention_tracking", "\"absent\""),
    ("content_analysis.ai_assistant", "\"absent\""),
    ("content_analysis.admin_can_disable", "true"),
    ("hosting.regions", "[\"EU\"]"),
    ("hosting.eu_residency", "\"always\""),
    ("hosting.transfer_mechanism", "[\"none-needed\"]"),
    ("jurisdiction.contracting_entity", "\"Example B.V. (NL)\""),
    ("jurisdiction.non_eu_law", "false"),
    ("recording.who_can_record", "\"host-only\""),
    ("recording.admin_can_disable", "true"),
    ("recording.notice", "true"),
    ("recording.storage", "[\"local\"]"),
    ("recording.retention_configurable", "true"),
    ("recording.default_sharing", "\"private\""),
    ("participation.account_required", "false"),
    ("participation.pseudonym", "true"),
    ("participation.camera_default", "\"off\""),
    ("participation.audio_only", "true"),
    ("security.transport_encryption", "true"),
    ("security.e2ee", "\"optional\""),
    ("security.certifications", "[\"ISO 27001\"]"),
    ("transparency.languages", "[\"nl\", \"en\"]"),
    ("transparency.education_page", "true"),
    ("transparency.subprocessor_list", "true"),
];

/// A full vendor file where every term passes, with `overrides` replacing some values and
/// `drop` leaving some terms out.
pub fn vendor(id: &str, overrides: &[(&str, &str)], drop: &[&str]) -> String {
    let mut s = vendor_head(id, &[]);
    for (term, value) in ALL_PASS {
        if drop.contains(term) {
            continue;
        }
        let value = overrides.iter().find(|(t, _)| t == term).map_or(*value, |(_, v)| v);
        s.push_str(&claim(term, value));
    }
    s
}

/// A temporary catalogue directory with the given files.
pub struct Catalogue {
    pub dir: tempfile::TempDir,
}

impl Catalogue {
    pub fn new(files: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).expect("write vendor file");
        }
        Catalogue { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Text a hostile or careless catalogue author might write: markup, a spreadsheet formula and a
/// Markdown table breaker (the newline and the terminal escape sequence are in the quote and note
/// of [`hostile_vendor`]).
pub const HOSTILE_NAME: &str = r#"Evil <script>alert(1)</script> | =HYPERLINK(\"http://evil.example\",\"x\")"#;

/// A vendor file full of hostile values: in names, company, quotes, notes, conditions and a
/// free-text term; every criterion is still evaluated.
pub fn hostile_vendor(id: &str) -> String {
    let mut s = vendor_head(id, &["tier"])
        .replace(&format!("name = \"{id} name\""), &format!("name = \"{HOSTILE_NAME}\""))
        .replace(
            &format!("company = \"{id} company\""),
            "company = \"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\"",
        )
        .replace("name = \"tier tier\"", "name = \"+tier | <b>bold</b>\\nsecond line\"");
    for (term, value) in ALL_PASS {
        if *term == "jurisdiction.contracting_entity" {
            s.push_str(&claim(term, "\"=cmd|' /C calc'!A0\""));
            continue;
        }
        s.push_str(&claim(term, value));
        if *term == "contract.dpa" {
            s.push_str("quote = \"\\u001b[31mRED\\u001b[0m </td></tr> @SUM(1+1)\"\n");
            s.push_str("note = \"\\u0001=SUM(1+1) a | b\\nc\"\n");
            s.push_str(
                "conditions = [\"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\", \"<img src=x onerror=alert(1)> | x\\ny\", \"-2+3\"]\n",
            );
        }
    }
    s
}

/// A one-page PDF whose page content stream is `content`, Helvetica as font F1, with a correct
/// cross-reference table.
pub fn pdf(content: &str) -> Vec<u8> {
    pdf_with_page_entry("", content)
}

/// As [`pdf`], with `entry` (such as `/Nest [[]]`) added to the page dictionary.
pub fn pdf_with_page_entry(entry: &str, content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> {entry}>>"),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// The built-in catalogue, checked as of today with the default evidence age; it must load
/// without errors.
pub fn shipped() -> vcaudit::catalogue::Catalogue {
    let today = jiff::Zoned::now().date();
    let loaded = vcaudit::catalogue::load(
        vcaudit::catalogue::Origin::Embedded,
        vcaudit::catalogue::CheckOptions {
            today,
            latest: today,
            max_age_months: 18,
        },
    )
    .expect("embedded catalogue");
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == vcaudit::catalogue::Level::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "the shipped catalogue has errors:\n{}",
        errors.join("\n")
    );
    loaded.catalogue
}
