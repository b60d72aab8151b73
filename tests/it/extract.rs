//! Extraction as the policy watcher sees it: page noise must not change the text, policy edits
//! must; charsets, structure, selectors, PDFs, hostile input.

use crate::common;

use common::pdf;
use url::Url;
use vcaudit::changes;
use vcaudit::extract::{extract, normalize, ExtractError, Rules};

fn base() -> Url {
    Url::parse("https://vendor.example/legal/privacy").unwrap()
}

fn text(html: &str) -> String {
    extract(
        html.as_bytes(),
        Some("text/html; charset=utf-8"),
        &base(),
        &Rules::default(),
    )
    .unwrap()
    .text
}

/// A policy page with everything that changes between visits: scripts, tracking parameters in
/// links, a cookie banner, a footer with the date of the visit.
fn page(nonce: &str, visitor: &str, date: &str, body_sentence: &str) -> String {
    format!(
        r#"<!doctype html><html><head><title>Privacy {nonce}</title>
<script nonce="{nonce}">window.__visitor = "{visitor}";</script>
<style>.x{{color:red}} /* {nonce} */</style></head>
<body>
<div id="onetrust-banner-sdk"><p>We use cookies ({visitor}). <button>Accept all</button></p></div>
<header><nav><a href="/?utm_source=nav&amp;optimizely_user_id={visitor}">Home</a></nav></header>
<main>
<h1>Privacy statement</h1>
<p>Last updated: 5 March 2024</p>
<p>{body_sentence}</p>
<p>Our sub-processors are listed on <a href="/subprocessors?optimizely_user_id={visitor}&amp;utm_campaign=x&amp;gclid={nonce}">the sub-processor page</a>.</p>
<div class="cookie-consent-modal" role="dialog">Manage your cookie preferences</div>
</main>
<footer>© 2024 Vendor · Page generated {date} · <a href="/imprint?sid={visitor}">Imprint</a></footer>
<noscript><img src="/pixel?id={visitor}"></noscript>
<script>track("{visitor}", "{date}")</script>
</body></html>"#
    )
}

#[test]
fn noise_between_visits_does_not_change_the_text() {
    let a = text(&page(
        "r4nd0m",
        "visitor-1",
        "2024-05-01 10:00",
        "We do not sell personal data.",
    ));
    let b = text(&page(
        "0th3r",
        "visitor-2",
        "2024-06-17 22:31",
        "We do not sell personal data.",
    ));
    assert_eq!(a, b);
    assert_eq!(
        a,
        "# Privacy statement\nLast updated: 5 March 2024\nWe do not sell personal data.\n\
         Our sub-processors are listed on [the sub-processor page](https://vendor.example/subprocessors)."
    );
}

#[test]
fn a_changed_sentence_is_in_the_diff_and_touches_its_criterion() {
    let a = text(&page("n1", "v1", "d1", "We do not sell personal data."));
    let b = text(&page(
        "n2",
        "v2",
        "d2",
        "We may use meeting transcripts to train our AI models.",
    ));
    let d = changes::diff(&a, &b);
    assert!(!d.is_empty());
    let shown = d.to_text();
    assert!(
        shown.contains("We may use meeting transcripts to train our AI models."),
        "{shown}"
    );
    assert!(shown.contains("We do not sell personal data."), "{shown}");
    assert!(!shown.contains("visitor"), "{shown}");
    assert_eq!(
        changes::criteria_touched(&d),
        ["no-secondary-use", "no-content-analysis"]
    );
}

