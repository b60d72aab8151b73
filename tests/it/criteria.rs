//! One test group per criterion, on inline vendor files: each status a criterion can give, and
//! the verdict rule on top of them.

use crate::common;

use common::{claim, claim_if, vendor, vendor_head};
use jiff::civil::date;
use vcaudit::catalogue::{self, CheckOptions, Vendor};
use vcaudit::criteria::{profile::Profile, Status};
use vcaudit::evaluate::{evaluate_offering, Inputs, OfferingResult, SourceChanges, Verdict};

const TODAY: jiff::civil::Date = date(2026, 11, 22);

fn load(text: &str) -> Vendor {
    let opts = CheckOptions {
        today: TODAY,
        latest: TODAY,
        max_age_months: 18,
    };
    let (vendor, diags) = catalogue::from_str("v.toml", text, opts);
    assert!(
        diags.iter().all(|d| d.severity != catalogue::Level::Error),
        "{diags:#?}"
    );
    vendor.expect("vendor loads")
}

fn result(text: &str, offering: Option<&str>) -> OfferingResult {
    let v = load(text);
    let profile = Profile::default();
    let changes = SourceChanges::new();
    evaluate_offering(
        &v,
        offering,
        &Inputs {
            profile: &profile,
            today: TODAY,
            changes: &changes,
            evidence: &Default::default(),
        },
    )
}

fn status(text: &str, criterion: &str) -> Status {
    result(text, None)
        .criterion(criterion)
        .expect("criterion evaluated")
        .status
}

fn with(overrides: &[(&str, &str)]) -> String {
    vendor("v", overrides, &[])
}

fn without(drop: &[&str]) -> String {
    vendor("v", &[], drop)
}

#[test]
fn a_vendor_meeting_every_criterion_is_suitable() {
    let r = result(&with(&[]), None);
    for c in &r.criteria {
        assert_eq!(c.status, Status::Pass, "{}: {}", c.id, c.reason.en);
    }
    assert_eq!(r.verdict, Verdict::Suitable);
}

#[test]
fn processor_agreement() {
    assert_eq!(
        status(&with(&[("contract.role", "\"controller\"")]), "processor-agreement"),
        Status::Fail
    );
    assert_eq!(
        status(&with(&[("contract.role", "\"mixed\"")]), "processor-agreement"),
        Status::Conditional
    );
    assert_eq!(
        status(&with(&[("contract.dpa", "false")]), "processor-agreement"),
        Status::Fail
    );
    assert_eq!(
        status(&without(&["contract.dpa"]), "processor-agreement"),
        Status::Unknown
    );
}

#[test]
fn no_own_analytics() {
    assert_eq!(
        status(&with(&[("analytics.usage_profiling", "true")]), "no-own-analytics"),
        Status::Fail
    );
    assert_eq!(
        status(&without(&["analytics.usage_profiling"]), "no-own-analytics"),
        Status::Unknown
    );
    // Telemetry that cannot be limited does not block on its own.
    assert_eq!(
        status(&without(&["analytics.telemetry_limitable"]), "no-own-analytics"),
        Status::Pass
    );
}

#[test]
fn no_secondary_use() {
    for term in [
        "secondary_use.marketing",
        "secondary_use.selling",
        "secondary_use.ai_training",
    ] {
        assert_eq!(
            status(&with(&[(term, "true")]), "no-secondary-use"),
            Status::Fail,
            "{term}"
        );
        assert_eq!(status(&without(&[term]), "no-secondary-use"), Status::Unknown, "{term}");
    }
}

#[test]
fn no_third_party_sharing() {
    assert_eq!(
        status(&with(&[("sharing.trackers", "true")]), "no-third-party-sharing"),
        Status::Fail
    );
    assert_eq!(
        status(&with(&[("sharing.third_parties", "true")]), "no-third-party-sharing"),
        Status::Fail
    );
    assert_eq!(
        status(
            &with(&[("transparency.subprocessor_list", "false")]),
            "no-third-party-sharing"
        ),
        Status::Conditional
    );
    assert_eq!(
        status(&without(&["sharing.trackers"]), "no-third-party-sharing"),
        Status::Unknown
    );
}

