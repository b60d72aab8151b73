//! The shipped catalogue's verdicts against the dated findings of regulators and DPIAs that still
//! apply. A regulator's finding does not fix our verdict, but our verdict must not contradict it:
//! where a regulator rated a service red, `vcaudit` must not call it suitable; where a regulator or
//! a Dutch DPIA found it usable (with measures), `vcaudit` must not call it not suitable. When a
//! catalogue edit breaks one of these, either the edit or the finding list below needs a source.

use crate::common;

use vcaudit::criteria::profile::Profile;
use vcaudit::evaluate::{evaluate, Inputs, Selector, SourceChanges, Verdict};

/// What a finding allows our verdict to be.
enum Rating {
    /// Rated red or found unlawful: anything but suitable (with or without conditions).
    Red,
    /// Found usable, possibly with measures: anything but not suitable.
    Usable,
}

/// Offering, the finding that still applies, and what it allows.
const FINDINGS: &[(&str, Option<&str>, &str, Rating)] = &[
    ("zoom", Some("free"), "Berlin DPA red, 2020 and 2021", Rating::Red),
    (
        "zoom",
        Some("education"),
        "Dutch DPIA update 2024: all known risks solved under the SURF contract",
        Rating::Usable,
    ),
    (
        "microsoft-teams",
        Some("education"),
        "Dutch DPIA 2022: usable with measures",
        Rating::Usable,
    ),
    (
        "google-meet",
        Some("free"),
        "outside the Dutch education agreement",
        Rating::Red,
    ),
    (
        "google-meet",
        Some("education-plus"),
        "Dutch agreement 2021 and SIVON/SURF 2023: usable with measures",
        Rating::Usable,
    ),
    ("jitsi-meet", Some("meet-jit-si"), "Berlin DPA red, 2021", Rating::Red),
    (
        "bigbluebutton",
        Some("self-hosted"),
        "Berlin DPA green; LfDI BW recommended",
        Rating::Usable,
    ),
    (
        "bigbluebutton",
        Some("hosted-eu"),
        "Berlin DPA green for EU hosters",
        Rating::Usable,
    ),
    ("teamviewer-meeting", None, "Berlin DPA red, 2020 and 2021", Rating::Red),
    ("skype", None, "retired in 2025; Berlin DPA red", Rating::Red),
];

/// The shipped catalogue evaluated today with the default profile, for `selection`.
fn shipped(selection: &[Selector]) -> Vec<(String, Verdict)> {
    let today = jiff::Zoned::now().date();
    let catalogue = common::shipped();
    let profile = Profile::default();
    let changes = SourceChanges::new();
    let inputs = Inputs {
        profile: &profile,
        today,
        changes: &changes,
        evidence: &Default::default(),
    };
    evaluate(&catalogue, selection, &inputs)
        .results
        .iter()
        .map(|r| {
            (
                format!("{}/{}", r.vendor, r.offering.as_deref().unwrap_or("-")),
                r.verdict,
            )
        })
        .collect()
}

#[test]
fn verdicts_do_not_contradict_regulators() {
    let mut wrong = Vec::new();
    for (vendor, offering, finding, allows) in FINDINGS {
        let selector = Selector {
            vendor: (*vendor).to_owned(),
            offering: offering.map(str::to_owned),
        };
        let results = shipped(&[selector]);
        assert!(!results.is_empty(), "{vendor}/{offering:?} is not in the catalogue");
        for (key, verdict) in results {
            let contradicts = match allows {
                Rating::Red => matches!(verdict, Verdict::Suitable | Verdict::SuitableWithConditions),
                Rating::Usable => verdict == Verdict::NotSuitable,
            };
            if contradicts {
                wrong.push(format!("{key}: {verdict:?}, but {finding}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "verdicts contradict regulators:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_shipped_catalogue_has_both_blocking_and_passing_verdicts() {
    // A DPO must see that the tool can say yes as well as no on real data.
    let results = shipped(&[]);
    let has = |v: Verdict| results.iter().any(|(_, r)| *r == v);
    assert!(has(Verdict::NotSuitable));
    assert!(has(Verdict::InsufficientInformation));
    assert!(has(Verdict::SuitableWithConditions));
}

/// Google Workspace for Education Fundamentals is covered by the same Dutch agreement, but it has
/// no EU data regions: the criteria of the source documents require EU storage, the sector accepts
/// transfers under its measures. The verdict may differ from the sector's on that ground alone,
/// never on another.
#[test]
fn google_fundamentals_differs_from_the_sector_only_on_eu_storage() {
    let catalogue = common::shipped();
    let profile = Profile::default();
    let changes = SourceChanges::new();
    let inputs = Inputs {
        profile: &profile,
        today: jiff::Zoned::now().date(),
        changes: &changes,
        evidence: &Default::default(),
    };
    let selector = Selector {
        vendor: "google-meet".into(),
        offering: Some("education".into()),
    };
    let ev = evaluate(&catalogue, &[selector], &inputs);
    let r = ev.results.first().expect("google-meet/education is in the catalogue");
    let failing: Vec<&str> = r
        .criteria
        .iter()
        .filter(|c| c.severity == vcaudit::criteria::Severity::Must && c.status == vcaudit::criteria::Status::Fail)
        .map(|c| c.id)
        .collect();
    assert!(failing.iter().all(|id| *id == "eu-hosting"), "{failing:?}");
}
