//! The snapshot store under stress: a second run at the same time, runs killed half-way, stray
//! temporary files, damaged metadata, changed extraction rules; and the link back to the audit,
//! which flags claims whose source changed after they were verified.

use crate::common;
use crate::watch_support;

use std::fs;
use std::path::Path;
use std::time::Duration;

use watch_support::{
    one_document, policy, serve_edited, stored_text, vcaudit, vcaudit_path, vendor_with, watch, Route, Server,
    SENTENCES,
};

#[test]
fn a_second_run_at_the_same_time_waits_then_refuses() {
    let (_server, cat, state) = one_document(&["main"]);
    assert_eq!(watch(cat.path(), state.path(), &[]).code, 0);
    let lock = fs::OpenOptions::new()
        .write(true)
        .open(state.path().join(".lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let run = watch(cat.path(), state.path(), &["--lock-wait", "300ms"]);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("another `vcaudit watch` is using the snapshot store"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
    lock.unlock().unwrap();
    assert_eq!(
        watch(cat.path(), state.path(), &[]).state("acme", "privacy"),
        "unchanged"
    );
}

#[test]
fn stray_temporary_files_of_an_interrupted_run_are_ignored() {
    let (_server, cat, state) = one_document(&["main"]);
    watch(cat.path(), state.path(), &[]);
    let doc = state.path().join("acme/privacy");
    fs::write(doc.join(".tmpA1b2C3"), "{\"format\": 1, \"vendor\": \"ac").unwrap();
    fs::write(state.path().join("acme/.tmpQ9"), "half").unwrap();
    fs::create_dir_all(state.path().join(".tmpdir")).unwrap();
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "privacy"), "unchanged", "{}", run.stderr);
    assert_eq!(run.code, 0);
}

#[test]
fn damaged_metadata_is_an_error_naming_the_file() {
    let (_server, cat, state) = one_document(&["main"]);
    watch(cat.path(), state.path(), &[]);
    fs::write(state.path().join("acme/privacy/meta.json"), "{\n  \"vendor\": \n").unwrap();
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.code, 4);
    assert!(
        run.stderr.contains("meta.json") && run.stderr.contains("line"),
        "{}",
        run.stderr
    );
}

/// A catalogue of one vendor, `acme`, with documents `d0`, `d1`... at `/p0`, `/p1`... of `server`.
fn acme_pages(server: &Server, docs: usize) -> common::Catalogue {
    let docs: Vec<(String, String)> = (0..docs)
        .map(|i| (format!("d{i}"), server.url(&format!("/p{i}"))))
        .collect();
    let refs: Vec<(&str, &str, &[&str])> = docs
        .iter()
        .map(|(d, u)| (d.as_str(), u.as_str(), &["main"][..]))
        .collect();
    common::Catalogue::new(&[("acme.toml", &vendor_with("acme", &refs))])
}

/// Every document's metadata parses and points at stored text equal to one of `versions`.
fn assert_consistent(state: &Path, docs: usize, versions: &[String]) {
    for i in 0..docs {
        let meta = state.join(format!("acme/d{i}/meta.json"));
        let json: serde_json::Value = serde_json::from_slice(&fs::read(&meta).unwrap())
            .unwrap_or_else(|e| panic!("{} is not readable: {e}", meta.display()));
        assert!(json["raw_sha256"].is_string(), "{}", meta.display());
        let text = stored_text(state, "acme", &format!("d{i}"));
        assert!(
            versions.iter().any(|v| text.contains(v.as_str())),
            "d{i} is at neither the old nor the new version: {text}"
        );
    }
}

