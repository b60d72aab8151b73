//! Runs the extractor over the policy corpus (raw snapshots of real policy pages with ground truth
//! from Open Terms Archive) and reports, for each pair of consecutive snapshots, whether the
//! extracted text is the same or different and whether that matches the recorded truth, then the
//! extraction throughput on one core.
//!
//! ```text
//! cargo run --release --example corpus_check -- [CORPUS_DIR] [--diff] [--rounds N]
//! ```
//!
//! `CORPUS_DIR` defaults to `../shared/corpus/policies` or `../../shared/corpus/policies` (the `MANIFEST.toml` there describes every
//! snapshot and pair). `--diff` prints the diff of every pair found different.

mod corpus;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use url::Url;
use vcaudit::changes;
use vcaudit::extract::{extract, Extracted, Rules};

/// A snapshot's bytes, its page URL and the declared `select` and `remove`.
type Body = (Vec<u8>, Url, Vec<String>, Vec<String>);

fn main() {
    let mut dir = corpus::default_dir();
    let mut show_diff = false;
    let mut rounds = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--diff" => show_diff = true,
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            _ => dir = PathBuf::from(a),
        }
    }
    let manifest = corpus::manifest(&dir);

    let mut bodies: Vec<Body> = Vec::new();
    let mut agree = [0usize; 2];
    let mut total = [0usize; 2];
    println!(
        "{:<32} {:<18} {:<18} {:<9} {:<10} {:<10}",
        "document", "from", "to", "truth", "declared", "whole page"
    );
    for doc in &manifest.document {
        let base = Url::parse(&doc.source_url).expect("source_url in the manifest is a URL");
        let folder = dir.join(&doc.folder);
        let mut texts: HashMap<&str, [Result<Extracted, String>; 2]> = HashMap::new();
        for snap in &doc.snapshot {
            let body = read(&folder.join(&snap.file));
            let declared = Rules {
                select: &doc.declaration.select,
                remove: &doc.declaration.remove,
            };
            let a = extract(&body, None, &base, &declared).map_err(|e| e.to_string());
            let b = extract(&body, None, &base, &Rules::default()).map_err(|e| e.to_string());
            if let Ok(x) = &a {
                if !x.unmatched.is_empty() {
                    println!("  {}: unmatched selectors {:?}", snap.file, x.unmatched);
                }
            }
            println!(
                "  {} {} bytes -> {} / {} chars, last updated {:?}",
                snap.file,
                body.len(),
                a.as_ref().map_or(0, |x| x.text.len()),
                b.as_ref().map_or(0, |x| x.text.len()),
                a.as_ref().ok().and_then(|x| x.last_updated.clone())
            );
            texts.insert(snap.file.as_str(), [a, b]);
            bodies.push((
                body,
                base.clone(),
                doc.declaration.select.clone(),
                doc.declaration.remove.clone(),
            ));
        }
        for pair in &doc.pair {
            let expected =
                pair.meaningful_change && matches!(pair.reviewed_scope.as_str(), "policy-text" | "link-targets-only");
            let (from, to) = (&texts[pair.from.as_str()], &texts[pair.to.as_str()]);
            let mut verdicts = Vec::new();
            for mode in 0..2 {
                let differs = match (&from[mode], &to[mode]) {
                    (Ok(a), Ok(b)) => a.text != b.text,
                    _ => true,
                };
                total[mode] += 1;
                if differs == expected {
                    agree[mode] += 1;
                }
                verdicts.push(format!(
                    "{}{}",
                    if differs { "changed" } else { "same" },
                    if differs == expected { "" } else { " !" }
                ));
                if show_diff && differs {
                    if let (Ok(a), Ok(b)) = (&from[mode], &to[mode]) {
                        let d = changes::diff(&a.text, &b.text);
                        println!(
                            "--- {} {} -> {} ({})",
                            doc.id,
                            pair.from,
                            pair.to,
                            ["declared", "whole page"][mode]
                        );
                        print!("{}", d.to_text());
                        println!("criteria: {:?}", changes::criteria_touched(&d));
                    }
                }
            }
            println!(
                "{:<32} {:<18} {:<18} {:<9} {:<10} {:<10}",
                doc.id,
                short(&pair.from),
                short(&pair.to),
                if expected { "change" } else { "noise" },
                verdicts[0],
                verdicts[1]
            );
        }
    }
    println!(
        "\nagreement with the recorded truth: declared selectors {}/{}, whole page {}/{}",
        agree[0], total[0], agree[1], total[1]
    );

    // Throughput on one core: every snapshot with the declared rules, `rounds` times.
    for (label, pdf) in [("HTML", false), ("PDF", true)] {
        let set: Vec<_> = bodies
            .iter()
            .filter(|b| vcaudit::extract::is_pdf(&b.0, None) == pdf)
            .collect();
        let bytes: usize = set.iter().map(|b| b.0.len()).sum();
        let start = Instant::now();
        for _ in 0..rounds {
            for (body, base, select, remove) in &set {
                let rules = Rules { select, remove };
                std::hint::black_box(extract(body, None, base, &rules).ok());
            }
        }
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        println!(
            "{label} throughput: {:.1} MB in {:.2} s = {:.1} MB/s on one core ({} documents x {} rounds)",
            (bytes * rounds) as f64 / 1e6,
            secs,
            (bytes * rounds) as f64 / 1e6 / secs,
            set.len(),
            rounds
        );
    }
}

fn short(file: &str) -> &str {
    file.trim_start_matches("snapshots/").split('.').next().unwrap_or(file)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("cannot read `{}`: {e}", path.display());
        std::process::exit(4);
    })
}
