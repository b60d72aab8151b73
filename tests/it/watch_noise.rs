//! What must not raise an alarm, and what must be read: pages whose scripts, tracking parameters,
//! cookie banner and footer change stay `unchanged`; a JavaScript-only page is not stored as empty;
//! PDF documents are extracted; the stated "last updated" date and the criteria a change may touch
//! are reported.

use crate::common;
use crate::watch_support;

use watch_support::{stored_text, vendor_with, watch, Server};

/// A realistic page: head scripts, navigation, a cookie banner, the policy with tracked links, a
/// footer with a year. Everything but `policy` varies with `visit`.
fn page(visit: u32, policy: &[&str]) -> String {
    let paragraphs: String = policy
        .iter()
        .map(|p| {
            format!(
                "<p>{p} See <a href=\"/legal/dpa?utm_source=mail{visit}&amp;utm_campaign=c{visit}&amp;optimizely_user_id={visit}abc&amp;amp_device_id=x{visit}\">our agreement</a>.</p>\n"
            )
        })
        .collect();
    format!(
        r#"<!doctype html><html><head><title>Privacy</title>
<script>window.__BUILD="{visit}";dataLayer.push({{"session":"{visit}"}})</script>
<style>.x{visit}{{color:red}}</style></head>
<body>
<nav><a href="/?gclid={visit}">Home</a> <a href="/pricing">Pricing {visit}</a></nav>
<div id="onetrust-banner-sdk"><p>We use cookies ({visit}). Accept all?</p><button>Accept</button></div>
<main>
<h1>Privacy statement</h1>
{paragraphs}</main>
<footer><p>© {year} Acme B.V. All rights reserved. Page generated in {visit} ms.</p></footer>
<script src="/static/app.{visit}.js"></script>
</body></html>"#,
        year = 2020 + visit
    )
}

const POLICY: &[&str] = &[
    "We process the personal data of pupils only on the instructions of the school.",
    "Meeting recordings are stored in the European Union and deleted after thirty days.",
    "We do not sell personal data and we do not use it for advertising.",
    "Sub-processors are listed on our website and the school is told of changes in advance.",
];

#[test]
fn scripts_tracking_parameters_cookie_banner_and_footer_are_not_changes() {
    let server = Server::start();
    server.html("/privacy", &page(1, POLICY));
    let cat = common::Catalogue::new(&[(
        "acme.toml",
        &vendor_with("acme", &[("privacy", &server.url("/privacy"), &[])]),
    )]);
    let state = tempfile::tempdir().unwrap();
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "new");
    let text = stored_text(state.path(), "acme", "privacy");
    assert!(text.contains("deleted after thirty days"), "{text}");
    assert!(!text.contains("cookies"), "no cookie banner in the text: {text}");
    assert!(!text.contains("utm_"), "no tracking parameters in the text: {text}");

    for visit in 2..5 {
        server.html("/privacy", &page(visit, POLICY));
        let run = watch(cat.path(), state.path(), &[]);
        assert_eq!(
            run.state("acme", "privacy"),
            "unchanged",
            "visit {visit}: {}",
            run.stdout
        );
        assert_eq!(run.code, 0);
    }

    let mut edited = POLICY.to_vec();
    edited[2] = "We may share personal data with advertising partners.";
    server.html("/privacy", &page(9, &edited));
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "privacy"), "changed");
    let diff = run.doc("acme", "privacy")["diff"].as_str().unwrap().to_owned();
    assert!(diff.contains("advertising partners"), "{diff}");
    assert!(!diff.contains("utm_") && !diff.contains("cookies ("), "{diff}");
    let criteria = run.doc("acme", "privacy")["criteria"].as_array().unwrap().clone();
    assert!(
        !criteria.is_empty(),
        "a change about advertising touches a criterion: {}",
        run.stdout
    );
}

#[test]
fn a_javascript_only_page_is_not_stored_as_empty() {
    let server = Server::start();
    server.html(
        "/privacy",
        "<html><head><script>window.app={}</script></head><body><div id=\"root\"></div><script src=\"/app.js\"></script></body></html>",
    );
    let cat = common::Catalogue::new(&[(
        "acme.toml",
        &vendor_with("acme", &[("privacy", &server.url("/privacy"), &[])]),
    )]);
    let state = tempfile::tempdir().unwrap();
    let run = watch(cat.path(), state.path(), &["--update"]);
    assert_eq!(run.state("acme", "privacy"), "selector-broken", "{}", run.stdout);
    assert_eq!(run.code, 5);
    assert!(
        !state.path().join("acme/privacy/meta.json").exists() || {
            let meta = std::fs::read_to_string(state.path().join("acme/privacy/meta.json")).unwrap();
            meta.contains("\"text_sha256\": null")
        }
    );
}

/// A one-page PDF showing `lines` in Helvetica, with a correct cross-reference table.
fn pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 11 Tf 72 740 Td 14 TL\n");
    for l in lines {
        content.push_str(&format!("({}) Tj T*\n", l.replace('(', "\\(").replace(')', "\\)")));
    }
    content.push_str("ET");
    common::pdf(&content)
}

#[test]
fn a_pdf_document_is_extracted_and_compared() {
    let server = Server::start();
    let v1 = [
        "Data Processing Agreement",
        "Recordings are kept for thirty days.",
        "Data stays in the EU.",
    ];
    server.respond("/dpa.pdf", 200, &[("Content-Type", "application/pdf")], &pdf(&v1));
    let cat = common::Catalogue::new(&[(
        "acme.toml",
        &vendor_with("acme", &[("dpa", &server.url("/dpa.pdf"), &[])]),
    )]);
    let state = tempfile::tempdir().unwrap();
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "dpa"), "new", "{}", run.stdout);
    let text = stored_text(state.path(), "acme", "dpa");
    assert!(text.contains("Recordings are kept for thirty days."), "{text}");

    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "dpa"), "unchanged");

    let v2 = [
        "Data Processing Agreement",
        "Recordings are kept for one year.",
        "Data stays in the EU.",
    ];
    server.respond("/dpa.pdf", 200, &[("Content-Type", "application/pdf")], &pdf(&v2));
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "dpa"), "changed");
    assert!(run.doc("acme", "dpa")["diff"].as_str().unwrap().contains("one year"));

    // A PDF with no text layer is reported, not stored as empty.
    server.respond("/dpa.pdf", 200, &[("Content-Type", "application/pdf")], &pdf(&[]));
    let run = watch(cat.path(), state.path(), &["--update"]);
    assert_eq!(run.state("acme", "dpa"), "failed", "{}", run.stdout);
    assert!(stored_text(state.path(), "acme", "dpa").contains("thirty days"));
}

#[test]
fn the_stated_last_updated_date_is_reported() {
    let server = Server::start();
    let dated = |date: &str, days: &str| {
        format!("<html><body><main><h1>Privacy</h1><p>Last updated: {date}</p><p>Recordings are deleted after {days} days.</p></main></body></html>")
    };
    server.html("/privacy", &dated("March 5, 2026", "thirty"));
    let cat = common::Catalogue::new(&[(
        "acme.toml",
        &vendor_with("acme", &[("privacy", &server.url("/privacy"), &["main"])]),
    )]);
    let state = tempfile::tempdir().unwrap();
    watch(cat.path(), state.path(), &[]);
    server.html("/privacy", &dated("November 2, 2026", "ninety"));
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "privacy"), "changed");
    assert_eq!(
        run.doc("acme", "privacy")["stated_date"],
        "November 2, 2026",
        "{}",
        run.stdout
    );
}
