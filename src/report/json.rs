//! JSON output: the contract other tools and scheduled jobs read. `schema_version` and the keys
//! documented in the README stay; new keys may be added beside them. Human texts are in the
//! language chosen with `--lang`.

use std::io::{self, Write};

use jiff::civil::Date;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{json, Value};

use super::{Options, Renderer, Report, SCHEMA_VERSION};
use crate::catalogue::Vendor;
use crate::compare::Comparison;
use crate::criteria::{self, profile::Profile, Criterion, Text};
use crate::evaluate::{CriterionResult, OfferingResult};

pub struct Json(pub Options);

impl Json {
    fn t(&self, t: &Text) -> String {
        t.get(self.0.lang).to_owned()
    }

    /// The facts a criterion read, for `show`: built as values so that nested keys come out sorted.
    fn facts(c: &CriterionResult, vendor: Option<&Vendor>) -> Vec<Value> {
        c.facts
            .iter()
            .map(|f| match &f.claim {
                Some(claim) => json!({
                    "term": f.term,
                    "known": true,
                    "value": claim.value,
                    "source": claim.source,
                    "source_url": vendor.and_then(|v| v.source_url(&claim.source)),
                    "verified": claim.verified,
                    "quote": claim.quote,
                    "note": claim.note,
                    "conditions": claim.conditions,
                    "conditions_nl": claim.conditions_nl,
                }),
                None => json!({"term": f.term, "known": false}),
            })
            .collect()
    }

    /// Writes the audit (or, with `detail`, the `show`) document straight to the writer, without
    /// building it in memory first. Keys are written in sorted order. The results, most of the
    /// document, are rendered a block at a time on all cores and written in order; the document is
    /// the same as `serde_json::to_writer_pretty` would make of it.
    fn results(&self, report: &Report, detail: bool, w: &mut dyn Write) -> io::Result<()> {
        let ev = report.evaluation;
        // Rendered a block at a time on all cores, block after block as they are written.
        let rendered = ev.results.chunks(RESULTS_PER_BLOCK).flat_map(|block| {
            crate::parallel::map(block, |r| {
                let vendor = if detail {
                    report.catalogue.vendor(&r.vendor)
                } else {
                    None
                };
                self.result(r, detail, vendor)
            })
        });
        self.document(ev.as_of, &ev.profile, rendered, w)
    }

    /// One result as it stands in the `results` of an audit, or of `show` (`detail`, with the
    /// vendor's findings and documents).
    pub fn result(&self, r: &OfferingResult, detail: bool, vendor: Option<&Vendor>) -> io::Result<Vec<u8>> {
        let out = ResultOut {
            json: self,
            r,
            detail,
            vendor,
        };
        pretty_at(&out, 2)
    }

    /// The document of an audit or `show` around its results, each rendered with [`Json::result`].
    pub fn document<B: AsRef<[u8]>>(
        &self,
        as_of: Date,
        profile: &Profile,
        results: impl IntoIterator<Item = io::Result<B>>,
        w: &mut dyn Write,
    ) -> io::Result<()> {
        let mut w = io::BufWriter::with_capacity(1 << 16, w);
        w.write_all(b"{\n")?;
        field(&mut w, "as_of", &as_of)?;
        w.write_all(b",\n")?;
        field(&mut w, "lang", &self.0.lang)?;
        w.write_all(b",\n")?;
        let profile = ProfileOut {
            accepted_regions: &profile.accepted_regions,
            max_age_months: profile.max_age_months,
            name: &profile.name,
        };
        field(&mut w, "profile", &profile)?;
        w.write_all(b",\n  \"results\": [")?;
        let mut empty = true;
        for r in results {
            w.write_all(if empty { b"\n    " } else { b",\n    " })?;
            w.write_all(r?.as_ref())?;
            empty = false;
        }
        w.write_all(if empty { b"]" } else { b"\n  ]" })?;
        w.write_all(b",\n")?;
        field(&mut w, "schema_version", &SCHEMA_VERSION)?;
        w.write_all(b"\n}\n")?;
        w.flush()
    }
}

