//! Hostile or broken servers: each ends in bounded time and memory with a clear state, and the
//! stored text stays as it was.

use crate::common;
use crate::watch_support;

use std::io::Write;
use std::time::{Duration, Instant};

use watch_support::{policy, stored_text, vendor_with, watch, Route, Server, SENTENCES};

/// A catalogue with one document at `/privacy`, already stored once from a good page.
fn stored() -> (Server, common::Catalogue, tempfile::TempDir, String) {
    let server = Server::start();
    server.html("/privacy", &policy(SENTENCES));
    let cat = common::Catalogue::new(&[(
        "acme.toml",
        &vendor_with("acme", &[("privacy", &server.url("/privacy"), &["main"])]),
    )]);
    let state = tempfile::tempdir().unwrap();
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "new");
    let text = stored_text(state.path(), "acme", "privacy");
    (server, cat, state, text)
}

fn detail(run: &watch_support::Run) -> String {
    run.doc("acme", "privacy")["detail"].as_str().unwrap_or("").to_owned()
}

#[test]
fn a_body_over_the_limit_is_failed() {
    let (server, cat, state, text) = stored();
    let big = policy(&[&"x".repeat(300_000)]);
    server.html("/privacy", &big);
    let run = watch(cat.path(), state.path(), &["--update", "--max-body", "100K"]);
    assert_eq!(run.state("acme", "privacy"), "failed");
    assert!(detail(&run).contains("larger than the limit"), "{}", run.stdout);
    assert_eq!(stored_text(state.path(), "acme", "privacy"), text);
}

#[test]
fn a_gzip_bomb_stops_at_the_limit() {
    let (server, cat, state, text) = stored();
    // 16 MB of zeros compress to about 16 KB.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..16 {
        gz.write_all(&zeros).unwrap();
    }
    let bomb = gz.finish().unwrap();
    assert!(bomb.len() < 200_000);
    server.respond(
        "/privacy",
        200,
        &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        &bomb,
    );
    let run = watch(cat.path(), state.path(), &["--update", "--max-body", "1MB"]);
    assert_eq!(run.state("acme", "privacy"), "failed");
    assert!(detail(&run).contains("larger than the limit"), "{}", run.stdout);
    assert_eq!(stored_text(state.path(), "acme", "privacy"), text);
}

#[test]
fn a_compressed_page_is_read() {
    let (server, cat, state, _) = stored();
    let mut edited = SENTENCES.to_vec();
    edited[3] = "Sub-processors may change without notice.";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(policy(&edited).as_bytes()).unwrap();
    server.respond(
        "/privacy",
        200,
        &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        &gz.finish().unwrap(),
    );
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "privacy"), "changed");
    assert!(run.doc("acme", "privacy")["diff"]
        .as_str()
        .unwrap()
        .contains("without notice"));
}

#[test]
fn a_dripping_server_is_bounded_by_the_total_timeout() {
    let (server, cat, state, text) = stored();
    server.set("/privacy", Route::Drip);
    let start = Instant::now();
    let run = watch(
        cat.path(),
        state.path(),
        &["--update", "--timeout", "500ms", "--retries", "0"],
    );
    assert!(start.elapsed() < Duration::from_secs(10), "took {:?}", start.elapsed());
    assert_eq!(run.state("acme", "privacy"), "failed");
    assert!(detail(&run).contains("timed out"), "{}", run.stdout);
    assert_eq!(stored_text(state.path(), "acme", "privacy"), text);
}

#[test]
fn a_redirect_loop_is_failed() {
    let (server, cat, state, text) = stored();
    server.redirect("/privacy", "/a");
    server.redirect("/a", "/b");
    server.redirect("/b", "/a");
    let run = watch(cat.path(), state.path(), &["--update"]);
    assert_eq!(run.state("acme", "privacy"), "failed");
    assert!(detail(&run).contains("redirect loop"), "{}", run.stdout);
    assert_eq!(stored_text(state.path(), "acme", "privacy"), text);
}

#[test]
fn too_many_redirects_are_failed() {
    let (server, cat, state, _) = stored();
    server.redirect("/privacy", "/r1");
    for i in 1..6 {
        server.redirect(&format!("/r{i}"), &format!("/r{}", i + 1));
    }
    let run = watch(cat.path(), state.path(), &["--max-redirects", "3"]);
    assert_eq!(run.state("acme", "privacy"), "failed");
    assert!(detail(&run).contains("more than 3 redirects"), "{}", run.stdout);
}

#[test]
fn a_redirect_to_a_non_http_scheme_is_refused() {
    let (server, cat, state, text) = stored();
    server.redirect("/privacy", "file:///etc/passwd");
    let run = watch(cat.path(), state.path(), &["--update"]);
    assert_eq!(run.state("acme", "privacy"), "failed");
    assert!(detail(&run).contains("not an http(s) address"), "{}", run.stdout);
    assert_eq!(stored_text(state.path(), "acme", "privacy"), text);
}

#[test]
fn a_redirect_to_another_host_is_moved() {
    let (server, cat, state, _) = stored();
    server.html("/privacy-new", &policy(SENTENCES));
    let other = server.url("/privacy-new").replace("127.0.0.1", "localhost");
    server.redirect("/privacy", &other);
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "privacy"), "moved", "{}", run.stdout);
    assert!(run.doc("acme", "privacy")["final_url"]
        .as_str()
        .unwrap()
        .contains("localhost"));
}

#[test]
fn rate_limiting_honours_retry_after_then_reports_blocked() {
    let (server, cat, state, text) = stored();
    server.respond("/privacy", 429, &[("Retry-After", "0")], b"slow down");
    let run = watch(cat.path(), state.path(), &["--update", "--retries", "2"]);
    assert_eq!(run.state("acme", "privacy"), "blocked");
    assert_eq!(
        server.seen("/privacy").iter().filter(|s| s.answered == 429).count(),
        3,
        "first try and two retries"
    );
    assert_eq!(stored_text(state.path(), "acme", "privacy"), text);
}

