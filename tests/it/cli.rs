//! Contract tests on the binary: commands, the JSON contract, exit codes and what a user sees
//! when a catalogue or profile is broken.

use crate::common;

use common::{mixed, vcaudit, vendor, Catalogue};
use predicates::prelude::*;
use serde_json::Value;

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON on stdout")
}

#[test]
fn audit_json_keeps_the_contract() {
    let cat = mixed();
    let out = vcaudit()
        .args(["audit", "--format", "json", "--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out.stdout);
    assert_eq!(v["schema_version"], 1);
    let results = v["results"].as_array().expect("results");
    assert_eq!(results.len(), 3);
    let verdicts: Vec<(&str, &str)> = results
        .iter()
        .map(|r| (r["vendor"].as_str().unwrap_or(""), r["verdict"].as_str().unwrap_or("")))
        .collect();
    assert!(verdicts.contains(&("good", "suitable")));
    assert!(verdicts.contains(&("bad", "not-suitable")));
    assert!(verdicts.contains(&("vague", "insufficient-information")));
    for r in results {
        assert!(r["offering"].is_null());
        let criteria = r["criteria"].as_array().expect("criteria");
        assert_eq!(criteria.len(), 13);
        for c in criteria {
            for key in ["id", "status", "severity", "stale", "reason", "conditions"] {
                assert!(c.get(key).is_some(), "criterion lacks `{key}`: {c}");
            }
        }
    }
}

#[test]
fn fail_on_gates_with_exit_code_1() {
    let cat = mixed();
    let run = |level: &str, vendors: &[&str]| {
        vcaudit()
            .args(["audit", "--fail-on", level, "--catalogue"])
            .arg(cat.path())
            .args(vendors)
            .output()
            .expect("runs")
            .status
            .code()
    };
    assert_eq!(run("not-suitable", &["good", "vague"]), Some(0));
    assert_eq!(run("not-suitable", &["bad"]), Some(1));
    assert_eq!(run("insufficient-information", &["vague"]), Some(1));
    assert_eq!(run("conditions", &["good"]), Some(0));
    // Without --fail-on, findings are results, not failures.
    assert_eq!(
        vcaudit()
            .args(["audit", "--catalogue"])
            .arg(cat.path())
            .output()
            .expect("runs")
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn usage_errors_exit_2() {
    let cat = mixed();
    vcaudit().args(["audit", "--format", "yaml"]).assert().code(2);
    vcaudit().args(["frobnicate"]).assert().code(2);
    vcaudit()
        .args(["show", "goood", "--catalogue"])
        .arg(cat.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `good`?"));
    vcaudit()
        .args(["show", "good/free", "--catalogue"])
        .arg(cat.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no offering `free`"));
    vcaudit()
        .args(["criteria", "eu-hostin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `eu-hosting`?"));
    vcaudit()
        .args(["criteria", "privacy"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no criterion `privacy` (criteria: processor-agreement, ",
        ));
    vcaudit()
        .args(["audit", "--as-of", "yesterday", "--catalogue"])
        .arg(cat.path())
        .assert()
        .code(2);
    // Only YYYY-MM-DD, and for every command, also those that do not evaluate anything.
    for (command, day) in [
        ("audit", "20261202"),
        ("audit", "2026-12-02T23:59:59"),
        ("criteria", "2023-02-29"),
        ("advise", "2023-02-29"),
    ] {
        vcaudit()
            .args([command, "--as-of", day])
            .args((command == "advise").then_some("live-lesson"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is not a date like 2026-01-31"));
    }
}

#[test]
fn invalid_catalogue_exits_3_and_writes_nothing_to_stdout() {
    let cat = Catalogue::new(&[
        ("good.toml", &vendor("good", &[], &[])),
        ("broken.toml", "id = \"broken\"\nname = "),
    ]);
    vcaudit()
        .args(["audit", "--catalogue"])
        .arg(cat.path())
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains("broken.toml:2:"))
        .stderr(predicate::str::contains("the catalogue has 1 error(s), listed above;"));
}

#[test]
fn io_failure_exits_4() {
    vcaudit()
        .args(["audit", "--catalogue", "/nonexistent/vcaudit/vendors"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("/nonexistent/vcaudit/vendors"));
}

#[test]
fn show_explains_every_criterion_with_evidence() {
    let cat = mixed();
    vcaudit()
        .args(["show", "bad", "--catalogue"])
        .arg(cat.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("Verdict: not suitable"))
        .stdout(predicate::str::contains("secondary_use.selling = yes"))
        .stdout(predicate::str::contains("https://example.com/bad/privacy"))
        .stdout(predicate::str::contains("Personal data is sold"));
}

#[test]
fn criteria_lists_thirteen_with_trace_and_rule() {
    let out = vcaudit().args(["criteria", "--format", "json"]).output().expect("runs");
    let v = json(&out.stdout);
    assert_eq!(v["criteria"].as_array().map(Vec::len), Some(13));
    assert!(v["verdict_rule"].as_str().is_some_and(|r| r.contains("not suitable")));
    vcaudit()
        .args(["criteria", "recording-storage"])
        .assert()
        .success()
        .stdout(predicate::str::contains("laat ze niet slingeren"));
    vcaudit()
        .args(["--lang", "nl", "criteria", "security"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Beveiliging die de school kan uitleggen"));
    // The trace and the source list speak Dutch too; the rule has one step a line.
    let nl = vcaudit().args(["--lang", "nl", "criteria"]).output().expect("run");
    let nl = String::from_utf8(nl.stdout).expect("utf-8");
    assert!(
        nl.contains("Bron 003, hoofdtekst:") && !nl.contains("main text"),
        "{nl}"
    );
    assert!(nl.contains("(vraag en antwoord, 7 mei 2019)"), "{nl}");
    assert!(nl.lines().any(|l| l.trim_start().starts_with("2. anders")), "{nl}");
    assert!(nl.contains("[PA] (verplicht)") && nl.contains("(aanbevolen)"), "{nl}");
}

#[test]
fn profile_overrides_severity_and_rejects_unknown_keys() {
    let cat = mixed();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let profile = elsewhere.path().join("profile.toml");
    // Turning selling's criterion off lets the bad vendor through.
    std::fs::write(&profile, "[severity]\nno-secondary-use = \"off\"\n").expect("write");
    let out = vcaudit()
        .args(["audit", "bad", "--format", "json", "--catalogue"])
        .arg(cat.path())
        .arg("--profile")
        .arg(&profile)
        .output()
        .expect("runs");
    assert_eq!(json(&out.stdout)["results"][0]["verdict"], "suitable");
    std::fs::write(&profile, "max_age_month = 12\n").expect("write");
    vcaudit()
        .args(["audit", "--catalogue"])
        .arg(cat.path())
        .arg("--profile")
        .arg(&profile)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("profile.toml:1:1"))
        .stderr(predicate::str::contains("did you mean `max_age_months`?"));
    std::fs::write(&profile, "[severity]\nno-secondary-use = \"sometimes\"\n").expect("write");
    vcaudit()
        .args(["audit", "--catalogue"])
        .arg(cat.path())
        .arg("--profile")
        .arg(&profile)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("`sometimes` is not a severity"));
}

#[test]
fn schema_is_json_schema_of_the_format() {
    let out = vcaudit().arg("schema").output().expect("runs");
    let v = json(&out.stdout);
    assert_eq!(
        v["properties"]["terms"]["properties"]["hosting"]["properties"]["eu_residency"]["oneOf"][0]["properties"]
            ["value"]["enum"][0],
        "always"
    );
    assert_eq!(v["additionalProperties"], false);
}

#[test]
fn validate_offers_only_the_formats_it_writes() {
    let help = vcaudit().args(["validate", "--help"]).output().expect("runs");
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("table") && help.contains("json"), "{help}");
    assert!(!help.contains("xlsx") && !help.contains("markdown"), "{help}");
    vcaudit()
        .args(["validate", "--format", "html"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`validate` writes `--format table` or `--format json`",
        ));
    let out = vcaudit().args(["validate", "--format", "json"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out.stdout)["errors"], 0);
}

#[test]
fn validate_speaks_dutch() {
    let cat = mixed();
    let out = vcaudit()
        .args([
            "--lang",
            "nl",
            "validate",
            "--coverage",
            "--as-of",
            "2026-11-22",
            "--catalogue",
        ])
        .arg(cat.path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("| dienst ") && text.contains("| criteria bekend ") && text.contains("| termen bekend "),
        "{text}"
    );
    assert!(text.contains("| vague "), "{text}");
    assert!(
        text.contains("3 bestanden, 3 leveranciers: 0 fouten, 0 waarschuwingen"),
        "{text}"
    );
    assert!(
        !text.contains("vendor offering") && !text.contains("warnings"),
        "{text}"
    );
}

#[test]
fn coverage_of_chosen_vendors_ends_with_their_total() {
    let cat = mixed();
    let run = |args: &[&str]| {
        vcaudit()
            .args(["validate", "--as-of", "2026-11-22", "--catalogue"])
            .arg(cat.path())
            .args(args)
            .output()
            .expect("runs")
    };
    let out = run(&["--format", "json", "bad", "vague"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out.stdout);
    let rows = v["coverage"].as_array().expect("naming vendors implies --coverage");
    let vendors: Vec<&str> = rows.iter().map(|r| r["vendor"].as_str().unwrap_or("")).collect();
    assert_eq!(vendors, ["bad", "vague"]);
    let known: u64 = rows.iter().map(|r| r["known"].as_u64().unwrap_or(0)).sum();
    let terms: u64 = rows.iter().map(|r| r["terms"].as_u64().unwrap_or(0)).sum();
    assert_eq!(v["coverage_total"]["offerings"], 2);
    assert_eq!(v["coverage_total"]["known"], known);
    assert_eq!(v["coverage_total"]["terms"], terms);
    assert!(known > 0 && known < terms, "{v}");

    let out = run(&["vague"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("| vague ") && !text.contains("| bad "), "{text}");
    assert!(text.contains("| total (1 offering) "), "{text}");

    let out = run(&["nobody"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no vendor `nobody`"));

    // A vendor whose file is broken is reported by its errors, not as an unknown name.
    let broken = Catalogue::new(&[("vague.toml", "id = \"vague\"\nname = 3\n")]);
    let out = vcaudit()
        .args(["validate", "--catalogue"])
        .arg(broken.path())
        .arg("vague")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(3), "the exit code of an invalid catalogue");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("vague.toml:2:"), "{text}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("no vendor"));
}

#[test]
fn help_keeps_the_global_options_apart_from_the_command_options() {
    let out = vcaudit().args(["notice", "--help"]).output().expect("runs");
    let help = String::from_utf8_lossy(&out.stdout);
    let global = help.find("Global options:").expect("a heading for the global options");
    let own = help.find("--retention").expect("notice's own options");
    let catalogue = help.find("--catalogue").expect("the global options");
    assert!(own < global && global < catalogue, "{help}");
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    for args in [
        &["schema"][..],
        &["completions", "bash"],
        &["validate", "--format", "json"],
        &["advise", "live-lesson", "--format", "json"],
        &["audit"],
        &["criteria"],
    ] {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("vcaudit"))
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(writer)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

#[test]
fn completions_are_printed() {
    vcaudit()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("vcaudit"));
}

#[test]
fn built_in_catalogue_works_from_any_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = vcaudit()
        .current_dir(dir.path())
        .args(["audit", "--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!json(&out.stdout)["results"].as_array().expect("results").is_empty());
    vcaudit().current_dir(dir.path()).arg("validate").assert().success();
}

#[test]
fn no_color_means_no_escape_sequences() {
    let cat = mixed();
    vcaudit()
        .args(["audit", "--catalogue"])
        .arg(cat.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("\u{1b}[").not());
    vcaudit()
        .args(["audit", "--color", "always", "--catalogue"])
        .arg(cat.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("\u{1b}["));
}

#[test]
fn audit_table_fits_80_columns() {
    let cat = mixed();
    let out = vcaudit()
        .args(["audit", "--catalogue"])
        .arg(cat.path())
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
        assert_eq!(line, line.trim_end(), "trailing spaces");
    }
}

/// An audit of the whole catalogue and an audit naming every vendor by id are the same document:
/// results in the order of vendor ids whatever the order of the file names (`a-b.toml` sorts
/// before `a.toml`), every offering of a vendor in its order, the same texts.
#[test]
fn an_audit_of_everything_lists_vendors_by_id() {
    let with_offerings = format!(
        "{}\n[[offerings]]\nid = \"free\"\nname = \"Free\"\n\n[[offerings]]\nid = \"edu\"\nname = \"Education\"\n",
        vendor("a-b", &[], &["contract.dpa"])
    );
    let cat = Catalogue::new(&[
        ("a.toml", &vendor("a", &[], &[])),
        ("a-b.toml", &with_offerings),
        ("b.toml", &vendor("b", &[("secondary_use.selling", "true")], &[])),
    ]);
    let audit = |vendors: &[&str]| {
        let out = vcaudit()
            .args([
                "--lang",
                "nl",
                "audit",
                "--format",
                "json",
                "--as-of",
                "2026-11-22",
                "--catalogue",
            ])
            .arg(cat.path())
            .args(vendors)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let everything = audit(&[]);
    assert_eq!(
        String::from_utf8_lossy(&everything),
        String::from_utf8_lossy(&audit(&["a", "a-b", "b"]))
    );
    let results: Vec<(String, String)> = json(&everything)["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| (r["vendor"].to_string(), r["offering"].to_string()))
        .collect();
    let expected = [("a", "null"), ("a-b", "\"free\""), ("a-b", "\"edu\""), ("b", "null")];
    assert_eq!(
        results,
        expected.map(|(v, o)| (format!("\"{v}\""), o.to_owned())).to_vec()
    );
}

#[test]
fn an_as_of_day_before_the_latest_evidence_still_evaluates() {
    // The shipped catalogue holds evidence verified long after 2020: the day only sets how old
    // evidence counts as, it does not make later evidence "in the future".
    for args in [
        &["--as-of", "2020-01-01", "audit", "zoom", "--format", "json"][..],
        &["--as-of", "2020-01-01", "validate"][..],
    ] {
        let out = vcaudit().args(args).output().expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(!err.contains("in the future"), "{args:?}: {err}");
    }
    let out = vcaudit()
        .args(["--as-of", "2020-01-01", "audit", "zoom", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(json(&out.stdout)["as_of"], "2020-01-01");
}

#[test]
fn watch_refuses_limits_under_which_nothing_could_be_checked() {
    // The document points at a closed local port: nothing here may reach the internet, even if the
    // options were accepted.
    let offline = vendor("good", &[], &[]).replace("https://example.com/good/privacy", "http://127.0.0.1:9/privacy");
    let cat = Catalogue::new(&[("good.toml", &offline)]);
    let state = tempfile::tempdir().expect("temp dir");
    for (option, value, range) in [
        ("--timeout", "0s", "at least 1ms"),
        ("--connect-timeout", "0s", "at least 1ms"),
        ("--concurrency", "0", "at least 1"),
        ("--per-host", "0", "at least 1"),
    ] {
        vcaudit()
            .arg("--catalogue")
            .arg(cat.path())
            .arg("--state")
            .arg(state.path())
            .args(["watch", "--retries", "0", option, value])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "invalid value '{value}' for '{option} "
            )))
            .stderr(predicate::str::contains(range));
    }
}

/// The depth of the catalogue is measured in criteria whose status is known, for each offering
/// and in total.
#[test]
fn coverage_counts_criteria_with_a_known_status() {
    let cat = common::mixed();
    let out = vcaudit()
        .args([
            "validate",
            "--coverage",
            "--format",
            "json",
            "--as-of",
            "2026-11-22",
            "--catalogue",
        ])
        .arg(cat.path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let row = |vendor: &str| {
        v["coverage"]
            .as_array()
            .expect("coverage")
            .iter()
            .find(|r| r["vendor"] == vendor)
            .cloned()
            .expect("row")
    };
    // `good` knows every term; `vague` lacks the processor agreement, so one criterion is unknown.
    assert_eq!(
        (row("good")["criteria_known"].as_u64(), row("good")["criteria"].as_u64()),
        (Some(13), Some(13))
    );
    assert_eq!(row("vague")["criteria_known"].as_u64(), Some(12));
    assert_eq!(v["coverage_total"]["criteria_known"].as_u64(), Some(13 + 13 + 12));
}

#[test]
fn an_alias_stands_for_one_vendor_and_is_reported_where_it_is_written() {
    let with_aliases = |id: &str, aliases: &str| {
        vendor(id, &[], &[]).replacen(
            &format!("name = \"{id} name\"\n"),
            &format!("name = \"{id} name\"\naliases = [{aliases}]\n"),
            1,
        )
    };
    let cat = Catalogue::new(&[
        ("good.toml", &with_aliases("good", "\"fine\", \"bad\"")),
        ("bad.toml", &vendor("bad", &[], &[])),
        ("other.toml", &with_aliases("other", "\"fine\"")),
    ]);
    vcaudit()
        .args(["validate", "--catalogue"])
        .arg(cat.path())
        .assert()
        .code(3)
        .stdout(predicate::str::contains(
            "good.toml:3:20: `aliases[1]`: alias `bad` is the id of vendor `bad`",
        ))
        .stdout(predicate::str::contains(
            "other.toml:3:12: `aliases[0]`: alias `fine` is also an alias of vendor `good`",
        ));
    let cat = Catalogue::new(&[
        ("good.toml", &with_aliases("good", "\"fine\"")),
        ("bad.toml", &vendor("bad", &[], &[])),
    ]);
    vcaudit()
        .args(["compare", "fine", "bad", "--format", "csv", "--catalogue"])
        .arg(cat.path())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("row,id,label,differs,good,bad\r\n"));
}

#[test]
fn compare_keeps_the_order_given() {
    vcaudit()
        .args([
            "--as-of",
            "2026-12-06",
            "compare",
            "zoom/direct",
            "webex",
            "zoom/education",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "row,id,label,differs,zoom/direct,cisco-webex/paid,cisco-webex/free,zoom/education\r\n",
        ));
}

#[test]
fn compare_scores_eisen_and_weighted_wensen_with_their_computation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profile = dir.path().join("tender.toml");
    std::fs::write(&profile, "[weights]\ncamera-optional = 3\nanonymous-join = 2\n").expect("write");
    let cat = Catalogue::new(&[
        ("good.toml", &vendor("good", &[], &[])),
        (
            "vague.toml",
            &vendor(
                "vague",
                &[("participation.camera_default", "\"on\"")],
                &["contract.dpa", "transparency.languages"],
            ),
        ),
    ]);
    let run = || {
        let out = vcaudit()
            .args([
                "--as-of",
                "2026-11-22",
                "compare",
                "vague",
                "good",
                "--score",
                "--format",
                "json",
                "--profile",
            ])
            .arg(&profile)
            .arg("--catalogue")
            .arg(cat.path())
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let first = run();
    assert_eq!(first, run(), "the same inputs give the same scores");
    let doc = json(&first);
    let scores = doc["scores"].as_array().expect("scores");
    assert_eq!(scores[0]["offering"], "vague");
    assert_eq!(scores[0]["eisen_met"], false, "an unknown eis is not met");
    assert_eq!(scores[1]["offering"], "good");
    assert_eq!(scores[1]["eisen_met"], true);
    assert_eq!(scores[1]["score"], 8.0);
    assert_eq!(scores[1]["max"], 8.0);
    let camera = scores[1]["wensen"]
        .as_array()
        .expect("wensen")
        .iter()
        .find(|w| w["criterion"] == "camera-optional")
        .expect("camera");
    assert_eq!(
        (
            camera["points"].as_f64(),
            camera["weight"].as_f64(),
            camera["score"].as_f64()
        ),
        (Some(1.0), Some(3.0), Some(3.0))
    );
    assert!(scores[0]["unknown_wensen"].as_u64() >= Some(1), "{}", scores[0]);
    vcaudit()
        .args([
            "--as-of",
            "2026-11-22",
            "compare",
            "vague",
            "good",
            "--score",
            "--profile",
        ])
        .arg(&profile)
        .arg("--catalogue")
        .arg(cat.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("camera-optional: pass → 1 × 3 = 3"))
        .stdout(predicate::str::contains("Requirements (eisen): all"))
        .stdout(predicate::str::contains("wensen unknown (weight"));
}