#[test]
fn a_changed_link_target_is_a_change() {
    let a = text(r#"<p>See <a href="/subprocessors-2023">our list</a>.</p>"#);
    let b = text(r#"<p>See <a href="/subprocessors-2024">our list</a>.</p>"#);
    assert_ne!(a, b);
    assert_eq!(b, "See [our list](https://vendor.example/subprocessors-2024).");
}

#[test]
fn structure_is_rendered_one_block_per_line() {
    let html = r#"<body><article><header><h1>Terms</h1><p>Effective date: 2024-01-31</p></header>
        <h2>1.  Data</h2><p>First   paragraph
        continues here.<br>After a break.</p>
        <ul><li>Item <b>one</b></li><li><p>Item two</p><ul><li>Nested</li></ul></li></ul>
        <table><tr><th>Purpose</th><th>Retention</th></tr>
        <tr><td>Recordings</td><td><p>30 days</p></td></tr><tr><td>Logs</td><td></td></tr></table>
        <h3>Contact</h3><p><a href="mailto:dpo@vendor.example">dpo@vendor.example</a></p></article></body>"#;
    let got = extract(html.as_bytes(), None, &base(), &Rules::default()).unwrap();
    assert_eq!(
        got.text,
        "# Terms\nEffective date: 2024-01-31\n## 1. Data\nFirst paragraph continues here.\nAfter a break.\n\
         - Item one\n- Item two\n- Nested\nPurpose | Retention\nRecordings | 30 days\nLogs |\n### Contact\n\
         [dpo@vendor.example](mailto:dpo@vendor.example)"
    );
    assert_eq!(got.last_updated.as_deref(), Some("2024-01-31"));
}

#[test]
fn charset_from_header_meta_or_guess() {
    let latin1 = b"<p>Verwerkersovereenkomst: \xe9\xe9n \x93document\x94 \xa0 per school</p>";
    let want = "Verwerkersovereenkomst: \u{e9}\u{e9}n \"document\" per school";
    let from_header = extract(
        latin1,
        Some("text/html; charset=ISO-8859-1"),
        &base(),
        &Rules::default(),
    )
    .unwrap();
    assert_eq!(from_header.text, want);
    let mut with_meta = b"<html><head><meta charset=\"windows-1252\"></head><body>".to_vec();
    with_meta.extend_from_slice(latin1);
    assert_eq!(
        extract(&with_meta, Some("text/html"), &base(), &Rules::default())
            .unwrap()
            .text,
        want
    );
    // no charset anywhere: not UTF-8, so windows-1252
    assert_eq!(extract(latin1, None, &base(), &Rules::default()).unwrap().text, want);
    // no charset, valid UTF-8
    let utf8 = "<p>Gewijzigd op 1 mei 2024 — één</p>";
    let got = extract(utf8.as_bytes(), None, &base(), &Rules::default()).unwrap();
    assert_eq!(got.text, "Gewijzigd op 1 mei 2024 — één");
    assert_eq!(got.last_updated.as_deref(), Some("1 mei 2024"));
}

#[test]
fn select_and_remove_rules() {
    let html = r#"<body><div class="promo">Try it free</div>
        <div id="policy"><p>Kept.</p><p class="share">Share this page</p></div>
        <div id="other"><p>Not selected.</p></div></body>"#;
    let select = vec!["#policy".to_owned(), ".missing".to_owned()];
    let remove = vec![".share".to_owned()];
    let got = extract(
        html.as_bytes(),
        None,
        &base(),
        &Rules {
            select: &select,
            remove: &remove,
        },
    )
    .unwrap();
    assert_eq!(got.text, "Kept.");
    assert_eq!(got.unmatched, [".missing"]);

    let bad = vec!["div[".to_owned()];
    let err = extract(
        html.as_bytes(),
        None,
        &base(),
        &Rules {
            select: &bad,
            remove: &[],
        },
    )
    .unwrap_err();
    assert!(
        matches!(&err, ExtractError::BadSelector { selector, .. } if selector == "div["),
        "{err}"
    );
    let err = extract(
        html.as_bytes(),
        None,
        &base(),
        &Rules {
            select: &[],
            remove: &bad,
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("`div[`"), "{err}");
}

#[test]
fn a_cookie_policy_body_is_not_mistaken_for_a_banner() {
    let html = r#"<main class="cookie-policy"><h1>Cookie policy</h1><p>We set three cookies.</p></main>"#;
    assert_eq!(text(html), "# Cookie policy\nWe set three cookies.");
}

#[test]
fn hidden_and_control_characters_are_dropped() {
    let html = "<p>Visible\u{200B} text\u{1b}[2J</p><p hidden>secret</p><div style=\"display: none\">gone</div>\
                <p aria-hidden=\"true\">icon</p>";
    assert_eq!(text(html), "Visible text");
}

#[test]
fn deeply_nested_html_does_not_overflow_the_stack() {
    let depth = 100_000;
    let mut html = String::with_capacity(depth * 11 + 64);
    for _ in 0..depth {
        html.push_str("<b>");
    }
    html.push_str("deep text");
    for _ in 0..depth {
        html.push_str("</b>");
    }
    // parsing and walking run on a small stack to show neither recurses
    let got = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || extract(html.as_bytes(), None, &base(), &Rules::default()).map(|e| e.text))
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert_eq!(got.unwrap(), "deep text");
}

#[test]
fn thousands_of_unclosed_blocks_are_refused_quickly() {
    let html = "<div>".repeat(100_000) + "text";
    let err = extract(html.as_bytes(), None, &base(), &Rules::default()).unwrap_err();
    assert_eq!(
        err,
        ExtractError::TooDeep {
            open: 100_000,
            max: 5_000
        }
    );
    assert!(err.to_string().contains("100000 block elements open"), "{err}");
    // the same number of closed blocks is an ordinary long page
    let closed = "<div>a</div>".repeat(6_000);
    assert_eq!(text(&closed).lines().count(), 6_000);
}

#[test]
fn pdf_text_is_extracted_and_normalised() {
    let body = pdf(
        "BT /F1 12 Tf 72 720 Td (Last updated: 1 March 2024) Tj 0 -20 Td (Recordings are deleted after 30 days.) Tj ET",
    );
    let got = extract(&body, Some("application/pdf"), &base(), &Rules::default()).unwrap();
    assert!(
        got.text.contains("Recordings are deleted after 30 days."),
        "{:?}",
        got.text
    );
    assert_eq!(got.last_updated.as_deref(), Some("1 March 2024"));
    assert_eq!(normalize(&got.text), got.text);
    // recognised by its signature when served with a generic type
    let sniffed = extract(&body, Some("application/octet-stream"), &base(), &Rules::default()).unwrap();
    assert_eq!(sniffed.text, got.text);
}

#[test]
fn pdf_without_text_layer_and_broken_pdf_are_errors() {
    let scan = pdf("0 0 1 rg 72 72 200 200 re f");
    assert_eq!(
        extract(&scan, Some("application/pdf"), &base(), &Rules::default()),
        Err(ExtractError::NoTextLayer)
    );
    let broken = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage";
    assert!(matches!(
        extract(broken, Some("application/pdf"), &base(), &Rules::default()),
        Err(ExtractError::Pdf(_))
    ));
}
