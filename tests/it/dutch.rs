//! Under `--lang nl` every report is Dutch: audit, show, compare, criteria, advise, notice and
//! watch, in every format, rendered from an inline catalogue whose own free text (names, quotes,
//! notes) is Dutch or absent, must contain none of the English value labels of the catalogue format
//! and none of the English words of the tool's own vocabulary. Machine fields stay as they are:
//! JSON keys and ids, CSV headers and id columns, the watch state column (documented ids). The
//! shipped catalogue's `compare` in Dutch shows none of `school-chosen`, `None:`, `EEA`.

use crate::common;
use crate::watch_support;

use std::io::Read;

use calamine::{Data, Reader};
use common::{claim, vcaudit, Catalogue, ALL_PASS};
use watch_support::{policy, vendor_with, Server};

/// Values of the catalogue format that read as English, found anywhere in the text.
const VALUE_LABELS: &[&str] = &[
    "joint-controller",
    "off-by-default",
    "on-by-default",
    "none-needed",
    "host-only",
    "host-and-permitted",
    "vendor-cloud",
    "school-storage",
    "school-chosen",
    "None:",
    "EEA",
    "worldwide",
];

/// English words of the tool's own vocabulary, found as whole words (case-sensitive).
const ENGLISH: &[&str] = &[
    "processor",
    "controller",
    "mixed",
    "absent",
    "always",
    "optional",
    "nobody",
    "anyone",
    "private",
    "organisation",
    "configurable",
    "adequacy",
    "participant",
    "supporter",
    "Vendor",
    "Verdict",
    "Reason",
    "Conditions",
    "Evidence",
    "Legend",
    "verified",
    "stale",
    "unknown",
    "suitable",
    "confidence",
    "Why",
    "Sources",
    "Source",
    "yes",
    "changed",
    "unchanged",
    "checked",
    "Criterion",
    "Severity",
    "must",
    "should",
    "Quote",
    "Note",
    "Reliability",
    "Comparison",
    "Profile",
    "differs",
    "Dear",
    "FILL",
    "CHECK",
    "WARNING",
    "reader",
    "answer",
    "Scenario",
    "Cautions",
    "Duties",
    "licences",
    "edition",
    "documents",
];

/// JSON keys whose values are ids or machine values, not text for people.
const ID_KEYS: &[&str] = &[
    "status",
    "verdict",
    "severity",
    "value",
    "id",
    "term",
    "kind",
    "state",
    "by",
    "document",
    "place",
    "quote",
    "vendor",
    "offering",
    "code",
    "source",
    "source_kind",
    "confidence",
    "lang",
    "scenario",
    "url",
    "row",
    "condition_ids",
    "criteria",
    "profile",
    "name",
    "accepted_regions",
    "summary",
    "changed_on",
    "stated_date",
    "final_url",
    "served_from",
    "regions",
];

/// CSV columns that hold ids or machine values.
const ID_COLUMNS: &[&str] = &[
    "vendor",
    "offering",
    "verdict",
    "criterion",
    "severity",
    "status",
    "stale",
    "row",
    "id",
    "differs",
    "term",
    "source",
    "source_url",
    "verified",
    "confidence",
    "source_kind",
    "counted",
    "code",
    "value",
];

/// The problems of one rendering: English value labels and English words.
fn english_in(what: &str, text: &str) -> Vec<String> {
    let mut found: Vec<String> = VALUE_LABELS
        .iter()
        .filter(|v| text.contains(*v))
        .map(|v| format!("{what}: value label `{v}`"))
        .collect();
    // Code spans are ids (`must` in the verdict rule); dotted and underscored words are term ids.
    let without_code: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    for word in without_code.split(|c: char| !c.is_alphanumeric() && !"-_.".contains(c)) {
        let word = word.trim_matches('.');
        if ENGLISH.contains(&word) {
            found.push(format!("{what}: English word `{word}`"));
        }
    }
    found
}

/// The text for people in a JSON document: string values outside the id keys.
fn json_text(v: &serde_json::Value, key: &str, out: &mut String) {
    if ID_KEYS.contains(&key) {
        return;
    }
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_text(x, key, out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| json_text(x, k, out)),
        _ => {}
    }
}

/// The text for people in a CSV document: the cells of the columns that are not ids.
fn csv_text(bytes: &[u8]) -> String {
    let mut r = csv::ReaderBuilder::new().from_reader(bytes);
    let headers = r.headers().expect("a header").clone();
    let mut out = String::new();
    for rec in r.records() {
        let rec = rec.expect("a record");
        for (h, cell) in headers.iter().zip(rec.iter()) {
            // compare's offering columns are named by their keys, which are ids.
            if !ID_COLUMNS.contains(&h) {
                out.push_str(cell);
                out.push('\n');
            }
        }
    }
    out
}

