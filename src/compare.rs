//! The side-by-side comparison behind `vcaudit compare`: one column per vendor offering, rows for
//! the verdict, each criterion (status and reason) and each catalogue term (the claimed value with
//! its source), each row marked when the columns differ, and the conditions per offering. It is
//! built from an [`Evaluation`] and the catalogue; the renderers in `report` only lay it out.

use std::sync::Arc;

use crate::catalogue::{terms, Catalogue, Claim, Condition};
use crate::criteria::{self, Status};
use crate::error::Error;
use crate::evaluate::{Evaluation, OfferingResult, Verdict};
use crate::i18n::{Lang, ReportLabel, Text};
use crate::report::value_text;

/// The fewest and the most columns a comparison has.
pub const MIN_COLUMNS: usize = 2;
pub const MAX_COLUMNS: usize = 20;

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Verdict,
    Criterion,
    Term,
}

impl RowKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Verdict => "verdict",
            RowKind::Criterion => "criterion",
            RowKind::Term => "term",
        }
    }
}

/// One row of the comparison.
#[derive(Debug, Clone)]
pub struct Row {
    pub kind: RowKind,
    /// `verdict`, a criterion id or a term key.
    pub id: &'static str,
    pub label: Text,
    pub cells: Vec<Cell>,
    /// The columns do not all say the same.
    pub differs: bool,
}

/// One cell: a verdict, a criterion status with its reason, or a claimed value.
#[derive(Debug, Clone)]
pub struct Cell {
    pub verdict: Option<Verdict>,
    pub status: Option<Status>,
    pub stale: bool,
    /// The verdict label, the reason, or the claimed value (`unknown` when there is no claim).
    pub text: Text,
    pub claim: Option<Arc<Claim>>,
    pub source_url: Option<String>,
}

/// The comparison of the offerings of an evaluation.
pub struct Comparison<'a> {
    pub evaluation: &'a Evaluation,
    pub catalogue: &'a Catalogue,
    pub rows: Vec<Row>,
    /// With `--score`: per column, the eisen and the weighted score of the wensen.
    pub scores: Option<Vec<crate::score::Score>>,
}

impl<'a> Comparison<'a> {
    /// Builds the comparison; fails unless there are 2 to 20 columns.
    pub fn new(evaluation: &'a Evaluation, catalogue: &'a Catalogue) -> Result<Self, Error> {
        let n = evaluation.results.len();
        if !(MIN_COLUMNS..=MAX_COLUMNS).contains(&n) {
            return Err(Error::usage(format!(
                "`compare` needs {MIN_COLUMNS} to {MAX_COLUMNS} vendor offerings; the arguments name {n}"
            )));
        }
        let results = &evaluation.results;
        let mut rows = vec![row(
            RowKind::Verdict,
            "verdict",
            ReportLabel::Verdict.to_text(),
            results,
            |r| Cell {
                verdict: Some(r.verdict),
                status: None,
                stale: false,
                text: r.verdict.label(),
                claim: None,
                source_url: None,
            },
        )];
        let ids: Vec<&'static str> = results[0].criteria.iter().map(|c| c.id).collect();
        for id in ids {
            let Some(def) = criteria::find(id) else { continue };
            rows.push(row(RowKind::Criterion, id, def.title.clone(), results, |r| {
                match r.criterion(id) {
                    Some(c) => Cell {
                        verdict: None,
                        status: Some(c.status),
                        stale: c.stale,
                        text: c.reason.clone(),
                        claim: None,
                        source_url: None,
                    },
                    None => empty(),
                }
            }));
        }
        for term in terms::TERMS {
            let label = Text::fixed(term.label_en, term.label_nl);
            rows.push(row(RowKind::Term, term.key, label, results, |r| {
                let vendor = catalogue.vendor(&r.vendor);
                let claim = vendor.and_then(|v| v.claim(term.key, r.offering.as_deref()));
                match (vendor, claim) {
                    (Some(v), Some(c)) => Cell {
                        verdict: None,
                        status: None,
                        stale: false,
                        text: Text::new(value_text(&c.value, Lang::En), value_text(&c.value, Lang::Nl)),
                        source_url: v.source_url(&c.source).map(str::to_owned),
                        claim: Some(c.clone()),
                    },
                    _ => empty(),
                }
            }));
        }
        Ok(Comparison {
            evaluation,
            catalogue,
            rows,
            scores: None,
        })
    }

    /// The columns, in the order asked for.
    pub fn columns(&self) -> &[OfferingResult] {
        &self.evaluation.results
    }

    /// The conditions of one column, each once, in criterion order.
    pub fn conditions(&self, column: usize) -> Vec<&Condition> {
        let mut out: Vec<&Condition> = Vec::new();
        for c in &self.evaluation.results[column].criteria {
            for t in &c.conditions {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        out
    }
}

fn empty() -> Cell {
    Cell {
        verdict: None,
        status: None,
        stale: false,
        text: ReportLabel::Unknown.to_text(),
        claim: None,
        source_url: None,
    }
}

fn row(
    kind: RowKind,
    id: &'static str,
    label: Text,
    results: &[OfferingResult],
    cell: impl Fn(&OfferingResult) -> Cell,
) -> Row {
    let cells: Vec<Cell> = results.iter().map(cell).collect();
    // Criteria differ by status; reasons and stale flags may differ for the same outcome.
    let key = |c: &Cell| {
        let text = if kind == RowKind::Criterion {
            String::new()
        } else {
            c.text.en.to_string()
        };
        (c.verdict, c.status, text)
    };
    let differs = cells.iter().any(|c| key(c) != key(&cells[0]));
    Row {
        kind,
        id,
        label,
        cells,
        differs,
    }
}
