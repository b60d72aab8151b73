//! `anonymous-join`: pupils can join without a personal vendor account, under a pseudonym.

use super::judge::{condition, ClaimCheck, Judge};
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "anonymous-join",
    severity: Severity::Should,
    title: Text::fixed(
        "Join without an account, under a pseudonym",
        "Deelnemen zonder account, met schuilnaam",
    ),
    checks: Text::fixed(
        "Pupils can join without a personal vendor account and under a pseudonym.",
        "Leerlingen kunnen meedoen zonder eigen account bij de leverancier en met een schuilnaam.",
    ),
    rationale: Text::fixed(
        "A pupil should not need a personal account with the provider, nor show a full name, just to attend a lesson (data minimisation and data protection by default, art. 5(1)(c) and art. 25(2) GDPR).",
        "Een leerling hoort geen eigen account bij de aanbieder nodig te hebben, en geen volledige naam te tonen, alleen om een les te volgen (dataminimalisatie en privacy als standaard, art. 5 lid 1 onder c en art. 25 lid 2 AVG).",
    ),
    trace: &[Trace {
        document: "003",
        place: "comment 9",
        quote: "Een kind van een bedreigde ouder moet anoniem kunnen deelnemen",
    }],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    j.check("participation.account_required", |c| match c.value.as_bool() {
        Some(false) => ClaimCheck::Pass,
        _ => ClaimCheck::Conditional(condition(
            "anonymous-join/school-accounts",
            "Give pupils school-managed accounts that do not show their full name where safety requires it.",
            "Geef leerlingen accounts van de school die, waar de veiligheid dat vraagt, niet hun volledige naam tonen.",
        )),
    });
    j.bool_is(
        "participation.pseudonym",
        true,
        Text::fixed(
            "Pupils cannot join under a pseudonym.",
            "Leerlingen kunnen niet met een schuilnaam meedoen.",
        ),
    );
    j.finish(Text::fixed(
        "Pupils can join without an account and under a pseudonym.",
        "Leerlingen kunnen zonder account en met een schuilnaam meedoen.",
    ))
}
