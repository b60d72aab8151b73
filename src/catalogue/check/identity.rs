//! The vendor's identity: its id against the file name, its headquarters country, its status and
//! retirement date (which must agree), its website and its aliases (each a valid id, given once
//! and not the vendor's own id; that no two vendors share one is checked across the catalogue, in
//! [`crate::catalogue::aliases`]).

use jiff::civil::Date;

use super::{valid_id, Checker, Code};
use crate::catalogue::model::VendorStatus;
use crate::catalogue::raw::RawVendor;

/// What the identity checks make of the status and the retirement date.
pub(super) struct Identity {
    pub status: VendorStatus,
    pub retired: Option<Date>,
}

pub(super) fn check(c: &mut Checker, stem: &str, raw: &RawVendor) -> Identity {
    if let Some(id) = &raw.id {
        let at = id.span().start;
        let id = id.get_ref();
        if !valid_id(id) {
            c.error(
                Code::InvalidId,
                at,
                "id",
                format!("`{id}` is not a valid id: use lowercase letters, digits and `-`"),
            );
        } else if id != stem {
            c.error_help(
                Code::IdMismatch,
                at,
                "id",
                format!("id `{id}` does not match the file name `{stem}.toml`"),
                Some(format!("rename the file to `{id}.toml` or set id = \"{stem}\"")),
            );
        }
    }
    if let Some(hq) = &raw.headquarters {
        let code = hq.get_ref();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            c.error(
                Code::InvalidCountry,
                hq.span().start,
                "headquarters",
                format!("`{code}` is not an ISO 3166-1 alpha-2 country code such as \"NL\" or \"US\""),
            );
        }
    }
    // A status that could not be read, or is not a valid one, is taken as active.
    let status = match &raw.status {
        Some(s)
            if c.one_of(
                Code::InvalidValue,
                s,
                &["active", "retired"],
                || "status".into(),
                "status",
            ) && s.get_ref() == "retired" =>
        {
            VendorStatus::Retired
        }
        _ => VendorStatus::Active,
    };
    let retired = raw
        .retired
        .as_ref()
        .and_then(|r| c.date_at(r.get_ref(), r.span().start, || "retired".into()));
    match (status, &raw.retired, &raw.status) {
        (VendorStatus::Active, Some(r), _) => c.error(
            Code::RetiredStatus,
            r.span().start,
            "retired",
            "a retired date is given but status is \"active\"",
        ),
        (VendorStatus::Retired, None, Some(s)) => c.error(
            Code::RetiredStatus,
            s.span().start,
            "status",
            "status is \"retired\" but no `retired` date is given",
        ),
        _ => {}
    }
    if let Some(w) = &raw.website {
        c.url(w, || "website".into());
    }
    aliases(c, raw);
    Identity { status, retired }
}

/// Each alias a valid id, given once, and not the vendor's own id.
fn aliases(c: &mut Checker, raw: &RawVendor) {
    let own = raw.id.as_ref().map(|id| id.get_ref().as_str());
    for (i, alias) in raw.aliases.iter().enumerate() {
        let at = alias.span().start;
        let key = format!("aliases[{i}]");
        let name = alias.get_ref();
        if !valid_id(name) {
            c.error(
                Code::InvalidId,
                at,
                &key,
                format!("`{name}` is not a valid alias: use lowercase letters, digits and `-`"),
            );
        } else if Some(name.as_str()) == own {
            c.error(
                Code::DuplicateId,
                at,
                &key,
                format!("alias `{name}` is the vendor's own id"),
            );
        } else if raw.aliases[..i].iter().any(|a| a.get_ref() == name) {
            c.error(Code::DuplicateId, at, &key, format!("alias `{name}` is given twice"));
        }
    }
}
