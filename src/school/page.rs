//! `school page`: the page a school publishes for parents, in Dutch or English. Per service: what
//! the school uses it for, who provides it, under which agreement, what the provider may and may
//! not do, where the data is kept and for how long, the camera and recordings; then whom to ask.
//! Plain language and no IT to-dos: every sentence comes from the school's file or from a sourced
//! fact of the school's evaluation, worded by the parents' notice's phrases
//! ([`crate::guidance::phrases`]); what nobody knows is left out, never guessed.

use std::fmt::Write as _;

use super::assess::ServiceAssessment;
use super::Assessment;
use crate::guidance::notice::{Camera, Recording};
use crate::guidance::phrases::{country, fact, tr};
use crate::i18n::Lang;
use crate::report::clean;

/// The terms whose sentences say what the provider may and may not do.
const BINDING: &[&str] = &[
    "contract.role",
    "analytics.usage_profiling",
    "secondary_use.marketing",
    "secondary_use.selling",
    "secondary_use.ai_training",
    "sharing.third_parties",
    "sharing.trackers",
    "transparency.subprocessor_list",
    "content_analysis.face_recognition",
    "content_analysis.attention_tracking",
];

/// The terms whose sentences say where the data is kept and how it is protected.
const STORAGE: &[&str] = &[
    "hosting.eu_residency",
    "hosting.transfer_mechanism",
    "jurisdiction.non_eu_law",
    "security.transport_encryption",
    "security.e2ee",
];

fn esc(s: &str) -> String {
    html_escape::encode_text(&clean(s)).into_owned()
}

/// A sentence of the school's own words, ending in one full stop.
fn own(s: &str) -> String {
    let s = clean(s).trim().to_owned();
    if s.ends_with(['.', '!', '?']) {
        s
    } else {
        format!("{s}.")
    }
}

/// The page, as one self-contained HTML document.
pub fn page(a: &Assessment, lang: Lang) -> String {
    let t = |en: &str, nl: &str| tr(lang, en, nl);
    let school = a.school.name.as_deref().map(clean);
    let title = match &school {
        Some(s) => t(
            &format!("Privacy: lessons by video at {s}"),
            &format!("Privacy: lessen via video bij {s}"),
        ),
        None => t(
            "Privacy: lessons by video at our school",
            "Privacy: lessen via video op onze school",
        ),
    };
    let code = match lang {
        Lang::En => "en",
        Lang::Nl => "nl",
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{0}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{0}</h1>\n",
        esc(&title)
    );
    let who = school.clone().unwrap_or_else(|| t("Our school", "Onze school"));
    let _ = writeln!(
        out,
        "<p>{}</p>",
        esc(&t(
            &format!("{who} uses the services below to give lessons by video. On this page you can read what for, under which agreement, and what happens to the data of your child."),
            &format!("{who} gebruikt de diensten hieronder om les te geven via video. Op deze pagina leest u waarvoor, onder welke afspraken, en wat er met de gegevens van uw kind gebeurt."),
        ))
    );
    for s in &a.services {
        service(&mut out, s, lang);
    }
    let _ = writeln!(out, "<h2>{}</h2>", esc(&t("Questions?", "Vragen?")));
    if let Some(c) = &a.school.contact {
        let _ = writeln!(
            out,
            "<p>{} {}</p>",
            esc(&t(
                "Do you have questions about privacy? Please contact",
                "Heeft u vragen over privacy? Neem dan contact op met"
            )),
            esc(&own(c))
        );
    }
    if let Some(d) = &a.school.dpo {
        let _ = writeln!(
            out,
            "<p>{} {}</p>",
            esc(&t(
                "The school's data protection officer (functionaris gegevensbescherming) can be reached at",
                "De functionaris gegevensbescherming (FG) van de school is bereikbaar via",
            )),
            esc(&own(d))
        );
    }
    let _ = writeln!(
        out,
        "<p>{} <a href=\"https://autoriteitpersoonsgegevens.nl\">autoriteitpersoonsgegevens.nl</a></p>",
        esc(&t(
            "Do you disagree with how we handle the data? Please tell us first. You may also complain to the Dutch data protection authority:",
            "Bent u het niet eens met hoe wij met de gegevens omgaan? Laat het ons eerst weten. U mag ook een klacht indienen bij de Autoriteit Persoonsgegevens:",
        ))
    );
    let _ = writeln!(
        out,
        "<p class=\"small\">{}</p>\n</body>\n</html>",
        esc(&t(
            &format!("Last checked: {}.", a.as_of),
            &format!("Laatst gecontroleerd: {}.", a.as_of)
        ))
    );
    out
}