/// HTML without its tags and style sheet (class names are not text).
fn html_text(s: &str) -> String {
    // Code is an id (kept as a code span); a break point is not a word break.
    let s = s
        .replace("<code>", "`")
        .replace("</code>", "`")
        .replace("<wbr>", "")
        .replace("&shy;", "")
        .replace('\u{ad}', "");
    let s = match (s.find("<style"), s.find("</style>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &s[..a], &s[b..]),
        _ => s.to_owned(),
    };
    let mut out = String::new();
    for part in s.split('<') {
        out.push_str(part.split_once('>').map_or(part, |(_, t)| t));
        out.push(' ');
    }
    out
}

/// The sheet names and cells of a spreadsheet.
fn xlsx_text(bytes: &[u8]) -> String {
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("a spreadsheet");
    let mut out = String::new();
    for name in wb.sheet_names() {
        out.push_str(&name);
        out.push('\n');
        let range = wb.worksheet_range(&name).expect("a sheet");
        for row in range.rows() {
            for cell in row {
                if let Data::String(s) = cell {
                    out.push_str(s);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The text of a Word document.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a Word document");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    html_text(&xml)
}

/// The text for people of one rendering, by format.
fn text_of(format: &str, bytes: &[u8]) -> String {
    match format {
        "json" => {
            let v: serde_json::Value = serde_json::from_slice(bytes).expect("JSON");
            let mut out = String::new();
            json_text(&v, "", &mut out);
            out
        }
        "csv" => csv_text(bytes),
        "html" => html_text(&String::from_utf8_lossy(bytes)),
        "xlsx" => xlsx_text(bytes),
        "docx" => docx_text(bytes),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// A vendor with an offering that has a Dutch name and the given values; no quotes or notes.
fn vendor(id: &str, values: &[(&str, &str)]) -> String {
    let mut s = format!(
        "id = \"{id}\"\nname = \"{id}\"\ncompany = \"{id} B.V.\"\nheadquarters = \"NL\"\nopen_source = false\nself_hostable = false\nstatus = \"active\"\n\n[[documents]]\nid = \"privacy\"\nkind = \"privacy-policy\"\nurl = \"https://example.com/{id}/privacy\"\n\n[[offerings]]\nid = \"school\"\nname = \"School edition\"\nname_nl = \"Schoolversie\"\n"
    );
    for (term, value) in ALL_PASS {
        let value = values.iter().find(|(t, _)| t == term).map_or(*value, |(_, v)| v);
        s.push_str(&claim(term, value));
    }
    s
}

/// A catalogue whose vendors together use every fixed value of the catalogue format.
fn catalogue() -> Catalogue {
    Catalogue::new(&[
        ("good.toml", &vendor("good", &[])),
        (
            "other.toml",
            &vendor(
                "other",
                &[
                    ("contract.role", "\"mixed\""),
                    ("content_analysis.transcription", "\"on-by-default\""),
                    ("content_analysis.face_recognition", "\"off-by-default\""),
                    ("content_analysis.attention_tracking", "\"on-by-default\""),
                    ("hosting.regions", "[\"EEA\", \"school-chosen\", \"US\", \"worldwide\"]"),
                    ("hosting.eu_residency", "\"optional\""),
                    (
                        "hosting.transfer_mechanism",
                        "[\"scc\", \"dpf\", \"adequacy\", \"bcr\"]",
                    ),
                    ("recording.who_can_record", "\"host-and-permitted\""),
                    ("recording.storage", "[\"vendor-cloud\", \"school-storage\"]"),
                    ("recording.default_sharing", "\"organisation\""),
                    ("participation.camera_default", "\"configurable\""),
                    ("security.e2ee", "\"none\""),
                ],
            ),
        ),
        (
            "third.toml",
            &vendor(
                "third",
                &[
                    ("contract.role", "\"joint-controller\""),
                    ("recording.who_can_record", "\"anyone\""),
                    ("recording.default_sharing", "\"link\""),
                    ("participation.camera_default", "\"on\""),
                    ("hosting.eu_residency", "\"none\""),
                    ("security.e2ee", "\"always\""),
                    ("content_analysis.ai_assistant", "\"on-by-default\""),
                ],
            ),
        ),
    ])
}

/// Runs vcaudit in Dutch with `args`, the output in a file when `file` names its extension.
fn render(cat: &Catalogue, args: &[&str], file: Option<&str>) -> Vec<u8> {
    let mut cmd = vcaudit();
    cmd.args(["--lang", "nl", "--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .args(args);
    let dir = tempfile::tempdir().expect("dir");
    let path = file.map(|ext| dir.path().join(format!("out.{ext}")));
    if let Some(p) = &path {
        cmd.arg("-o").arg(p);
    }
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    match path {
        Some(p) => std::fs::read(p).expect("written"),
        None => out.stdout,
    }
}

#[test]
fn every_report_in_every_format_is_dutch() {
    let cat = catalogue();
    let mut problems = Vec::new();
    let mut check = |what: String, format: &str, bytes: Vec<u8>| {
        problems.extend(english_in(&what, &text_of(format, &bytes)));
    };
    let reports: &[&[&str]] = &[
        &["audit"],
        &["show", "other/school"],
        &["show", "third/school"],
        &["compare", "good/school", "other/school", "third/school"],
    ];
    for args in reports {
        for format in ["table", "json", "markdown", "csv", "html"] {
            let mut a = args.to_vec();
            a.extend(["--format", format]);
            check(format!("{args:?} {format}"), format, render(&cat, &a, None));
        }
        check(format!("{args:?} xlsx"), "xlsx", render(&cat, args, Some("xlsx")));
    }
    for format in ["table", "json", "markdown", "csv", "html"] {
        check(
            format!("criteria {format}"),
            format,
            render(&cat, &["criteria", "--format", format], None),
        );
    }
    check(
        "criteria xlsx".into(),
        "xlsx",
        render(&cat, &["criteria", "--format", "xlsx"], None),
    );
    for scenario in [
        "--list",
        "live-lesson",
        "recording-absent",
        "hybrid-lesson",
        "online-proctoring",
        "publish-images",
    ] {
        for format in ["table", "json", "markdown"] {
            let bytes = render(&cat, &["advise", scenario, "--format", format], None);
            check(format!("advise {scenario} {format}"), format, bytes);
        }
    }
    for offering in ["good/school", "other/school", "third/school"] {
        for format in ["markdown", "html", "text", "docx"] {
            let bytes = render(
                &cat,
                &["notice", offering, "--format", format],
                Some(format.replace("text", "txt").replace("markdown", "md").as_str()),
            );
            check(format!("notice {offering} {format}"), format, bytes);
        }
    }
    for recording in [
        "no",
        "coaching",
        "pupil-guidance",
        "absent-pupils",
        "hybrid",
        "proctoring",
    ] {
        let bytes = render(
            &cat,
            &["notice", "other/school", "--format", "text", "--recording", recording],
            None,
        );
        check(format!("notice --recording {recording}"), "text", bytes);
    }
    assert!(problems.is_empty(), "English under --lang nl:\n{}", problems.join("\n"));
}

#[test]
fn the_offering_is_named_in_dutch() {
    let cat = catalogue();
    for args in [
        &["audit", "--format", "markdown"][..],
        &["show", "good/school"],
        &["compare", "good/school", "other/school", "--format", "markdown"],
    ] {
        let text = String::from_utf8(render(&cat, args, None)).expect("UTF-8");
        assert!(!text.contains("School edition"), "{args:?}:\n{text}");
        assert!(args[0] == "audit" || text.contains("Schoolversie"), "{args:?}:\n{text}");
    }
    let json = text_of(
        "json",
        &render(&cat, &["show", "good/school", "--format", "json"], None),
    );
    assert!(json.contains("Schoolversie"), "{json}");
}

#[test]
fn watch_reports_are_dutch_in_every_format() {
    let server = Server::start();
    let dutch = ["Wij bewaren gegevens dertig dagen.", "Wij delen niets met anderen."];
    server.html("/privacy", &policy(&dutch));
    let cat = Catalogue::new(&[(
        "acme.toml",
        &vendor_with("acme", &[("privacy", &server.url("/privacy"), &["main"])]),
    )]);
    let state = tempfile::tempdir().expect("state");
    let run = |format: &str| {
        let out = watch_support::vcaudit()
            .args(["--lang", "nl", "--catalogue"])
            .arg(cat.path())
            .arg("--state")
            .arg(state.path())
            .args(["watch", "--retry-wait", "10ms", "--timeout", "2s", "--format", format])
            .output()
            .expect("runs");
        out.stdout
    };
    let _ = run("json");
    server.html(
        "/privacy",
        &policy(&["Wij bewaren gegevens zestig dagen.", "Wij delen niets met anderen."]),
    );
    let mut problems = Vec::new();
    for format in ["table", "markdown", "json"] {
        let text = text_of(format, &run(format));
        // The state column holds the documented ids; everything else is Dutch.
        let mut plain = text.clone();
        for id in [
            "unchanged",
            "changed",
            "new",
            "moved",
            "gone",
            "blocked",
            "selector-broken",
            "failed",
        ] {
            for sep in ["|", "│", "┆"] {
                plain = plain.replace(&format!("{sep} {id} "), &format!("{sep} "));
            }
        }
        assert!(format == "json" || text.contains("gewijzigd"), "{format}:\n{text}");
        problems.extend(english_in(&format!("watch {format}"), &plain));
    }
    assert!(problems.is_empty(), "English under --lang nl:\n{}", problems.join("\n"));
}

#[test]
fn the_shipped_comparison_in_dutch_has_no_english_values() {
    let keys = [
        "zoom/education",
        "microsoft-teams/education",
        "microsoft-teams/personal",
        "google-meet/education",
        "bigbluebutton/self-hosted",
        "bigbluebutton/hosted-eu",
        "jitsi-meet/self-hosted",
        "nextcloud-talk/self-hosted",
        "nextcloud-talk/hosted",
        "whereby/meetings",
    ];
    for format in ["table", "markdown", "csv", "html"] {
        let out = vcaudit()
            .args(["--lang", "nl", "--as-of", "2026-12-06", "compare"])
            .args(keys)
            .args(["--format", format])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        for word in ["school-chosen", "None:", "EEA"] {
            assert!(!text.contains(word), "compare --format {format} shows `{word}`");
        }
    }
}
