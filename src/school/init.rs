//! `school init`: a commented school file to start from, in English or Dutch, with the services
//! asked for and every condition of each (from the evaluation of that offering) listed as `open`
//! with its text as a comment and its `text_hash`. The keys only the school can fill are written
//! as comments, so that the template passes `school check` unchanged.

use std::fmt::Write as _;

use super::text_hash;
use crate::evaluate::OfferingResult;
use crate::i18n::Lang;

/// One string per language.
fn tr<'a>(lang: Lang, en: &'a str, nl: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

/// A text as one comment line (line breaks and control characters removed).
fn comment(s: &str) -> String {
    crate::report::clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// The template for the evaluated offerings `results`.
pub fn template(results: &[OfferingResult], lang: Lang) -> String {
    let mut out = String::new();
    let t = |en, nl| tr(lang, en, nl);
    out.push_str(t(
        "# School file for vcaudit: the services the school uses, under which contract, and which\n\
         # conditions are met. Check it with `vcaudit school check school.toml`; publish\n\
         # `vcaudit school page school.toml -o privacy.html` for parents.\n\
         # A condition's status is done, open or not-applicable. Keep its text_hash: `school check`\n\
         # warns when the catalogue's text of a condition marked done changes afterwards.\n\n",
        "# Schoolbestand voor vcaudit: welke diensten de school gebruikt, onder welk contract, en aan\n\
         # welke voorwaarden is voldaan. Controleer het met `vcaudit school check school.toml`; maak de\n\
         # pagina voor ouders met `vcaudit school page school.toml -o privacy.html`.\n\
         # De status van een voorwaarde is done (gedaan), open of not-applicable (niet van toepassing).\n\
         # Laat text_hash staan: `school check` waarschuwt als de tekst van een afgevinkte voorwaarde\n\
         # in de catalogus later verandert.\n\n",
    ));
    out.push_str("[school]\n");
    let _ = writeln!(
        out,
        "# name = {}",
        quoted(t("Name of the school or board", "Naam van de school of stichting"))
    );
    let _ = writeln!(
        out,
        "# dpo = {}  # {}",
        quoted(t("name, e-mail", "naam, e-mail")),
        t(
            "the data protection officer (FG)",
            "de functionaris gegevensbescherming (FG)"
        )
    );
    let _ = writeln!(
        out,
        "# contact = \"privacy@example.nl\"  # {}",
        t("where parents ask questions", "waar ouders terechtkunnen met vragen")
    );
    let _ = writeln!(
        out,
        "# signatory = {}  # {}",
        quoted(t("name, position", "naam, functie")),
        t("who signs letters to parents", "wie brieven aan ouders ondertekent")
    );
    out.push_str("# basis = \"public-task\"  # public-task | legal-obligation | agreement | legitimate-interest\n");
    if results.is_empty() {
        out.push_str(t(
            "\n# Add services with `vcaudit school init --service VENDOR/OFFERING`.\n",
            "\n# Voeg diensten toe met `vcaudit school init --service LEVERANCIER/AANBOD`.\n",
        ));
    }
    for r in results {
        service(&mut out, r, lang);
    }
    out
}

fn service(out: &mut String, r: &OfferingResult, lang: Lang) {
    let t = |en, nl| tr(lang, en, nl);
    let _ = writeln!(
        out,
        "\n[[services]]\nuse = {}  # {}",
        quoted(&r.key()),
        comment(&r.display_name_in(lang))
    );
    let _ = writeln!(
        out,
        "# purpose = {}",
        quoted(t("lessons at a distance", "lessen op afstand"))
    );
    out.push_str("# camera = \"optional\"  # required | optional | off\n");
    out.push_str("# camera_reason = \"\"  # ");
    out.push_str(t(
        "only with camera = \"required\"\n",
        "alleen bij camera = \"required\"\n",
    ));
    out.push_str("# recording = \"no\"  # no | coaching | pupil-guidance\n");
    let _ = writeln!(
        out,
        "# retention = {}",
        quoted(t(
            "until the end of the school year",
            "tot het einde van het schooljaar"
        ))
    );
    out.push_str(t(
        "\n# The data processing agreement:\n",
        "\n# De verwerkersovereenkomst:\n",
    ));
    out.push_str("# [services.contract]\n# route = \"SIVON\"  # SIVON | SURF | direct\n# model_dpa = \"4.0\"\n# signed = 2025-03-01\n# expires = 2027-03-01\n# reference = \"\"\n");
    out.push_str(t(
        "\n# A fact the school established itself replaces the catalogue's (catalogue term, claim shape):\n",
        "\n# Een feit dat de school zelf heeft vastgesteld vervangt dat van de catalogus (term uit de catalogus, vorm van een claim):\n",
    ));
    let _ = writeln!(
        out,
        "# [services.facts.recording.admin_can_disable]\n# value = true\n# source = {}\n# verified = 2026-11-30",
        quoted(t(
            "record of the admin settings, 30 November 2026",
            "vastlegging van de beheerinstellingen, 30 november 2026"
        ))
    );
    let mut seen: Vec<&str> = Vec::new();
    for c in &r.criteria {
        for cond in &c.conditions {
            if seen.contains(&cond.id.as_str()) {
                continue;
            }
            seen.push(&cond.id);
            let _ = writeln!(
                out,
                "\n# {} ({}): {}\n[[services.conditions]]\nid = {}\nstatus = \"open\"\ntext_hash = {}\n# owner = \"ICT\"\n# date = 2026-12-31\n# note = \"\"",
                c.id,
                c.severity.as_str(),
                comment(cond.get(lang)),
                quoted(&cond.id),
                quoted(&text_hash(&cond.text)),
            );
        }
    }
}
