//! Page chrome: the parts of a page that are not the document and change without the policy
//! changing. Removed by default, before `select` is applied:
//!
//! - elements that never hold document text: `script`, `style`, `noscript`, `template`, `svg`,
//!   `canvas`, `iframe`, `object`, `embed`, `form`, `button`, `select`, `input`, `textarea`,
//!   `dialog`, `img`, `picture`, `video`, `audio`, `map`, `head`;
//! - navigation: `nav`, `aside`, `role=navigation|search|complementary|banner|contentinfo`, and the
//!   page-level `header` and `footer` (those not inside an `article`, `main`, `section` or `aside`,
//!   where the HTML standard gives them the banner and content-info roles; a `header` inside an
//!   article holds its title and stays);
//! - hidden elements: the `hidden` attribute, `aria-hidden=true`, an inline `display:none` (not
//!   `visibility:hidden`, which pages put on their whole content until their scripts have run; and
//!   never on `html` or `body`, for the same reason);
//! - cookie and consent banners: ids and classes of common consent platforms (OneTrust, Cookiebot,
//!   Didomi, Usercentrics, TrustArc, Quantcast, Osano, Complianz, Borlabs, CookieYes ...) and ids or
//!   classes that combine "cookie", "consent" or "gdpr" with "banner", "bar", "notice", "popup",
//!   "modal", "dialog", "overlay", "wall", "prompt" or "message"; dialogs labelled as about cookies.
//!   A class such as `cookie-policy` on the body of a cookie policy is not a banner and stays.

use std::sync::OnceLock;

use regex::Regex;
use scraper::node::Element;

/// Elements dropped with everything inside them.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "form", "button",
    "select", "input", "textarea", "dialog", "img", "picture", "video", "audio", "map", "head", "nav", "aside", "link",
    "meta", "title", "math",
];

const CHROME_ROLES: &[&str] = &[
    "navigation",
    "search",
    "complementary",
    "banner",
    "contentinfo",
    "alertdialog",
];

/// Tokens (in ids and classes) of consent-management platforms.
const CMP_MARKERS: &[&str] = &[
    "onetrust",
    "optanon",
    "cybotcookiebot",
    "cookiebot",
    "didomi",
    "usercentrics",
    "truste",
    "trustarc",
    "qc-cmp",
    "osano-cm",
    "cmplz",
    "borlabs",
    "cookieyes",
    "cky-consent",
    "cookie-law-info",
    "cookielawinfo",
    "moove_gdpr",
    "cc-window",
    "cc-banner",
    "iubenda-cs",
    "sp_message",
    "evidon",
    "klaro",
    "tarteaucitron",
    "cookiefirst",
    "termly",
    "ccpa-banner",
    "consent-manager",
];

const BANNER_SUBJECTS: &[&str] = &["cookie", "consent", "gdpr"];
const BANNER_SHAPES: &[&str] = &[
    "banner",
    "bar",
    "notice",
    "popup",
    "pop-up",
    "modal",
    "dialog",
    "overlay",
    "wall",
    "prompt",
    "message",
    "notification",
    "alert",
    "toast",
    "layer",
    "disclaimer",
];

/// Whether `el` (with `in_sectioning`: it has an `article`, `main`, `section` or `aside` ancestor)
/// is page chrome to be dropped with its subtree.
pub fn is_chrome(el: &Element, in_sectioning: bool) -> bool {
    let name = el.name();
    if DROPPED_TAGS.contains(&name) {
        return true;
    }
    if (name == "header" || name == "footer") && !in_sectioning {
        return true;
    }
    let page = name == "html" || name == "body";
    for (k, v) in el.attrs() {
        match k {
            "hidden" if !page => return true,
            "aria-hidden" if !page && v.trim().eq_ignore_ascii_case("true") => return true,
            "role" if CHROME_ROLES.iter().any(|r| v.trim().eq_ignore_ascii_case(r)) => return true,
            "style" if !page && hidden_style(v) => return true,
            "id" | "class" if is_banner_token(v) => return true,
            "aria-label" | "aria-labelledby" | "aria-describedby"
                if contains_ci(v, "cookie") && matches!(el.attr("role"), Some("dialog" | "region" | "alert")) =>
            {
                return true
            }
            _ => {}
        }
    }
    false
}

/// Any banner subject or platform marker, for a fast first test of every id and class.
fn any_marker() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alternatives: Vec<String> = BANNER_SUBJECTS
            .iter()
            .chain(CMP_MARKERS)
            .map(|m| regex::escape(m))
            .collect();
        Regex::new(&format!("(?i-u){}", alternatives.join("|"))).expect("valid marker pattern")
    })
}

/// Whether an id or class attribute value marks a cookie or consent banner.
fn is_banner_token(v: &str) -> bool {
    if !any_marker().is_match(v) {
        return false;
    }
    v.split_ascii_whitespace().any(|token| {
        CMP_MARKERS.iter().any(|m| contains_ci(token, m))
            || (BANNER_SUBJECTS.iter().any(|s| contains_ci(token, s))
                && BANNER_SHAPES.iter().any(|s| contains_ci(token, s)))
    })
}

/// Whether an inline style hides the element.
fn hidden_style(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let prop = prop.trim();
        let value = value.trim().trim_end_matches("!important").trim();
        prop.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none")
    })
}

/// ASCII case-insensitive substring test; `needle` is lower case.
pub(crate) fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banner_tokens() {
        assert!(is_banner_token("onetrust-banner-sdk"));
        assert!(is_banner_token("site cookie-banner js-cookie"));
        assert!(is_banner_token("CybotCookiebotDialog"));
        assert!(is_banner_token("ConsentModal"));
        assert!(!is_banner_token("cookie-policy content"));
        assert!(!is_banner_token("article-body"));
    }

    #[test]
    fn hidden_styles() {
        assert!(hidden_style("color: red; display : none !important"));
        assert!(hidden_style("DISPLAY:NONE"));
        assert!(!hidden_style("visibility: hidden"));
        assert!(!hidden_style("display:block"));
    }
}
