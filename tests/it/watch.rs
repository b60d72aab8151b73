//! `vcaudit watch` against a server on 127.0.0.1: the life of a document (new, unchanged,
//! changed, accepted with `--update`), conditional requests, failures that leave the stored text
//! alone, moves, reports and exit codes.

use crate::watch_support;

use watch_support::{one_document, policy, serve_edited, stored_text, watch, Route, SENTENCES};

#[test]
fn first_run_is_new_second_unchanged_then_a_changed_sentence_shows_in_the_diff() {
    let (server, cat, state) = one_document(&["main"]);
    let first = watch(cat.path(), state.path(), &[]);
    assert_eq!(first.state("acme", "privacy"), "new", "{}", first.stdout);
    assert_eq!(first.code, 0);
    assert!(stored_text(state.path(), "acme", "privacy").contains("deleted after thirty days"));

    let second = watch(cat.path(), state.path(), &[]);
    assert_eq!(second.state("acme", "privacy"), "unchanged");
    assert_eq!(second.code, 0);

    serve_edited(
        &server,
        1,
        "Meeting recordings are stored in the United States and kept for one year.",
    );
    let third = watch(cat.path(), state.path(), &[]);
    assert_eq!(third.state("acme", "privacy"), "changed");
    assert_eq!(third.code, 1, "changes found exit 1");
    let diff = third.doc("acme", "privacy")["diff"].as_str().unwrap().to_owned();
    assert!(diff.contains("United States"), "{diff}");
    assert!(diff.contains("thirty days"), "the removed sentence shows too: {diff}");
    assert!(
        diff.lines()
            .filter(|l| !l.starts_with(' '))
            .all(|l| !l.contains("do not sell")),
        "untouched sentences show only as context: {diff}"
    );

    // Without --update the reference stays, so the change is reported until it is accepted.
    let again = watch(cat.path(), state.path(), &[]);
    assert_eq!(again.state("acme", "privacy"), "changed");
    assert!(stored_text(state.path(), "acme", "privacy").contains("thirty days"));

    let accepted = watch(cat.path(), state.path(), &["--update"]);
    assert_eq!(accepted.state("acme", "privacy"), "changed");
    assert_eq!(accepted.doc("acme", "privacy")["stored"], true);
    assert!(stored_text(state.path(), "acme", "privacy").contains("United States"));

    let after = watch(cat.path(), state.path(), &[]);
    assert_eq!(after.state("acme", "privacy"), "unchanged");
    assert_eq!(after.code, 0);
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(state.path().join("acme/privacy/meta.json")).unwrap()).unwrap();
    assert_eq!(
        meta["history"].as_array().unwrap().len(),
        1,
        "the old version is kept in the history"
    );
}

#[test]
fn an_unchanged_page_costs_a_304() {
    let (server, cat, state) = one_document(&["main"]);
    server.set(
        "/privacy",
        Route::Page {
            status: 200,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body: policy(SENTENCES).into_bytes(),
            etag: Some("\"v1\"".into()),
        },
    );
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "new");
    let dir = state.path().join("acme/privacy");
    let files = |dir: &std::path::Path| {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let second = watch(cat.path(), state.path(), &[]);
    assert_eq!(second.state("acme", "privacy"), "unchanged");
    assert_eq!(second.doc("acme", "privacy")["http_status"], 304);
    // Once a document is known to be unchanged, a 304 teaches nothing new: nothing is written.
    let (meta_before, files_before) = (std::fs::read(dir.join("meta.json")).unwrap(), files(&dir));
    assert_eq!(
        watch(cat.path(), state.path(), &[]).state("acme", "privacy"),
        "unchanged"
    );
    assert_eq!(std::fs::read(dir.join("meta.json")).unwrap(), meta_before);
    assert_eq!(files(&dir), files_before);
    let seen = server.seen("/privacy");
    assert_eq!(seen[0].headers.get("if-none-match"), None);
    assert_eq!(seen[1].headers.get("if-none-match").map(String::as_str), Some("\"v1\""));
    assert_eq!(seen[1].answered, 304);
    assert!(
        seen[0].headers["user-agent"].starts_with("vcaudit/"),
        "honest user agent"
    );
    assert!(stored_text(state.path(), "acme", "privacy").contains("first name"));
}

