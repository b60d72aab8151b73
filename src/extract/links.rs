//! Link targets as they appear in the extracted text: made absolute against the page URL (or its
//! `<base href>`), with per-visitor tracking and session parameters removed, so that a link that
//! differs only by such a parameter is the same text. Links within the same page (`#section`),
//! `javascript:` and `data:` links are not shown at all.

use url::Url;

/// Query parameters that carry campaign, click or visitor identifiers (compared in lower case).
const TRACKING_EXACT: &[&str] = &[
    "gclid",
    "gclsrc",
    "dclid",
    "gbraid",
    "wbraid",
    "fbclid",
    "msclkid",
    "yclid",
    "ttclid",
    "twclid",
    "li_fat_id",
    "igshid",
    "mkt_tok",
    "_ga",
    "_gl",
    "_gac",
    "__hstc",
    "__hssc",
    "__hsfp",
    "hsctatracking",
    "oly_enc_id",
    "oly_anon_id",
    "vero_id",
    "vero_conv",
    "wickedid",
    "_branch_match_id",
    "srsltid",
    "epik",
    "rb_clickid",
    "s_kwcid",
    "ef_id",
    "_kx",
    "trk",
    "trkcampaign",
    "sc_cid",
    "cmpid",
    "icid",
    "ref_src",
    "spm",
    "scid",
    // session identifiers
    "jsessionid",
    "phpsessid",
    "sid",
    "sessionid",
    "session_id",
    "sessid",
    "cfid",
    "cftoken",
    "zanpid",
];

/// Prefixes of such parameters (`utm_source`, `optimizely_user_id`, `amp_device_id`, `mc_*` ...).
const TRACKING_PREFIX: &[&str] = &[
    "utm_",
    "optimizely_",
    "amp_",
    "mc_",
    "pk_",
    "mtm_",
    "piwik_",
    "hsa_",
    "_hs",
    "aspsessionid",
];

/// Whether a query parameter name is a tracking or session parameter.
fn is_tracking_param(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    TRACKING_EXACT.contains(&lower.as_str()) || TRACKING_PREFIX.iter().any(|p| lower.starts_with(p))
}

/// The cleaned absolute form of `href` as found on a page at `base`, or `None` when the link should
/// not appear in the text. A link that cannot be parsed is shown as written, trimmed.
pub fn clean(href: &str, base: &Url) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let mut url = match base.join(href) {
        Ok(u) => u,
        Err(_) => return Some(href.split_whitespace().collect::<Vec<_>>().join("%20")),
    };
    match url.scheme() {
        "javascript" | "data" | "blob" | "about" => return None,
        _ => {}
    }
    // `;jsessionid=...` path parameters
    if let Some(pos) = url.path().to_ascii_lowercase().find(";jsessionid=") {
        let path = url.path()[..pos].to_owned();
        url.set_path(&path);
    }
    if url.query().is_some() {
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| !is_tracking_param(k))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    if url.fragment().is_some() && same_document(&url, base) {
        return None;
    }
    Some(url.into())
}

/// True when `url` points into the page at `base` itself (only the fragment differs).
fn same_document(url: &Url, base: &Url) -> bool {
    url.scheme() == base.scheme()
        && url.host_str() == base.host_str()
        && url.port_or_known_default() == base.port_or_known_default()
        && url.path() == base.path()
        && url.query() == base.query()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://example.com/legal/privacy?hl=en").unwrap()
    }

    #[test]
    fn strips_tracking_and_session_parameters() {
        assert_eq!(
            clean(
                "/subprocessors?utm_source=x&optimizely_user_id=abc&lang=nl&gclid=1",
                &base()
            )
            .as_deref(),
            Some("https://example.com/subprocessors?lang=nl")
        );
        assert_eq!(
            clean(
                "https://a.example/x;jsessionid=ABC123?PHPSESSID=9&amp_device_id=7",
                &base()
            )
            .as_deref(),
            Some("https://a.example/x")
        );
    }

    #[test]
    fn same_page_and_script_links_are_hidden() {
        assert_eq!(clean("#cookies", &base()), None);
        assert_eq!(clean("?hl=en#cookies", &base()), None);
        assert_eq!(clean("javascript:void(0)", &base()), None);
        assert_eq!(
            clean("mailto:dpo@example.com", &base()).as_deref(),
            Some("mailto:dpo@example.com")
        );
    }
}
