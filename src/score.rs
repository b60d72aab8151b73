//! The score of `compare --score`, as a tender weighs offers: per offering, whether every eis (a
//! `must` criterion under the profile) is met, and the weighted score of the wensen (`should`
//! criteria, weights from the profile's `[weights]`). An eis is met when it passes, or passes
//! under conditions (which are listed); an unknown eis is not met. A wens scores by its status,
//! times its weight: pass 1, conditional 0.5, fail 0, unknown 0. An unknown wens is never hidden
//! in the score: how many there are, and how many points they could still bring, stand beside it.
//! The computation is kept, line by line, so that every report can show how a score came about.

use serde::Serialize;

use crate::criteria::profile::Profile;
use crate::criteria::{Severity, Status};
use crate::evaluate::OfferingResult;
use crate::i18n::Lang;

/// The points of a status, before its weight.
pub fn points(status: Status) -> f64 {
    match status {
        Status::Pass => 1.0,
        Status::Conditional => 0.5,
        Status::Fail | Status::Unknown => 0.0,
    }
}

/// One eis of one offering.
#[derive(Debug, Clone, Serialize)]
pub struct Eis {
    pub criterion: &'static str,
    pub status: Status,
    pub met: bool,
}

/// One wens of one offering, and what it adds to the score.
#[derive(Debug, Clone, Serialize)]
pub struct Wens {
    pub criterion: &'static str,
    pub status: Status,
    pub stale: bool,
    pub points: f64,
    pub weight: f64,
    /// `points × weight`.
    pub score: f64,
}

/// The score of one offering.
#[derive(Debug, Clone, Serialize)]
pub struct Score {
    /// `vendor` or `vendor/offering`.
    pub offering: String,
    /// Every eis met (passes, or passes under conditions).
    pub eisen_met: bool,
    pub eisen: Vec<Eis>,
    pub wensen: Vec<Wens>,
    /// The sum of the wensen's `points × weight`.
    pub score: f64,
    /// The most the wensen could score: the sum of their weights.
    pub max: f64,
    /// How many wensen are unknown, and the most they could add.
    pub unknown_wensen: usize,
    pub unknown_weight: f64,
}

impl Score {
    /// Scores one evaluated offering under a profile.
    pub fn new(r: &OfferingResult, profile: &Profile) -> Self {
        let mut eisen = Vec::new();
        let mut wensen = Vec::new();
        for c in &r.criteria {
            match c.severity {
                Severity::Must => eisen.push(Eis {
                    criterion: c.id,
                    status: c.status,
                    met: matches!(c.status, Status::Pass | Status::Conditional),
                }),
                Severity::Should => {
                    let weight = profile.weight_of(c.id);
                    let p = points(c.status);
                    wensen.push(Wens {
                        criterion: c.id,
                        status: c.status,
                        stale: c.stale,
                        points: p,
                        weight,
                        score: p * weight,
                    });
                }
                Severity::Info | Severity::Off => {}
            }
        }
        let unknown: Vec<&Wens> = wensen.iter().filter(|w| w.status == Status::Unknown).collect();
        Score {
            offering: r.key(),
            eisen_met: eisen.iter().all(|e| e.met),
            // Folded from +0: an empty `sum` of floats is -0, which would print as such.
            score: wensen.iter().fold(0.0, |a, w| a + w.score),
            max: wensen.iter().fold(0.0, |a, w| a + w.weight),
            unknown_wensen: unknown.len(),
            unknown_weight: unknown.iter().fold(0.0, |a, w| a + w.weight),
            eisen,
            wensen,
        }
    }

    /// Whether the eisen are met, in words: `all 8 met (2 under conditions)` or `not met:
    /// eu-hosting fails, security unknown`.
    pub fn eisen_text(&self, lang: Lang) -> String {
        let conditional = self.eisen.iter().filter(|e| e.status == Status::Conditional).count();
        if self.eisen_met {
            let n = self.eisen.len();
            return match (lang, conditional) {
                (Lang::En, 0) => format!("all {n} met"),
                (Lang::En, c) => format!("all {n} met ({c} under conditions)"),
                (Lang::Nl, 0) => format!("alle {n} voldaan"),
                (Lang::Nl, c) => format!("alle {n} voldaan ({c} onder voorwaarden)"),
            };
        }
        let missed: Vec<String> = self
            .eisen
            .iter()
            .filter(|e| !e.met)
            .map(|e| format!("{} {}", e.criterion, crate::report::status_label(e.status, lang)))
            .collect();
        match lang {
            Lang::En => format!("not met: {}", missed.join(", ")),
            Lang::Nl => format!("niet voldaan: {}", missed.join(", ")),
        }
    }

    /// The score of the wensen, with what is unknown beside it: `3.5 of 5 (70 %); 1 of 5 wensen
    /// unknown (weight 1)`.
    pub fn score_text(&self, lang: Lang) -> String {
        let share = if self.max > 0.0 {
            format!(" ({:.0} %)", self.score / self.max * 100.0)
        } else {
            String::new()
        };
        let (of, wensen, unknown) = match lang {
            Lang::En => ("of", "wensen", "unknown"),
            Lang::Nl => ("van", "wensen", "onbekend"),
        };
        let mut s = format!("{} {of} {}{share}", num(self.score, lang), num(self.max, lang));
        if self.unknown_wensen > 0 {
            let weight = match lang {
                Lang::En => "weight",
                Lang::Nl => "gewicht",
            };
            s.push_str(&format!(
                "; {} {of} {} {wensen} {unknown} ({weight} {})",
                self.unknown_wensen,
                self.wensen.len(),
                num(self.unknown_weight, lang)
            ));
        }
        s
    }

