//! `vcaudit school init|check|page` and `notice --school-file`, against the shipped catalogue: the
//! template passes the check unchanged, conditions marked done and the school's own facts move
//! the school's verdict (through the normal evaluation), contracts and changed conditions warn, a
//! misspelt condition id is refused with its place and a suggestion, and what the file answers
//! leaves no mark in the page nor in the letter.

use crate::common;

use common::vcaudit;
use serde_json::Value;

/// The day every test evaluates on.
const AS_OF: &str = "2026-12-06";

fn init(services: &[&str]) -> String {
    let mut cmd = vcaudit();
    cmd.args(["--as-of", AS_OF, "school", "init"]);
    for s in services {
        cmd.args(["--service", s]);
    }
    let out = cmd.output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Writes `text` to a school file in a fresh directory.
fn file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a directory");
    let path = dir.path().join("school.toml");
    std::fs::write(&path, text).expect("written");
    (dir, path)
}

/// `school check --format json` of `text`: the exit code, the JSON and standard error.
fn check(text: &str, extra: &[&str]) -> (i32, Value, String) {
    let (_dir, path) = file(text);
    let out = vcaudit()
        .args(["--as-of", AS_OF, "school", "check", "--format", "json"])
        .arg(&path)
        .args(extra)
        .output()
        .expect("runs");
    let code = out.status.code().unwrap_or(-1);
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (code, json, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn service<'a>(json: &'a Value, key: &str) -> &'a Value {
    json["services"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["use"] == key))
        .unwrap_or_else(|| panic!("no service {key} in {json}"))
}

