//! Report formats for `audit`, `show` and `compare`, fed a catalogue full of hostile values:
//! markup stays escaped in HTML, formulas are neutralised in CSV and stay text in xlsx, Markdown
//! tables keep their columns, and nothing from the catalogue reaches a terminal as an escape
//! sequence.

use crate::common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::{hostile_vendor, vcaudit, vendor, Catalogue};

fn hostile() -> Catalogue {
    Catalogue::new(&[
        ("evil.toml", &hostile_vendor("evil")),
        ("good.toml", &vendor("good", &[], &[])),
    ])
}

/// The three commands over the hostile catalogue.
const COMMANDS: &[&[&str]] = &[&["audit"], &["show", "evil"], &["compare", "evil/tier", "good"]];

fn run(cat: &Catalogue, args: &[&str], extra: &[&str]) -> String {
    let out = vcaudit()
        .args(args)
        .args(extra)
        .args(["--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?} {extra:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn html_escapes_every_catalogue_value() {
    let cat = hostile();
    for cmd in COMMANDS {
        for lang in ["en", "nl"] {
            let html = run(&cat, cmd, &["--format", "html", "--lang", lang]);
            assert!(html.starts_with("<!DOCTYPE html>"), "{cmd:?}");
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{cmd:?}");
            assert!(!html.contains("<script"), "{cmd:?}: raw script tag");
            assert!(!html.contains("<img"), "{cmd:?}: raw img tag");
            assert!(
                !html.contains("<b>bold</b>"),
                "{cmd:?}: raw markup from an offering name"
            );
            assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{cmd:?}");
            assert!(!html.contains('\u{1b}'), "{cmd:?}: escape character");
            // Self-contained: no external stylesheet, script or image.
            assert!(!html.contains("<link") && !html.contains(" src=\""), "{cmd:?}");
            // Only the sections the page is made of close tables; the quote's `</td></tr>` is text.
            assert_eq!(
                html.matches("<table").count(),
                html.matches("</table>").count(),
                "{cmd:?}"
            );
        }
    }
}

#[test]
fn html_links_sources_with_their_dates_and_shows_the_rules() {
    let cat = hostile();
    let html = run(&cat, &["show", "good"], &["--format", "html"]);
    assert!(html.contains("<a href=\"https://example.com/good/privacy\">"));
    assert!(html.contains("verified 2026-06-01"));
    assert!(html.contains("Verdict rule"));
    assert!(html.contains("Catalogue date"));
    assert!(html.contains("<q lang=\"nl\">"), "the criteria's source trace");
    assert!(html.contains("@media print"));
    // Every status is a word as well as a colour.
    assert!(html.contains("class=\"badge pass\">✓ pass</span>"));
}

#[test]
fn csv_neutralises_formulas_in_every_cell() {
    let cat = hostile();
    for cmd in COMMANDS {
        let text = run(&cat, cmd, &["--format", "csv"]);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let mut rows = 0;
        let mut saw_formula_text = false;
        for rec in reader.records() {
            let rec = rec.expect("RFC 4180 record");
            rows += 1;
            for field in &rec {
                assert!(
                    !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cmd:?}: live formula cell {field:?}"
                );
                assert!(!field.contains('\u{1b}'), "{cmd:?}: escape character");
                saw_formula_text |= field.starts_with(['\'']) && field[1..].starts_with(['=', '+', '-', '@']);
            }
        }
        assert!(rows > 2, "{cmd:?}");
        assert!(saw_formula_text, "{cmd:?}: the hostile text is kept, only neutralised");
        assert!(text.contains("\r\n"), "RFC 4180 line ends");
    }
}

/// Counts the `|` that separate cells, skipping escaped ones.
fn separators(line: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
    }
    n
}