#[test]
fn a_killed_update_leaves_each_document_at_its_old_or_new_version() {
    const DOCS: usize = 30;
    let server = Server::start();
    let cat = acme_pages(&server, DOCS);
    let state = tempfile::tempdir().unwrap();
    let page = |version: &str| {
        let mut s = SENTENCES.to_vec();
        s[0] = version;
        policy(&s)
    };
    let versions: Vec<String> = (0..6)
        .map(|v| format!("This is version {v} of the statement."))
        .collect();
    for i in 0..DOCS {
        server.html(&format!("/p{i}"), &page(&versions[0]));
    }
    assert_eq!(watch(cat.path(), state.path(), &[]).code, 0);
    for (round, delay) in [40u64, 80, 120, 200, 300].into_iter().enumerate() {
        for i in 0..DOCS {
            server.set(
                &format!("/p{i}"),
                Route::Slow {
                    millis: 5,
                    html: page(&versions[round + 1]),
                },
            );
        }
        let mut child = std::process::Command::new(vcaudit_path())
            .args(["--catalogue", &cat.path().display().to_string()])
            .args(["--state", &state.path().display().to_string()])
            .args(["watch", "--update", "--concurrency", "1", "--format", "json"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        assert_consistent(state.path(), DOCS, &versions);
    }
    // A run after the kills completes and leaves everything at the newest version.
    let last = watch(cat.path(), state.path(), &["--update"]);
    assert_ne!(last.code, 4, "{}", last.stderr);
    assert_consistent(state.path(), DOCS, &versions[5..]);
}

/// A run of many documents, checked several at a time, leaves every document in place and no
/// temporary file behind, and so does a second run in which every document changed.
#[test]
fn a_run_of_many_documents_puts_every_document_in_place() {
    const DOCS: usize = 250;
    let server = Server::start();
    let cat = acme_pages(&server, DOCS);
    let state = tempfile::tempdir().unwrap();
    let versions: Vec<String> = (0..2)
        .map(|v| format!("This is version {v} of the statement."))
        .collect();
    for (round, version) in versions.iter().enumerate() {
        let mut s = SENTENCES.to_vec();
        s[0] = version;
        for i in 0..DOCS {
            server.html(&format!("/p{i}"), &policy(&s));
        }
        let run = watch(cat.path(), state.path(), &["--update"]);
        let want = if round == 0 { "new" } else { "changed" };
        let states: Vec<&str> = run.json["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["state"].as_str().unwrap())
            .collect();
        assert_eq!(states.len(), DOCS, "{}", run.stderr);
        assert!(states.iter().all(|s| *s == want), "{states:?}");
        assert_consistent(state.path(), DOCS, &versions[round..=round]);
        let leftovers: Vec<_> = fs::read_dir(state.path().join("acme"))
            .unwrap()
            .flat_map(|d| fs::read_dir(d.unwrap().path()).unwrap())
            .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

#[test]
fn changing_the_extraction_rules_raises_no_false_alarm() {
    let server = Server::start();
    let html = policy(SENTENCES).replace(
        "<main>",
        "<main><div class=\"share\">Share this page on social media</div>",
    );
    server.html("/privacy", &html);
    let cat = common::Catalogue::new(&[(
        "acme.toml",
        &vendor_with("acme", &[("privacy", &server.url("/privacy"), &["main"])]),
    )]);
    let state = tempfile::tempdir().unwrap();
    assert_eq!(watch(cat.path(), state.path(), &[]).state("acme", "privacy"), "new");
    assert!(stored_text(state.path(), "acme", "privacy").contains("Share this page"));
    // The catalogue now drops the share box: the stored page is re-extracted with the new rules.
    let mut file = fs::read_to_string(cat.file("acme.toml")).unwrap();
    file.push_str("remove = [\".share\"]\n");
    fs::write(cat.file("acme.toml"), file).unwrap();
    let run = watch(cat.path(), state.path(), &[]);
    assert_eq!(run.state("acme", "privacy"), "unchanged", "{}", run.stdout);
    assert_eq!(run.code, 0);
}

#[test]
fn audit_and_show_flag_claims_whose_source_changed_after_verification() {
    let server = Server::start();
    server.html("/privacy", &policy(SENTENCES));
    let vendor = common::vendor("acme", &[], &[]).replace("https://example.com/acme/privacy", &server.url("/privacy"));
    let cat = common::Catalogue::new(&[("acme.toml", &vendor)]);
    let state = tempfile::tempdir().unwrap();
    assert_eq!(
        watch(cat.path(), state.path(), &["acme"]).state("acme", "privacy"),
        "new"
    );

    let audit = |state: &Path| {
        let out = vcaudit()
            .args(["--catalogue", &cat.path().display().to_string()])
            .args(["--state", &state.display().to_string(), "audit", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let stale = |json: &serde_json::Value| {
        json["results"][0]["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["stale"] == true)
            .count()
    };
    assert_eq!(stale(&audit(state.path())), 0, "a new document is no change");

    serve_edited(&server, 2, "We may use personal data for advertising.");
    assert_eq!(
        watch(cat.path(), state.path(), &["acme"]).state("acme", "privacy"),
        "changed"
    );
    assert!(
        stale(&audit(state.path())) > 0,
        "claims citing the changed document are stale"
    );

    let show = vcaudit()
        .args(["--catalogue", &cat.path().display().to_string()])
        .args(["--state", &state.path().display().to_string(), "show", "acme"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&show.stdout);
    assert!(text.contains("source `privacy` changed on"), "{text}");

    let missing = vcaudit()
        .args(["--catalogue", &cat.path().display().to_string()])
        .args(["--state", "/nonexistent/vcaudit-state", "audit"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn import_ota_gives_documents_the_catalogue_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let decl = dir.path().join("Zoom.json");
    fs::write(
        &decl,
        r#"{"name":"Zoom","terms":{
          "Terms of Service":{"fetch":"https://zoom.us/terms","select":["main"],"remove":[".fdn-breadcrumb__list"],"filter":["removeAmpDeviceId"],"executeClientScripts":true},
          "Privacy Policy":{"fetch":"https://zoom.us/privacy","select":[".main-DefaultTemplate"],"remove":[".category"]}}}"#,
    )
    .unwrap();
    let out = vcaudit().arg("import-ota").arg(&decl).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let toml = String::from_utf8(out.stdout).unwrap();
    assert!(toml.contains("url = \"https://zoom.us/privacy\""), "{toml}");
    let head = common::vendor_head("zoom", &[]).replace(
        "[[documents]]\nid = \"privacy\"\nkind = \"privacy-policy\"\nurl = \"https://example.com/zoom/privacy\"\n",
        "",
    );
    let cat = common::Catalogue::new(&[("zoom.toml", &format!("{head}\n{toml}"))]);
    let v = vcaudit()
        .args(["--catalogue", &cat.path().display().to_string(), "validate"])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&v.stdout);
    assert_eq!(v.status.code(), Some(0), "{report}");
    assert!(report.contains("0 errors"), "{report}");

    fs::write(&decl, "{\"name\": \"Zoom\", \"terms\": [}").unwrap();
    let bad = vcaudit().arg("import-ota").arg(&decl).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("line 1, column"));
}