/// The sentences the known facts of `terms` support.
fn sentences(s: &ServiceAssessment, terms: &[&str], lang: Lang) -> Vec<String> {
    terms
        .iter()
        .filter_map(|term| s.claim(term).and_then(|c| fact(term, &c.value, &s.vendor, lang)))
        .collect()
}

fn list(out: &mut String, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h3>{}</h3>\n<ul>", esc(heading));
    for i in items {
        let _ = writeln!(out, "<li>{}</li>", esc(i));
    }
    out.push_str("</ul>\n");
}

fn service(out: &mut String, s: &ServiceAssessment, lang: Lang) {
    let t = |en: &str, nl: &str| tr(lang, en, nl);
    let v = &s.vendor;
    let name = clean(&v.name);
    let offering = s.service.offering.as_deref().and_then(|o| v.offering(o));
    let offering_name = offering.map(|o| match (lang, &o.name_nl) {
        (Lang::Nl, Some(nl)) => clean(nl),
        _ => clean(&o.name),
    });
    let heading = match &offering_name {
        Some(o) => format!("{name} ({o})"),
        None => name.clone(),
    };
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(&heading));
    let mut about = Vec::new();
    if let Some(p) = &s.service.purpose {
        about.push(format!(
            "{} {}",
            t("What we use it for:", "Waarvoor wij het gebruiken:"),
            own(p)
        ));
    }
    let (company, en, nl) = (
        clean(&v.company),
        country(&v.headquarters, Lang::En),
        country(&v.headquarters, Lang::Nl),
    );
    // Software the school runs itself, or has run by a host it chose: the maker is not the
    // party that processes the data (as the parents' notice says it).
    let operated = s
        .service
        .offering
        .as_deref()
        .is_some_and(|o| crate::guidance::notice::OPERATED_FOR_THE_SCHOOL.contains(&o));
    about.push(if operated {
        t(
            &format!("The software is made by {company}, a company from {en}. It runs on a server of the school or of a company the school chose."),
            &format!("Het programma is gemaakt door {company}, een bedrijf uit {nl}. Het draait op een server van de school of van een bedrijf dat de school heeft gekozen."),
        )
    } else {
        t(
            &format!("The provider is {company}, a company from {en}."),
            &format!("De aanbieder is {company}, een bedrijf uit {nl}."),
        )
    });
    if let Some(c) = s.service.contract.as_ref().filter(|c| c.signed.is_some()) {
        let mut sentence = t(
            "The school has signed a data processing agreement with the provider",
            "De school heeft met de aanbieder een verwerkersovereenkomst getekend",
        );
        if let Some(r) = &c.route {
            sentence.push_str(&t(&format!(" through {}", clean(r)), &format!(" via {}", clean(r))));
        }
        if let Some(m) = &c.model_dpa {
            sentence.push_str(&t(
                &format!(", on the education sector's model agreement (version {})", clean(m)),
                &format!(
                    ", volgens de Model Verwerkersovereenkomst van het onderwijs (versie {})",
                    clean(m)
                ),
            ));
        }
        if let Some(d) = c.signed {
            sentence.push_str(&t(&format!(", on {d}"), &format!(", op {d}")));
        }
        if let Some(e) = c.expires {
            sentence.push_str(&t(&format!("; it runs until {e}"), &format!("; die loopt tot {e}")));
        }
        sentence.push_str(&t(
            ". It sets down what the provider may do with the data.",
            ". Daarin staat wat de aanbieder met de gegevens mag doen.",
        ));
        about.push(sentence);
    }
    out.push_str("<p>");
    out.push_str(&about.iter().map(|a| esc(a)).collect::<Vec<_>>().join(" "));
    out.push_str("</p>\n");
    list(
        out,
        &t(
            "What the provider may and may not do",
            "Wat de aanbieder wel en niet mag",
        ),
        &sentences(s, BINDING, lang),
    );
    let mut storage = sentences(s, STORAGE, lang);
    if let Some(r) = &s.service.retention {
        storage.push(format!(
            "{} {}",
            t("How long we keep data:", "Hoe lang wij gegevens bewaren:"),
            own(r)
        ));
    }
    list(
        out,
        &t(
            "Where the data is kept, and for how long",
            "Waar de gegevens staan, en hoe lang",
        ),
        &storage,
    );
    let mut lesson = Vec::new();
    match s.service.camera {
        Some(Camera::Required) => {
            let mut c = t(
                "We ask your child to switch the camera on during the lesson.",
                "Wij vragen uw kind om de camera aan te zetten tijdens de les.",
            );
            if let Some(r) = &s.service.camera_reason {
                c = format!("{c} {} {}", t("The reason:", "De reden:"), own(r));
            }
            lesson.push(c);
        }
        Some(Camera::Optional) => lesson.push(t(
            "Your child may switch the camera on, but does not have to.",
            "Uw kind mag de camera aanzetten, maar het hoeft niet.",
        )),
        Some(Camera::Off) => lesson.push(t(
            "Pupils take part without a camera.",
            "Leerlingen doen mee zonder camera.",
        )),
        None => {}
    }
    match s.service.recording {
        Some(Recording::No) => lesson.push(t("We do not record the lessons.", "Wij nemen de lessen niet op.")),
        Some(Recording::Coaching) => lesson.push(t(
            "Sometimes we record a lesson, only to coach a teacher, a student teacher or an intern. The recording stays inside the school.",
            "Soms nemen wij een les op, alleen om een leraar, een student of een stagiair te coachen. De opname blijft binnen de school.",
        )),
        Some(Recording::PupilGuidance) => lesson.push(t(
            "Sometimes we record a lesson, only to guide a pupil well. The recording stays inside the school.",
            "Soms nemen wij een les op, alleen om een leerling goed te begeleiden. De opname blijft binnen de school.",
        )),
        Some(Recording::AbsentPupils) => lesson.push(t(
            "Sometimes we record a lesson for pupils who cannot be in class, with the camera on the teacher and the board. Only the pupils of the class can watch it, within the school's own environment.",
            "Soms nemen wij een les op voor leerlingen die er niet bij kunnen zijn, met de camera op de leraar en het bord. Alleen de leerlingen van de klas kunnen de opname bekijken, in de eigen omgeving van de school.",
        )),
        Some(Recording::Hybrid) => lesson.push(t(
            "Some lessons are streamed live from the classroom to pupils at home, with the camera on the teacher and the board. We do not record them.",
            "Sommige lessen zenden wij live uit vanuit het klaslokaal naar leerlingen thuis, met de camera op de leraar en het bord. Wij nemen ze niet op.",
        )),
        Some(Recording::Proctoring) => lesson.push(t(
            "Some tests are taken at home under supervision by video.",
            "Sommige toetsen worden thuis gemaakt onder toezicht via video.",
        )),
        None => {}
    }
    list(out, &t("Camera and recordings", "Camera en opnames"), &lesson);
    out.push_str("</section>\n");
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}\
h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1rem;margin-bottom:.2rem}.small{color:#666;font-size:.9rem}";
