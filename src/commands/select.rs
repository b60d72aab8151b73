//! `VENDOR[/PART]` arguments checked against the catalogue: the vendor offerings of `audit`,
//! `show`, `compare`, `notice` and `validate` ([`offerings`]) and the documents of `watch`
//! ([`documents`]). A vendor is named by its id or one of its aliases (`teams`); an unknown one is
//! answered with the closest known id or alias, when there is one.

use std::collections::HashSet;

use crate::catalogue::{diag::did_you_mean, Catalogue, Document, Vendor};
use crate::error::Error;
use crate::evaluate::Selector;
use crate::watch::Target;

/// Parses `vendor[/offering]` arguments against the catalogue.
pub fn offerings(catalogue: &Catalogue, args: &[String]) -> Result<Vec<Selector>, Error> {
    args.iter()
        .map(|arg| {
            let (v, o) = split(arg);
            let vendor = vendor(catalogue, v, " (`vcaudit audit` lists them)")?;
            if let Some(o) = o {
                if vendor.offering(o).is_none() {
                    let names: Vec<&str> = vendor.offerings.iter().map(|o| o.id.as_str()).collect();
                    let list = if names.is_empty() {
                        "it has none".to_owned()
                    } else {
                        format!("it has: {}", names.join(", "))
                    };
                    return Err(Error::usage(format!("vendor `{v}` has no offering `{o}`; {list}")));
                }
            }
            Ok(Selector {
                vendor: vendor.id.clone(),
                offering: o.map(str::to_owned),
            })
        })
        .collect()
}

/// The documents selected by `vendor[/document]` arguments, each once; every document when none
/// are given.
pub fn documents(catalogue: &Catalogue, args: &[String]) -> Result<Vec<Target>, Error> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |vendor: &Vendor, doc: &Document| {
        if seen.insert((vendor.id.clone(), doc.id.clone())) {
            out.push(Target {
                vendor: vendor.id.clone(),
                document: doc.id.clone(),
                url: doc.url.clone(),
                select: doc.select.clone(),
                remove: doc.remove.clone(),
            });
        }
    };
    if args.is_empty() {
        for v in &catalogue.vendors {
            for d in &v.documents {
                push(v, d);
            }
        }
        return Ok(out);
    }
    for arg in args {
        let (v, d) = split(arg);
        let vendor = vendor(catalogue, v, "")?;
        match d {
            Some(d) => {
                let Some(doc) = vendor.document(d) else {
                    let names: Vec<&str> = vendor.documents.iter().map(|d| d.id.as_str()).collect();
                    return Err(Error::usage(format!(
                        "vendor `{v}` has no document `{d}`; it has: {}",
                        if names.is_empty() {
                            "none".to_owned()
                        } else {
                            names.join(", ")
                        }
                    )));
                };
                push(vendor, doc);
            }
            None => vendor.documents.iter().for_each(|doc| push(vendor, doc)),
        }
    }
    Ok(out)
}

/// `vendor/part` split at the first slash; a vendor alone has no part.
fn split(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once('/') {
        Some((v, part)) => (v, Some(part)),
        None => (arg, None),
    }
}

/// The vendor with id or alias `id`. When there is none, the error names the closest id or alias,
/// else ends with `otherwise`.
fn vendor<'c>(catalogue: &'c Catalogue, id: &str, otherwise: &str) -> Result<&'c Vendor, Error> {
    catalogue.named(id).ok_or_else(|| {
        let names = catalogue
            .vendors
            .iter()
            .flat_map(|v| std::iter::once(&v.id).chain(&v.aliases))
            .map(String::as_str);
        let hint = did_you_mean(id, names).map_or_else(|| otherwise.to_owned(), |h| format!("; {h}"));
        Error::usage(format!("no vendor `{id}` in the catalogue{hint}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{CheckOptions, Origin};

    fn shipped() -> Catalogue {
        let today = jiff::civil::date(2026, 12, 6);
        let opts = CheckOptions {
            today,
            latest: today,
            max_age_months: 12,
        };
        crate::catalogue::load(Origin::Embedded, opts)
            .expect("built in")
            .catalogue
    }

    fn usage(e: Error) -> String {
        assert_eq!(e.exit_code(), crate::error::exit::USAGE);
        e.to_string()
    }

    #[test]
    fn offerings_name_what_is_there() {
        let c = shipped();
        let picked = offerings(&c, &["zoom/education".to_owned(), "jitsi-meet".to_owned()]).expect("known");
        assert_eq!(picked[0].offering.as_deref(), Some("education"));
        assert_eq!(picked[1].offering, None);
        let e = offerings(&c, &["zom".to_owned()]).expect_err("unknown");
        assert_eq!(usage(e), "no vendor `zom` in the catalogue; did you mean `zoom`?");
        let e = offerings(&c, &["qqqqqqqq".to_owned()]).expect_err("unknown");
        assert_eq!(
            usage(e),
            "no vendor `qqqqqqqq` in the catalogue (`vcaudit audit` lists them)"
        );
        let e = offerings(&c, &["zoom/nope".to_owned()]).expect_err("no offering");
        assert!(usage(e).starts_with("vendor `zoom` has no offering `nope`; it has: "));
    }

    #[test]
    fn aliases_stand_for_their_vendor() {
        let c = shipped();
        let picked = offerings(&c, &["teams".to_owned(), "webex/paid".to_owned(), "bbb".to_owned()]).expect("aliases");
        assert_eq!(picked[0].vendor, "microsoft-teams");
        assert_eq!(picked[1].vendor, "cisco-webex");
        assert_eq!(picked[1].offering.as_deref(), Some("paid"));
        assert_eq!(picked[2].vendor, "bigbluebutton");
        let e = offerings(&c, &["teamz".to_owned()]).expect_err("unknown");
        assert_eq!(usage(e), "no vendor `teamz` in the catalogue; did you mean `teams`?");
        let picked = documents(&c, &["meet".to_owned()]).expect("alias");
        assert!(picked.iter().all(|t| t.vendor == "google-meet"));
    }

    #[test]
    fn documents_are_picked_once() {
        let c = shipped();
        let all = documents(&c, &[]).expect("all");
        assert_eq!(all.len(), c.vendors.iter().map(|v| v.documents.len()).sum::<usize>());
        let zoom = c.vendor("zoom").expect("zoom");
        let first = &zoom.documents[0].id;
        let twice = documents(&c, &[format!("zoom/{first}"), "zoom".to_owned()]).expect("known");
        assert_eq!(twice.len(), zoom.documents.len());
        assert_eq!(&twice[0].document, first);
        let e = documents(&c, &["qqqqqqqq".to_owned()]).expect_err("unknown");
        assert_eq!(usage(e), "no vendor `qqqqqqqq` in the catalogue");
        let e = documents(&c, &["zom/privacy".to_owned()]).expect_err("unknown");
        assert_eq!(usage(e), "no vendor `zom` in the catalogue; did you mean `zoom`?");
        let e = documents(&c, &["zoom/nope".to_owned()]).expect_err("no document");
        assert!(usage(e).starts_with("vendor `zoom` has no document `nope`; it has: "));
    }

    #[test]
    fn split_takes_the_first_slash() {
        assert_eq!(split("zoom"), ("zoom", None));
        assert_eq!(split("zoom/education"), ("zoom", Some("education")));
        assert_eq!(split("zoom/a/b"), ("zoom", Some("a/b")));
    }
}
