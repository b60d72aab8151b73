//! Properties of the vendor file loader: any bytes end in a vendor or in diagnostics positioned
//! inside the file, each with a code (never a panic); a valid vendor written out as TOML loads back
//! with the same identity, offerings, documents and claims; and a top-level key left out, misspelt
//! or of the wrong type is reported with its code exactly where it is.

use jiff::civil::{date, Date};
use proptest::prelude::*;
use vcaudit::catalogue::terms::{Kind, TERMS};
use vcaudit::catalogue::{self, CheckOptions, Code, Level, Source, Value};

const TODAY: Date = date(2026, 11, 22);

fn opts() -> CheckOptions {
    CheckOptions {
        today: TODAY,
        latest: TODAY,
        max_age_months: 18,
    }
}

/// A TOML string literal holding `s`, escaped by the TOML writer.
fn lit(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// Checks the invariants every load must keep, whatever the input.
fn assert_sane(bytes: &[u8]) {
    let (vendor, diags) = catalogue::from_bytes("v.toml", bytes, opts());
    let lines = bytes.split(|&b| b == b'\n').count();
    for d in &diags {
        assert!(d.line <= lines, "line {} of {lines}: {d}", d.line);
        assert!(!d.message.is_empty());
        let code = d.code.expect("every diagnostic of a vendor file has a code");
        assert_eq!(d.severity, code.level(), "{d}");
    }
    let errors = diags.iter().any(|d| d.severity == Level::Error);
    assert_eq!(vendor.is_some(), !errors, "{diags:?}");
}

/// One generated claim: term index, value, source document index, verified day, optional quote
/// and the offerings it is scoped to (a subset of the vendor's).
#[derive(Debug, Clone)]
struct GenClaim {
    term: usize,
    value: Value,
    doc: usize,
    verified: Date,
    quote: Option<String>,
    scoped: bool,
}

#[derive(Debug, Clone)]
struct GenVendor {
    id: String,
    name: String,
    company: String,
    hq: String,
    open_source: bool,
    offerings: Vec<String>,
    documents: Vec<(String, &'static str, String)>,
    claims: Vec<GenClaim>,
}

/// Free text as people write it, including quotes, backslashes, accents and newlines.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 .,'\"\\\\éëüß€\n\t-]{0,40}".prop_filter("not blank", |s| !s.trim().is_empty())
}

fn value_for(kind: Kind) -> BoxedStrategy<Value> {
    match kind {
        Kind::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        Kind::Text => text().prop_map(Value::Text).boxed(),
        Kind::Enum(allowed) => proptest::sample::select(allowed)
            .prop_map(|s| Value::Text(s.to_owned()))
            .boxed(),
        Kind::EnumList(allowed) => proptest::sample::subsequence(allowed, 0..=allowed.len())
            .prop_map(|v| Value::List(v.into_iter().map(str::to_owned).collect()))
            .boxed(),
        Kind::List => proptest::collection::vec(text(), 0..4).prop_map(Value::List).boxed(),
    }
}

fn claim() -> impl Strategy<Value = GenClaim> {
    (0..TERMS.len()).prop_flat_map(|term| {
        (
            value_for(TERMS[term].kind),
            0usize..3,
            (2020i16..=2026, 1i8..=12, 1i8..=28),
            proptest::option::of(text()),
            any::<bool>(),
        )
            .prop_map(move |(value, doc, (y, m, d), quote, scoped)| GenClaim {
                term,
                value,
                doc,
                verified: date(y, m, d).min(TODAY),
                quote,
                scoped,
            })
    })
}

fn vendor() -> impl Strategy<Value = GenVendor> {
    (
        "[a-z][a-z0-9-]{0,20}",
        text(),
        text(),
        "[A-Z]{2}",
        any::<bool>(),
        proptest::collection::btree_set("[a-z][a-z0-9]{0,8}", 0..3),
        proptest::collection::btree_set("[a-z][a-z0-9-]{0,8}", 1..4),
        proptest::collection::vec(claim(), 0..20),
    )
        .prop_map(|(id, name, company, hq, open_source, offerings, docs, claims)| {
            let documents = docs
                .into_iter()
                .enumerate()
                .map(|(i, d)| {
                    let kind = catalogue::DOCUMENT_KINDS[i % catalogue::DOCUMENT_KINDS.len()];
                    let url = format!("https://example.com/{d}?lang=nl#top");
                    (d, kind, url)
                })
                .collect();
            GenVendor {
                id,
                name,
                company,
                hq,
                open_source,
                offerings: offerings.into_iter().collect(),
                documents,
                claims,
            }
        })
}

impl GenVendor {
    /// The claims that make it into the file: one per term and scope (a second claim for the
    /// same term and scope is an error by design).
    fn kept(&self) -> Vec<(GenClaim, Vec<String>)> {
        let mut seen = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        for c in &self.claims {
            let scope: Vec<String> = if c.scoped && !self.offerings.is_empty() {
                vec![self.offerings[c.term % self.offerings.len()].clone()]
            } else {
                Vec::new()
            };
            if seen.insert((c.term, scope.clone())) {
                out.push((c.clone(), scope));
            }
        }
        out
    }

    fn to_toml(&self) -> String {
        let mut s = format!(
            "id = {}\nname = {}\ncompany = {}\nheadquarters = {}\nopen_source = {}\nself_hostable = false\nstatus = \"active\"\n",
            lit(&self.id),
            lit(&self.name),
            lit(&self.company),
            lit(&self.hq),
            self.open_source
        );
        for (id, kind, url) in &self.documents {
            s += &format!(
                "\n[[documents]]\nid = {}\nkind = {}\nurl = {}\n",
                lit(id),
                lit(kind),
                lit(url)
            );
        }
        for o in &self.offerings {
            s += &format!(
                "\n[[offerings]]\nid = {}\nname = {}\n",
                lit(o),
                lit(&format!("{o} tier"))
            );
        }
        for (c, scope) in self.kept() {
            let value = match &c.value {
                Value::Bool(b) => b.to_string(),
                Value::Text(t) => lit(t),
                Value::List(l) => format!("[{}]", l.iter().map(|t| lit(t)).collect::<Vec<_>>().join(", ")),
            };
            s += &format!(
                "\n[[terms.{}]]\nvalue = {value}\nsource = {}\nverified = {}\nconfidence = {}\n",
                TERMS[c.term].key,
                lit(&self.documents[c.doc % self.documents.len()].0),
                c.verified,
                lit(["high", "medium", "low"][c.doc % 3])
            );
            if let Some(q) = &c.quote {
                s += &format!("quote = {}\n", lit(q));
            }
            if !scope.is_empty() {
                s += &format!("offerings = [{}]\n", lit(&scope[0]));
            }
        }
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_valid_vendor_round_trips(g in vendor()) {
        let text = g.to_toml();
        let name = format!("{}.toml", g.id);
        let (vendor, diags) = catalogue::from_str(&name, &text, opts());
        let errors: Vec<String> = diags
            .iter()
            .filter(|d| d.severity == Level::Error)
            .map(|d| d.to_string())
            .collect();
        prop_assert!(errors.is_empty(), "{errors:#?}\n{text}");
        let v = vendor.expect("a vendor without errors");
        prop_assert_eq!(&v.id, &g.id);
        prop_assert_eq!(&v.name, &g.name);
        prop_assert_eq!(&v.company, &g.company);
        prop_assert_eq!(&v.headquarters, &g.hq);
        prop_assert_eq!(v.open_source, g.open_source);
        let offerings: Vec<&str> = v.offerings.iter().map(|o| o.id.as_str()).collect();
        prop_assert_eq!(offerings, g.offerings.iter().map(String::as_str).collect::<Vec<_>>());
        let docs: Vec<(&str, &str)> = v.documents.iter().map(|d| (d.id.as_str(), d.url.as_str())).collect();
        let want: Vec<(&str, &str)> = g.documents.iter().map(|(i, _, u)| (i.as_str(), u.as_str())).collect();
        prop_assert_eq!(docs, want);
        let kept = g.kept();
        prop_assert_eq!(v.claims.values().map(Vec::len).sum::<usize>(), kept.len());
        for (c, scope) in kept {
            let key = TERMS[c.term].key;
            let loaded = v.claims[key]
                .iter()
                .find(|l| l.offerings == scope)
                .expect("claim for the scope");
            prop_assert_eq!(&loaded.value, &c.value);
            prop_assert_eq!(loaded.verified, c.verified);
            prop_assert_eq!(loaded.confidence.as_str(), ["high", "medium", "low"][c.doc % 3]);
            prop_assert_eq!(loaded.source_kind, catalogue::SourceKind::Vendor);
            prop_assert_eq!(&loaded.quote, &c.quote);
            let doc = &g.documents[c.doc % g.documents.len()].0;
            prop_assert_eq!(&loaded.source, &Source::Document(doc.clone()));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        assert_sane(&bytes);
    }

    #[test]
    fn edited_vendor_files_never_panic(
        g in vendor(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..40, "[\\[\\]=\"'{}#,.a-z0-9\n \u{feff}é]{0,6}"), 1..6),
    ) {
        let mut bytes = g.to_toml().into_bytes();
        for (at, len, insert) in edits {
            let start = at.index(bytes.len() + 1);
            let end = (start + len).min(bytes.len());
            bytes.splice(start..end, insert.into_bytes());
        }
        assert_sane(&bytes);
    }

    #[test]
    fn a_broken_top_level_key_is_reported_where_it_is(g in vendor(), which in 0usize..5, how in 0usize..3) {
        // Keys whose values the generator writes on one line.
        let name = ["id", "headquarters", "open_source", "self_hostable", "status"][which];
        let text = g.to_toml();
        let line = text
            .lines()
            .position(|l| l.starts_with(&format!("{name} = ")))
            .expect("the key is written")
            + 1;
        let broken: String = text
            .lines()
            .enumerate()
            .map(|(i, l)| match (i + 1 == line, how) {
                (false, _) => format!("{l}\n"),
                (true, 0) => String::new(),
                (true, 1) => format!("{name}x{}\n", &l[name.len()..]),
                (true, _) => format!("{name} = [1]\n"),
            })
            .collect();
        let (vendor, diags) = catalogue::from_str(&format!("{}.toml", g.id), &broken, opts());
        prop_assert!(vendor.is_none());
        let found: Vec<(Code, usize, usize, &str)> = diags
            .iter()
            .filter(|d| d.severity == Level::Error)
            .map(|d| (d.code.expect("a code"), d.line, d.column, d.key.as_str()))
            .collect();
        let missing = (Code::MissingKey, 0, 0, "");
        let misspelt = format!("{name}x");
        let want: Vec<(Code, usize, usize, &str)> = match how {
            0 => vec![missing],
            1 => vec![missing, (Code::UnknownKey, line, 1, misspelt.as_str())],
            _ => vec![(Code::WrongType, line, name.len() + 4, name)],
        };
        prop_assert_eq!(found, want, "{}", broken);
        let named = format!("`{name}`");
        prop_assert!(how != 0 || diags[0].message.contains(&named));
    }
}
