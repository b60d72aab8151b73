//! Profiles: a school's or a sector's choices on top of the criteria. A profile file (TOML)
//! overrides per-criterion severity, the maximum evidence age and the accepted hosting regions, and
//! gives the wensen (the `should` criteria of a tender) their weights for `compare --score`.
//! Unknown keys and criterion ids are errors with a suggestion, reported with file, line, column
//! and key like catalogue problems.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{Criterion, Severity, ALL};
use crate::catalogue::diag::{describe, did_you_mean, Diagnostic, Level, LineIndex};
use crate::catalogue::load::{key_at, one_line};
use crate::catalogue::Confidence;

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
    /// Claims below this confidence count as unknown: `medium` unless the profile raises it.
    pub min_confidence: Confidence,
    /// `[weights]`: the weight of a `should` criterion (a wens) in a score; 1 when not given.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<&'static str, f64>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            name: "default".into(),
            max_age_months: DEFAULT_MAX_AGE_MONTHS,
            accepted_regions: vec!["EU".into(), "EEA".into()],
            severity: ALL.iter().map(|c| (c.id, c.severity)).collect(),
            min_confidence: Confidence::Medium,
            weights: BTreeMap::new(),
        }
    }
}

impl Profile {
    /// The severity of a criterion under this profile.
    pub fn severity_of(&self, c: &Criterion) -> Severity {
        self.severity.get(c.id).copied().unwrap_or(c.severity)
    }

    /// The weight of a criterion in a score: its `[weights]` entry, else 1.
    pub fn weight_of(&self, id: &str) -> f64 {
        self.weights.get(id).copied().unwrap_or(1.0)
    }
}

/// Profile files larger than this are refused: a profile is a dozen hand-written lines.
pub const MAX_PROFILE_BYTES: u64 = 64 * 1024;

/// The top-level keys of a profile, for suggestions.
const PROFILE_KEYS: &[&str] = &[
    "max_age_months",
    "accepted_regions",
    "min_confidence",
    "severity",
    "weights",
];

/// The largest weight a wens may have.
const MAX_WEIGHT: f64 = 1000.0;

/// The severity words a profile accepts.
const LEVELS: &[&str] = &["must", "should", "info", "off"];

type SpannedTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// Only the `[severity]` and `[weights]` tables of a profile, with the position of every entry.
#[derive(Deserialize)]
struct RawSeverity {
    severity: Option<SpannedTable>,
    weights: Option<SpannedTable>,
}

/// Why a profile file could not be used.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read (missing, unreadable, a directory): a failure of the system,
    /// not of the profile.
    Read(std::io::Error),
    /// The profile was read and has these problems.
    Invalid(Vec<Diagnostic>),
}

/// Reads a profile file: every problem found, or why it could not be read. A file over the
/// size limit is refused without being read.
pub fn load(path: &Path) -> Result<Profile, LoadError> {
    let meta = std::fs::metadata(path).map_err(LoadError::Read)?;
    if meta.is_dir() {
        return Err(LoadError::Read(std::io::Error::other("it is a directory, not a file")));
    }
    if meta.len() > MAX_PROFILE_BYTES {
        return Err(LoadError::Invalid(vec![Diagnostic {
            severity: Level::Error,
            code: None,
            file: path.display().to_string(),
            line: 0,
            column: 0,
            key: String::new(),
            message: too_large(),
            help: None,
        }]));
    }
    // Read through a limit: a pipe or a device (`--profile /dev/stdin`) has no length to check
    // first, and must still end in bounded time and memory; `from_bytes` refuses what is over.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_PROFILE_BYTES + 1), &mut bytes))
        .map_err(LoadError::Read)?;
    from_bytes(&path.display().to_string(), &bytes).map_err(LoadError::Invalid)
}

fn too_large() -> String {
    format!(
        "the profile is larger than {} KiB; a profile is a few hand-written lines",
        MAX_PROFILE_BYTES / 1024
    )
}

