//! `vcaudit advise`: each scenario's answer on parental consent and the school's duties as the
//! source documents give them, the JSON contract, Dutch output and the usage errors.

use crate::common;

use common::vcaudit;
use serde_json::Value;

fn advise_json(args: &[&str]) -> Value {
    let out = vcaudit()
        .arg("advise")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
}

fn duties(v: &Value) -> Vec<String> {
    v["duties"]
        .as_array()
        .expect("duties is an array")
        .iter()
        .map(|d| d.as_str().expect("each duty is a string").to_lowercase())
        .collect()
}

fn has(list: &[String], needle: &str) -> bool {
    list.iter().any(|d| d.contains(needle))
}

#[test]
fn consent_per_scenario_follows_the_sources() {
    let expected = [
        ("live-lesson", false),
        ("recording-coaching", false),
        ("recording-pupil-guidance", false),
        ("recording-external", true),
        ("share-recording", true),
        ("publish-images", true),
    ];
    for (id, consent) in expected {
        let v = advise_json(&[id]);
        assert_eq!(v["scenario"], id);
        assert_eq!(v["consent_required"], consent, "{id}");
    }
}

#[test]
fn live_lesson_needs_a_reason_and_a_plain_language_notice_and_does_not_advise_against_asking() {
    let v = advise_json(&["live-lesson"]);
    let d = duties(&v);
    assert!(has(&d, "specific reason"), "{d:?}");
    assert!(has(&d, "plain language"), "{d:?}");
    assert!(has(&d, "secured"), "{d:?}");
    assert!(has(&d, "analytics"), "{d:?}");
    let basis = v["legal_basis"].as_str().expect("legal_basis").to_lowercase();
    assert!(
        basis.contains("education agreement") && basis.contains("legitimate interest"),
        "{basis}"
    );
    // The author: asking can still be courteous; readers who argue against it are labelled.
    let consent = v["consent"].as_str().unwrap_or("").to_lowercase();
    assert!(consent.contains("courteous"), "{consent}");
    let cautions: Vec<&str> = v["cautions"]
        .as_array()
        .expect("cautions")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    let by = v["by"]["cautions"].as_array().expect("by.cautions");
    assert_eq!(by.len(), cautions.len());
    for (text, by) in cautions.iter().zip(by) {
        let reader = by == "reader";
        assert_eq!(reader, text.starts_with("Reader"), "{text} is by {by}");
    }
    assert!(
        cautions.iter().any(|c| c.contains("bind when a parent refuses")),
        "{cautions:?}"
    );
    assert!(!has(&d, "keeping order") || has(&d, "questions keeping order"), "{d:?}");
    assert!(!v.to_string().contains("Do not ask for consent"), "{v}");
}

#[test]
fn consent_rests_with_the_pupil_from_16() {
    for id in ["recording-external", "publish-images", "share-recording"] {
        for lang in ["en", "nl"] {
            let v = advise_json(&["--lang", lang, id]);
            let text = v.to_string();
            assert!(
                text.contains("16") && text.contains("art. 5 UAVG"),
                "{id} {lang}: {text}"
            );
            let sources = v["sources"].as_array().expect("sources");
            assert!(
                sources.iter().any(|s| s["document"] == "uavg" && s["by"] == "law"),
                "{id}"
            );
        }
    }
}

#[test]
fn internal_recordings_are_stored_safely_deleted_and_never_shared() {
    for id in ["recording-coaching", "recording-pupil-guidance"] {
        let v = advise_json(&[id]);
        let d = duties(&v);
        assert!(has(&d, "really needed"), "{id}: {d:?}");
        assert!(has(&d, "store the recordings safely"), "{id}: {d:?}");
        assert!(has(&d, "delete the recordings"), "{id}: {d:?}");
        assert!(has(&d, "do not share"), "{id}: {d:?}");
        assert!(
            v["legal_basis"].as_str().unwrap_or("").contains("Legitimate interest"),
            "{id}"
        );
    }
}

#[test]
fn external_recordings_need_agreements_with_the_outside_party() {
    let d = duties(&advise_json(&["recording-external"]));
    assert!(has(&d, "ask the parents for consent"), "{d:?}");
    assert!(has(&d, "agreements with the professional"), "{d:?}");
}

#[test]
fn sharing_needs_every_parent_and_one_refusal_stops_it() {
    let v = advise_json(&["share-recording"]);
    assert!(v["consent"].as_str().unwrap_or("").contains("all parents"), "{v}");
    let d = duties(&v);
    assert!(has(&d, "every parent"), "{d:?}");
    assert!(has(&d, "afterwards"), "{d:?}");
    assert!(
        has(&d, "if one parent or carer does not consent, do not share"),
        "{d:?}"
    );
}

