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

/// A claim table for one term, with high confidence.
pub fn claim(term: &str, value: &str) -> String {
    format!("\n[terms.{term}]\nvalue = {value}\nsource = \"privacy\"\nverified = 2026-06-01\nconfidence = \"high\"\n")
}

/// A condition id made from its text: lowercase letters and digits joined by `-`.
pub fn condition_id(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_ascii_lowercase)
        .collect();
    words.join("-")
}

/// A claim table with one condition, in English only.
pub fn claim_if(term: &str, value: &str, condition: &str) -> String {
    format!(
        "{}conditions = [{{ id = \"{}\", text = \"{condition}\" }}]\n",
        claim(term, value),
        condition_id(condition)
    )
}

/// A claim table with one condition in English and Dutch.
pub fn claim_if_nl(term: &str, value: &str, condition: &str, dutch: &str) -> String {
    format!(
        "{}conditions = [{{ id = \"{}\", text = \"{condition}\", text_nl = \"{dutch}\" }}]\n",
        claim(term, value),
        condition_id(condition)
    )
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

/// One diagnostic of `validate --format json`.
#[derive(Debug, Clone)]
pub struct Problem {
    pub severity: String,
    pub code: String,
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub key: String,
    pub message: String,
    pub help: Option<String>,
}

impl Problem {
    /// `file:line:column` as `validate` prints it, with the file's name only, or the name alone
    /// for a problem of the whole file.
    pub fn place(&self) -> String {
        let name = Path::new(&self.file)
            .file_name()
            .map_or_else(|| self.file.clone(), |n| n.to_string_lossy().into_owned());
        if self.line == 0 {
            name
        } else {
            format!("{name}:{}:{}", self.line, self.column)
        }
    }

    /// Whether the help suggests `name` (names are quoted in backticks in help lines).
    pub fn suggests(&self, name: &str) -> bool {
        self.help.as_deref().is_some_and(|h| h.contains(&format!("`{name}`")))
    }

    /// Whether the message names `name` (a key or value, quoted in backticks), such as the key a
    /// `missing-key` problem is about.
    pub fn names(&self, name: &str) -> bool {
        self.message.contains(&format!("`{name}`"))
    }
}

/// What `validate --format json` said of a catalogue: the exit code, the error count and every
/// diagnostic.
#[derive(Debug)]
pub struct Validated {
    pub exit: Option<i32>,
    pub errors: u64,
    pub vendors: u64,
    pub problems: Vec<Problem>,
}

impl Validated {
    /// The problem with `code` at `place` (`v.toml:5:15`, or `v.toml:5` for any column, or
    /// `v.toml` for the whole file) about the dotted `key`; panics listing them all if there is
    /// none.
    pub fn expect(&self, code: &str, place: &str, key: &str) -> &Problem {
        self.problems
            .iter()
            .find(|p| {
                let at = p.place();
                p.code == code && p.key == key && (at == place || at.starts_with(&format!("{place}:")))
            })
            .unwrap_or_else(|| panic!("no {code} at {place} on `{key}` in:\n{}", self.listing()))
    }

    /// Whether some problem has `code` and `key`.
    pub fn has(&self, code: &str, key: &str) -> bool {
        self.problems.iter().any(|p| p.code == code && p.key == key)
    }

    /// Every problem as (code, place, key), in the order given.
    pub fn all(&self) -> Vec<(String, String, String)> {
        self.problems
            .iter()
            .map(|p| (p.code.clone(), p.place(), p.key.clone()))
            .collect()
    }

    /// The problems one per line, for failure messages.
    pub fn listing(&self) -> String {
        self.problems
            .iter()
            .map(|p| format!("{} {}: {}: `{}`", p.severity, p.code, p.place(), p.key))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Runs `validate --format json --as-of 2026-11-22` on a catalogue directory, with `args` before
/// the command.
pub fn validate_dir(dir: &Path, args: &[&str]) -> Validated {
    let out = vcaudit()
        .args(args)
        .args(["validate", "--format", "json", "--as-of", "2026-11-22", "--catalogue"])
        .arg(dir)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}{stderr}", String::from_utf8_lossy(&out.stdout)));
    let text = |d: &serde_json::Value, k: &str| d[k].as_str().unwrap_or_default().to_owned();
    let problems = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| Problem {
            severity: text(d, "severity"),
            code: text(d, "code"),
            file: text(d, "file"),
            line: d["line"].as_u64().expect("line"),
            column: d["column"].as_u64().expect("column"),
            key: text(d, "key"),
            message: text(d, "message"),
            help: d["help"].as_str().map(str::to_owned),
        })
        .collect();
    Validated {
        exit: out.status.code(),
        errors: v["errors"].as_u64().expect("errors"),
        vendors: v["vendors"].as_u64().expect("vendors"),
        problems,
    }
}

/// The 1-based number of the first line of `text` that starts with `start`.
pub fn line_of(text: &str, start: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(start))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no line starts with {start:?}"))
}

/// [`validate_dir`] on a new catalogue of the given files.
pub fn validate(files: &[(&str, &str)]) -> Validated {
    let cat = Catalogue::new(files);
    validate_dir(cat.path(), &[])
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
                "conditions = [{ id = \"formula\", text = \"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\" }, { id = \"markup\", text = \"<img src=x onerror=alert(1)> | x\\ny\" }, { id = \"sum\", text = \"-2+3\" }]\n",
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
