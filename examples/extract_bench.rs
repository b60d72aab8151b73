//! Extraction throughput on the policy corpus, one core, stage by stage: decoding only, decoding
//! and parsing with scraper of the page as served (what extraction is compared with; `extract` hands
//! the parser `&quot;` as `&#34;`, which it reads faster, so it can come close), and the full `extract`
//! with the documents' declared selectors and with none, as the best of `--rounds` rounds. HTML
//! snapshots only; PDF throughput is reported by `corpus_check`.
//!
//! ```text
//! cargo run --release --example extract_bench -- [CORPUS_DIR] [--rounds N]
//! ```

mod corpus;

use std::path::PathBuf;
use std::time::Instant;

use url::Url;
use vcaudit::extract::{charset, extract, is_pdf, Rules};

/// A named stage of the measurement.
type Stage = (&'static str, fn(&Page));

struct Page {
    body: Vec<u8>,
    base: Url,
    select: Vec<String>,
    remove: Vec<String>,
}

fn main() {
    let mut dir = corpus::default_dir();
    let mut rounds = 20usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            _ => dir = PathBuf::from(a),
        }
    }
    let manifest = corpus::manifest(&dir);
    let mut pages = Vec::new();
    for doc in &manifest.document {
        for snap in &doc.snapshot {
            let path = dir.join(&doc.folder).join(&snap.file);
            let body = std::fs::read(&path).unwrap_or_else(|e| {
                eprintln!("cannot read `{}`: {e}", path.display());
                std::process::exit(4);
            });
            if is_pdf(&body, None) {
                continue;
            }
            pages.push(Page {
                body,
                base: Url::parse(&doc.source_url).expect("source_url is a URL"),
                select: doc.declaration.select.clone(),
                remove: doc.declaration.remove.clone(),
            });
        }
    }
    let bytes: usize = pages.iter().map(|p| p.body.len()).sum();
    println!(
        "{} HTML pages, {:.1} MB, {rounds} rounds, one core",
        pages.len(),
        bytes as f64 / 1e6
    );

    // The stages run in turn within each round, and each reports its fastest round: on a shared
    // machine the minimum is the measurement least disturbed by other work.
    let decode = |p: &Page| {
        std::hint::black_box(charset::decode(&p.body, None));
    };
    let parse = |p: &Page| {
        std::hint::black_box(scraper::Html::parse_document(&charset::decode(&p.body, None)));
    };
    let declared = |p: &Page| {
        let rules = Rules {
            select: &p.select,
            remove: &p.remove,
        };
        std::hint::black_box(extract(&p.body, None, &p.base, &rules).ok());
    };
    let whole = |p: &Page| {
        std::hint::black_box(extract(&p.body, None, &p.base, &Rules::default()).ok());
    };
    let stages: [Stage; 4] = [
        ("decode", decode),
        ("decode + parse (scraper)", parse),
        ("extract, declared selectors", declared),
        ("extract, whole page", whole),
    ];
    let mut best = [f64::MAX; 4];
    for _ in 0..=rounds {
        for (i, (_, f)) in stages.iter().enumerate() {
            let start = Instant::now();
            pages.iter().for_each(*f);
            best[i] = best[i].min(start.elapsed().as_secs_f64().max(1e-9));
        }
    }
    for (i, (name, _)) in stages.iter().enumerate() {
        println!("{name:<30} {:>8.1} MB/s", bytes as f64 / 1e6 / best[i]);
    }
    println!(
        "extraction / parsing alone: {:.0}% (declared), {:.0}% (whole page)",
        100.0 * best[1] / best[2],
        100.0 * best[1] / best[3]
    );
}
