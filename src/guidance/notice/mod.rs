//! The notice to parents that the school must give when lessons use video (003: "In ieder geval
//! móet je het melden. In gewone taal, met uitleg over de beveiliging en hoe je de
//! videodienstverlener hebt gebonden"). [`build`] drafts it for one evaluated vendor offering as
//! a plain value: sections of paragraphs made of text and of marks the school must resolve
//! (something to fill in, something to check, a warning). Facts come only from the evaluation;
//! what it does not know becomes a mark, never text. `render` writes the value out.

use crate::catalogue::{Claim, Vendor};
use crate::criteria::Status;
use crate::evaluate::OfferingResult;
use crate::i18n::Lang;

use super::phrases::{fact, question, tr};

mod parts;
mod recording;

use parts::{alert, camera, contact, intro, rights, school_notes};
use recording::recording;

/// One piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    /// Something only the school knows: `[IN TE VULLEN: ...]`.
    Fill(String),
    /// Something the catalogue does not know or that holds only under a condition: `[TE CONTROLEREN: ...]`.
    Check(String),
    /// A fact that fails a criterion: `[LET OP: ...]`.
    Warn(String),
    /// A web address.
    Link(String),
}

impl Span {
    /// The label of a mark in a language; `None` for text.
    pub fn label(&self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (Span::Text(_) | Span::Link(_), _) => None,
            (Span::Fill(_), Lang::Nl) => Some("IN TE VULLEN"),
            (Span::Fill(_), Lang::En) => Some("TO FILL IN"),
            (Span::Check(_), Lang::Nl) => Some("TE CONTROLEREN"),
            (Span::Check(_), Lang::En) => Some("TO CHECK"),
            (Span::Warn(_), Lang::Nl) => Some("LET OP"),
            (Span::Warn(_), Lang::En) => Some("WARNING"),
        }
    }

    /// The text of the span, without its label.
    pub fn text(&self) -> &str {
        match self {
            Span::Text(s) | Span::Fill(s) | Span::Check(s) | Span::Warn(s) | Span::Link(s) => s,
        }
    }
}

/// A paragraph: spans joined by spaces.
pub type Para = Vec<Span>;

/// A headed part of the notice.
#[derive(Debug, Clone)]
pub struct Section {
    pub heading: String,
    pub paras: Vec<Para>,
}

/// The drafted notice.
#[derive(Debug, Clone)]
pub struct Notice {
    pub lang: Lang,
    pub title: String,
    /// Shown above everything when the service is not suitable or retired.
    pub alert: Option<Para>,
    /// Notes for the school, to remove before sending.
    pub school_notes: Vec<Para>,
    /// What the school must arrange (settings, contract terms), each once: the conditions of the
    /// criteria the letter speaks of. Never part of the parents' text.
    pub checklist: Vec<Para>,
    pub greeting: String,
    pub sections: Vec<Section>,
    pub closing: Vec<Para>,
}

/// Whether pupils must be on camera in the lessons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Camera {
    /// Pupils must switch the camera on (give the reason with `--camera-reason`)
    Required,
    /// Pupils may switch the camera on
    Optional,
    /// Pupils take part without a camera
    Off,
}

/// Whether and why the school records lessons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Recording {
    /// Lessons are not recorded
    No,
    /// Recorded only to coach a teacher, student teacher or intern, inside the school
    Coaching,
    /// Recorded only to guide a pupil, inside the school
    PupilGuidance,
    /// Recorded for pupils who cannot be in class, watched only by the class inside the school
    AbsentPupils,
    /// Streamed live from the classroom to pupils at home (a hybrid lesson), not recorded
    Hybrid,
    /// Tests taken at home are supervised by camera or software (online proctoring)
    Proctoring,
}

/// What the school tells the notice about itself.
#[derive(Debug, Clone, Default)]
pub struct SchoolInput {
    pub school: Option<String>,
    pub contact: Option<String>,
    pub reason: Option<String>,
    pub camera: Option<Camera>,
    pub camera_reason: Option<String>,
    pub recording: Option<Recording>,
    pub retention: Option<String>,
    /// The contact of the school's data protection officer (functionaris gegevensbescherming).
    pub dpo: Option<String>,
    /// The legal basis the school names.
    pub basis: Option<Basis>,
    /// Who signs: name and position.
    pub signatory: Option<String>,
    /// The date of the letter, as the school writes it.
    pub date: Option<String>,
}

