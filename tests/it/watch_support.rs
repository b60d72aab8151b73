//! Helpers for the watch tests: a small HTTP/1.1 server on 127.0.0.1 whose pages a test can change
//! between runs, a catalogue whose documents point at it, and a way to run `vcaudit watch`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

// Not every test file uses both.
#[allow(unused_imports)]
pub use crate::common::{vcaudit, vcaudit_path};

/// What the server answers on a path.
#[derive(Clone)]
pub enum Route {
    /// A response; answered with 304 when the request's `If-None-Match` equals the `etag`.
    Page {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
        etag: Option<String>,
    },
    /// Headers, then one byte every 50 ms, never finishing.
    Drip,
    /// Accepts the connection and never answers.
    Hang,
    /// A 200 HTML page served after a pause.
    Slow { millis: u64, html: String },
}

/// A request the server saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub headers: HashMap<String, String>,
    pub answered: u16,
}

/// The server. It runs until the test process ends.
pub struct Server {
    port: u16,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    log: Arc<Mutex<Vec<Seen>>>,
    /// Requests being answered now, and the most there ever were at once.
    load: Arc<(AtomicUsize, AtomicUsize)>,
}

impl Server {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let routes: Arc<Mutex<HashMap<String, Route>>> = Arc::default();
        let log: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let load: Arc<(AtomicUsize, AtomicUsize)> = Arc::default();
        let (r, l, n) = (routes.clone(), log.clone(), load.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, l, n) = (r.clone(), l.clone(), n.clone());
                std::thread::spawn(move || {
                    let now = n.0.fetch_add(1, Ordering::SeqCst) + 1;
                    n.1.fetch_max(now, Ordering::SeqCst);
                    let in_flight = InFlight {
                        count: &n.0,
                        left: std::sync::atomic::AtomicBool::new(false),
                    };
                    serve(stream, &r, &l, &in_flight);
                    in_flight.leave();
                });
            }
        });
        Server {
            port,
            routes,
            log,
            load,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn set(&self, path: &str, route: Route) {
        self.routes.lock().unwrap().insert(path.to_owned(), route);
    }

    /// A 200 HTML page.
    pub fn html(&self, path: &str, html: &str) {
        self.respond(
            path,
            200,
            &[("Content-Type", "text/html; charset=utf-8")],
            html.as_bytes(),
        );
    }

    pub fn respond(&self, path: &str, status: u16, headers: &[(&str, &str)], body: &[u8]) {
        self.set(
            path,
            Route::Page {
                status,
                headers: headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
                body: body.to_vec(),
                etag: None,
            },
        );
    }

    /// A redirect.
    pub fn redirect(&self, path: &str, to: &str) {
        self.respond(path, 302, &[("Location", to)], b"");
    }

    /// The most requests that were answered at the same time.
    pub fn max_in_flight(&self) -> usize {
        self.load.1.load(Ordering::SeqCst)
    }

    /// The requests seen on a path.
    pub fn seen(&self, path: &str) -> Vec<Seen> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.path == path)
            .cloned()
            .collect()
    }
}

/// A request counted as in flight until its answer is about to be written: the client can start
/// its next request only once it has read an answer, so the count never includes a request that
/// is over for the client.
struct InFlight<'a> {
    count: &'a AtomicUsize,
    left: std::sync::atomic::AtomicBool,
}

impl InFlight<'_> {
    fn leave(&self) {
        if !self.left.swap(true, Ordering::SeqCst) {
            self.count.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

fn serve(stream: TcpStream, routes: &Mutex<HashMap<String, Route>>, log: &Mutex<Vec<Seen>>, in_flight: &InFlight) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
        }
    }
    let route = routes.lock().unwrap().get(&path).cloned();
    let mut stream = stream;
    let record = |answered: u16| {
        log.lock().unwrap().push(Seen {
            path: path.clone(),
            headers: headers.clone(),
            answered,
        })
    };
    match route {
        None => {
            record(404);
            in_flight.leave();
            let _ =
                stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found");
        }
        Some(Route::Hang) => {
            record(0);
            let mut buf = [0u8; 64];
            let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
            let _ = stream.read(&mut buf);
        }
        Some(Route::Slow { millis, html }) => {
            record(200);
            std::thread::sleep(Duration::from_millis(millis));
            in_flight.leave();
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                html.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(html.as_bytes());
        }
        Some(Route::Drip) => {
            record(200);
            if stream
                .write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000000\r\n\r\n<html><body><p>",
                )
                .is_err()
            {
                return;
            }
            for _ in 0..600 {
                std::thread::sleep(Duration::from_millis(50));
                if stream.write_all(b"a").and_then(|_| stream.flush()).is_err() {
                    return;
                }
            }
        }
        Some(Route::Page {
            status,
            headers: extra,
            body,
            etag,
        }) => {
            if let Some(etag) = etag.as_ref().filter(|e| headers.get("if-none-match") == Some(e)) {
                record(304);
                let head = format!(
                    "HTTP/1.1 304 Not Modified\r\nETag: {}\r\nConnection: close\r\n\r\n",
                    etag
                );
                in_flight.leave();
                let _ = stream.write_all(head.as_bytes());
                return;
            }
            record(status);
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in &extra {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            if let Some(e) = &etag {
                head.push_str(&format!("ETag: {e}\r\n"));
            }
            head.push_str("\r\n");
            in_flight.leave();
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    }
}

