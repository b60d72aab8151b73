//! Profiles: a school's or a sector's choices on top of the criteria. A profile file (TOML)
//! overrides per-criterion severity, the maximum evidence age and the accepted hosting regions.
//! Unknown keys and criterion ids are errors with a suggestion, reported with file, line, column
//! and key like catalogue problems.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{Criterion, Severity, ALL};
use crate::catalogue::diag::{did_you_mean, Diagnostic, LineIndex, Severity as Level};
use crate::catalogue::load::{key_at, unknown_field_help};

/// The default maximum age of evidence, in months.
pub const DEFAULT_MAX_AGE_MONTHS: i32 = 18;

/// The effective settings of an evaluation.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Profile {
    /// Where the profile came from: `default` or a file path.
    pub name: String,
    pub max_age_months: i32,
    pub accepted_regions: Vec<String>,
    /// Severity per criterion id, after overrides.
    pub severity: BTreeMap<&'static str, Severity>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            name: "default".into(),
            max_age_months: DEFAULT_MAX_AGE_MONTHS,
            accepted_regions: vec!["EU".into(), "EEA".into()],
            severity: ALL.iter().map(|c| (c.id, c.severity)).collect(),
        }
    }
}

impl Profile {
    /// The severity of a criterion under this profile.
    pub fn severity_of(&self, c: &Criterion) -> Severity {
        self.severity.get(c.id).copied().unwrap_or(c.severity)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    max_age_months: Option<Spanned<i64>>,
    accepted_regions: Option<Vec<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// Reads a profile file. `Err` holds every problem found.
pub fn load(path: &Path) -> Result<Profile, Vec<Diagnostic>> {
    let file = path.display().to_string();
    let diag = |line, column, key: &str, message: String, help| Diagnostic {
        severity: Level::Error,
        file: file.clone(),
        line,
        column,
        key: key.to_owned(),
        message,
        help,
    };
    let text = match std::fs::read(path) {
        Err(e) => return Err(vec![diag(0, 0, "", format!("cannot read the profile: {e}"), None)]),
        Ok(b) => match String::from_utf8(b) {
            Ok(t) => t,
            Err(_) => return Err(vec![diag(0, 0, "", "profile is not valid UTF-8 text".into(), None)]),
        },
    };
    let lines = LineIndex::new(&text);
    let raw: RawProfile = match toml::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            let offset = e.span().map(|s| s.start);
            let (l, c) = offset.map_or((0, 0), |o| lines.position(o));
            let key = offset.map(|o| key_at(&text, o)).unwrap_or_default();
            let msg = e.message().trim().to_owned();
            let help = unknown_field_help(&msg);
            return Err(vec![diag(l, c, &key, msg, help)]);
        }
    };
    let mut profile = Profile {
        name: file.clone(),
        ..Profile::default()
    };
    let mut problems = Vec::new();
    if let Some(age) = raw.max_age_months {
        let (l, c) = lines.position(age.span().start);
        match i32::try_from(*age.get_ref()) {
            Ok(v) if (1..=240).contains(&v) => profile.max_age_months = v,
            _ => problems.push(diag(
                l,
                c,
                "max_age_months",
                format!("{} is not a number of months from 1 to 240", age.get_ref()),
                None,
            )),
        }
    }
    if let Some(regions) = raw.accepted_regions {
        profile.accepted_regions = regions;
    }
    let ids: Vec<&str> = ALL.iter().map(|c| c.id).collect();
    for (id, level) in &raw.severity {
        let key = format!("severity.{}", id.get_ref());
        let Some(c) = ALL.iter().find(|c| c.id == id.get_ref()) else {
            let (l, col) = lines.position(id.span().start);
            problems.push(diag(
                l,
                col,
                &key,
                format!("`{}` is not a criterion", id.get_ref()),
                did_you_mean(id.get_ref(), ids.iter().copied()),
            ));
            continue;
        };
        let sev = match level.get_ref().as_str() {
            "must" => Severity::Must,
            "should" => Severity::Should,
            "info" => Severity::Info,
            "off" => Severity::Off,
            other => {
                let (l, col) = lines.position(level.span().start);
                let help = did_you_mean(other, ["must", "should", "info", "off"])
                    .or(Some("use must, should, info or off".into()));
                problems.push(diag(l, col, &key, format!("`{other}` is not a severity"), help));
                continue;
            }
        };
        profile.severity.insert(c.id, sev);
    }
    if problems.is_empty() {
        Ok(profile)
    } else {
        Err(problems)
    }
}
