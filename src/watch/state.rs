//! The states a watched document can be in after a check, and the result of one check as reports
//! and the exit code see it.

use jiff::civil::Date;
use serde::Serialize;
use url::Url;

use crate::changes::Diff;
use crate::i18n::Text;

/// What one check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// First check: the text is stored as the reference.
    New,
    /// The text equals the reference (or the server answered 304).
    Unchanged,
    /// The text differs from the reference.
    Changed,
    /// The document is served from another address than the catalogue gives and than its reference
    /// was served from; reported until `--update` accepts the new address.
    Moved,
    /// 404 or 410.
    Gone,
    /// 401, 403 or 429 after retries.
    Blocked,
    /// A selector matched nothing, nothing was extracted, or the text shrank suspiciously.
    SelectorBroken,
    /// Network error, timeout, 5xx, a body over the limit, a bad redirect or an unreadable PDF.
    Failed,
}

impl State {
    /// The name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            State::New => "new",
            State::Unchanged => "unchanged",
            State::Changed => "changed",
            State::Moved => "moved",
            State::Gone => "gone",
            State::Blocked => "blocked",
            State::SelectorBroken => "selector-broken",
            State::Failed => "failed",
        }
    }

    /// The document could not be checked this time.
    pub fn is_failure(self) -> bool {
        matches!(
            self,
            State::Gone | State::Blocked | State::SelectorBroken | State::Failed
        )
    }

    /// Someone should look: a change or a failure.
    pub fn needs_attention(self) -> bool {
        !matches!(self, State::New | State::Unchanged)
    }
}

/// The result of checking one document.
#[derive(Debug, Clone, Serialize)]
pub struct Checked {
    pub vendor: String,
    pub document: String,
    pub url: String,
    pub state: State,
    /// The address the document was served from, when it differs from `url`.
    pub final_url: Option<String>,
    /// The HTTP status of the last response, if there was one.
    pub status: Option<u16>,
    /// Why the document could not be checked, or what else is worth knowing.
    /// In English and Dutch; technical reasons (from the network or the extractor) in English only.
    pub detail: Option<Text>,
    /// The text diff against the reference, for `changed` and `moved` documents whose text changed.
    #[serde(skip)]
    pub diff: Option<Diff>,
    /// Criteria the changed passages may touch.
    pub criteria: Vec<&'static str>,
    /// The "last updated" date the document states, as written.
    pub stated_date: Option<String>,
    /// Failed checks in a row, this one included.
    pub consecutive_failures: u32,
    /// The day the text last changed, as far as the store knows.
    pub changed_on: Option<Date>,
    /// Whether this run stored the fetched text as the reference.
    pub stored: bool,
}

/// Whether `to` is another document than `from`: another host or path (a move to https, a `www.`
/// prefix or a trailing slash is not a move).
pub fn is_moved(from: &Url, to: &Url) -> bool {
    let host = |u: &Url| {
        u.host_str()
            .unwrap_or("")
            .to_ascii_lowercase()
            .trim_start_matches("www.")
            .to_owned()
    };
    let path = |u: &Url| u.path().trim_end_matches('/').to_owned();
    host(from) != host(to) || path(from) != path(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_are_other_hosts_or_paths() {
        let u = |s: &str| Url::parse(s).unwrap();
        assert!(!is_moved(
            &u("http://zoom.us/privacy"),
            &u("https://www.zoom.us/privacy/")
        ));
        assert!(is_moved(&u("https://zoom.us/privacy"), &u("https://zoom.com/privacy")));
        assert!(is_moved(
            &u("https://zoom.us/privacy"),
            &u("https://zoom.us/legal/privacy")
        ));
        assert!(!is_moved(
            &u("https://zoom.us/privacy"),
            &u("https://zoom.us/privacy?hl=en")
        ));
    }
}
