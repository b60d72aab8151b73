//! The two languages of human-readable output: [`Lang`] (chosen with `--lang`), [`Text`] (a
//! sentence in both, as the criteria, the evaluation and the watcher build them) and the fixed
//! words of each output as typed labels ([`ReportLabel`], [`WatchLabel`], [`AdviseLabel`]), each
//! with its English and Dutch side by side, so that a misspelt label does not compile. Words that
//! belong to a domain value (a status, a verdict, a catalogue term) stay with that value.

use std::borrow::Cow;

use serde::Serialize;

/// The language of human-readable output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Nl,
}

/// A sentence in English and Dutch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub en: Cow<'static, str>,
    pub nl: Cow<'static, str>,
}

impl Text {
    /// A text from two static strings.
    pub const fn fixed(en: &'static str, nl: &'static str) -> Text {
        Text {
            en: Cow::Borrowed(en),
            nl: Cow::Borrowed(nl),
        }
    }

    /// A text from two owned strings.
    pub fn new(en: impl Into<String>, nl: impl Into<String>) -> Text {
        Text {
            en: Cow::Owned(en.into()),
            nl: Cow::Owned(nl.into()),
        }
    }

    /// Text that exists in one language only (a catalogue condition without a Dutch translation).
    pub fn same(s: impl Into<String>) -> Text {
        let s: String = s.into();
        Text {
            en: Cow::Owned(s.clone()),
            nl: Cow::Owned(s),
        }
    }

    /// The text in a language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Nl => &self.nl,
        }
    }
}

/// Declares an enum of fixed words, one variant per word with its English and Dutch, together
/// with `ALL` (every variant), `text` (the word in a language) and `to_text` (in both).
macro_rules! labels {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => ($en:literal, $nl:literal $(,)?),)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            /// Every label, in the order declared.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The label in a language.
            pub fn text(self, lang: Lang) -> &'static str {
                let (en, nl) = match self {
                    $($name::$variant => ($en, $nl),)*
                };
                match lang {
                    Lang::En => en,
                    Lang::Nl => nl,
                }
            }

            /// The label in both languages.
            pub fn to_text(self) -> Text {
                Text::fixed(self.text(Lang::En), self.text(Lang::Nl))
            }
        }
    };
}

labels! {
    /// The fixed words of the reports (`audit`, `show`, `criteria`, `compare`).
    ReportLabel {
        Vendor => ("Vendor", "Leverancier"),
        Offering => ("Offering", "Variant"),
        Verdict => ("Verdict", "Oordeel"),
        Criterion => ("Criterion", "Criterium"),
        Criteria => ("Criteria", "Criteria"),
        Status => ("Status", "Status"),
        Reason => ("Reason", "Reden"),
        Conditions => ("Conditions", "Voorwaarden"),
        NoConditions => ("No conditions.", "Geen voorwaarden."),
        Evidence => ("Evidence", "Bewijs"),
        Unknown => ("unknown", "onbekend"),
        Stale => ("stale", "verouderd"),
        Verified => ("verified", "gecontroleerd"),
        Differs => ("differs", "verschilt"),
        Legend => ("Legend", "Legenda"),
        RegulatoryHistory => ("Regulatory history", "Oordelen van toezichthouders"),
        AsOf => ("as of", "per"),
        RetiredOn => ("retired on", "gestopt op"),
        Severity => ("Severity", "Gewicht"),
        Source => ("Source", "Bron"),
        Sources => ("Sources", "Bronnen"),
        VerdictRule => ("Verdict rule", "Regel voor het oordeel"),
        Term => ("Term", "Onderwerp"),
        ClaimedTerms => ("Claimed terms", "Wat de leverancier zegt"),
        Value => ("Value", "Waarde"),
        Quote => ("Quote", "Citaat"),
        Note => ("Note", "Toelichting"),
        Reliability => ("Reliability", "Betrouwbaarheid"),
        Audit => ("Audit", "Beoordeling"),
        Comparison => ("Comparison", "Vergelijking"),
        Matrix => ("Matrix", "Overzicht"),
        CatalogueDate => ("Catalogue date (newest verification)", "Datum catalogus (laatste controle)"),
        EvaluatedOn => ("Evaluated on", "Beoordeeld op"),
        Profile => ("Profile", "Profiel"),
        Rationale => ("Why", "Waarom"),
    }
}

labels! {
    /// The fixed words of the `watch` change report. State names are the documented identifiers
    /// in the state column and in JSON; in sentences they are words of the language (`report.rs`).
    WatchLabel {
        Title => ("Policy watch", "Controle van de documenten van leveranciers"),
        Document => ("document", "document"),
        State => ("state", "toestand"),
        Detail => ("detail", "toelichting"),
        NoneFound => ("none", "geen"),
        InARow => ("checks in a row", "controles achter elkaar"),
        States => ("states", "datum in het document"),
        DocumentStates => ("the document states", "datum in het document"),
        MayTouch => ("may touch", "raakt mogelijk"),
        MayTouchCriteria => ("may touch the criteria", "raakt mogelijk de criteria"),
        Address => ("address", "adres"),
        ServedFrom => ("now served from", "nu te vinden op"),
    }
}

labels! {
    /// The fixed words of `advise`.
    AdviseLabel {
        Scenario => ("Scenario", "Situatie"),
        WhatItIs => ("What it is", "Wat het is"),
        ConsentNeeded => ("Parental consent needed", "Toestemming van ouders nodig"),
        Yes => ("yes", "ja"),
        No => ("no", "nee"),
        LegalBasis => ("Legal basis", "Grondslag"),
        Duties => ("What the school must do", "Wat de school moet doen"),
        Cautions => ("Cautions", "Let op"),
        Sources => ("Sources", "Bronnen"),
        Disclaimer => (
            "This is no legal advice; it summarises the source documents and, where it says so, the law.",
            "Dit is geen juridisch advies; het vat de brondocumenten samen en, waar dat staat, de wet.",
        ),
        Outside => (
            "the source documents do not cover this; reasoned from",
            "de brondocumenten behandelen dit niet; afgeleid uit",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label of one enum in both languages, with whether the two may be the same word.
    fn check<L: Copy + std::fmt::Debug>(all: &[L], text: fn(L, Lang) -> &'static str, same_in_both: &[&str]) {
        for &l in all {
            let (en, nl) = (text(l, Lang::En), text(l, Lang::Nl));
            assert!(!en.trim().is_empty(), "{l:?} has no English");
            assert!(!nl.trim().is_empty(), "{l:?} has no Dutch");
            let may_be_same = same_in_both.contains(&en);
            assert_eq!(en == nl, may_be_same, "{l:?}: {en:?} / {nl:?}");
        }
    }

    #[test]
    fn every_label_has_both_languages_and_dutch_differs_where_it_should() {
        // The words that are spelt the same in Dutch, and only those.
        check(ReportLabel::ALL, ReportLabel::text, &["Criteria", "Status"]);
        check(WatchLabel::ALL, WatchLabel::text, &["document"]);
        check(AdviseLabel::ALL, AdviseLabel::text, &[]);
    }

    #[test]
    fn text_is_read_in_the_language_asked() {
        let t = Text::fixed("pass", "voldoet");
        assert_eq!(t.get(Lang::En), "pass");
        assert_eq!(t.get(Lang::Nl), "voldoet");
        assert_eq!(ReportLabel::Verdict.text(Lang::Nl), "Oordeel");
        assert_eq!(WatchLabel::Title.text(Lang::En), "Policy watch");
    }
}