#[test]
fn a_retry_after_beyond_the_maximum_is_not_waited_for() {
    let (server, cat, state, _) = stored();
    server.respond("/privacy", 503, &[("Retry-After", "3600")], b"maintenance");
    let start = Instant::now();
    let run = watch(cat.path(), state.path(), &["--retries", "3", "--max-retry-after", "5s"]);
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(run.state("acme", "privacy"), "failed");
    assert_eq!(server.seen("/privacy").iter().filter(|s| s.answered == 503).count(), 1);
}

#[test]
fn a_transient_failure_is_retried_and_recovers() {
    let (server, cat, state, _) = stored();
    server.respond("/privacy", 503, &[("Retry-After", "0")], b"busy");
    let s2 = std::sync::Arc::new(server);
    let s3 = s2.clone();
    // Serve the page again as soon as the first 503 was seen.
    let t = std::thread::spawn(move || {
        for _ in 0..200 {
            if s3.seen("/privacy").iter().any(|s| s.answered == 503) {
                s3.html("/privacy", &policy(SENTENCES));
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    let run = watch(cat.path(), state.path(), &["--retries", "3", "--retry-wait", "200ms"]);
    t.join().unwrap();
    assert_eq!(run.state("acme", "privacy"), "unchanged", "{}", run.stdout);
    assert_eq!(run.doc("acme", "privacy")["consecutive_failures"], 0);
}

#[test]
fn deeply_nested_html_ends_in_bounded_time() {
    let (server, cat, state, text) = stored();
    let deep = format!(
        "<html><body><main>{}<p>deep</p></main></body></html>",
        "<div>".repeat(50_000)
    );
    server.html("/privacy", &deep);
    let start = Instant::now();
    let run = watch(cat.path(), state.path(), &["--update", "--timeout", "1s"]);
    assert!(start.elapsed() < Duration::from_secs(15), "took {:?}", start.elapsed());
    // Refused by the depth guard before parsing, and the stored text stays.
    assert_eq!(run.state("acme", "privacy"), "failed", "{}", run.stdout);
    assert!(detail(&run).contains("block elements open"), "{}", run.stdout);
    assert_eq!(stored_text(state.path(), "acme", "privacy"), text);
}

#[test]
fn an_unreachable_host_is_failed() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/privacy", listener.local_addr().unwrap());
    drop(listener);
    let cat = common::Catalogue::new(&[("acme.toml", &vendor_with("acme", &[("privacy", &url, &[])]))]);
    let state = tempfile::tempdir().unwrap();
    let run = watch(cat.path(), state.path(), &["--retries", "1"]);
    assert_eq!(run.state("acme", "privacy"), "failed");
    assert_eq!(run.code, 5);
}

#[test]
fn requests_to_one_host_are_limited() {
    let server = Server::start();
    let docs: Vec<(String, String)> = (0..6)
        .map(|i| (format!("d{i}"), server.url(&format!("/p{i}"))))
        .collect();
    for i in 0..6 {
        server.set(
            &format!("/p{i}"),
            // Slow enough that requests started together overlap.
            Route::Slow {
                millis: 300,
                html: policy(SENTENCES),
            },
        );
    }
    let refs: Vec<(&str, &str, &[&str])> = docs.iter().map(|(d, u)| (d.as_str(), u.as_str(), &[][..])).collect();
    let cat = common::Catalogue::new(&[("acme.toml", &vendor_with("acme", &refs))]);
    let state = tempfile::tempdir().unwrap();
    let run = watch(cat.path(), state.path(), &["--concurrency", "6", "--per-host", "2"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    for i in 0..6 {
        assert_eq!(server.seen(&format!("/p{i}")).len(), 1, "/p{i} fetched once");
    }
    // Never more than two at once. Whether two did overlap depends on the load of the machine;
    // without the per-host limit, `--concurrency 6` starts all six slow requests together.
    let most = server.max_in_flight();
    assert!(most <= 2, "at most two requests to the host at once, saw {most}");
}

/// A PDF whose page holds `depth` nested arrays: enough to overflow the PDF reader's stack.
fn nested_pdf(depth: usize) -> Vec<u8> {
    let nest = format!("/Nest {}{} ", "[".repeat(depth), "]".repeat(depth));
    common::pdf_with_page_entry(&nest, "BT /F1 12 Tf 72 700 Td (hello) Tj ET")
}

#[test]
fn a_pdf_that_crashes_the_reader_fails_alone() {
    let server = Server::start();
    server.html("/privacy", &policy(SENTENCES));
    server.respond(
        "/dpa.pdf",
        200,
        &[("Content-Type", "application/pdf")],
        &nested_pdf(200_000),
    );
    let cat = common::Catalogue::new(&[(
        "acme.toml",
        &vendor_with(
            "acme",
            &[
                ("privacy", &server.url("/privacy"), &["main"]),
                ("dpa", &server.url("/dpa.pdf"), &[]),
            ],
        ),
    )]);
    let state = tempfile::tempdir().unwrap();
    let run = watch(cat.path(), state.path(), &[]);
    // The run ends with its report: the other document is recorded, the PDF is failed.
    assert_eq!(run.code, 5, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(run.state("acme", "privacy"), "new");
    assert_eq!(run.state("acme", "dpa"), "failed");
    let reason = run.doc("acme", "dpa")["detail"].as_str().unwrap_or("").to_owned();
    assert!(reason.contains("the PDF reader crashed"), "{reason}");
}