/// Results rendered together before they are written: enough to keep the cores busy, few enough
/// to keep the memory small.
const RESULTS_PER_BLOCK: usize = 512;

/// One `"key": value` line of the top-level object, pretty-printed as one level deep.
fn field(w: &mut impl Write, key: &str, value: &impl Serialize) -> io::Result<()> {
    write!(w, "  {}: ", Value::from(key))?;
    w.write_all(&pretty_at(value, 1)?)
}

/// `value` pretty-printed as serde_json does `depth` levels deep in a document: its inner lines
/// indented to match, without the indentation of its first line.
fn pretty_at(value: &impl Serialize, depth: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let formatter = Pretty {
        depth,
        has_value: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, formatter))?;
    Ok(out)
}

/// serde_json's `PrettyFormatter` (two spaces a level), writing a line break and its indentation
/// in one piece: the formatter writes them two bytes at a time, which was a tenth of rendering a
/// large audit.
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// `\n` and the indentation of the current depth.
    fn newline<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        const LINE: &[u8] = b"\n                                                                ";
        match LINE.get(..1 + 2 * self.depth) {
            Some(line) => w.write_all(line),
            None => {
                w.write_all(b"\n")?;
                (0..self.depth).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[derive(Serialize)]
struct ProfileOut<'a> {
    accepted_regions: &'a [String],
    max_age_months: i32,
    name: &'a str,
}

/// One vendor offering; `vendor` is set for `show`, which adds its findings and documents.
struct ResultOut<'a> {
    json: &'a Json,
    r: &'a OfferingResult,
    detail: bool,
    vendor: Option<&'a Vendor>,
}

impl Serialize for ResultOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.r;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry(
            "criteria",
            &Seq(r.criteria.iter().map(|c| CriterionOut {
                json: self.json,
                c,
                detail: self.detail,
                vendor: self.vendor,
            })),
        )?;
        if let Some(vendor) = self.vendor {
            m.serialize_entry("documents", &json!(vendor.documents))?;
            m.serialize_entry(
                "findings",
                &json!(vendor.findings_for(r.offering.as_deref()).collect::<Vec<_>>()),
            )?;
        }
        m.serialize_entry("offering", &r.offering)?;
        m.serialize_entry("offering_name", &r.offering_name)?;
        m.serialize_entry("retired", &r.retired)?;
        m.serialize_entry("vendor", &r.vendor)?;
        m.serialize_entry("vendor_name", &r.vendor_name)?;
        m.serialize_entry("verdict", &r.verdict)?;
        m.end()
    }
}

struct CriterionOut<'a> {
    json: &'a Json,
    c: &'a CriterionResult,
    detail: bool,
    vendor: Option<&'a Vendor>,
}

impl Serialize for CriterionOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (c, lang) = (self.c, self.json.0.lang);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("conditions", &texts(&c.conditions, lang))?;
        if self.detail {
            m.serialize_entry("facts", &Json::facts(c, self.vendor))?;
        }
        m.serialize_entry("id", c.id)?;
        m.serialize_entry("reason", c.reason.get(lang))?;
        m.serialize_entry("severity", &c.severity)?;
        m.serialize_entry("stale", &c.stale)?;
        m.serialize_entry("stale_reasons", &texts(&c.stale_reasons, lang))?;
        m.serialize_entry("status", &c.status)?;
        m.end()
    }
}

/// Texts in one language, as a JSON array of strings.
fn texts(list: &[Text], lang: crate::criteria::judge::Lang) -> Seq<impl Iterator<Item = &str> + Clone> {
    Seq(list.iter().map(move |t| t.get(lang)))
}

/// A sequence serialized from an iterator, without collecting it.
struct Seq<I>(I);

impl<I> Serialize for Seq<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.clone())
    }
}

fn write(w: &mut dyn Write, v: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, v)?;
    writeln!(w)
}

impl Renderer for Json {
    fn audit(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        self.results(report, false, w)
    }

    fn show(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        self.results(report, true, w)
    }

