//! `camera-optional`: pupils can take part without video.

use super::judge::{condition, ClaimCheck, Judge};
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "camera-optional",
    severity: Severity::Should,
    title: Text::fixed("Camera optional for pupils", "Camera niet verplicht voor leerlingen"),
    checks: Text::fixed(
        "Pupils can take part without video (audio only, camera off by default or controllable by the teacher); screen sharing works without pupil video.",
        "Leerlingen kunnen meedoen zonder beeld (alleen geluid, camera standaard uit of door de docent in te stellen); scherm delen werkt zonder beeld van leerlingen.",
    ),
    rationale: Text::fixed(
        "Video of a pupil needs a specific reason (the author: \"In ieder geval moet je daar een specifieke reden voor hebben\"); where there is none, only the data needed should be processed (data minimisation, art. 5(1)(c) GDPR), so pupils must be able to take part without a camera.",
        "Beeld van een leerling vraagt een specifieke reden (de auteur: \"In ieder geval moet je daar een specifieke reden voor hebben\"); zonder zo'n reden worden alleen de nodige gegevens verwerkt (dataminimalisatie, art. 5 lid 1 onder c AVG), dus leerlingen moeten zonder camera kunnen meedoen.",
    ),
    trace: &[
        Trace { document: "003", place: "main text", quote: "In ieder geval moet je daar een specifieke reden voor hebben." },
        Trace { document: "003", place: "comment 5", quote: "Scherm delen is wel onmisbaar gebleken" },
    ],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    j.bool_is(
        "participation.audio_only",
        true,
        Text::fixed(
            "Pupils cannot take part with audio only.",
            "Leerlingen kunnen niet alleen met geluid meedoen.",
        ),
    );
    j.check("participation.camera_default", |c| match c.value.as_str() {
        Some("off" | "configurable") => ClaimCheck::Pass,
        _ => ClaimCheck::Conditional(condition(
            "camera-optional/tell-pupils-camera-off",
            "Tell pupils they may switch their camera off, because it is on when they join.",
            "Vertel leerlingen dat ze hun camera mogen uitzetten, want die staat aan bij deelname.",
        )),
    });
    j.finish(Text::fixed(
        "Pupils can take part without their camera.",
        "Leerlingen kunnen meedoen zonder camera.",
    ))
}