#[test]
fn no_content_analysis() {
    let on = "\"on-by-default\"";
    assert_eq!(
        status(&with(&[("content_analysis.ai_assistant", on)]), "no-content-analysis"),
        Status::Conditional
    );
    let locked = with(&[
        ("content_analysis.ai_assistant", on),
        ("content_analysis.admin_can_disable", "false"),
    ]);
    assert_eq!(status(&locked, "no-content-analysis"), Status::Fail);
    let mut unknown_switch = vendor(
        "v",
        &[("content_analysis.face_recognition", on)],
        &["content_analysis.admin_can_disable"],
    );
    assert_eq!(status(&unknown_switch, "no-content-analysis"), Status::Unknown);
    unknown_switch = without(&["content_analysis.transcription"]);
    assert_eq!(status(&unknown_switch, "no-content-analysis"), Status::Unknown);
}

#[test]
fn eu_hosting() {
    let optional = with(&[
        ("hosting.eu_residency", "\"optional\""),
        ("hosting.regions", "[\"EU\", \"US\"]"),
    ]);
    assert_eq!(status(&optional, "eu-hosting"), Status::Conditional);
    let none = with(&[("hosting.eu_residency", "\"none\""), ("hosting.regions", "[\"US\"]")]);
    assert_eq!(status(&none, "eu-hosting"), Status::Fail);
    assert_eq!(
        status(&without(&["hosting.eu_residency"]), "eu-hosting"),
        Status::Unknown
    );
    // Regions inside the accepted set pass even when residency is only an option.
    let eu_only = with(&[
        ("hosting.eu_residency", "\"optional\""),
        ("hosting.regions", "[\"EU\"]"),
    ]);
    assert_eq!(status(&eu_only, "eu-hosting"), Status::Pass);
}

#[test]
fn eu_jurisdiction() {
    assert_eq!(
        status(&with(&[("jurisdiction.non_eu_law", "true")]), "eu-jurisdiction"),
        Status::Fail
    );
    assert_eq!(
        status(&without(&["jurisdiction.non_eu_law"]), "eu-jurisdiction"),
        Status::Unknown
    );
}

#[test]
fn recording_control() {
    assert_eq!(
        status(
            &with(&[("recording.who_can_record", "\"anyone\"")]),
            "recording-control"
        ),
        Status::Fail
    );
    assert_eq!(
        status(
            &with(&[("recording.who_can_record", "\"host-and-permitted\"")]),
            "recording-control"
        ),
        Status::Conditional
    );
    assert_eq!(
        status(&with(&[("recording.notice", "false")]), "recording-control"),
        Status::Fail
    );
    assert_eq!(
        status(&with(&[("recording.admin_can_disable", "false")]), "recording-control"),
        Status::Conditional
    );
    // A service that cannot record needs no switch and no notice.
    let nobody = vendor(
        "v",
        &[("recording.who_can_record", "\"nobody\"")],
        &["recording.notice", "recording.admin_can_disable"],
    );
    assert_eq!(status(&nobody, "recording-control"), Status::Pass);
}

#[test]
fn recording_storage() {
    assert_eq!(
        status(&with(&[("recording.default_sharing", "\"link\"")]), "recording-storage"),
        Status::Fail
    );
    assert_eq!(
        status(
            &with(&[("recording.retention_configurable", "false")]),
            "recording-storage"
        ),
        Status::Conditional
    );
    assert_eq!(
        status(
            &with(&[("recording.storage", "[\"vendor-cloud\"]")]),
            "recording-storage"
        ),
        Status::Conditional
    );
    assert_eq!(
        status(&without(&["recording.default_sharing"]), "recording-storage"),
        Status::Unknown
    );
}

#[test]
fn camera_optional() {
    assert_eq!(
        status(&with(&[("participation.audio_only", "false")]), "camera-optional"),
        Status::Fail
    );
    assert_eq!(
        status(&with(&[("participation.camera_default", "\"on\"")]), "camera-optional"),
        Status::Conditional
    );
    assert_eq!(
        status(&without(&["participation.audio_only"]), "camera-optional"),
        Status::Unknown
    );
}

#[test]
fn anonymous_join() {
    assert_eq!(
        status(&with(&[("participation.pseudonym", "false")]), "anonymous-join"),
        Status::Fail
    );
    assert_eq!(
        status(&with(&[("participation.account_required", "true")]), "anonymous-join"),
        Status::Conditional
    );
    assert_eq!(
        status(&without(&["participation.pseudonym"]), "anonymous-join"),
        Status::Unknown
    );
}

#[test]
fn security() {
    assert_eq!(
        status(&with(&[("security.transport_encryption", "false")]), "security"),
        Status::Fail
    );
    assert_eq!(
        status(&with(&[("security.e2ee", "\"none\"")]), "security"),
        Status::Conditional
    );
    assert_eq!(status(&without(&["security.e2ee"]), "security"), Status::Unknown);
}