    fn criteria(&self, list: &[&Criterion], w: &mut dyn Write) -> io::Result<()> {
        let items: Vec<Value> = list
            .iter()
            .map(|c| {
                json!({
                    "id": c.id,
                    "code": criteria::code(c.id),
                    "severity": c.severity,
                    "title": self.t(&c.title),
                    "checks": self.t(&c.checks),
                    "trace": c.trace.iter().map(|t| json!({"document": t.document, "place": t.place, "quote": t.quote})).collect::<Vec<_>>(),
                })
            })
            .collect();
        let sources: Vec<Value> = criteria::SOURCES
            .iter()
            .map(|(id, title)| json!({"id": id, "title": title}))
            .collect();
        write(
            w,
            &json!({
                "schema_version": SCHEMA_VERSION,
                "criteria": items,
                "verdict_rule": self.t(&criteria::VERDICT_RULE),
                "sources": sources,
            }),
        )
    }

    fn compare(&self, cmp: &Comparison, w: &mut dyn Write) -> io::Result<()> {
        let ev = cmp.evaluation;
        let columns: Vec<Value> = cmp
            .columns()
            .iter()
            .enumerate()
            .map(|(i, r)| {
                json!({
                    "vendor": r.vendor,
                    "vendor_name": r.vendor_name,
                    "offering": r.offering,
                    "offering_name": r.offering_name,
                    "retired": r.retired,
                    "verdict": r.verdict,
                    "conditions": cmp.conditions(i).iter().map(|t| self.t(t)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let rows: Vec<Value> = cmp
            .rows
            .iter()
            .map(|row| {
                let cells: Vec<Value> = row
                    .cells
                    .iter()
                    .map(|c| {
                        let mut v = json!({"text": self.t(&c.text)});
                        if let Some(verdict) = c.verdict {
                            v["verdict"] = json!(verdict);
                        }
                        if let Some(status) = c.status {
                            v["status"] = json!(status);
                            v["stale"] = json!(c.stale);
                        }
                        if row.kind == crate::compare::RowKind::Term {
                            v["known"] = json!(c.claim.is_some());
                        }
                        if let Some(claim) = &c.claim {
                            v["value"] = json!(claim.value);
                            v["source"] = json!(claim.source);
                            v["source_url"] = json!(c.source_url);
                            v["verified"] = json!(claim.verified);
                            v["quote"] = json!(claim.quote);
                        }
                        v
                    })
                    .collect();
                json!({
                    "kind": row.kind.as_str(),
                    "id": row.id,
                    "label": self.t(&row.label),
                    "differs": row.differs,
                    "cells": cells,
                })
            })
            .collect();
        write(
            w,
            &json!({
                "schema_version": SCHEMA_VERSION,
                "as_of": ev.as_of,
                "lang": self.0.lang,
                "columns": columns,
                "rows": rows,
            }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_written_apart_make_the_same_pretty_document() {
        let v = json!({"a": [1, {"b": [], "c": "x\ny"}], "d": {}, "e": [[], [2]]});
        let whole = serde_json::to_string_pretty(&json!({"k": v, "list": [v, v]})).unwrap();
        let mut parts = b"{\n".to_vec();
        field(&mut parts, "k", &v).unwrap();
        parts.extend_from_slice(b",\n  \"list\": [\n    ");
        parts.extend(pretty_at(&v, 2).unwrap());
        parts.extend_from_slice(b",\n    ");
        parts.extend(pretty_at(&v, 2).unwrap());
        parts.extend_from_slice(b"\n  ]\n}");
        assert_eq!(String::from_utf8(parts).unwrap(), whole);
    }

    #[test]
    fn indentation_is_serde_jsons_at_any_depth() {
        // Past the depth whose indentation is written in one piece (32) and back.
        let mut v = json!({"leaf": [1, [], {}], "s": "t"});
        for depth in 0..40 {
            v = if depth % 2 == 0 {
                json!({"k": v, "e": {}, "n": null})
            } else {
                json!([v, [], 2])
            };
        }
        let ours = String::from_utf8(pretty_at(&v, 0).unwrap()).unwrap();
        assert_eq!(ours, serde_json::to_string_pretty(&v).unwrap());
    }
}
