//! The criteria as a questionnaire for bidders in a tender (`vcaudit questionnaire`): one neutral
//! question per criterion ([`questions`]), with what is assessed (the criterion's `checks`), why
//! (its `rationale`) and the evidence asked for, marked eis (a knock-out requirement: a `must`
//! criterion under the profile) or wens (a wish: `should`, with its weight from the profile's
//! `[weights]`), and room for the bidder's answer and reference. [`render`] writes it as a
//! spreadsheet or as Markdown, [`mod@docx`] as a Word document.

pub mod docx;
pub mod questions;
pub mod render;

use crate::criteria::profile::Profile;
use crate::criteria::{Criterion, Severity, ALL};
use crate::i18n::Lang;
use questions::Question;

/// What a question weighs in the tender.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A knock-out requirement: not met, or not shown to be met, ends the bid.
    Eis,
    /// A wish, scored with its weight.
    Wens { weight: f64 },
    /// Asked for information; neither decides nor scores.
    Info,
}

impl Kind {
    /// The word for the kind: Dutch tenders say eis and wens in either language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Eis, Lang::Nl) => "eis",
            (Kind::Wens { .. }, Lang::Nl) => "wens",
            (Kind::Info, Lang::Nl) => "ter informatie",
            (Kind::Eis, Lang::En) => "requirement (eis)",
            (Kind::Wens { .. }, Lang::En) => "wish (wens)",
            (Kind::Info, Lang::En) => "for information",
        }
    }

    /// The weight of a wens.
    pub fn weight(self) -> Option<f64> {
        match self {
            Kind::Wens { weight } => Some(weight),
            _ => None,
        }
    }
}

/// One question of the questionnaire.
pub struct Item {
    /// 1-based, in the order of the criteria.
    pub number: usize,
    pub criterion: &'static Criterion,
    pub kind: Kind,
    pub question: &'static Question,
}

/// The questions under a profile: every criterion it does not switch off, in order.
pub fn items(profile: &Profile) -> Vec<Item> {
    ALL.iter()
        .filter_map(|c| {
            let kind = match profile.severity_of(c) {
                Severity::Must => Kind::Eis,
                Severity::Should => Kind::Wens {
                    weight: profile.weight_of(c.id),
                },
                Severity::Info => Kind::Info,
                Severity::Off => return None,
            };
            Some((c, kind, questions::for_criterion(c.id)?))
        })
        .enumerate()
        .map(|(i, (criterion, kind, question))| Item {
            number: i + 1,
            criterion,
            kind,
            question,
        })
        .collect()
}

/// A weight as written: `3`, `2.5`.
pub fn weight_text(w: f64) -> String {
    if w.fract() == 0.0 {
        format!("{w:.0}")
    } else {
        format!("{w}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_decides_eisen_wensen_and_weights() {
        let all = items(&Profile::default());
        assert_eq!(all.len(), ALL.len());
        let kind = |items: &[Item], id: &str| items.iter().find(|i| i.criterion.id == id).map(|i| i.kind);
        assert_eq!(kind(&all, "processor-agreement"), Some(Kind::Eis));
        assert_eq!(kind(&all, "camera-optional"), Some(Kind::Wens { weight: 1.0 }));
        let profile = crate::criteria::profile::from_bytes(
            "p.toml",
            b"[severity]\ncamera-optional = \"must\"\ntransparency = \"off\"\n[weights]\nanonymous-join = 4\n",
        )
        .expect("valid");
        let some = items(&profile);
        assert_eq!(some.len(), ALL.len() - 1);
        assert_eq!(kind(&some, "camera-optional"), Some(Kind::Eis));
        assert_eq!(kind(&some, "anonymous-join"), Some(Kind::Wens { weight: 4.0 }));
        assert_eq!(kind(&some, "transparency"), None);
        assert!(some.iter().enumerate().all(|(i, item)| item.number == i + 1));
        assert_eq!(weight_text(4.0), "4");
        assert_eq!(weight_text(2.5), "2.5");
    }
}