/// The legal bases of art. 6(1) GDPR a school relies on for lessons by video (003: "een noodzaak
/// voor de onderwijsovereenkomst en/of een eigen legitiem belang", a legal duty counts too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Basis {
    /// A task in the public interest under the education acts (art. 6(1)(e))
    PublicTask,
    /// A legal obligation under the education acts (art. 6(1)(c))
    LegalObligation,
    /// Necessary for the education agreement (art. 6(1)(b))
    Agreement,
    /// The school's legitimate interest in good education (art. 6(1)(f))
    LegitimateInterest,
}

/// Which part of the notice to write: the letter to the parents, the school's own checklist, or
/// both (the checklist first, clearly apart from the letter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Part {
    /// Only the letter to the parents
    Parents,
    /// Only what the school must arrange (settings, contract terms, facts to check)
    School,
    /// The school's checklist, then the letter, clearly apart
    #[default]
    Both,
}

/// Offerings where the software runs on a server of the school or of a hosting provider it
/// chose, so that the software maker is not the party that processes the data.
pub const OPERATED_FOR_THE_SCHOOL: &[&str] = &["self-hosted", "on-premises", "hosted-eu", "hosted"];

/// The state of one term in the evaluation.
pub(super) enum Known<'a> {
    Claim(&'a Claim),
    Unknown,
    /// No criterion read it (switched off in the profile, or not needed).
    NotRead,
}

pub(super) struct Draft<'a> {
    pub(super) r: &'a OfferingResult,
    pub(super) vendor: &'a Vendor,
    pub(super) lang: Lang,
    /// The conditions for the school's checklist, each once.
    pub(super) checklist: Vec<Para>,
    /// Conditions already listed, so each appears once.
    pub(super) shown: Vec<String>,
    /// Whether a shown condition has no Dutch text in the catalogue.
    pub(super) untranslated_shown: bool,
}

impl<'a> Draft<'a> {
    pub(super) fn tr(&self, en: &str, nl: &str) -> String {
        tr(self.lang, en, nl)
    }

    pub(super) fn known(&self, term: &str) -> Known<'a> {
        let used = self
            .r
            .criteria
            .iter()
            .flat_map(|c| c.facts.iter())
            .find(|f| f.term == term);
        match used {
            Some(f) => f.claim.as_deref().map_or(Known::Unknown, Known::Claim),
            None => Known::NotRead,
        }
    }

    /// Sentences for the known terms, checks for the unknown ones.
    pub(super) fn facts(&self, terms: &[&str]) -> Para {
        let mut p = Vec::new();
        for term in terms {
            match self.known(term) {
                Known::Claim(c) => {
                    if let Some(s) = fact(term, &c.value, self.vendor, self.lang) {
                        p.push(Span::Text(s));
                        p.extend(self.follow_up(term, c));
                    }
                }
                Known::Unknown => p.push(Span::Check(question(term, self.lang))),
                Known::NotRead => {}
            }
        }
        p
    }

    /// What only the school can add after a fact: how pupils sign in when "no account needed"
    /// holds only under a condition (such as joining by the meeting link), and whether it has
    /// switched off what measures pupils' participation when that is on by default.
    fn follow_up(&self, term: &str, c: &Claim) -> Option<Span> {
        match term {
            "participation.account_required" if c.value.as_bool() == Some(false) && !c.conditions.is_empty() => {
                Some(Span::Fill(self.tr(
                    "how your child signs in: with a school account the school gives, or by the link of the lesson without an account",
                    "hoe uw kind inlogt: met een schoolaccount dat de school geeft, of via de link van de les zonder account",
                )))
            }
            "content_analysis.attention_tracking" if c.value.as_str() == Some("on-by-default") => Some(Span::Fill(
                self.tr("whether the school has switched this off", "of de school dit heeft uitgezet"),
            )),
            _ => None,
        }
    }

    /// Warnings for failing criteria, one paragraph each; their conditions go to the school's
    /// checklist.
    pub(super) fn criteria(&mut self, ids: &[&str]) -> Vec<Para> {
        let mut out = Vec::new();
        for id in ids {
            let Some(c) = self.r.criterion(id) else { continue };
            if c.status == Status::Fail {
                out.push(vec![Span::Warn(clean(c.reason.get(self.lang)))]);
            }
            for cond in &c.conditions {
                let t = clean(cond.get(self.lang));
                if !self.shown.contains(&t) {
                    self.untranslated_shown |= cond.text_nl.is_none();
                    self.shown.push(t.clone());
                    self.checklist.push(vec![Span::Text(t)]);
                }
            }
        }
        out
    }

    fn section(&self, heading: (&str, &str), paras: Vec<Para>) -> Section {
        Section {
            heading: self.tr(heading.0, heading.1),
            paras: paras.into_iter().filter(|p| !p.is_empty()).collect(),
        }
    }
}