/// Runs once to store the page, then serves `route` and checks the state and that the stored text
/// did not change.
fn failure_keeps_text(route: Route, select: &[&str], extra: &[&str]) -> watch_support::Run {
    let (server, cat, state) = one_document(select);
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "new");
    let before = stored_text(state.path(), "acme", "privacy");
    server.set("/privacy", route);
    let run = watch(cat.path(), state.path(), extra);
    assert_eq!(
        stored_text(state.path(), "acme", "privacy"),
        before,
        "stored text untouched"
    );
    let again = watch(cat.path(), state.path(), extra);
    assert_eq!(
        again.doc("acme", "privacy")["consecutive_failures"],
        2,
        "failures are counted across runs"
    );
    run
}

fn page(status: u16, body: &str) -> Route {
    Route::Page {
        status,
        headers: vec![("Content-Type".into(), "text/html".into())],
        body: body.as_bytes().to_vec(),
        etag: None,
    }
}

#[test]
fn a_server_error_is_failed_after_retries() {
    let run = failure_keeps_text(page(500, "oops"), &["main"], &["--update"]);
    assert_eq!(run.state("acme", "privacy"), "failed");
    assert_eq!(run.doc("acme", "privacy")["http_status"], 500);
    assert_eq!(run.code, 5, "could not check, nothing changed: exit 5");
}

#[test]
fn a_missing_page_is_gone() {
    let run = failure_keeps_text(page(404, "<p>Page not found</p>"), &["main"], &["--update"]);
    assert_eq!(run.state("acme", "privacy"), "gone");
    assert_eq!(run.code, 5);
}

#[test]
fn a_forbidden_page_is_blocked() {
    let run = failure_keeps_text(page(403, "<p>Access denied</p>"), &["main"], &["--update"]);
    assert_eq!(run.state("acme", "privacy"), "blocked");
}

#[test]
fn a_timeout_is_failed() {
    let run = failure_keeps_text(
        Route::Hang,
        &["main"],
        &["--update", "--timeout", "300ms", "--retries", "0"],
    );
    assert_eq!(run.state("acme", "privacy"), "failed");
    assert!(
        run.doc("acme", "privacy")["detail"]
            .as_str()
            .unwrap()
            .contains("timed out"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_selector_that_matches_nothing_is_selector_broken() {
    let html = "<html><body><div class=\"app\">Loading...</div></body></html>";
    let run = failure_keeps_text(page(200, html), &["main"], &["--update"]);
    assert_eq!(run.state("acme", "privacy"), "selector-broken");
    assert!(run.doc("acme", "privacy")["detail"]
        .as_str()
        .unwrap()
        .contains("`main`"));
}

#[test]
fn an_error_page_with_status_200_does_not_replace_the_text() {
    let html = "<html><body><main><h1>Oops</h1><p>Something went wrong.</p></main></body></html>";
    let run = failure_keeps_text(page(200, html), &["main"], &["--update"]);
    assert_eq!(
        run.state("acme", "privacy"),
        "selector-broken",
        "text shrank suspiciously"
    );
}

#[test]
fn a_redirect_to_another_address_is_moved() {
    let (server, cat, state) = one_document(&["main"]);
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "new");
    server.html("/legal/privacy-statement", &policy(SENTENCES));
    server.redirect("/privacy", "/legal/privacy-statement");
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "privacy"), "moved", "{}", run.stdout);
    assert!(run.doc("acme", "privacy")["final_url"]
        .as_str()
        .unwrap()
        .ends_with("/legal/privacy-statement"));
    assert_eq!(run.code, 1);
}

