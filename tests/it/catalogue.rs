//! Integrity of the shipped catalogue: it loads without errors, every claim cites a document of
//! its vendor or a valid http(s) URL, every date lies in the past, and every vendor offering gets
//! a verdict.

use crate::common;

use common::shipped;
use jiff::civil::Date;
use vcaudit::catalogue::{check::check_url, Source};
use vcaudit::criteria::profile::Profile;
use vcaudit::evaluate::{evaluate, Inputs, SourceChanges};

#[test]
fn every_claim_is_sourced_and_dated_in_the_past() {
    let today: Date = jiff::Zoned::now().date();
    let cat = shipped();
    assert!(cat.vendors.len() >= 3);
    for v in &cat.vendors {
        for d in &v.documents {
            check_url(&d.url).unwrap_or_else(|e| panic!("{}: document {}: {e}", v.id, d.id));
        }
        for f in &v.findings {
            assert!(f.date <= today, "{}: finding dated {}", v.id, f.date);
            check_url(&f.source).unwrap_or_else(|e| panic!("{}: finding: {e}", v.id));
        }
        for (term, claims) in &v.claims {
            for c in claims {
                assert!(c.verified <= today, "{}: {term} verified in the future", v.id);
                match &c.source {
                    Source::Document(id) => assert!(v.document(id).is_some(), "{}: {term} cites missing `{id}`", v.id),
                    Source::Url(u) => check_url(u).unwrap_or_else(|e| panic!("{}: {term}: {e}", v.id)),
                }
                for o in &c.offerings {
                    assert!(v.offering(o).is_some(), "{}: {term} names missing offering `{o}`", v.id);
                }
            }
        }
    }
}

#[test]
fn every_vendor_offering_gets_a_verdict() {
    let cat = shipped();
    let profile = Profile::default();
    let changes = SourceChanges::new();
    let today = jiff::Zoned::now().date();
    let ev = evaluate(
        &cat,
        &[],
        &Inputs {
            profile: &profile,
            today,
            changes: &changes,
            evidence: &Default::default(),
        },
    );
    let expected: usize = cat.vendors.iter().map(|v| v.offerings.len().max(1)).sum();
    assert_eq!(ev.results.len(), expected);
    for r in &ev.results {
        assert_eq!(r.criteria.len(), 13, "{}", r.key());
    }
}