#[test]
fn transparency() {
    assert_eq!(
        status(&with(&[("transparency.subprocessor_list", "false")]), "transparency"),
        Status::Fail
    );
    assert_eq!(
        status(&with(&[("transparency.languages", "[\"en\"]")]), "transparency"),
        Status::Conditional
    );
    assert_eq!(
        status(&with(&[("transparency.education_page", "false")]), "transparency"),
        Status::Conditional
    );
}

#[test]
fn claim_conditions_make_a_pass_conditional_and_become_the_to_do() {
    let mut text = vendor("v", &[], &["hosting.eu_residency"]);
    text.push_str(&claim_if(
        "hosting.eu_residency",
        "\"always\"",
        "Sign the EU hosting addendum",
    ));
    let r = result(&text, None);
    let c = r.criterion("eu-hosting").expect("evaluated");
    assert_eq!(c.status, Status::Conditional);
    assert!(c.conditions.iter().any(|t| t.text == "Sign the EU hosting addendum"));
    assert_eq!(r.verdict, Verdict::SuitableWithConditions);
}

#[test]
fn a_condition_with_a_dutch_text_is_dutch_in_dutch_output() {
    let mut text = vendor("v", &[], &["hosting.eu_residency"]);
    text.push_str(&common::claim_if_nl(
        "hosting.eu_residency",
        "\"always\"",
        "Sign the EU hosting addendum",
        "Teken het addendum voor hosting in de EU",
    ));
    let r = result(&text, None);
    let c = r.criterion("eu-hosting").expect("evaluated");
    let t = c.conditions.first().expect("the claim's condition");
    assert_eq!(t.id, "sign-the-eu-hosting-addendum");
    assert_eq!(t.get(vcaudit::i18n::Lang::En), "Sign the EU hosting addendum");
    assert_eq!(
        t.get(vcaudit::i18n::Lang::Nl),
        "Teken het addendum voor hosting in de EU"
    );
}

#[test]
fn one_condition_id_has_one_text_in_a_vendor_file() {
    let mut text = vendor("v", &[], &["hosting.eu_residency", "recording.storage"]);
    text.push_str(&claim_if(
        "hosting.eu_residency",
        "\"always\"",
        "Sign the EU hosting addendum",
    ));
    text.push_str(&claim("recording.storage", "[\"school-storage\"]"));
    text.push_str("conditions = [{ id = \"sign-the-eu-hosting-addendum\", text = \"Something else\" }]\n");
    let opts = CheckOptions {
        today: TODAY,
        latest: TODAY,
        max_age_months: 18,
    };
    let (vendor, diags) = catalogue::from_str("v.toml", &text, opts);
    assert!(vendor.is_none());
    let d = diags
        .iter()
        .find(|d| d.key == "terms.recording.storage.conditions[0].id")
        .expect("a diagnostic on the second use of the id");
    assert_eq!(d.code, Some(catalogue::Code::ConditionConflict), "{d}");
    assert_eq!(
        d.line,
        text.lines().position(|l| l.contains("Something else")).expect("line") + 1,
        "{d}"
    );
}

#[test]
fn verdict_rule_orders_fail_before_unknown_before_conditional() {
    let fail_and_unknown = vendor("v", &[("secondary_use.selling", "true")], &["contract.dpa"]);
    assert_eq!(result(&fail_and_unknown, None).verdict, Verdict::NotSuitable);
    let unknown_and_conditional = vendor("v", &[("contract.role", "\"mixed\"")], &["contract.dpa"]);
    assert_eq!(
        result(&unknown_and_conditional, None).verdict,
        Verdict::InsufficientInformation
    );
    // A failing `should` criterion is a concern, not a blocker.
    let concern = with(&[
        ("jurisdiction.non_eu_law", "true"),
        ("participation.audio_only", "false"),
    ]);
    assert_eq!(result(&concern, None).verdict, Verdict::Suitable);
}

