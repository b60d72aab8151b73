//! Which criteria a change may touch: English and Dutch keywords in the changed lines, mapped to
//! criterion ids. A hint for the reviewer, not a verdict: it says where to look first.

use crate::criteria;

use super::Diff;

/// A keyword and whether it must stand as a whole word (short ones such as `ai` or `eu`);
/// otherwise it matches at the start of a word, so `cookie` also finds `cookies`.
struct Kw(&'static str, bool);

const fn w(s: &'static str) -> Kw {
    Kw(s, true)
}
const fn p(s: &'static str) -> Kw {
    Kw(s, false)
}

/// Keywords per criterion id (lower case).
const MAP: &[(&str, &[Kw])] = &[
    (
        "processor-agreement",
        &[
            p("data processing agreement"),
            p("data processing addendum"),
            w("dpa"),
            p("processor agreement"),
            p("data processor"),
            p("controller"),
            p("verwerkersovereenkomst"),
            p("verwerkingsverantwoordelijke"),
            p("verwerker"),
        ],
    ),
    (
        "no-own-analytics",
        &[
            p("analytic"),
            p("telemetr"),
            p("usage data"),
            p("diagnostic data"),
            p("product improvement"),
            p("improve our product"),
            p("improve our service"),
            p("analyse"),
            p("analyze"),
            p("analytisch"),
            p("gebruiksgegevens"),
            p("diagnostische gegevens"),
            p("statistiek"),
            p("statistic"),
        ],
    ),
    (
        "no-secondary-use",
        &[
            p("advertis"),
            p("marketing"),
            p("sell"),
            p("sale of"),
            p("monetiz"),
            p("monetis"),
            p("artificial intelligence"),
            w("ai"),
            p("machine learning"),
            p("train"),
            p("profiling"),
            p("personalis"),
            p("personaliz"),
            p("targeted"),
            p("reclame"),
            p("advertent"),
            p("verkop"),
            p("verkoop"),
            p("kunstmatige intelligentie"),
            p("machinaal leren"),
            p("profilering"),
            p("gepersonaliseerd"),
            p("eigen doeleinden"),
            p("own purposes"),
        ],
    ),
    (
        "no-third-party-sharing",
        &[
            p("third part"),
            p("third-part"),
            p("subprocessor"),
            p("sub-processor"),
            p("sub processor"),
            p("tracker"),
            p("tracking"),
            p("cookie"),
            p("pixel"),
            p("share"),
            p("sharing"),
            p("disclos"),
            p("partner"),
            p("affiliate"),
            p("derde"),
            p("subverwerker"),
            p("sub-verwerker"),
            p("delen"),
            p("gedeeld"),
            p("verstrek"),
            p("doorgeven"),
        ],
    ),
    (
        "no-content-analysis",
        &[
            p("transcri"),
            p("face"),
            p("facial"),
            p("attention"),
            p("ai companion"),
            p("emotion"),
            p("sentiment"),
            p("meeting content"),
            p("customer content"),
            p("summar"),
            p("caption"),
            p("biometric"),
            p("voice"),
            p("gezicht"),
            p("aandacht"),
            p("emotie"),
            p("samenvatting"),
            p("ondertitel"),
            p("biometrisch"),
            p("inhoud van"),
        ],
    ),
    (
        "eu-hosting",
        &[
            p("transfer"),
            p("region"),
            p("data cent"),
            p("datacent"),
            p("hosting"),
            p("hosted"),
            w("eu"),
            p("european union"),
            p("european economic area"),
            w("eea"),
            p("united states"),
            w("u.s"),
            p("standard contractual clauses"),
            w("scc"),
            w("sccs"),
            p("data privacy framework"),
            p("privacy shield"),
            p("stored in"),
            p("storage location"),
            p("doorgifte"),
            p("regio"),
            p("opgeslagen"),
            p("europese unie"),
            w("eer"),
            p("verenigde staten"),
            p("buiten de eu"),
        ],
    ),
    (
        "eu-jurisdiction",
        &[
            p("law enforcement"),
            p("government"),
            p("public authorit"),
            p("subpoena"),
            p("court order"),
            p("cloud act"),
            w("fisa"),
            p("warrant"),
            p("national security"),
            p("legal request"),
            p("legal process"),
            p("opsporing"),
            p("overheid"),
            p("autoriteit"),
            p("justitie"),
            p("politie"),
            p("gerechtelijk"),
            p("rechtbank"),
        ],
    ),
    (
        "recording-control",
        &[p("record"), p("opname"), p("opnemen"), p("opgenomen")],
    ),
    (
        "recording-storage",
        &[
            p("record"),
            p("retention"),
            p("retain"),
            p("delet"),
            p("erase"),
            p("erasure"),
            p("kept for"),
            p("opname"),
            p("bewaar"),
            p("verwijder"),
            p("wissen"),
            p("gewist"),
        ],
    ),
    (
        "camera-optional",
        &[
            p("camera"),
            p("webcam"),
            p("audio-only"),
            p("audio only"),
            p("video off"),
        ],
    ),
    (
        "anonymous-join",
        &[
            p("account"),
            p("sign in"),
            p("sign-in"),
            p("sign up"),
            p("login"),
            p("log in"),
            p("guest"),
            p("anonym"),
            p("registr"),
            p("register"),
            p("inloggen"),
            p("gast"),
            p("anoniem"),
        ],
    ),
    (
        "security",
        &[
            p("encrypt"),
            p("end-to-end"),
            w("e2ee"),
            p("security"),
            p("breach"),
            w("iso"),
            w("tls"),
            p("versleutel"),
            p("encryptie"),
            p("beveilig"),
            p("datalek"),
            p("vulnerab"),
        ],
    ),
    (
        "transparency",
        &[
            p("changes to this"),
            p("notify you"),
            p("we will notify"),
            p("privacy statement"),
            p("privacy notice"),
            p("wijzigingen in deze"),
            p("privacyverklaring"),
            p("op de hoogte"),
        ],
    ),
];

/// Whether `kw` occurs in `hay` (lower case) at the start of a word, and, for whole-word keywords,
/// also ending at a word boundary.
fn occurs(hay: &str, kw: &Kw) -> bool {
    hay.match_indices(kw.0).any(|(i, m)| {
        let before_ok = hay[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let end = i + m.len();
        let after_ok = !kw.1 || hay[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before_ok && after_ok
    })
}

/// Criterion ids whose keywords occur in `text`, in the order of [`criteria::ALL`].
pub fn criteria_in(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    criteria::ALL
        .iter()
        .map(|c| c.id)
        .filter(|id| {
            MAP.iter()
                .filter(|(k, _)| k == id)
                .any(|(_, kws)| kws.iter().any(|kw| occurs(&lower, kw)))
        })
        .collect()
}

/// Criterion ids that the changed lines of `diff` may touch, by keyword, in criteria order.
pub fn criteria_touched(diff: &Diff) -> Vec<&'static str> {
    let changed: Vec<&str> = diff.changed_text().collect();
    criteria_in(&changed.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_dutch_keywords_map_to_criteria_in_order() {
        assert_eq!(
            criteria_in("We may use your content to train our AI models and share it with advertisers."),
            ["no-secondary-use", "no-third-party-sharing"]
        );
        assert_eq!(
            criteria_in("Opnamen worden na 30 dagen verwijderd; de gegevens worden opgeslagen in de EU."),
            ["eu-hosting", "recording-control", "recording-storage"]
        );
        assert_eq!(
            criteria_in("Requests from law enforcement under the CLOUD Act"),
            ["eu-jurisdiction"]
        );
    }

    #[test]
    fn short_keywords_need_whole_words() {
        assert_eq!(criteria_in("We said hello to the maintainers"), Vec::<&str>::new());
        assert!(!criteria_in("aid and euphoria").contains(&"eu-hosting"));
    }
}
