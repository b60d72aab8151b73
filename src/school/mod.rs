//! The school's own assessment: a school file (TOML) records which services a school or board
//! uses and for what, under which contract, which facts the school established itself (a contract
//! clause, an admin-settings record), and per condition of the catalogue whether it is done, open
//! or not applicable, with owner and date. From it come the school's verdict per service (the
//! normal evaluation of the offering with the school's facts in place of the catalogue's, and the
//! conditions done no longer holding the verdict back), the to-do list with owners, warnings about
//! contracts and changed conditions, the page the school publishes for parents, and the facts the
//! parents' notice is filled with.
//!
//! The file is read ([`read`]), resolved against the catalogue ([`load`], with the school's facts
//! turned into claims in [`facts`]), assessed ([`assess`]) and rendered ([`render`], [`xlsx`],
//! [`page`]); [`init`] writes a template to start from.

pub mod assess;
pub mod facts;
pub mod init;
pub mod load;
pub mod page;
pub mod read;
pub mod render;
pub mod xlsx;

use jiff::civil::Date;
use serde::Serialize;

pub use assess::{Assessment, ServiceAssessment};
pub use load::{load, Loaded};

use crate::guidance::notice::{Basis, Camera, Recording};

/// Version of the JSON of `school check`; raised only when a documented key changes meaning or
/// goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// How many days before a contract expires `school check` warns.
pub const EXPIRY_WARNING_DAYS: i32 = 90;

/// The board or school, as the school file describes it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct School {
    /// The name, as it signs letters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How parents reach the data protection officer (FG).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dpo: Option<String>,
    /// Where parents ask questions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Who signs letters to parents: name and position.
    #[serde(skip)]
    pub signatory: Option<String>,
    /// The legal basis the school names.
    #[serde(skip)]
    pub basis: Option<Basis>,
}

/// The contract under which a service is used.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Contract {
    /// The purchase route: SIVON, SURF, direct...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// The version of the model processing agreement (Model Verwerkersovereenkomst).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_dpa: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
    /// The school's own reference to the contract.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// Where the school stands with one condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConditionStatus {
    Done,
    Open,
    NotApplicable,
}

impl ConditionStatus {
    /// Every status, as written in the file.
    pub const ALL: [(&'static str, ConditionStatus); 3] = [
        ("done", ConditionStatus::Done),
        ("open", ConditionStatus::Open),
        ("not-applicable", ConditionStatus::NotApplicable),
    ];

    /// The status written as `s`.
    pub fn parse(s: &str) -> Option<ConditionStatus> {
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, c)| *c)
    }

    /// As written in the file.
    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(_, c)| *c == self).map_or("", |(n, _)| n)
    }

    /// Whether the condition no longer holds the verdict back.
    pub fn settled(self) -> bool {
        self != ConditionStatus::Open
    }
}

/// The school's record of one condition of a service.
#[derive(Debug, Clone, Serialize)]
pub struct ConditionEntry {
    pub id: String,
    pub status: ConditionStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The hash of the catalogue's text of the condition when the school read it
    /// ([`text_hash`]), so that a change of the text after it was marked done is noticed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_hash: Option<String>,
}

/// One service the school uses, as the file describes it.
#[derive(Debug, Clone)]
pub struct Service {
    pub vendor: String,
    pub offering: Option<String>,
    pub purpose: Option<String>,
    pub camera: Option<Camera>,
    pub camera_reason: Option<String>,
    pub recording: Option<Recording>,
    /// How long the school keeps recordings and other data.
    pub retention: Option<String>,
    /// `None` when the file has no `[services.contract]`.
    pub contract: Option<Contract>,
    pub conditions: Vec<ConditionEntry>,
    /// The school's own claims, by term key.
    pub facts: Vec<std::sync::Arc<crate::catalogue::Claim>>,
}

impl Service {
    /// `vendor/offering`, as written in `use`.
    pub fn key(&self) -> String {
        match &self.offering {
            Some(o) => format!("{}/{o}", self.vendor),
            None => self.vendor.clone(),
        }
    }

    /// The school's record of a condition.
    pub fn condition(&self, id: &str) -> Option<&ConditionEntry> {
        self.conditions.iter().find(|c| c.id == id)
    }
}

/// A whole school file.
#[derive(Debug, Clone, Default)]
pub struct SchoolFile {
    pub school: School,
    pub services: Vec<Service>,
}

/// The hash written as `text_hash`: `sha256:` and the first 16 hex digits of the SHA-256 of the
/// condition's English text in the catalogue. English, because every condition has it; a change
/// of the Dutch translation alone does not change what the school must do.
pub fn text_hash(text: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.trim().as_bytes());
    format!("sha256:{}", &hex::encode(digest)[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_hash_is_stable_and_ignores_surrounding_space() {
        let h = text_hash("Keep AI Companion switched off");
        assert_eq!(h, text_hash("  Keep AI Companion switched off\n"));
        assert_ne!(h, text_hash("Keep AI Companion switched on"));
        assert!(h.starts_with("sha256:") && h.len() == "sha256:".len() + 16, "{h}");
    }

    #[test]
    fn statuses_read_as_written_and_only_open_holds_back() {
        for (name, status) in ConditionStatus::ALL {
            assert_eq!(ConditionStatus::parse(name), Some(status));
            assert_eq!(status.as_str(), name);
        }
        assert_eq!(ConditionStatus::parse("Done"), None);
        assert!(ConditionStatus::Done.settled() && ConditionStatus::NotApplicable.settled());
        assert!(!ConditionStatus::Open.settled());
    }
}