#[test]
fn markdown_tables_keep_their_columns() {
    let cat = hostile();
    for cmd in COMMANDS {
        let md = run(&cat, cmd, &["--format", "markdown"]);
        assert!(!md.contains("<script") && !md.contains("<img"), "{cmd:?}");
        assert!(!md.contains('\u{1b}'), "{cmd:?}");
        let mut columns = None;
        let mut tables = 0;
        for line in md.lines() {
            if !line.starts_with('|') {
                columns = None;
                continue;
            }
            let n = separators(line);
            match columns {
                None => {
                    columns = Some(n);
                    tables += 1;
                }
                Some(c) => assert_eq!(n, c, "{cmd:?}: a row breaks its table: {line}"),
            }
        }
        assert!(tables >= 1, "{cmd:?}");
    }
}

#[test]
fn terminal_output_carries_no_escape_sequences_from_the_catalogue() {
    let cat = hostile();
    for cmd in COMMANDS {
        for color in ["never", "always"] {
            let text = run(&cat, cmd, &["--color", color]);
            // With colours on, only the colour codes of vcaudit itself appear (ESC [ n m).
            let stripped = strip_sgr(&text);
            assert!(!stripped.contains('\u{1b}'), "{cmd:?} --color {color}: {stripped}");
        }
    }
}

