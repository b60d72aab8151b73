//! `no-content-analysis`: no speech-to-text, face recognition, attention tracking or AI assistant
//! on lessons unless the school turns it on.

use super::judge::{condition, ClaimCheck, Judge};
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};
use crate::catalogue::terms;

pub static CRITERION: Criterion = Criterion {
    id: "no-content-analysis",
    severity: Severity::Must,
    title: Text::fixed("No analysis of lesson content", "Geen analyse van de inhoud van lessen"),
    checks: Text::fixed(
        "The vendor does not analyse meeting content (speech-to-text, face recognition, attention tracking, AI assistants, reading what is visible on camera) unless the school turns it on; such features are off by default and an admin can switch them off.",
        "De leverancier analyseert de inhoud van lessen niet (spraak naar tekst, gezichtsherkenning, aandacht meten, AI-assistenten, lezen wat in beeld is), tenzij de school dat aanzet; zulke functies staan standaard uit en een beheerder kan ze uitzetten.",
    ),
    rationale: Text::fixed(
        "Protects what pupils say and show in a lesson from automated analysis they cannot foresee: only the data needed for the lesson (data minimisation, art. 5(1)(c) GDPR), privacy-friendly settings by default (art. 25(2)); children merit specific protection (recital 38).",
        "Beschermt wat leerlingen in een les zeggen en laten zien tegen automatische analyse die zij niet kunnen overzien: alleen de gegevens die voor de les nodig zijn (dataminimalisatie, art. 5 lid 1 onder c AVG), privacyvriendelijke standaardinstellingen (art. 25 lid 2); kinderen verdienen specifieke bescherming (overweging 38).",
    ),
    trace: &[Trace {
        document: "003",
        place: "comment 1.1",
        quote: "Zoom mag de inhoud van de video analyseren (met speech to text) maar ook met gezichtsherkenning",
    }],
    evaluate,
};

const FEATURES: [&str; 4] = [
    "content_analysis.transcription",
    "content_analysis.face_recognition",
    "content_analysis.attention_tracking",
    "content_analysis.ai_assistant",
];

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    let admin = facts
        .claim("content_analysis.admin_can_disable")
        .and_then(|c| c.value.as_bool());
    let mut needs_admin = false;
    for key in FEATURES {
        let term = terms::find(key).map_or((key, key), |t| (t.label_en, t.label_nl));
        j.check(key, |c| match c.value.as_str() {
            Some("on-by-default") => {
                needs_admin = true;
                match admin {
                    Some(true) => ClaimCheck::Conditional(condition(
                        &format!(
                            "no-content-analysis/switch-off-{}",
                            key.trim_start_matches("content_analysis.").replace('_', "-")
                        ),
                        format!(
                            "Switch off {} for the whole school in the admin settings.",
                            super::judge::lower_first(term.0)
                        ),
                        format!(
                            "Zet {} voor de hele school uit in de beheerinstellingen.",
                            super::judge::lower_first(term.1)
                        ),
                    )),
                    Some(false) => ClaimCheck::Fail(Text::new(
                        format!("{} is on by default and the school cannot switch it off.", term.0),
                        format!("{} staat standaard aan en de school kan het niet uitzetten.", term.1),
                    )),
                    // Whether the school can switch it off is unknown: checked below.
                    None => ClaimCheck::Pass,
                }
            }
            _ => ClaimCheck::Pass,
        });
    }
    if needs_admin && admin.is_none() {
        // A feature is on by default and nobody knows whether the school can switch it off.
        j.check("content_analysis.admin_can_disable", |_| ClaimCheck::Pass);
    }
    j.finish(Text::fixed(
        "No content analysis unless the school turns it on.",
        "Geen analyse van de inhoud, tenzij de school die aanzet.",
    ))
}
