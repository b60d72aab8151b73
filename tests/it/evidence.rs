//! Evidence that checks itself: `watch` looks for each claim's quote in the fetched text,
//! `evidence` reports it from the store, staleness follows what was checked, and `review --accept`
//! clears the flags of a change a person read. Every page is served on 127.0.0.1 by the test.

use crate::common;
use crate::watch_support;

use watch_support::{policy, serve_edited, vendor_with, watch, Server, SENTENCES};

/// A vendor `acme` whose document `privacy` is served by `server`, with one claim quoting
/// [`SENTENCES`]`[2]`, verified years ago.
fn quoting_vendor(server: &Server) -> String {
    let mut s = vendor_with("acme", &[("privacy", &server.url("/privacy"), &[])]);
    s.push_str(
        "\n[terms.secondary_use.selling]\nvalue = false\nsource = \"privacy\"\nverified = 2019-03-01\nconfidence = \"high\"\nquote = \"We do not sell personal data, and we do not use it for advertising\"\n",
    );
    s
}

/// Runs vcaudit with the catalogue and the store, returning exit code and stdout.
fn run(cat: &std::path::Path, state: &std::path::Path, args: &[&str]) -> (i32, String) {
    let out = common::vcaudit()
        .arg("--catalogue")
        .arg(cat)
        .arg("--state")
        .arg(state)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("{e}: {s}"))
}

/// The fact of `secondary_use.selling` in `show acme --format json`, and the stale reasons of the
/// criteria that read it.
fn selling(show: &serde_json::Value) -> (serde_json::Value, Vec<String>) {
    for c in show["results"][0]["criteria"].as_array().expect("criteria") {
        for f in c["facts"].as_array().into_iter().flatten() {
            if f["term"] == "secondary_use.selling" {
                let reasons = c["stale_reasons"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_str().unwrap().to_owned())
                    .collect();
                return (f.clone(), reasons);
            }
        }
    }
    panic!("no secondary_use.selling fact in {show}");
}