pub(super) fn clean(s: &str) -> String {
    crate::report::clean(s).trim().to_owned()
}

/// A sentence from the school's own words, ending in one full stop.
pub(super) fn own(s: &str) -> String {
    let s = clean(s);
    if s.ends_with(['.', '!', '?']) {
        s
    } else {
        format!("{s}.")
    }
}

/// Drafts the notice for one evaluated vendor offering.
pub fn build(r: &OfferingResult, vendor: &Vendor, input: &SchoolInput, lang: Lang, as_of: &str) -> Notice {
    let mut d = Draft {
        r,
        vendor,
        lang,
        checklist: Vec::new(),
        shown: Vec::new(),
        untranslated_shown: false,
    };
    let name = clean(&vendor.name);
    let alert = alert(&d);

    let intro = intro(&d, input, &name);
    let camera = camera(&mut d, input);
    let recording = recording(&mut d, input);
    let mut security = vec![d.facts(&[
        "security.transport_encryption",
        "security.e2ee",
        "security.certifications",
    ])];
    security.extend(d.criteria(&["security"]));
    let mut binding = vec![
        d.facts(&["contract.role", "contract.dpa", "contract.education_terms"]),
        d.facts(&[
            "analytics.usage_profiling",
            "analytics.telemetry_limitable",
            "secondary_use.marketing",
            "secondary_use.selling",
            "secondary_use.ai_training",
        ]),
        d.facts(&[
            "sharing.third_parties",
            "sharing.trackers",
            "transparency.subprocessor_list",
        ]),
        d.facts(&[
            "content_analysis.transcription",
            "content_analysis.face_recognition",
            "content_analysis.attention_tracking",
            "content_analysis.ai_assistant",
            "content_analysis.admin_can_disable",
        ]),
    ];
    binding.extend(d.criteria(&[
        "processor-agreement",
        "no-own-analytics",
        "no-secondary-use",
        "no-third-party-sharing",
        "no-content-analysis",
    ]));
    let mut storage = vec![d.facts(&[
        "hosting.eu_residency",
        "hosting.transfer_mechanism",
        "jurisdiction.non_eu_law",
    ])];
    storage.extend(d.criteria(&["eu-hosting", "eu-jurisdiction"]));
    storage.push(match &input.retention {
        Some(t) => vec![Span::Text(format!(
            "{} {}",
            d.tr("How long we keep data:", "Hoe lang wij gegevens bewaren:"),
            own(t)
        ))],
        None => vec![Span::Fill(d.tr(
            "how long the school keeps recordings and other data of the lessons",
            "hoe lang de school opnames en andere gegevens van de lessen bewaart",
        ))],
    });
    let contact = contact(&mut d, input);
    let rights = rights(&d, input);
    let school_notes = school_notes(&d, as_of);

    let sections = vec![
        d.section(
            ("Which service we use, and why", "Welke dienst wij gebruiken, en waarom"),
            intro,
        ),
        d.section(
            ("Does my child have to be on camera?", "Moet mijn kind in beeld?"),
            camera,
        ),
        d.section(("Do we record lessons?", "Nemen wij lessen op?"), recording),
        d.section(("How is the service secured?", "Hoe is de dienst beveiligd?"), security),
        d.section(
            (
                "What the provider may and may not do",
                "Wat de aanbieder wel en niet mag",
            ),
            binding,
        ),
        d.section(
            (
                "Where the data is kept, and for how long",
                "Waar de gegevens staan, en hoe lang",
            ),
            storage,
        ),
        d.section(("Questions?", "Vragen?"), contact),
        d.section(("Your rights", "Uw rechten"), rights),
    ];
    let closing = vec![
        vec![Span::Text(d.tr("Kind regards,", "Met vriendelijke groet,"))],
        vec![match &input.signatory {
            Some(s) => Span::Text(clean(s)),
            None => Span::Fill(d.tr(
                "name and position of the person who signs",
                "naam en functie van wie ondertekent",
            )),
        }],
        vec![match &input.school {
            Some(s) => Span::Text(clean(s)),
            None => Span::Fill(d.tr("the name of the school", "de naam van de school")),
        }],
        vec![match &input.date {
            Some(s) => Span::Text(clean(s)),
            None => Span::Fill(d.tr("date", "datum")),
        }],
    ];
    let checklist = std::mem::take(&mut d.checklist);
    Notice {
        lang,
        title: d.tr(
            &format!("Lessons by video with {name}: information for parents"),
            &format!("Lessen via video met {name}: informatie voor ouders"),
        ),
        alert,
        school_notes,
        checklist,
        greeting: d.tr("Dear parents and carers,", "Beste ouders en verzorgers,"),
        sections,
        closing,
    }
}