/// A vendor file `acme.toml` with the given documents `(id, url, select)`.
pub fn vendor_with(id: &str, docs: &[(&str, &str, &[&str])]) -> String {
    let mut s = format!(
        "id = \"{id}\"\nname = \"{id}\"\ncompany = \"{id} B.V.\"\nheadquarters = \"NL\"\nopen_source = false\nself_hostable = false\nstatus = \"active\"\n"
    );
    for (doc, url, select) in docs {
        s.push_str(&format!(
            "\n[[documents]]\nid = \"{doc}\"\nkind = \"other\"\nurl = \"{url}\"\n"
        ));
        if !select.is_empty() {
            let list: Vec<String> = select.iter().map(|x| format!("{x:?}")).collect();
            s.push_str(&format!("select = [{}]\n", list.join(", ")));
        }
    }
    s
}

/// Serves at `/privacy` the policy of [`SENTENCES`] with sentence `at` replaced by `sentence`.
pub fn serve_edited(server: &Server, at: usize, sentence: &str) {
    let mut edited = SENTENCES.to_vec();
    edited[at] = sentence;
    server.html("/privacy", &policy(&edited));
}

/// A policy page whose body holds `sentences`, one paragraph each, inside `<main>`.
pub fn policy(sentences: &[&str]) -> String {
    let ps: String = sentences.iter().map(|s| format!("<p>{s}</p>\n")).collect();
    format!("<!doctype html><html><head><title>Privacy</title></head><body>\n<main>\n<h1>Privacy statement</h1>\n{ps}</main>\n</body></html>")
}

/// Enough ordinary policy text that shrink checks have something to work with.
pub const SENTENCES: &[&str] = &[
    "We process the personal data of pupils only on the instructions of the school.",
    "Meeting recordings are stored in the European Union and deleted after thirty days.",
    "We do not sell personal data and we do not use it for advertising.",
    "Sub-processors are listed on our website and the school is told of changes in advance.",
    "Pupils can join a lesson without an account, using only their first name.",
    "Questions about this statement can be sent to our data protection officer.",
];

/// The result of one `vcaudit watch` run.
pub struct Run {
    pub code: i32,
    pub json: serde_json::Value,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The entry of one document.
    pub fn doc(&self, vendor: &str, document: &str) -> &serde_json::Value {
        self.json["documents"]
            .as_array()
            .unwrap_or_else(|| panic!("no documents in {} (exit {}): {}", self.stdout, self.code, self.stderr))
            .iter()
            .find(|d| d["vendor"] == vendor && d["document"] == document)
            .unwrap_or_else(|| panic!("no {vendor}/{document} in {}", self.stdout))
    }

    pub fn state(&self, vendor: &str, document: &str) -> String {
        self.doc(vendor, document)["state"].as_str().unwrap().to_owned()
    }
}

/// Runs `vcaudit --catalogue CAT --state STATE watch --format json` with short timeouts and `extra`.
pub fn watch(catalogue: &Path, state: &Path, extra: &[&str]) -> Run {
    let mut args = vec![
        "--catalogue".to_owned(),
        catalogue.display().to_string(),
        "--state".to_owned(),
        state.display().to_string(),
        "watch".to_owned(),
        "--format".to_owned(),
        "json".to_owned(),
    ];
    for (opt, default) in [("--retry-wait", "10ms"), ("--timeout", "2s"), ("--lock-wait", "200ms")] {
        if !extra.contains(&opt) {
            args.extend([opt.to_owned(), default.to_owned()]);
        }
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = vcaudit().args(&args).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    Run {
        code: out.status.code().unwrap_or(-1),
        json: serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null),
        stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The reference text stored for a document.
pub fn stored_text(state: &Path, vendor: &str, document: &str) -> String {
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(state.join(vendor).join(document).join("meta.json")).unwrap()).unwrap();
    let sha = meta["text_sha256"].as_str().unwrap();
    std::fs::read_to_string(state.join(vendor).join(document).join(format!("text-{sha}.txt"))).unwrap()
}

/// A server with one policy page and a catalogue with one vendor, `acme`, whose document `privacy`
/// points at that page with the `select` selectors; plus an empty state directory.
pub fn one_document(select: &[&str]) -> (Server, crate::common::Catalogue, tempfile::TempDir) {
    let server = Server::start();
    server.html("/privacy", &policy(SENTENCES));
    let cat = crate::common::Catalogue::new(&[(
        "acme.toml",
        &vendor_with("acme", &[("privacy", &server.url("/privacy"), select)]),
    )]);
    (server, cat, tempfile::tempdir().expect("temp dir"))
}
