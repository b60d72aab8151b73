//! Runs the policy watcher over a corpus of real policy snapshots and compares its verdicts with
//! the reviewed labels: for every consecutive pair of snapshots, the older one is served from a
//! local server and stored, then the newer one is served and checked. A pair whose reviewed scope
//! is `policy-text` should come out `changed`; every other pair (scripts, page chrome, link targets,
//! nothing) should stay `unchanged`.
//!
//! ```sh
//! cargo run --example watch_corpus -- ../shared/corpus/policies
//! ```
//!
//! The corpus (`MANIFEST.toml` plus `*/snapshots/*`) is read in place and never copied.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use vcaudit::watch::{self, fetch::Config, Options, State, Target};

/// The page the local server answers with, whatever the path.
type Page = Arc<Mutex<(Vec<u8>, &'static str)>>;

fn serve(page: Page) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                if line == "\r\n" {
                    break;
                }
                line.clear();
            }
            let (body, ct) = page.lock().expect("page").clone();
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{addr}/document")
}

fn strings(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

/// Checks one pair with the given rules; returns the state of the second check and the diff size.
fn check_pair(dir: &Path, from: &str, to: &str, select: &[String], remove: &[String]) -> (State, usize, String) {
    let ct = if from.ends_with(".pdf") {
        "application/pdf"
    } else {
        "text/html; charset=utf-8"
    };
    let page: Page = Arc::new(Mutex::new((std::fs::read(dir.join(from)).expect("snapshot"), ct)));
    let url = serve(page.clone());
    let state = tempfile::tempdir().expect("temp dir");
    let target = Target {
        vendor: "corpus".into(),
        document: "doc".into(),
        url,
        select: select.to_vec(),
        remove: remove.to_vec(),
    };
    let opts = Options {
        update: false,
        fetch: Config {
            timeout: Duration::from_secs(60),
            retries: 0,
            ..Config::default()
        },
        lock_wait: Duration::from_secs(1),
        progress: false,
    };
    let first = watch::run(state.path().to_owned(), vec![target.clone()], &opts).expect("first run");
    if first[0].state != State::New {
        return (
            first[0].state,
            0,
            first[0].detail.as_ref().map(|t| t.en.to_string()).unwrap_or_default(),
        );
    }
    page.lock().expect("page").0 = std::fs::read(dir.join(to)).expect("snapshot");
    let second = watch::run(state.path().to_owned(), vec![target], &opts).expect("second run");
    let r = &second[0];
    let lines = r
        .diff
        .as_ref()
        .map(|d| d.to_text().lines().filter(|l| l.starts_with(['-', '+', '~'])).count())
        .unwrap_or(0);
    (
        r.state,
        lines,
        r.detail.as_ref().map(|t| t.en.to_string()).unwrap_or_default(),
    )
}

fn main() {
    let root = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpus/policies".into()),
    );
    let manifest: toml::Value = std::fs::read_to_string(root.join("MANIFEST.toml"))
        .map_err(|e| format!("cannot read {}: {e}", root.join("MANIFEST.toml").display()))
        .and_then(|s| toml::from_str(&s).map_err(|e| e.to_string()))
        .unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        });
    let docs = manifest
        .get("document")
        .and_then(toml::Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut tally = [[0u32; 2]; 2]; // [rules][correct?]
    let mut rows = Vec::new();
    for doc in &docs {
        let id = doc.get("id").and_then(toml::Value::as_str).unwrap_or("?");
        let dir = root.join(doc.get("folder").and_then(toml::Value::as_str).unwrap_or(id));
        let decl = doc.get("declaration");
        let select = strings(decl.and_then(|d| d.get("select")));
        let remove = strings(decl.and_then(|d| d.get("remove")));
        for pair in doc.get("pair").and_then(toml::Value::as_array).into_iter().flatten() {
            let from = pair.get("from").and_then(toml::Value::as_str).unwrap_or("");
            let to = pair.get("to").and_then(toml::Value::as_str).unwrap_or("");
            let scope = pair.get("reviewed_scope").and_then(toml::Value::as_str).unwrap_or("?");
            let expect_change = scope == "policy-text";
            let mut cells = Vec::new();
            for (i, (sel, rem)) in [(select.clone(), remove.clone()), (Vec::new(), Vec::new())]
                .iter()
                .enumerate()
            {
                let (state, lines, detail) = check_pair(&dir, from, to, sel, rem);
                let correct = (state == State::Changed) == expect_change && !state.is_failure();
                tally[i][usize::from(correct)] += 1;
                let mark = if correct { "ok" } else { "WRONG" };
                let extra = if state.is_failure() {
                    format!(" ({detail})")
                } else {
                    String::new()
                };
                cells.push(format!("{} {lines:>4} {mark}{extra}", state.as_str()));
            }
            rows.push(format!(
                "{id:<30} {:<16} -> {:<16} {scope:<18} | {:<28} | {}",
                &from[10..from.len().min(26)],
                &to[10..to.len().min(26)],
                cells[0],
                cells[1]
            ));
        }
    }
    println!("document                       from                -> to               reviewed scope     | declared selectors (state, diff lines) | default extraction");
    for r in rows {
        println!("{r}");
    }
    for (i, name) in ["declared selectors", "default extraction"].iter().enumerate() {
        let total = tally[i][0] + tally[i][1];
        println!("{name}: {} of {total} pairs as reviewed", tally[i][1]);
    }
}