#[test]
fn offering_claims_win_over_vendor_wide_claims() {
    let mut text = vendor_head("v", &["free", "education"]);
    for (term, value) in common::ALL_PASS {
        if *term != "hosting.eu_residency" {
            text.push_str(&claim(term, value));
        }
    }
    text.push_str(
        r#"
[[terms.hosting.eu_residency]]
value = "none"
source = "privacy"
verified = 2026-06-01
confidence = "high"

[[terms.hosting.eu_residency]]
value = "always"
offerings = ["education"]
source = "privacy"
verified = 2026-06-01
confidence = "high"
"#,
    );
    let text = text.replace(
        "hosting.regions]\nvalue = [\"EU\"]",
        "hosting.regions]\nvalue = [\"EU\", \"US\"]",
    );
    assert_eq!(
        result(&text, Some("free")).criterion("eu-hosting").map(|c| c.status),
        Some(Status::Fail)
    );
    assert_eq!(
        result(&text, Some("education"))
            .criterion("eu-hosting")
            .map(|c| c.status),
        Some(Status::Pass)
    );
}

#[test]
fn old_evidence_is_stale_but_keeps_its_status() {
    let text = with(&[]).replace(
        "verified = 2026-06-01\nconfidence = \"high\"\n\n[terms.contract.dpa]",
        "verified = 2023-01-10\nconfidence = \"high\"\n\n[terms.contract.dpa]",
    );
    let r = result(&text, None);
    let c = r.criterion("processor-agreement").expect("evaluated");
    assert!(c.stale, "evidence from 2023 is older than 18 months");
    assert_eq!(c.status, Status::Pass);
    assert!(!r.criterion("security").expect("evaluated").stale);
}

#[test]
fn changed_source_documents_make_claims_stale() {
    let v = load(&with(&[]));
    let profile = Profile::default();
    let mut changes = SourceChanges::new();
    changes.insert(("v".into(), "privacy".into()), date(2026, 9, 1));
    let r = evaluate_offering(
        &v,
        None,
        &Inputs {
            profile: &profile,
            today: TODAY,
            changes: &changes,
            evidence: &Default::default(),
        },
    );
    let c = r.criterion("no-own-analytics").expect("evaluated");
    assert!(c.stale);
    assert!(
        c.stale_reasons
            .iter()
            .any(|t| t.en.contains("changed on 2026-09-01 since verified on 2026-06-01")),
        "{:?}",
        c.stale_reasons
    );
    // Evaluated as of a day before the change, the claim was not stale yet.
    let r = evaluate_offering(
        &v,
        None,
        &Inputs {
            profile: &profile,
            today: date(2026, 8, 31),
            changes: &changes,
            evidence: &Default::default(),
        },
    );
    assert!(!r.criterion("no-own-analytics").expect("evaluated").stale);
}

/// A vendor whose processor agreement is claimed with the given confidence.
fn dpa_with_confidence(confidence: &str) -> String {
    vendor("v", &[], &[]).replacen(
        "\n[terms.contract.dpa]\nvalue = true\nsource = \"privacy\"\nverified = 2026-06-01\nconfidence = \"high\"",
        &format!("\n[terms.contract.dpa]\nvalue = true\nsource = \"privacy\"\nverified = 2026-06-01\nconfidence = \"{confidence}\""),
        1,
    )
}

#[test]
fn a_low_confidence_claim_counts_as_unknown() {
    assert_eq!(
        status(&dpa_with_confidence("high"), "processor-agreement"),
        Status::Pass
    );
    assert_eq!(
        status(&dpa_with_confidence("medium"), "processor-agreement"),
        Status::Pass
    );
    let r = result(&dpa_with_confidence("low"), None);
    let c = r.criterion("processor-agreement").expect("evaluated");
    assert_eq!(c.status, Status::Unknown);
    assert_eq!(r.verdict, Verdict::InsufficientInformation);
    assert!(
        c.reason.en.contains("Not known with enough confidence"),
        "{}",
        c.reason.en
    );
    // The claim is still there for the reports, marked as not counted.
    let fact = c.facts.iter().find(|f| f.term == "contract.dpa").expect("read");
    assert!(fact.claim.is_some() && !fact.counted);
}

#[test]
fn a_profile_can_require_high_confidence() {
    let v = load(&dpa_with_confidence("medium"));
    let profile =
        vcaudit::criteria::profile::from_bytes("p.toml", b"min_confidence = \"high\"\n").expect("valid profile");
    let changes = SourceChanges::new();
    let inputs = Inputs {
        profile: &profile,
        today: TODAY,
        changes: &changes,
        evidence: &Default::default(),
    };
    let r = evaluate_offering(&v, None, &inputs);
    assert_eq!(
        r.criterion("processor-agreement").map(|c| c.status),
        Some(Status::Unknown)
    );
    // A profile may not lower the bar to `low`.
    let low = vcaudit::criteria::profile::from_bytes("p.toml", b"min_confidence = \"low\"\n");
    assert!(low.is_err());
}