#[test]
fn a_confirmed_quote_keeps_an_old_claim_fresh_a_gone_one_flags_it_and_a_review_clears_it() {
    let server = Server::start();
    server.html("/privacy", &policy(SENTENCES));
    let cat = common::Catalogue::new(&[("acme.toml", &quoting_vendor(&server))]);
    let state = tempfile::tempdir().unwrap();
    let (cat, st) = (cat.path(), state.path());
    let today = jiff::Zoned::now().date().to_string();

    let first = watch(cat, st, &[]);
    assert_eq!(first.state("acme", "privacy"), "new", "{}", first.stderr);
    let (code, out) = run(cat, st, &["evidence", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let ev = json(&out);
    assert_eq!(ev["schema_version"], 1);
    let claim = &ev["claims"][0];
    assert_eq!(claim["vendor"], "acme");
    assert_eq!(claim["term"], "secondary_use.selling");
    assert_eq!(claim["source"], "privacy");
    assert_eq!(claim["quote_state"], "confirmed");
    assert_eq!(claim["last_confirmed"], today.as_str());
    assert!(claim["nearest"].is_null());

    let (code, out) = run(cat, st, &["show", "acme", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let (fact, reasons) = selling(&json(&out));
    assert_eq!(fact["quote_state"], "confirmed");
    assert_eq!(fact["last_confirmed"], today.as_str());
    assert!(
        reasons.iter().all(|r| !r.contains("secondary_use.selling")),
        "{reasons:?}"
    );
    let (_, out) = run(cat, st, &["show", "acme"]);
    assert!(
        out.contains(&format!("quote confirmed in `privacy` on {today}")),
        "{out}"
    );

    // The sentence is rewritten: the quote is gone, `nearest` holds the new passage.
    serve_edited(&server, 2, "We may sell personal data to our partners.");
    let second = watch(cat, st, &[]);
    assert_eq!(second.state("acme", "privacy"), "changed");
    let (code, out) = run(cat, st, &["evidence", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let claim = &json(&out)["claims"][0];
    assert_eq!(claim["quote_state"], "quote-gone");
    assert_eq!(claim["last_confirmed"], today.as_str());
    assert_eq!(claim["nearest"], "We may sell personal data to our partners.");
    let (_, out) = run(cat, st, &["show", "acme", "--format", "json"]);
    let (fact, reasons) = selling(&json(&out));
    assert_eq!(fact["quote_state"], "quote-gone");
    assert!(reasons.iter().any(|r| r.contains("quote is no longer")), "{reasons:?}");

    // `review` lists the change with its claim; `--accept` clears the flags.
    let (code, out) = run(cat, st, &["review"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("acme/privacy") && out.contains("quote-gone"), "{out}");
    let (code, out) = run(
        cat,
        st,
        &[
            "review",
            "--accept",
            "acme/privacy",
            "--note",
            "sells only to processors",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let (_, out) = run(cat, st, &["show", "acme", "--format", "json"]);
    let (_, reasons) = selling(&json(&out));
    assert!(
        reasons.iter().all(|r| !r.contains("secondary_use.selling")),
        "{reasons:?}"
    );
    let (_, out) = run(cat, st, &["show", "acme"]);
    assert!(
        out.contains(&format!("reviewed on {today}: sells only to processors")),
        "{out}"
    );
    let (code, out) = run(cat, st, &["review"]);
    assert_eq!(code, 0, "{out}");
    let (_, out) = run(cat, st, &["review", "--log"]);
    assert!(
        out.contains("acme/privacy") && out.contains("sells only to processors"),
        "{out}"
    );
    // The accepted text is the reference now; the quote looked for in it again is still gone,
    // with the same nearest passage.
    assert_eq!(watch(cat, st, &[]).state("acme", "privacy"), "unchanged");
    let (code, out) = run(cat, st, &["evidence", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let claim = &json(&out)["claims"][0];
    assert_eq!(claim["quote_state"], "quote-gone");
    assert_eq!(claim["nearest"], "We may sell personal data to our partners.");

    // The claim is re-quoted from the text as it is now: found at the next run, though the page
    // did not change.
    let file = cat.join("acme.toml");
    let requoted = std::fs::read_to_string(&file).unwrap().replace(
        "We do not sell personal data, and we do not use it for advertising",
        "We may sell personal data to our partners",
    );
    std::fs::write(&file, requoted).unwrap();
    assert_eq!(watch(cat, st, &[]).state("acme", "privacy"), "unchanged");
    let (code, out) = run(cat, st, &["evidence", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(json(&out)["claims"][0]["quote_state"], "confirmed");
}

#[test]
fn a_quiet_watch_lists_a_gone_quote_and_evidence_shows_the_passage_nearest_to_it() {
    let server = Server::start();
    let mut edited = SENTENCES.to_vec();
    edited[2] = "We may sell personal data to our partners.";
    server.html("/privacy", &policy(&edited));
    let cat = common::Catalogue::new(&[("acme.toml", &quoting_vendor(&server))]);
    let state = tempfile::tempdir().unwrap();
    let (cat, st) = (cat.path(), state.path());

    let (_, quiet) = run(cat, st, &["watch", "--quiet", "--retry-wait", "10ms"]);
    assert!(
        quiet.contains("quote gone: acme secondary_use.selling from `privacy`"),
        "{quiet}"
    );
    assert!(!quiet.contains("nearest now"), "{quiet}");
    let (code, out) = run(cat, st, &["evidence", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        json(&out)["claims"][0]["nearest"],
        "We may sell personal data to our partners."
    );
    // Read by a person: the passage is in the report.
    let (_, full) = run(cat, st, &["watch", "--retry-wait", "10ms"]);
    assert!(
        full.contains("nearest now: \"We may sell personal data to our partners.\""),
        "{full}"
    );
}

#[test]
fn without_a_store_every_quote_is_not_fetched_and_a_claim_without_one_is_no_quote() {
    let server = Server::start();
    let mut vendor = quoting_vendor(&server);
    vendor.push_str(
        "\n[terms.contract.dpa]\nvalue = true\nsource = \"privacy\"\nverified = 2026-01-01\nconfidence = \"high\"\n",
    );
    let cat = common::Catalogue::new(&[("acme.toml", &vendor)]);
    let state = tempfile::tempdir().unwrap();
    let (code, out) = run(cat.path(), state.path(), &["evidence", "acme", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let claims = json(&out)["claims"].as_array().unwrap().clone();
    let state_of = |term: &str| claims.iter().find(|c| c["term"] == term).unwrap()["quote_state"].clone();
    assert_eq!(state_of("secondary_use.selling"), "not-fetched");
    assert_eq!(state_of("contract.dpa"), "no-quote");
}

#[test]
fn with_evidence_watch_fetches_the_urls_claims_cite() {
    let server = Server::start();
    server.html("/privacy", &policy(SENTENCES));
    server.html("/dpia", &policy(&["The DPIA found no high risks left for schools."]));
    let mut vendor = vendor_with("acme", &[("privacy", &server.url("/privacy"), &[])]);
    vendor.push_str(&format!(
        "\n[terms.secondary_use.selling]\nvalue = false\nsource = \"{}\"\nsource_kind = \"dpia\"\nverified = 2019-03-01\nconfidence = \"high\"\nquote = \"found no high risks left\"\n",
        server.url("/dpia")
    ));
    let cat = common::Catalogue::new(&[("acme.toml", &vendor)]);
    let state = tempfile::tempdir().unwrap();
    watch(cat.path(), state.path(), &[]);
    assert!(server.seen("/dpia").is_empty());
    let (_, out) = run(cat.path(), state.path(), &["evidence", "--format", "json"]);
    assert_eq!(json(&out)["claims"][0]["quote_state"], "not-fetched");
    let run2 = watch(cat.path(), state.path(), &["--evidence"]);
    assert_eq!(server.seen("/dpia").len(), 1, "{}", run2.stdout);
    let (code, out) = run(cat.path(), state.path(), &["evidence", "--format", "json"]);
    assert_eq!(code, 0);
    assert_eq!(json(&out)["claims"][0]["quote_state"], "confirmed", "{out}");
}

#[test]
fn a_page_only_rewrapped_is_unchanged_without_diff_lines() {
    let server = Server::start();
    let wrapped = |sep: &str| {
        format!(
            "<html><body><main><p>We process the personal data of pupils{sep}only on the instructions of the school.</p><p>Recordings are kept{sep}for thirty days.</p></main></body></html>"
        )
    };
    server.html("/privacy", &wrapped(" "));
    let cat = common::Catalogue::new(&[(
        "acme.toml",
        &vendor_with("acme", &[("privacy", &server.url("/privacy"), &[])]),
    )]);
    let state = tempfile::tempdir().unwrap();
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "new");
    server.html("/privacy", &wrapped("<br>\n"));
    let again = watch(cat.path(), state.path(), &[]);
    assert_eq!(again.state("acme", "privacy"), "unchanged", "{}", again.stdout);
    assert!(again.doc("acme", "privacy")["diff"].is_null());
}

#[test]
fn a_pdf_only_rewrapped_is_unchanged_without_diff_lines() {
    let pdf = |lines: &[&str]| {
        let mut content = String::from("BT /F1 11 Tf 72 740 Td 14 TL\n");
        for l in lines {
            content.push_str(&format!("({l}) Tj T*\n"));
        }
        content.push_str("ET");
        common::pdf(&content)
    };
    let server = Server::start();
    let ct = [("Content-Type", "application/pdf")];
    server.respond(
        "/dpa.pdf",
        200,
        &ct,
        &pdf(&["Recordings are kept for thirty", "days and data stays in the EU."]),
    );
    let cat = common::Catalogue::new(&[(
        "acme.toml",
        &vendor_with("acme", &[("dpa", &server.url("/dpa.pdf"), &[])]),
    )]);
    let state = tempfile::tempdir().unwrap();
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "dpa"), "new");
    server.respond(
        "/dpa.pdf",
        200,
        &ct,
        &pdf(&["Recordings are kept", "for thirty days and data", "stays in the EU."]),
    );
    let again = watch(cat.path(), state.path(), &[]);
    assert_eq!(again.state("acme", "dpa"), "unchanged", "{}", again.stdout);
    assert!(again.doc("acme", "dpa")["diff"].is_null());

    // Re-wrapped again with one word changed: one paragraph edited, nothing else.
    server.respond(
        "/dpa.pdf",
        200,
        &ct,
        &pdf(&[
            "Data Processing Agreement",
            "Recordings are kept for sixty days",
            "and data stays in the EU.",
        ]),
    );
    let changed = watch(cat.path(), state.path(), &[]);
    assert_eq!(changed.state("acme", "dpa"), "changed", "{}", changed.stdout);
    let diff = changed.doc("acme", "dpa")["diff"].as_str().unwrap().to_owned();
    let marks: Vec<char> = diff
        .lines()
        .filter_map(|l| l.chars().next())
        .filter(|c| "+-~".contains(*c))
        .collect();
    assert_eq!(marks, ['+', '~'], "{diff}");
    assert!(diff.contains("[-thirty-]{+sixty+}"), "{diff}");
}

#[test]
fn quiet_counts_every_document_checked_and_the_mail_starts_with_what_needs_attention() {
    let server = Server::start();
    server.html("/privacy", &policy(SENTENCES));
    server.html("/terms", &policy(&["Terms of use for schools and pupils alike."]));
    let mut vendor = vendor_with(
        "acme",
        &[
            ("privacy", &server.url("/privacy"), &[]),
            ("terms", &server.url("/terms"), &[]),
        ],
    );
    vendor.push_str(
        "\n[terms.secondary_use.selling]\nvalue = false\nsource = \"privacy\"\nverified = 2019-03-01\nconfidence = \"high\"\nquote = \"We do not sell personal data\"\n",
    );
    let cat = common::Catalogue::new(&[("acme.toml", &vendor)]);
    let state = tempfile::tempdir().unwrap();
    watch(cat.path(), state.path(), &[]);
    serve_edited(&server, 2, "We sell personal data to advertisers.");
    let (code, out) = run(
        cat.path(),
        state.path(),
        &["watch", "--quiet", "--format", "table", "--retry-wait", "10ms"],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("2 documents checked: 1 changed, 1 unchanged"), "{out}");
    let (_, md) = run(
        cat.path(),
        state.path(),
        &["watch", "--format", "markdown", "--retry-wait", "10ms"],
    );
    assert!(md.starts_with("# Needs attention"), "{md}");
    assert!(md.contains("quote gone"), "{md}");
    assert!(md.contains("secondary_use.selling: quote quote-gone"), "{md}");
    assert!(md.contains("Verdicts that could change: acme ("), "{md}");
    assert!(md.contains("How to read the diffs"), "{md}");
    let (_, html) = run(
        cat.path(),
        state.path(),
        &["watch", "--format", "html", "--retry-wait", "10ms"],
    );
    assert!(html.starts_with("<!doctype html>"), "{html}");
    assert!(
        html.contains("<h1>Needs attention</h1>") && html.contains("quote-gone"),
        "{html}"
    );
    assert!(!html.contains("<script") && !html.contains("http-equiv"), "{html}");
}

#[test]
fn the_built_in_catalogue_exports_and_the_environment_names_a_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::vcaudit()
        .args(["catalogue", "export"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("zoom.toml").exists());
    let validate = common::vcaudit()
        .env("VCAUDIT_CATALOGUE", dir.path())
        .args(["validate", "--format", "json"])
        .output()
        .unwrap();
    assert_ne!(
        validate.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&validate.stderr)
    );
    // Edit one vendor: the environment's catalogue is what `audit` reads.
    std::fs::remove_file(dir.path().join("zoom.toml")).unwrap();
    let audit = common::vcaudit()
        .env("VCAUDIT_CATALOGUE", dir.path())
        .args(["audit", "zoom"])
        .output()
        .unwrap();
    assert_eq!(
        audit.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&audit.stdout)
    );
    // A second export keeps edited files unless forced.
    std::fs::write(dir.path().join("teams.toml"), "edited").ok();
    let again = common::vcaudit()
        .args(["catalogue", "export"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).contains("kept"));
}