    /// How the score came about, one line per wens: `camera-optional: pass → 1 × 3 = 3`.
    pub fn computation(&self, lang: Lang) -> Vec<String> {
        self.wensen
            .iter()
            .map(|w| {
                format!(
                    "{}: {}{} → {} × {} = {}",
                    w.criterion,
                    crate::report::status_label(w.status, lang),
                    if w.stale {
                        format!(" ({})", crate::i18n::ReportLabel::Stale.text(lang))
                    } else {
                        String::new()
                    },
                    num(w.points, lang),
                    num(w.weight, lang),
                    num(w.score, lang)
                )
            })
            .collect()
    }
}

/// The words of a score section.
pub struct Labels {
    pub title: &'static str,
    pub offering: &'static str,
    pub eisen: &'static str,
    pub wensen: &'static str,
    pub computation: &'static str,
    /// How the score is computed, in one sentence.
    pub rule: &'static str,
}

/// The words of a score section in a language.
pub fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::En => Labels {
            title: "Score",
            offering: "Offering",
            eisen: "Requirements (eisen)",
            wensen: "Wishes (wensen)",
            computation: "Computation",
            rule: "Every eis must pass or pass under conditions; an unknown eis is not met. Each wens scores its points times its weight: pass 1, conditional 0.5, fail 0, unknown 0; unknown wensen are counted beside the score.",
        },
        Lang::Nl => Labels {
            title: "Score",
            offering: "Dienst",
            eisen: "Eisen",
            wensen: "Wensen",
            computation: "Berekening",
            rule: "Aan elke eis moet zijn voldaan, eventueel onder voorwaarden; een onbekende eis geldt als niet voldaan. Elke wens telt mee met zijn punten maal zijn gewicht: voldoet 1, onder voorwaarden 0,5, voldoet niet 0, onbekend 0; onbekende wensen staan naast de score.",
        },
    }
}

/// A number as a person writes it: `3`, `2.5`, `0.25`.
pub fn number(x: f64) -> String {
    let rounded = (x * 1000.0).round() / 1000.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}")
    }
}

/// A number as written in a language: a decimal comma in Dutch.
fn num(x: f64, lang: Lang) -> String {
    match lang {
        Lang::En => number(x),
        Lang::Nl => number(x).replace('.', ","),
    }
}

/// The scores of every offering of a comparison, in its order.
pub fn scores(results: &[OfferingResult], profile: &Profile) -> Vec<Score> {
    results.iter().map(|r| Score::new(r, profile)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::{CriterionResult, Verdict};
    use crate::i18n::Text;

    fn result(statuses: &[(&'static str, Severity, Status)]) -> OfferingResult {
        OfferingResult {
            vendor: "v".into(),
            vendor_name: "V".into(),
            offering: Some("o".into()),
            offering_name: None,
            offering_name_nl: None,
            retired: None,
            verdict: Verdict::Suitable,
            criteria: statuses
                .iter()
                .map(|(id, severity, status)| CriterionResult {
                    id,
                    severity: *severity,
                    status: *status,
                    stale: false,
                    stale_reasons: Vec::new(),
                    reason: Text::fixed("", ""),
                    conditions: Vec::new(),
                    facts: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn eisen_decide_and_wensen_score_by_weight() {
        let profile = crate::criteria::profile::from_bytes(
            "p.toml",
            b"[weights]\ncamera-optional = 3\nanonymous-join = 2\ntransparency = 1\n",
        )
        .expect("valid");
        let r = result(&[
            ("processor-agreement", Severity::Must, Status::Pass),
            ("security", Severity::Must, Status::Conditional),
            ("camera-optional", Severity::Should, Status::Pass),
            ("anonymous-join", Severity::Should, Status::Conditional),
            ("transparency", Severity::Should, Status::Unknown),
        ]);
        let s = Score::new(&r, &profile);
        assert!(s.eisen_met);
        assert_eq!((s.score, s.max, s.unknown_wensen, s.unknown_weight), (4.0, 6.0, 1, 1.0));
        assert_eq!(s.eisen_text(Lang::En), "all 2 met (1 under conditions)");
        assert_eq!(
            s.score_text(Lang::En),
            "4 of 6 (67 %); 1 of 3 wensen unknown (weight 1)"
        );
        assert_eq!(
            s.computation(Lang::En),
            [
                "camera-optional: pass → 1 × 3 = 3",
                "anonymous-join: conditional → 0.5 × 2 = 1",
                "transparency: unknown → 0 × 1 = 0",
            ]
        );
        let r = result(&[
            ("processor-agreement", Severity::Must, Status::Unknown),
            ("security", Severity::Must, Status::Fail),
        ]);
        let s = Score::new(&r, &profile);
        assert!(!s.eisen_met, "an unknown eis is not met");
        assert_eq!(
            s.eisen_text(Lang::Nl),
            "niet voldaan: processor-agreement onbekend, security voldoet niet"
        );
        assert_eq!(s.score_text(Lang::Nl), "0 van 0");
    }
}