#[test]
fn json_points_every_statement_at_numbered_sources() {
    let v = advise_json(&["publish-images"]);
    assert_eq!(v["schema_version"], 1);
    let sources = v["sources"].as_array().expect("sources");
    assert!(!sources.is_empty());
    for s in sources {
        assert!(
            ["000", "003", "uavg"].contains(&s["document"].as_str().unwrap_or("")),
            "{s}"
        );
        assert!(!s["quote"].as_str().unwrap_or("").is_empty(), "{s}");
    }
    let refs = v["refs"]["duties"].as_array().expect("refs.duties");
    assert_eq!(refs.len(), v["duties"].as_array().map_or(0, Vec::len));
    for r in refs
        .iter()
        .chain(v["refs"]["cautions"].as_array().expect("refs.cautions"))
    {
        let nums = r.as_array().expect("a list of numbers");
        assert!(!nums.is_empty());
        for n in nums {
            let n = n.as_u64().expect("number") as usize;
            assert!(n >= 1 && n <= sources.len(), "ref {n} of {}", sources.len());
        }
    }
}

#[test]
fn list_gives_every_scenario_in_order() {
    let v = advise_json(&["--list"]);
    let ids: Vec<&str> = v["scenarios"]
        .as_array()
        .expect("scenarios")
        .iter()
        .map(|s| s["scenario"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        ids,
        [
            "live-lesson",
            "recording-coaching",
            "recording-pupil-guidance",
            "recording-external",
            "share-recording",
            "publish-images",
            "recording-absent",
            "hybrid-lesson",
            "online-proctoring"
        ]
    );
    let out = vcaudit().args(["advise", "--list"]).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with(" share-recording") && l.contains("yes")),
        "{text}"
    );
}

#[test]
fn dutch_output_is_dutch() {
    let out = vcaudit()
        .args(["--lang", "nl", "advise", "recording-external"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Toestemming van ouders nodig: ja"), "{text}");
    assert!(text.contains("Wat de school moet doen"), "{text}");
    assert!(text.contains("Maak goede afspraken met de hulpverlener"), "{text}");
    assert!(text.contains("000, antwoord:"), "{text}");
    assert!(text.contains("(vraag en antwoord, 7 mei 2019)"), "{text}");
    assert!(!text.contains("Parental consent") && !text.contains("Q&A"), "{text}");
    let md = vcaudit()
        .args(["advise", "live-lesson", "--format", "markdown", "--lang", "nl"])
        .output()
        .expect("runs");
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.starts_with("# Les op afstand met leerlingen in beeld (`live-lesson`)"),
        "{md}"
    );
    assert!(md.contains("## Let op"), "{md}");
    assert!(md.contains("(blogbericht met reacties van lezers)"), "{md}");
    assert!(!md.contains("blog post"), "{md}");
}

#[test]
fn unknown_scenario_is_a_usage_error_with_a_suggestion() {
    let out = vcaudit().args(["advise", "share-recordings"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no scenario `share-recordings`"), "{err}");
    assert!(err.contains("did you mean `share-recording`?"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn advise_without_a_scenario_or_list_is_a_usage_error() {
    let out = vcaudit().arg("advise").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

/// Every quote the advice cites occurs in the source documents. The documents are not part of the
/// repository: set `VCAUDIT_SEEDS` to the directory that holds them to run this check.
#[test]
fn quotes_occur_in_the_source_documents() {
    let Some(dir) = std::env::var_os("VCAUDIT_SEEDS") else {
        eprintln!("VCAUDIT_SEEDS is not set; the quotes were not checked");
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let read = |prefix: &str| -> String {
        let entry = std::fs::read_dir(&dir)
            .expect("VCAUDIT_SEEDS is a directory")
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
            .unwrap_or_else(|| panic!("no document {prefix}_* in {}", dir.display()));
        let text = std::fs::read_to_string(entry.path()).expect("readable");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let docs = [("000", read("000")), ("003", read("003"))];
    let mut checked = 0;
    for s in ::vcaudit::guidance::scenarios::ALL {
        let points = [&s.consent, &s.legal_basis]
            .into_iter()
            .chain(s.duties)
            .chain(s.cautions);
        for p in points {
            // The law (`uavg`) is cited by article, the pages of the Autoriteit Persoonsgegevens
            // are not among the seeds, and a statement outside the sources names an article: only
            // the two seed documents are checked here.
            for t in p.sources.iter().filter(|t| ["000", "003"].contains(&t.document)) {
                let (_, text) = docs.iter().find(|(id, _)| *id == t.document).expect("known document");
                let quote = t.quote.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    text.contains(&quote),
                    "{}: quote not in {}: {}",
                    s.id,
                    t.document,
                    t.quote
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 30, "only {checked} quotes");
}