/// Reads a profile from bytes; `name` is used in messages. `Err` holds every problem found.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Profile, Vec<Diagnostic>> {
    let diag = |(line, column): (usize, usize), key: &str, message: String, help: Option<String>| Diagnostic {
        severity: Level::Error,
        code: None,
        file: name.to_owned(),
        line,
        column,
        key: key.to_owned(),
        message,
        help,
    };
    if bytes.len() as u64 > MAX_PROFILE_BYTES {
        return Err(vec![diag((0, 0), "", too_large(), None)]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let at = LineIndex::new(&valid).position(valid.len());
            return Err(vec![diag(
                at,
                "",
                "the profile is not valid UTF-8 text".into(),
                Some("save it as UTF-8".into()),
            )]);
        }
    };
    let lines = LineIndex::new(text);
    let syntax = |e: toml::de::Error| {
        let offset = e.span().map(|s| s.start);
        let at = offset.map_or((0, 0), |o| lines.position(o));
        let key = offset.map(|o| key_at(text, o)).unwrap_or_default();
        let msg = one_line(e.message());
        vec![diag(at, &key, msg, None)]
    };
    let top: SpannedTable = toml::from_str(text).map_err(syntax)?;
    if top.is_empty() {
        return Err(vec![diag(
            (0, 0),
            "",
            "the profile is empty".into(),
            Some("set max_age_months, accepted_regions or [severity], or leave out --profile for the defaults".into()),
        )]);
    }
    let mut profile = Profile {
        name: name.to_owned(),
        ..Profile::default()
    };
    let mut problems = Vec::new();
    let pos = |v: &Spanned<toml::Value>| lines.position(v.span().start);
    for (key, value) in &top {
        match (key.get_ref().as_str(), value.get_ref()) {
            ("max_age_months", toml::Value::Integer(n)) => match i32::try_from(*n) {
                Ok(v) if (1..=240).contains(&v) => profile.max_age_months = v,
                _ => problems.push(diag(
                    pos(value),
                    "max_age_months",
                    format!("{n} is not a number of months from 1 to 240"),
                    None,
                )),
            },
            ("max_age_months", other) => problems.push(diag(
                pos(value),
                "max_age_months",
                format!("expected a whole number of months, found {}", describe(other)),
                Some("write it without quotes: max_age_months = 12".into()),
            )),
            ("accepted_regions", toml::Value::Array(items)) => {
                let regions: Vec<String> = items.iter().filter_map(|i| i.as_str().map(str::to_owned)).collect();
                if regions.len() == items.len() {
                    profile.accepted_regions = regions;
                } else {
                    problems.push(diag(
                        pos(value),
                        "accepted_regions",
                        "expected a list of region names such as [\"EU\", \"EEA\"]".into(),
                        None,
                    ));
                }
            }
            ("accepted_regions", other) => problems.push(diag(
                pos(value),
                "accepted_regions",
                format!("expected a list of region names, found {}", describe(other)),
                Some("write accepted_regions = [\"EU\", \"EEA\"]".into()),
            )),
            ("min_confidence", toml::Value::String(s)) => match Confidence::parse(s) {
                // `low` would let claims the catalogue itself doubts decide a verdict.
                Some(c) if c >= Confidence::Medium => profile.min_confidence = c,
                _ => problems.push(diag(
                    pos(value),
                    "min_confidence",
                    format!("`{s}` is not a minimum confidence"),
                    Some("use \"medium\" (the default) or \"high\"".into()),
                )),
            },
            ("min_confidence", other) => problems.push(diag(
                pos(value),
                "min_confidence",
                format!("expected \"medium\" or \"high\", found {}", describe(other)),
                Some("write min_confidence = \"high\"".into()),
            )),
            ("severity" | "weights", toml::Value::Table(_)) => {}
            ("weights", other) => problems.push(diag(
                pos(value),
                "weights",
                format!("expected a table of criterion = weight, found {}", describe(other)),
                Some("write `[weights]` on its own line, then lines such as camera-optional = 3".into()),
            )),
            ("severity", other) => problems.push(diag(
                pos(value),
                "severity",
                format!("expected a table of criterion = severity, found {}", describe(other)),
                Some("write `[severity]` on its own line, then lines such as camera-optional = \"info\"".into()),
            )),
            (other, _) => problems.push(diag(
                lines.position(key.span().start),
                other,
                format!("unknown key `{other}`"),
                did_you_mean(other, PROFILE_KEYS.iter().copied())
                    .or_else(|| Some(format!("a profile has: {}", PROFILE_KEYS.join(", ")))),
            )),
        }
    }
    let (severity, weights) = toml::from_str::<RawSeverity>(text)
        .ok()
        .map(|r| (r.severity.unwrap_or_default(), r.weights.unwrap_or_default()))
        .unwrap_or_default();
    // The criterion a key of `[severity]` or `[weights]` names; a located problem when none.
    let criterion = |id: &toml::Spanned<String>, key: &str, problems: &mut Vec<_>| {
        let found = ALL.iter().find(|c| c.id == id.get_ref());
        if found.is_none() {
            problems.push(diag(
                lines.position(id.span().start),
                key,
                format!("`{}` is not a criterion", id.get_ref()),
                did_you_mean(id.get_ref(), ALL.iter().map(|c| c.id))
                    .or_else(|| Some("`vcaudit criteria` lists them".into())),
            ));
        }
        found
    };
    for (id, level) in &severity {
        let key = format!("severity.{}", id.get_ref());
        let Some(c) = criterion(id, &key, &mut problems) else {
            continue;
        };
        let sev = match level.get_ref().as_str() {
            Some("must") => Severity::Must,
            Some("should") => Severity::Should,
            Some("info") => Severity::Info,
            Some("off") => Severity::Off,
            Some(other) => {
                let help = did_you_mean(other, LEVELS.iter().copied()).or(Some("use must, should, info or off".into()));
                problems.push(diag(pos(level), &key, format!("`{other}` is not a severity"), help));
                continue;
            }
            None => {
                problems.push(diag(
                    pos(level),
                    &key,
                    format!("expected a severity, found {}", describe(level.get_ref())),
                    Some("use \"must\", \"should\", \"info\" or \"off\"".into()),
                ));
                continue;
            }
        };
        profile.severity.insert(c.id, sev);
    }
    for (id, weight) in &weights {
        let key = format!("weights.{}", id.get_ref());
        let Some(c) = criterion(id, &key, &mut problems) else {
            continue;
        };
        let w = match weight.get_ref() {
            toml::Value::Integer(n) => *n as f64,
            toml::Value::Float(f) => *f,
            other => {
                problems.push(diag(
                    pos(weight),
                    &key,
                    format!("expected a weight (a number), found {}", describe(other)),
                    Some(format!("write it without quotes: {} = 3", c.id)),
                ));
                continue;
            }
        };
        if !(0.0..=MAX_WEIGHT).contains(&w) {
            problems.push(diag(
                pos(weight),
                &key,
                format!("{w} is not a weight from 0 to {MAX_WEIGHT}"),
                None,
            ));
            continue;
        }
        if profile.severity_of(c) != Severity::Should {
            problems.push(diag(
                pos(weight),
                &key,
                format!(
                    "`{}` is not a wens (a `should` criterion) under this profile, and only wensen have weights",
                    c.id
                ),
                Some(format!(
                    "leave it out, or make it one under [severity]: {} = \"should\"",
                    c.id
                )),
            ));
            continue;
        }
        profile.weights.insert(c.id, w);
    }
    if problems.is_empty() {
        Ok(profile)
    } else {
        problems.sort_by_key(|d| (d.line, d.column));
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_go_to_wensen_only() {
        let p = from_bytes(
            "p.toml",
            b"[severity]\neu-jurisdiction = \"should\"\n[weights]\ncamera-optional = 3\neu-jurisdiction = 2.5\n",
        )
        .expect("valid");
        assert_eq!(p.weight_of("camera-optional"), 3.0);
        assert_eq!(p.weight_of("eu-jurisdiction"), 2.5);
        assert_eq!(p.weight_of("transparency"), 1.0);
        let e = from_bytes(
            "p.toml",
            b"[weights]\nprocessor-agreement = 2\ncamera-optinal = 1\ntransparency = \"3\"\nanonymous-join = -1\n",
        )
        .expect_err("invalid");
        let messages: Vec<&str> = e.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`processor-agreement` is not a wens (a `should` criterion) under this profile, and only wensen have weights",
                "`camera-optinal` is not a criterion",
                "expected a weight (a number), found the string \"3\"",
                "-1 is not a weight from 0 to 1000",
            ]
        );
        assert_eq!(e[1].help.as_deref(), Some("did you mean `camera-optional`?"));
        assert_eq!((e[0].line, e[0].key.as_str()), (2, "weights.processor-agreement"));
    }
}