fn warning_kinds(s: &Value) -> Vec<String> {
    s["warnings"]
        .as_array()
        .map(|w| w.iter().filter_map(|w| w["kind"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

/// A complete `[school]` table, answering every question the letter and the page ask.
const SCHOOL: &str = "[school]\nname = \"Stichting De Regenboog\"\ndpo = \"meneer De Vries, fg@regenboog.example\"\ncontact = \"privacy@regenboog.example\"\nsignatory = \"A. Bakker, bestuurder\"\nbasis = \"public-task\"\n";

/// The service's own keys, written after its `use`.
const SET_UP: &str = "purpose = \"lessen op afstand als de school dicht is\"\ncamera = \"optional\"\nrecording = \"no\"\nretention = \"tot het einde van het schooljaar\"\n[services.contract]\nroute = \"SIVON\"\nmodel_dpa = \"4.0\"\nsigned = 2025-03-01\nexpires = 2028-03-01\n";

/// The template for one service, with the school's details, the set-up and `contract` in place.
fn filled(use_: &str, contract: &str) -> String {
    let t = init(&[use_]);
    let use_line = format!("use = \"{use_}\"");
    let start = t.find(&use_line).expect("the service");
    let end = start + t[start..].find('\n').expect("a line");
    let set_up = SET_UP.replace(
        "[services.contract]\nroute = \"SIVON\"\nmodel_dpa = \"4.0\"\nsigned = 2025-03-01\nexpires = 2028-03-01\n",
        contract,
    );
    format!("{}\n{set_up}{}", &t[..end], &t[end..]).replacen("[school]\n", SCHOOL, 1)
}

const CONTRACT: &str =
    "[services.contract]\nroute = \"SIVON\"\nmodel_dpa = \"4.0\"\nsigned = 2025-03-01\nexpires = 2028-03-01\n";

#[test]
fn the_template_passes_the_check_unchanged_with_every_condition_open() {
    let t = init(&["zoom/education", "microsoft-teams/education"]);
    let (code, json, stderr) = check(&t, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["schema_version"], 1);
    for key in ["zoom/education", "microsoft-teams/education"] {
        let s = service(&json, key);
        assert_eq!(s["verdict"], s["catalogue_verdict"], "{key}");
        assert_eq!(s["settled_conditions"].as_array().map(Vec::len), Some(0), "{key}");
        assert!(warning_kinds(s).contains(&"no-contract".to_owned()), "{key}");
        assert!(!warning_kinds(s).contains(&"condition-not-listed".to_owned()), "{key}");
    }
    // Every condition in the file is open, each listed once.
    let listed = t.matches("[[services.conditions]]").count();
    let open: usize = json["services"]
        .as_array()
        .expect("services")
        .iter()
        .map(|s| s["open_conditions"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(listed, open);
    assert!(listed > 10, "{listed}");
    // The Dutch template passes too.
    let out = vcaudit()
        .args([
            "--as-of",
            AS_OF,
            "--lang",
            "nl",
            "school",
            "init",
            "--service",
            "zoom/education",
        ])
        .output()
        .expect("runs");
    let nl = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(nl.contains("# De verwerkersovereenkomst:"), "{nl}");
    assert_eq!(check(&nl, &[]).0, 0);
}

#[test]
fn zoom_with_every_condition_done_and_the_unknown_term_established_is_suitable() {
    let base = filled("zoom/education", CONTRACT);
    // The shipped catalogue does not know whether Zoom's clients carry trackers, a must-term:
    // conditions alone leave the verdict at insufficient information.
    let done = base.replace("status = \"open\"", "status = \"done\"");
    let (code, json, stderr) = check(&done, &[]);
    assert_eq!(code, 0, "{stderr}");
    let s = service(&json, "zoom/education");
    assert_eq!(s["catalogue_verdict"], "insufficient-information");
    assert_eq!(s["verdict"], "insufficient-information");
    assert_eq!(s["open_conditions"].as_array().map(Vec::len), Some(0));
    // The school establishes it from its own record.
    let fact = "\n[services.facts.sharing.trackers]\nvalue = false\nsource = \"network capture of the Zoom client, ICT, 2026-11-30\"\nverified = 2026-11-30\n";
    let (code, json, stderr) = check(&format!("{done}{fact}"), &[]);
    assert_eq!(code, 0, "{stderr}");
    let s = service(&json, "zoom/education");
    assert_eq!(s["verdict"], "suitable", "{s}");
    assert_eq!(s["school_facts"], serde_json::json!(["sharing.trackers"]));
    assert!(warning_kinds(s).is_empty(), "{s}");
    // With the conditions open again, the same file is suitable with conditions, and
    // `--fail-on conditions` says so in the exit code.
    let (code, json, _) = check(&format!("{base}{fact}"), &["--fail-on", "conditions"]);
    assert_eq!(service(&json, "zoom/education")["verdict"], "suitable-with-conditions");
    assert_eq!(code, 1);
}

#[test]
fn a_school_fact_for_an_unknown_must_term_of_teams_changes_its_verdict() {
    let base = filled("microsoft-teams/education", CONTRACT);
    let (_, json, _) = check(&base, &[]);
    let before = service(&json, "microsoft-teams/education")["verdict"].clone();
    assert_eq!(before, "insufficient-information");
    let facts = "\n[services.facts.sharing.trackers]\nvalue = false\nsource = \"https://regenboog.example/dpia/teams#trackers\"\nsource_kind = \"dpia\"\nverified = 2026-11-30\n\n[services.facts.sharing.third_parties]\nvalue = false\nsource = \"SIVON agreement, art. 7\"\nverified = 2026-11-30\n";
    let (code, json, stderr) = check(&format!("{base}{facts}"), &[]);
    assert_eq!(code, 0, "{stderr}");
    let s = service(&json, "microsoft-teams/education");
    assert_eq!(s["catalogue_verdict"], "insufficient-information");
    assert_eq!(s["verdict"], "suitable-with-conditions", "{s}");
}

#[test]
fn contracts_warn_when_missing_expired_or_expiring() {
    let expired = filled(
        "zoom/education",
        "[services.contract]\nroute = \"SIVON\"\nsigned = 2023-01-01\nexpires = 2026-01-01\n",
    );
    let (code, json, _) = check(&expired, &[]);
    assert_eq!(code, 0);
    let s = service(&json, "zoom/education");
    assert!(warning_kinds(s).contains(&"contract-expired".to_owned()), "{s}");
    let message = s["warnings"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("2026-01-01"), "{message}");

    let soon = filled(
        "zoom/education",
        "[services.contract]\nroute = \"SIVON\"\nsigned = 2023-01-01\nexpires = 2027-02-01\n",
    );
    let (_, json, _) = check(&soon, &[]);
    assert!(warning_kinds(service(&json, "zoom/education")).contains(&"contract-expiring".to_owned()));

    let (_, json, _) = check(&filled("zoom/education", CONTRACT), &[]);
    let kinds = warning_kinds(service(&json, "zoom/education"));
    assert!(
        !kinds.iter().any(|k| k.starts_with("contract") || k == "no-contract"),
        "{kinds:?}"
    );
}

#[test]
fn a_condition_done_whose_text_changed_warns() {
    let t = filled("zoom/education", CONTRACT);
    let first = t.find("text_hash = \"").expect("a hash") + "text_hash = \"".len();
    let end = first + t[first..].find('"').expect("closed");
    let changed = format!("{}sha256:0000000000000000{}", &t[..first], &t[end..])
        .replace("status = \"open\"", "status = \"done\"");
    let (code, json, _) = check(&changed, &[]);
    assert_eq!(code, 0);
    let kinds = warning_kinds(service(&json, "zoom/education"));
    assert_eq!(
        kinds.iter().filter(|k| *k == "condition-changed").count(),
        1,
        "{kinds:?}"
    );
}

#[test]
fn a_misspelt_condition_id_is_refused_with_a_suggestion() {
    let t = init(&["zoom/education"]).replacen("id = \"captions-host-only\"", "id = \"captions-host-onyl\"", 1);
    let line = t
        .lines()
        .position(|l| l.contains("captions-host-onyl"))
        .expect("the line")
        + 1;
    let (code, json, stderr) = check(&t, &[]);
    assert_eq!(code, 3, "{stderr}");
    assert_eq!(json, Value::Null);
    assert!(
        stderr.contains(&format!(
            ":{line}:6: `services[0].conditions[0].id`: `captions-host-onyl` is not a condition of `zoom/education`"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `captions-host-only`?"), "{stderr}");
    // Every problem at once, each with its code.
    let worse = t
        .replace("status = \"open\"\ntext_hash", "status = \"opn\"\ntext_hash")
        .replace("[school]\n", "[school]\nnmae = \"x\"\n");
    let (code, _, stderr) = check(&worse, &[]);
    assert_eq!(code, 3);
    assert!(stderr.contains("error[unknown-key]"), "{stderr}");
    assert!(stderr.contains("did you mean `open`?"), "{stderr}");
    assert!(stderr.contains("did you mean `captions-host-only`?"), "{stderr}");
}

#[test]
fn the_page_and_the_letter_leave_no_mark_for_what_the_file_answers() {
    let (_dir, path) = file(&filled("zoom/education", CONTRACT));
    for lang in ["nl", "en"] {
        let out = vcaudit()
            .args(["--as-of", AS_OF, "--lang", lang, "school", "page"])
            .arg(&path)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let page = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            !page.contains("[IN TE VULLEN") && !page.contains("[TO FILL IN"),
            "{page}"
        );
        assert!(page.contains("Stichting De Regenboog"), "{page}");
        assert!(page.contains("SIVON"), "{page}");
        assert!(page.contains("fg@regenboog.example"), "{page}");
        // No IT to-dos on a page for parents.
        assert!(
            !page.contains("captions-host-only") && !page.contains("AI Companion"),
            "{page}"
        );
    }
    let out = vcaudit()
        .args(["--as-of", AS_OF, "--lang", "nl", "notice", "--school-file"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let letter = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!letter.contains("[IN TE VULLEN"), "{letter}");
    assert!(letter.contains("tot het einde van het schooljaar"), "{letter}");
    assert!(letter.contains("fg@regenboog.example"), "{letter}");
    assert!(letter.contains("6 december 2026"), "{letter}");
    // A flag overrides the file.
    let out = vcaudit()
        .args([
            "--as-of",
            AS_OF,
            "--lang",
            "nl",
            "notice",
            "zoom/education",
            "--contact",
            "juf Els",
            "--school-file",
        ])
        .arg(&path)
        .output()
        .expect("runs");
    let letter = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        letter.contains("juf Els") && !letter.contains("privacy@regenboog.example"),
        "{letter}"
    );
}

#[test]
fn the_spreadsheet_has_services_open_conditions_and_evidence() {
    use calamine::Reader;
    let (dir, path) = file(&filled("zoom/education", CONTRACT));
    let xlsx = dir.path().join("school.xlsx");
    vcaudit()
        .args(["--as-of", AS_OF, "school", "check"])
        .arg(&path)
        .arg("-o")
        .arg(&xlsx)
        .assert()
        .success();
    let book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("a workbook");
    assert_eq!(book.sheet_names(), ["Services", "Open conditions", "Evidence"]);
}
