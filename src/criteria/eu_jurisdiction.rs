//! `eu-jurisdiction`: no non-EU law (such as the US CLOUD Act) reaches the data.

use super::judge::Judge;
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "eu-jurisdiction",
    severity: Severity::Should,
    title: Text::fixed("Out of reach of non-EU law", "Buiten bereik van recht buiten de EU"),
    checks: Text::fixed(
        "The vendor is established in the EU/EEA, or the service can be self-hosted by the school or an EU provider, so that no non-EU law (e.g. the US CLOUD Act) reaches the data.",
        "De leverancier is gevestigd in de EU/EER, of de school of een Europese aanbieder kan de dienst zelf draaien, zodat geen recht van buiten de EU (zoals de Amerikaanse CLOUD Act) bij de gegevens kan.",
    ),
    rationale: Text::fixed(
        "Limits the reach of foreign authorities: an order from a court or authority outside the EU to hand over data is not by itself a ground for transfer (art. 48 GDPR); providers under such laws can be compelled to disclose data stored in the EU.",
        "Beperkt het bereik van buitenlandse overheden: een bevel van een rechter of overheid buiten de EU om gegevens te verstrekken is op zichzelf geen grond voor doorgifte (art. 48 AVG); aanbieders die onder zulke wetten vallen, kunnen worden gedwongen gegevens die in de EU staan af te geven.",
    ),
    trace: &[Trace {
        document: "003",
        place: "comment 1.1",
        quote: "Er zijn volop alternatieven, ook non-profit alternatieven uit Europa.",
    }],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    j.bool_is(
        "jurisdiction.non_eu_law",
        false,
        Text::fixed(
            "The data can be reached under non-EU law (for example the US CLOUD Act).",
            "Het recht van een land buiten de EU (bijvoorbeeld de Amerikaanse CLOUD Act) kan bij de gegevens.",
        ),
    );
    j.finish(Text::fixed(
        "Only EU law reaches the data.",
        "Alleen Europees recht is van toepassing op de gegevens.",
    ))
}
