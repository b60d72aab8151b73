//! URLs in vendor files (`website`, document `url`, finding and claim `source`): each must be an
//! absolute http(s) URL with a host. Most are plain `https://host/path` URLs, told apart without a
//! parse; the others are parsed once per file.

use std::collections::HashSet;

use toml::Spanned;

use super::{Checker, Code};

/// The URLs of one file already found valid by a full parse: claims cite the same few over and
/// over.
#[derive(Default)]
pub(super) struct Seen(HashSet<String>);

impl Checker<'_, '_> {
    /// Checks a URL; `key` is spelt out only when there is something to report.
    pub(super) fn url(&mut self, value: &Spanned<String>, key: impl FnOnce() -> String) {
        if let Err(why) = self.url_ok(value.get_ref()) {
            self.error(Code::InvalidUrl, value.span().start, &key(), why);
        }
    }

    /// Whether `s` is an http(s) URL with a host, or why not.
    pub(super) fn url_ok(&mut self, s: &str) -> Result<(), String> {
        // A plain URL is told apart faster than it is hashed; only others are remembered.
        if plainly_valid(s) || self.urls.0.contains(s) {
            return Ok(());
        }
        check_parsed(s)?;
        self.urls.0.insert(s.to_owned());
        Ok(())
    }
}

/// Hosts that copy, scrape, summarise or rate other people's pages. A claim resting on one of
/// them cannot be cited in a tender or defended by a DPO: the primary page (or an archived copy of
/// it) is wanted instead. A host is listed here with its subdomains.
const MIRROR_HOSTS: &[&str] = &[
    // free hosting of copied pages and proxies
    "pages.dev",
    "workers.dev",
    "github.io",
    "gitlab.io",
    "appspot.com",
    // document mirrors
    "dokumen.tips",
    "docslib.org",
    "paperzz.com",
    "readkong.com",
    "slideshare.net",
    "pdfcoffee.com",
    "scribd.com",
    "coralberry.io",
    // aggregators and rating sites
    "tosdr.org",
    "gdprhub.eu",
    "dataguidance.com",
    "privacy.commonsense.org",
    "fineprintly.io",
    "googblogs.com",
    "regulations.justia.com",
    // SEO and marketing blogs that retell vendor pages
    "lifeinmymind.net",
    "goodclix.com",
    "365ninjacat.com",
    "fenderbender.com",
    "ihyperg.com",
    "eyetrodigital.com",
    "workspace.trace.pt",
    "businessof.tech",
    "telegraph247.com",
];

/// The mirror or aggregator host of a URL, if it is on one ([`MIRROR_HOSTS`]).
pub fn mirror_host(s: &str) -> Option<&'static str> {
    // The host of a URL already checked to be http(s): between `://` (and any `user@`) and the
    // first `/`, `?`, `#` or `:`.
    let authority = s.split_once("://")?.1.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    MIRROR_HOSTS.iter().copied().find(|m| {
        let Some(cut) = host.len().checked_sub(m.len()) else {
            return false;
        };
        host.get(cut..).is_some_and(|tail| tail.eq_ignore_ascii_case(m))
            && (cut == 0 || host.as_bytes()[cut - 1] == b'.')
    })
}

/// Whether a string is an absolute http(s) URL with a host, or why not.
pub fn check_url(s: &str) -> Result<(), String> {
    if plainly_valid(s) {
        return Ok(());
    }
    check_parsed(s)
}

/// [`check_url`] by a full parse.
fn check_parsed(s: &str) -> Result<(), String> {
    match url::Url::parse(s) {
        Ok(u) if !matches!(u.scheme(), "http" | "https") => Err(format!(
            "`{s}` uses the scheme `{}`; only http and https are allowed",
            u.scheme()
        )),
        Ok(u) if u.host_str().is_none_or(str::is_empty) => Err(format!("`{s}` has no host")),
        Ok(_) => Ok(()),
        Err(e) => Err(format!("`{s}` is not a valid URL: {e}")),
    }
}

/// Whether `s` is `http://` or `https://` followed by a host of non-empty labels of lower-case
/// letters, digits and hyphens, the last starting with a letter (so not an IPv4 address) and none
/// punycode: a URL that the `url` crate always accepts with that host, since nothing after the host
/// (path, query, fragment) can make a URL invalid. Most sources are such URLs, and a full parse
/// was a sixth of the checks' instructions.
fn plainly_valid(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) else {
        return false;
    };
    // One pass over the host's bytes (this runs for every claim).
    let host = rest.as_bytes();
    let end = host
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(host.len());
    let mut label_start = 0;
    for (i, &b) in host[..end].iter().enumerate() {
        if b == b'.' {
            if i == label_start {
                return false;
            }
            label_start = i + 1;
        } else if !(b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            || (i == label_start + 3 && &host[label_start..=i] == b"xn--")
        {
            return false;
        }
    }
    // The last label is not empty and starts with a letter.
    host.get(label_start)
        .is_some_and(|b| label_start < end && b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::{mirror_host, plainly_valid};
    use proptest::prelude::*;

    /// What the full parse says of `s`.
    fn parsed_ok(s: &str) -> bool {
        url::Url::parse(s)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()))
    }

    #[test]
    fn mirror_hosts_are_found_with_their_subdomains_only() {
        assert_eq!(mirror_host("https://terms.pages.dev/zoom"), Some("pages.dev"));
        assert_eq!(mirror_host("https://PAGES.DEV"), Some("pages.dev"));
        assert_eq!(
            mirror_host("https://user@x.workers.dev:8443/a?b#c"),
            Some("workers.dev")
        );
        assert_eq!(mirror_host("https://tosdr.org/en/service/1"), Some("tosdr.org"));
        assert_eq!(mirror_host("https://notpages.dev/x"), None);
        assert_eq!(mirror_host("https://zoom.us/privacy"), None);
        assert_eq!(mirror_host("https://bücher.example/pages.dev"), None);
    }

    #[test]
    fn plain_urls_are_recognised_and_others_parsed() {
        assert!(plainly_valid("https://www.example.com/privacy?x=1#a b"));
        assert!(plainly_valid("http://a-b.c0/"));
        for s in [
            "https://1.2.3.999/",
            "https://1.2.3.4",
            "https://0x1/",
            "https://xn--zz/",
            "https://Example.com/",
            "https://a..b/",
            "https:///example.com",
            "https://user@example.com/",
            "https://example.com:443/",
            " https://example.com/",
            "ftp://example.com/",
        ] {
            assert!(!plainly_valid(s), "{s}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// A URL taken as plainly valid is one the full parse accepts.
        #[test]
        fn a_plainly_valid_url_parses(s in prop::collection::vec(prop::sample::select(vec![
            "https://", "http://", "a", "z", "0", "9", "-", ".", "/", "?", "#", "xn--", "0x", "\\", "@", ":",
            "%", "%41", " ", "\t", "[", "]", "é", "A", "com", "1.2.3.4", "999", "\u{0}",
        ]), 1..12).prop_map(|v| v.concat())) {
            if plainly_valid(&s) {
                prop_assert!(parsed_ok(&s), "{}", s);
            }
        }
    }
}