#[test]
fn quiet_prints_nothing_when_nothing_needs_attention() {
    let (_server, cat, state) = one_document(&["main"]);
    watch(cat.path(), state.path(), &[]);
    let run = watch(cat.path(), state.path(), &["--quiet"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
}

#[test]
fn markdown_report_has_the_diff_in_a_fence() {
    let (server, cat, state) = one_document(&["main"]);
    watch(cat.path(), state.path(), &[]);
    serve_edited(
        &server,
        2,
        "We may share usage data with advertising partners | \u{1b}[31mred\u{1b}[0m.",
    );
    let out = watch_support::vcaudit()
        .args(["--catalogue", &cat.path().display().to_string()])
        .args(["--state", &state.path().display().to_string()])
        .args(["watch", "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("| acme/privacy | changed |"), "{md}");
    assert!(md.contains("```diff\n"), "{md}");
    assert!(md.contains("advertising partners"), "{md}");
    assert!(!md.contains('\u{1b}'), "no escape sequences from the web: {md:?}");
}

#[test]
fn the_report_speaks_dutch_and_its_json_stays_the_same() {
    let (server, cat, state) = one_document(&["main"]);
    watch(cat.path(), state.path(), &[]);
    serve_edited(&server, 2, "We may share usage data with advertising partners.");
    let run = |format: &str| {
        let out = watch_support::vcaudit()
            .args(["--lang", "nl", "--catalogue", &cat.path().display().to_string()])
            .args(["--state", &state.path().display().to_string()])
            .args(["watch", "--format", format])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let md = run("markdown");
    assert!(md.contains("| document | toestand | toelichting |"), "{md}");
    assert!(md.contains("1 document gecontroleerd: 1 gewijzigd"), "{md}");
    assert!(md.contains("## acme/privacy: gewijzigd"), "{md}");
    assert!(md.contains("- raakt mogelijk de criteria: "), "{md}");
    // The state column holds the identifiers, the same in every language; so does the JSON.
    assert!(md.contains("| acme/privacy | changed |"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["summary"], "1 document checked: 1 changed");

    // The watcher's own reasons are Dutch too.
    server.respond("/privacy", 404, &[("Content-Type", "text/html")], b"<p>Not found</p>");
    let md = run("markdown");
    assert!(
        md.contains("| acme/privacy | gone | het document is verdwenen (HTTP 404)"),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert!(json["documents"][0]["detail"]
        .as_str()
        .is_some_and(|d| d.starts_with("the document is gone")));
}

#[test]
fn table_output_carries_no_escape_sequences_from_the_web() {
    let (server, cat, state) = one_document(&["main"]);
    watch(cat.path(), state.path(), &[]);
    serve_edited(
        &server,
        0,
        "We process data \u{1b}]0;pwned\u{7}\u{1b}[2J on the instructions of the school.",
    );
    let out = watch_support::vcaudit()
        .args(["--color", "always", "--catalogue", &cat.path().display().to_string()])
        .args(["--state", &state.path().display().to_string(), "watch"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("instructions of the school"), "{text}");
    assert!(
        !text.contains("pwned") && !text.contains("\u{1b}[2J") && !text.contains("\u{1b}]"),
        "{text:?}"
    );
}

#[test]
fn unknown_vendor_or_document_is_a_usage_error() {
    let (_server, cat, state) = one_document(&["main"]);
    let run = watch(cat.path(), state.path(), &["acme/terms"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no document `terms`"), "{}", run.stderr);
    let run = watch(cat.path(), state.path(), &["acmee"]);
    assert_eq!(run.code, 2);
}

/// A catalogue address that redirects is recorded with its target on the first run; only a later
/// change of target is a move, reported until `--update` accepts it.
#[test]
fn a_page_that_always_redirected_is_not_moved_until_its_target_changes_and_then_until_accepted() {
    let (server, cat, state) = one_document(&["main"]);
    server.html("/target.html", &policy(SENTENCES));
    server.redirect("/privacy", "/target.html");
    let first = watch(cat.path(), state.path(), &[]);
    assert_eq!(first.state("acme", "privacy"), "new", "{}", first.stdout);
    assert_eq!(first.code, 0);

    // Nothing changed on the server: a cron job must not get exit 1 for ever.
    let second = watch(cat.path(), state.path(), &[]);
    assert_eq!(second.state("acme", "privacy"), "unchanged", "{}", second.stdout);
    assert_eq!(second.code, 0);

    server.html("/elsewhere/privacy.html", &policy(SENTENCES));
    server.redirect("/privacy", "/elsewhere/privacy.html");
    let moved = watch(cat.path(), state.path(), &[]);
    assert_eq!(moved.state("acme", "privacy"), "moved", "{}", moved.stdout);
    assert_eq!(moved.code, 1);
    assert!(moved.doc("acme", "privacy")["final_url"]
        .as_str()
        .unwrap()
        .ends_with("/elsewhere/privacy.html"));

    // Like a change, a move is reported on every run until it is accepted.
    let again = watch(cat.path(), state.path(), &[]);
    assert_eq!(again.state("acme", "privacy"), "moved", "{}", again.stdout);
    assert_eq!(again.code, 1);

    let accepted = watch(cat.path(), state.path(), &["--update"]);
    assert_eq!(accepted.state("acme", "privacy"), "moved");
    assert_eq!(accepted.doc("acme", "privacy")["stored"], true);

    let after = watch(cat.path(), state.path(), &[]);
    assert_eq!(after.state("acme", "privacy"), "unchanged", "{}", after.stdout);
    assert_eq!(after.code, 0);
}

#[test]
fn a_move_with_a_changed_text_is_moved_with_the_diff_and_update_accepts_both() {
    let (server, cat, state) = one_document(&["main"]);
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "new");
    let mut edited = SENTENCES.to_vec();
    edited[1] = "Meeting recordings are stored in the United States and kept for one year.";
    server.html("/legal/privacy-statement", &policy(&edited));
    server.redirect("/privacy", "/legal/privacy-statement");
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "privacy"), "moved", "{}", run.stdout);
    assert_eq!(run.code, 1);
    let diff = run.doc("acme", "privacy")["diff"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(diff.contains("United States"), "the text change is shown too: {diff}");
    assert!(stored_text(state.path(), "acme", "privacy").contains("thirty days"));

    let accepted = watch(cat.path(), state.path(), &["--update"]);
    assert_eq!(accepted.state("acme", "privacy"), "moved");
    assert!(stored_text(state.path(), "acme", "privacy").contains("United States"));
    let after = watch(cat.path(), state.path(), &[]);
    assert_eq!(after.state("acme", "privacy"), "unchanged", "{}", after.stdout);
    assert_eq!(after.code, 0);
}

#[test]
fn a_move_answered_with_304_is_reported_and_accepted_like_any_other() {
    let (server, cat, state) = one_document(&["main"]);
    let tagged = || Route::Page {
        status: 200,
        headers: vec![("Content-Type".into(), "text/html".into())],
        body: policy(SENTENCES).into_bytes(),
        etag: Some("\"v1\"".into()),
    };
    server.set("/privacy", tagged());
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "new");
    // The same page, with the same validators, from another path: the server answers 304.
    server.set("/legal/privacy-statement", tagged());
    server.redirect("/privacy", "/legal/privacy-statement");
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.doc("acme", "privacy")["http_status"], 304);
    assert_eq!(run.state("acme", "privacy"), "moved", "{}", run.stdout);
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "moved");
    assert_eq!(
        watch(cat.path(), state.path(), &["--update"]).state("acme", "privacy"),
        "moved"
    );
    let after = watch(cat.path(), state.path(), &[]);
    assert_eq!(after.state("acme", "privacy"), "unchanged", "{}", after.stdout);
    assert_eq!(after.code, 0);
}

#[test]
fn a_catalogue_that_follows_a_move_ends_the_move() {
    let (server, cat, state) = one_document(&["main"]);
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "new");
    server.html("/legal/privacy-statement", &policy(SENTENCES));
    server.redirect("/privacy", "/legal/privacy-statement");
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "moved");
    let new_url = server.url("/legal/privacy-statement");
    std::fs::write(
        cat.file("acme.toml"),
        watch_support::vendor_with("acme", &[("privacy", &new_url, &["main"])]),
    )
    .unwrap();
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "privacy"), "unchanged", "{}", run.stdout);
    assert_eq!(run.code, 0);
}