/// Removes well-formed SGR colour sequences (`ESC [ digits;… m`).
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            let rest: String = chars
                .clone()
                .skip(1)
                .take_while(|c| c.is_ascii_digit() || *c == ';')
                .collect();
            let after = chars.clone().nth(1 + rest.len());
            if after == Some('m') {
                for _ in 0..rest.len() + 2 {
                    chars.next();
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[test]
fn json_keeps_values_as_data() {
    let cat = hostile();
    for cmd in COMMANDS {
        let text = run(&cat, cmd, &["--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(v["schema_version"], 1, "{cmd:?}");
    }
    let v: serde_json::Value =
        serde_json::from_str(&run(&cat, &["compare", "evil/tier", "good"], &["--format", "json"])).expect("JSON");
    assert_eq!(v["columns"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["columns"][0]["vendor"], "evil");
    assert_eq!(v["rows"][0]["kind"], "verdict");
    let entity = v["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == "jurisdiction.contracting_entity")
        .expect("a row per term");
    assert_eq!(entity["differs"], true);
    assert_eq!(entity["cells"][0]["value"], "=cmd|' /C calc'!A0");
    assert_eq!(entity["cells"][1]["source_url"], "https://example.com/good/privacy");
}

/// The audit (streamed and of a selection), `show` and `compare` documents as serde_json
/// pretty-prints them, with every object's keys in alphabetical order (serde_json's own maps sort
/// their keys), whatever line breaks and control characters the catalogue's texts hold.
#[test]
fn json_is_pretty_printed_with_sorted_keys() {
    let cat = hostile();
    let commands: [&[&str]; 4] = [
        &["audit"],
        &["audit", "evil", "good"],
        &["show", "evil"],
        &["compare", "evil/tier", "good"],
    ];
    for cmd in commands {
        for lang in ["en", "nl"] {
            let text = run(&cat, cmd, &["--format", "json", "--lang", lang]);
            let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            let pretty = serde_json::to_string_pretty(&v).expect("JSON");
            assert_eq!(text, pretty + "\n", "{cmd:?} {lang}");
        }
    }
}

fn xlsx(cat: &Catalogue, cmd: &[&str]) -> Xlsx<std::io::BufReader<std::fs::File>> {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("report.xlsx");
    vcaudit()
        .args(cmd)
        .args(["--as-of", "2026-11-22", "-o"])
        .arg(&path)
        .arg("--catalogue")
        .arg(cat.path())
        .assert()
        .success()
        .stdout("");
    // A copy under a name of its own: tests run in parallel, and two of them may render the same
    // command (a name made from the process and the command was shared, and one test read the
    // other's half-copied file).
    let kept = tempfile::Builder::new()
        .prefix("vcaudit-test-")
        .suffix(".xlsx")
        .tempfile()
        .expect("temp file");
    std::fs::copy(&path, kept.path()).expect("copy");
    open_workbook(kept.path()).expect("a spreadsheet calamine can open")
}

fn strings(wb: &mut Xlsx<std::io::BufReader<std::fs::File>>, sheet: &str) -> Vec<Vec<String>> {
    let range = wb.worksheet_range(sheet).expect("sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => panic!("non-string cell {other:?} in {sheet}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn xlsx_has_three_sheets_and_no_formulas() {
    let cat = hostile();
    for cmd in COMMANDS {
        let mut wb = xlsx(&cat, cmd);
        assert_eq!(wb.sheet_names(), vec!["Matrix", "Evidence", "Conditions"], "{cmd:?}");
        for sheet in ["Matrix", "Evidence", "Conditions"] {
            let formulas = wb.worksheet_formula(sheet).expect("formulas");
            assert!(
                formulas.cells().all(|(_, _, f)| f.is_empty()),
                "{cmd:?} {sheet}: a formula cell"
            );
            let rows = strings(&mut wb, sheet);
            assert!(rows.len() > 1, "{cmd:?} {sheet} has rows");
            assert!(rows.iter().flatten().all(|c| !c.contains('\u{1b}')), "{cmd:?} {sheet}");
        }
        let evidence = strings(&mut wb, "Evidence");
        assert_eq!(evidence[0][0], "Vendor");
        assert!(
            evidence.iter().any(|r| r.iter().any(|c| c == "=cmd|' /C calc'!A0")),
            "{cmd:?}: value kept as text"
        );
        let conditions = strings(&mut wb, "Conditions");
        assert!(
            conditions
                .iter()
                .any(|r| r.iter().any(|c| c.starts_with("=HYPERLINK("))),
            "{cmd:?}: condition kept as text"
        );
    }
}

#[test]
fn xlsx_matrix_shows_statuses_as_words() {
    let cat = hostile();
    let mut wb = xlsx(&cat, &["audit"]);
    let matrix = strings(&mut wb, "Matrix");
    assert_eq!(matrix.len(), 3, "a header and one row per offering");
    let good = matrix.iter().find(|r| r[1] == "good").expect("row of good");
    assert_eq!(good[2], "suitable");
    assert!(good[3..].iter().all(|c| c == "pass" || c == "conditional"), "{good:?}");

    let mut wb = xlsx(&cat, &["compare", "evil/tier", "good"]);
    let matrix = strings(&mut wb, "Matrix");
    assert_eq!(
        matrix[0].len(),
        9,
        "label, id, differs and two offerings of three columns"
    );
    assert!(
        matrix[0][3].contains("(evil/tier)") && matrix[0][6].contains("(good)"),
        "{:?}",
        matrix[0]
    );
    assert_eq!(matrix[1][3..6], ["Status", "stale", "Reason"]);
    assert_eq!(matrix[2][1], "verdict");
    let entity = matrix
        .iter()
        .find(|r| r[1] == "jurisdiction.contracting_entity")
        .expect("term row");
    assert_eq!(entity[2], "≠");
    assert_eq!(entity[3], "=cmd|' /C calc'!A0");
    // A criterion: the status alone in its column, the reason beside it.
    let criterion = matrix
        .iter()
        .find(|r| r[1] == "processor-agreement")
        .expect("criterion row");
    assert_eq!(criterion[6], "pass");
    assert_eq!(criterion[7], "");
    assert!(
        criterion[8].starts_with("Processor under a data processing agreement"),
        "{criterion:?}"
    );
}

#[test]
fn xlsx_on_redirected_standard_output_is_a_whole_spreadsheet() {
    let cat = hostile();
    let out = vcaudit()
        .args(["audit", "--format", "xlsx", "--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("piped.xlsx");
    std::fs::write(&path, &out.stdout).expect("write");
    let mut wb: Xlsx<_> = open_workbook(&path).expect("the bytes on standard output are a spreadsheet");
    assert!(!strings(&mut wb, "Matrix").is_empty());
}

#[test]
fn csv_ids_are_the_same_in_both_languages() {
    let cat = hostile();
    for cmd in [&["audit"][..], &["show", "good"][..]] {
        let mut columns = Vec::new();
        for lang in ["en", "nl"] {
            let text = run(&cat, cmd, &["--format", "csv", "--lang", lang]);
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            let at = reader
                .headers()
                .expect("header")
                .iter()
                .position(|h| h == "status")
                .expect("a status column");
            let statuses: Vec<String> = reader.records().map(|r| r.expect("record")[at].to_owned()).collect();
            for s in &statuses {
                assert!(
                    ["pass", "conditional", "unknown", "fail"].contains(&s.as_str()),
                    "{cmd:?} --lang {lang}: status {s:?} is not an id"
                );
            }
            columns.push(statuses);
        }
        assert_eq!(columns[0], columns[1], "{cmd:?}");
    }
}

#[test]
fn markdown_show_keeps_the_evidence() {
    let cat = hostile();
    for lang in ["en", "nl"] {
        let md = run(&cat, &["show", "good"], &["--format", "markdown", "--lang", lang]);
        // Each source is a link to the document it names, with the day it was verified.
        assert!(md.contains("[privacy](<https://example.com/good/privacy>)"), "{md}");
        assert!(md.contains("2026-06-01"), "{md}");
    }
    let md = run(&cat, &["show", "evil"], &["--format", "markdown"]);
    // The quote and the note are there, escaped, inside their row.
    let row = md
        .lines()
        .find(|l| l.contains("RED"))
        .expect("the quote of the processor agreement");
    assert!(row.contains("&lt;/td&gt;&lt;/tr&gt;"), "{row}");
    assert!(row.contains("Note: =SUM(1+1) a \\| b<br>c"), "{row}");
}

/// Every report shows how far a fact can be relied on: its confidence and who published its
/// source, and a low claim as not counted.
#[test]
fn every_report_shows_confidence_and_source_kind_beside_the_fact() {
    let file = vendor("v", &[], &[]).replacen(
        "\n[terms.contract.dpa]\nvalue = true\nsource = \"privacy\"\nverified = 2026-06-01\nconfidence = \"high\"",
        "\n[terms.contract.dpa]\nvalue = true\nsource = \"https://ap.example/dpia\"\nsource_kind = \"dpia\"\nverified = 2026-06-01\nconfidence = \"low\"",
        1,
    );
    let cat = Catalogue::new(&[("v.toml", &file)]);
    let json: serde_json::Value =
        serde_json::from_str(&run(&cat, &["show", "v"], &["--format", "json"])).expect("JSON");
    let facts: Vec<&serde_json::Value> = json["results"][0]["criteria"]
        .as_array()
        .expect("criteria")
        .iter()
        .flat_map(|c| c["facts"].as_array().expect("facts"))
        .filter(|f| f["known"] == true)
        .collect();
    assert!(!facts.is_empty());
    assert!(facts
        .iter()
        .all(|f| f["confidence"].is_string() && f["source_kind"].is_string()));
    let dpa = facts
        .iter()
        .find(|f| f["term"] == "contract.dpa")
        .expect("the dpa fact");
    assert_eq!(
        (&dpa["confidence"], &dpa["source_kind"], &dpa["counted"]),
        (&"low".into(), &"dpia".into(), &false.into())
    );
    let table = run(&cat, &["show", "v"], &[]);
    assert!(
        table.contains("confidence low, source: dpia; counts as unknown"),
        "{table}"
    );
    let dutch = run(&cat, &["--lang", "nl", "show", "v"], &["--format", "markdown"]);
    assert!(
        dutch.contains("zekerheid laag, bron: DPIA; telt als onbekend"),
        "{dutch}"
    );
    let html = run(&cat, &["show", "v"], &["--format", "html"]);
    assert!(html.contains("confidence high, source: vendor"), "{html}");
    let csv = run(&cat, &["show", "v"], &["--format", "csv"]);
    assert!(
        csv.lines()
            .next()
            .unwrap_or("")
            .ends_with("confidence,source_kind,counted"),
        "{csv}"
    );
    assert!(csv.contains(",low,dpia,false"), "{csv}");
}
