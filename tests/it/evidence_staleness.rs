//! Staleness from what was checked, in process: a quote found in its source stands in for the
//! `verified` date, a quote gone is a reason of its own, and a review clears the flags of the
//! change it read.

use crate::common;

use jiff::civil::{date, Date};
use vcaudit::catalogue::{self, CheckOptions, Vendor};
use vcaudit::criteria::profile::Profile;
use vcaudit::evaluate::{evaluate_offering, EvidenceChecks, Inputs, QuoteCheck, QuoteState, Reviewed, SourceChanges};

const TODAY: Date = date(2026, 11, 22);
const QUOTE: &str = "We process data only on the instructions of the school.";

/// A vendor `v` whose every claim passes; `contract.dpa` was verified in 2023 and quotes [`QUOTE`].
fn vendor() -> Vendor {
    let text = common::vendor("v", &[], &[]).replacen(
        "\n[terms.contract.dpa]\nvalue = true\nsource = \"privacy\"\nverified = 2026-06-01\n",
        &format!(
            "\n[terms.contract.dpa]\nvalue = true\nsource = \"privacy\"\nverified = 2023-01-10\nquote = \"{QUOTE}\"\n"
        ),
        1,
    );
    assert!(text.contains("2023-01-10"));
    let opts = CheckOptions {
        today: TODAY,
        latest: TODAY,
        max_age_months: 18,
    };
    let (vendor, diags) = catalogue::from_str("v.toml", &text, opts);
    assert!(
        diags.iter().all(|d| d.severity != catalogue::Level::Error),
        "{diags:#?}"
    );
    vendor.expect("vendor loads")
}

fn quote(state: QuoteState, last: Option<Date>) -> EvidenceChecks {
    let mut ev = EvidenceChecks::default();
    ev.quotes.insert(
        ("v".into(), "contract.dpa".into()),
        QuoteCheck {
            quote: QUOTE.into(),
            state,
            last_confirmed: last,
        },
    );
    ev
}

/// The stale reasons of `contract.dpa` and its quote state.
fn reasons(evidence: &EvidenceChecks, changed: Option<Date>, today: Date) -> (Vec<String>, Option<QuoteState>) {
    let mut changes = SourceChanges::new();
    if let Some(d) = changed {
        changes.insert(("v".into(), "privacy".into()), d);
    }
    let profile = Profile::default();
    let r = evaluate_offering(
        &vendor(),
        None,
        &Inputs {
            profile: &profile,
            today,
            changes: &changes,
            evidence,
        },
    );
    let c = r.criterion("processor-agreement").expect("evaluated");
    let fact = c.facts.iter().find(|f| f.term == "contract.dpa").expect("read");
    let mine = c
        .stale_reasons
        .iter()
        .map(|t| t.en.to_string())
        .filter(|t| t.starts_with("contract.dpa:"))
        .collect();
    (mine, fact.quote_state)
}

#[test]
fn an_old_claim_is_stale_until_its_quote_is_found() {
    let (r, state) = reasons(&EvidenceChecks::default(), None, TODAY);
    assert_eq!(state, Some(QuoteState::NotFetched));
    assert!(
        r.iter()
            .any(|t| t.contains("verified on 2023-01-10 is older than 18 months")),
        "{r:?}"
    );
    let (r, state) = reasons(&quote(QuoteState::Confirmed, Some(date(2026, 11, 1))), None, TODAY);
    assert_eq!(state, Some(QuoteState::Confirmed));
    assert!(r.is_empty(), "{r:?}");
    // Found too long ago, the check itself is old.
    let (r, _) = reasons(&quote(QuoteState::Confirmed, Some(date(2024, 11, 1))), None, TODAY);
    assert!(r.iter().any(|t| t.contains("last checked on 2024-11-01")), "{r:?}");
    // Found after the evaluation day (`--as-of` in the past): not known then.
    let (r, _) = reasons(
        &quote(QuoteState::Confirmed, Some(date(2026, 11, 1))),
        None,
        date(2026, 10, 1),
    );
    assert!(!r.is_empty());
}

#[test]
fn a_quote_found_after_a_change_keeps_the_claim_fresh_one_found_before_does_not() {
    let changed = Some(date(2026, 9, 1));
    let (r, _) = reasons(&quote(QuoteState::Confirmed, Some(date(2026, 9, 1))), changed, TODAY);
    assert!(r.is_empty(), "{r:?}");
    let (r, _) = reasons(&quote(QuoteState::Confirmed, Some(date(2026, 8, 1))), changed, TODAY);
    assert!(r.iter().any(|t| t.contains("changed on 2026-09-01")), "{r:?}");
}

#[test]
fn a_gone_quote_is_stale_until_a_review_of_the_change() {
    let changed = Some(date(2026, 9, 1));
    let mut ev = quote(QuoteState::QuoteGone, Some(date(2026, 8, 1)));
    let (r, state) = reasons(&ev, changed, TODAY);
    assert_eq!(state, Some(QuoteState::QuoteGone));
    assert!(
        r.iter()
            .any(|t| t.contains("the quote is no longer in source `privacy`")),
        "{r:?}"
    );
    ev.reviews.insert(
        ("v".into(), "privacy".into()),
        Reviewed {
            on: date(2026, 9, 3),
            note: Some("still a processor".into()),
        },
    );
    let (r, _) = reasons(&ev, changed, TODAY);
    assert!(r.is_empty(), "{r:?}");
    // Before the review day it had not happened yet.
    let (r, _) = reasons(&ev, changed, date(2026, 9, 2));
    assert!(r.iter().any(|t| t.contains("no longer")), "{r:?}");
}

#[test]
fn a_check_of_another_quote_does_not_count() {
    let mut ev = quote(QuoteState::Confirmed, Some(date(2026, 11, 1)));
    if let Some(q) = ev.quotes.values_mut().next() {
        q.quote = "An older wording.".into();
    }
    let (r, state) = reasons(&ev, None, TODAY);
    assert_eq!(state, Some(QuoteState::NotFetched));
    assert!(!r.is_empty());
}
