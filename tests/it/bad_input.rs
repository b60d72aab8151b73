//! Bad catalogue and profile input beyond the basic cases of `malformed.rs`: every problem is
//! named by file, line, column and key (and, in a vendor file, its code) with a suggestion where
//! one is obvious, every file and every problem of a profile is reported in one run, the exit code
//! is 3, and nothing panics or takes unbounded time, whatever the bytes.

use crate::common;

use std::path::Path;

use assert_cmd::Command;
use common::{claim, line_of, validate, vcaudit, vendor, vendor_head, Catalogue, Validated};

/// Runs `vcaudit` with the arguments; returns (exit code, stdout + stderr).
fn run(args: &[&str], dir: &Path) -> (Option<i32>, String) {
    let out = Command::cargo_bin("vcaudit")
        .expect("binary")
        .current_dir(dir)
        .args(["--as-of", "2026-11-22"])
        .args(args)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("panicked"), "{text}");
    (out.status.code(), text)
}

/// `validate` on the files, which must fail with exit code 3.
fn invalid(files: &[(&str, &str)]) -> Validated {
    let v = validate(files);
    assert_eq!(v.exit, Some(3), "{}", v.listing());
    v
}

/// A valid vendor `v` with one claim changed by `from` → `to`.
fn vendor_with(from: &str, to: &str) -> String {
    let text = vendor("v", &[], &[]);
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn impossible_calendar_dates_are_named_on_one_line() {
    let text = vendor_with("verified = 2026-06-01", "verified = 2026-02-30");
    let v = invalid(&[("v.toml", &text)]);
    // The parser refuses the day: its message, on one line, is the problem.
    let p = v.expect("syntax", "v.toml:17:12", "terms.contract.role.verified");
    assert!(!p.message.contains('\n') && p.message.contains("28"), "{}", p.message);
}

#[test]
fn a_time_where_a_date_belongs() {
    let text = vendor_with("verified = 2026-06-01", "verified = 10:30:00");
    invalid(&[("v.toml", &text)]).expect("invalid-date", "v.toml:17:12", "terms.contract.role.verified");
}

#[test]
fn non_http_schemes_everywhere_a_url_goes() {
    let website = vendor_with(
        "status = \"active\"",
        "status = \"active\"\nwebsite = \"file:///etc/passwd\"",
    );
    assert!(invalid(&[("v.toml", &website)])
        .expect("invalid-url", "v.toml:8:11", "website")
        .names("file"));
    let source = vendor_with("source = \"privacy\"", "source = \"ftp://example.com/dpa.pdf\"");
    assert!(invalid(&[("v.toml", &source)])
        .expect("invalid-url", "v.toml:16:10", "terms.contract.role.source")
        .names("ftp"));
    let finding = vendor_head("v", &[])
        + "\n[[findings]]\ndate = 2025-01-01\nby = \"AP\"\noutcome = \"fine\"\nsummary = \"x\"\nsource = \"mailto:ap@example.nl\"\n"
        + &claim("contract.dpa", "true");
    let line = line_of(&finding, "source = \"mailto");
    assert!(invalid(&[("v.toml", &finding)])
        .expect("invalid-url", &format!("v.toml:{line}:10"), "findings[0].source")
        .names("mailto"));
    let relative = vendor_with("https://example.com/v/privacy", "/privacy");
    invalid(&[("v.toml", &relative)]).expect("invalid-url", "v.toml:12:7", "documents[0].url");
}

#[test]
fn a_table_where_a_list_of_tables_belongs() {
    let text = vendor_with("[[documents]]", "[documents]");
    let v = invalid(&[("v.toml", &text)]);
    v.expect("wrong-type", "v.toml:9:1", "documents");
    // The documents cannot be read, so the claims citing one are not taken to cite none.
    assert!(
        !v.problems.iter().any(|p| p.code == "unknown-document"),
        "{}",
        v.listing()
    );
}

#[test]
fn a_term_written_as_a_plain_value() {
    let text = vendor("v", &[], &["contract.dpa"]) + "\n[terms.contract]\ndpa = true\n";
    let line = line_of(&text, "dpa = true");
    let v = invalid(&[("v.toml", &text)]);
    let p = v.expect("wrong-type", &format!("v.toml:{line}:7"), "terms.contract.dpa");
    assert!(
        p.help.as_deref().is_some_and(|h| h.contains("`[terms.contract.dpa]`")),
        "{p:?}"
    );
}

#[test]
fn unknown_term_group_gets_a_suggestion() {
    let text = vendor("v", &[], &[]) + &claim("hostng.regions", "[\"EU\"]");
    let line = line_of(&text, "[terms.hostng.regions]");
    // Introduced only as part of a deeper header: located at the group's name in it.
    let v = invalid(&[("v.toml", &text)]);
    assert!(v
        .expect("unknown-term-group", &format!("v.toml:{line}:8"), "terms.hostng")
        .suggests("hosting"));
    let text = vendor("v", &[], &[]) + "\n[terms.hostng]\nregions = 1\n";
    let line = line_of(&text, "[terms.hostng]");
    let v = invalid(&[("v.toml", &text)]);
    v.expect("unknown-term-group", &format!("v.toml:{line}:1"), "terms.hostng");
}

#[test]
fn invalid_ids_and_duplicate_keys() {
    let v = invalid(&[("Zoom.toml", &vendor("Zoom", &[], &[]))]);
    assert!(v.expect("invalid-id", "Zoom.toml:1:6", "id").names("Zoom"));
    let twice = vendor_with("name = \"v name\"", "name = \"v name\"\nname = \"again\"");
    invalid(&[("v.toml", &twice)]).expect("syntax", "v.toml:3:1", "name");
}

#[test]
fn offerings_cited_by_a_vendor_without_offerings() {
    let text = vendor_head("v", &[])
        + "\n[[findings]]\ndate = 2025-01-01\nby = \"AP\"\noutcome = \"fine\"\nsummary = \"x\"\nsource = \"https://ap.example/x\"\nofferings = [\"education\"]\n"
        + &claim("contract.dpa", "true");
    let line = line_of(&text, "offerings = [\"education\"]");
    let v = invalid(&[("v.toml", &text)]);
    let p = v.expect(
        "unknown-offering",
        &format!("v.toml:{line}:14"),
        "findings[0].offerings[0]",
    );
    assert!(p.names("education") && p.suggests("[[offerings]]"), "{p:?}");
    let mut text = vendor_head("v", &["free", "education"]);
    text.push_str(&claim("contract.dpa", "true").replace("verified", "offerings = [\"edu\"]\nverified"));
    let line = line_of(&text, "offerings = [\"edu\"]");
    let v = invalid(&[("v.toml", &text)]);
    let p = v.expect(
        "unknown-offering",
        &format!("v.toml:{line}:13"),
        "terms.contract.dpa.offerings",
    );
    assert!(p.names("edu") && p.suggests("education"), "{p:?}");
}

#[test]
fn retired_status_must_agree_with_the_date() {
    let text = vendor_with("status = \"active\"", "status = \"retired\"");
    invalid(&[("v.toml", &text)]).expect("retired-status", "v.toml:7:10", "status");
    let text = vendor_with("status = \"active\"", "status = \"active\"\nretired = 2024-01-01");
    invalid(&[("v.toml", &text)]).expect("retired-status", "v.toml:8:11", "retired");
    let text = vendor_with("status = \"active\"", "status = \"retired\"\nretired = 2099-01-01");
    invalid(&[("v.toml", &text)]).expect("future-date", "v.toml:8:11", "retired");
}

#[test]
fn invalid_css_selectors() {
    let text = vendor_with(
        "url = \"https://example.com/v/privacy\"",
        "url = \"https://example.com/v/privacy\"\nselect = [\"main >\"]",
    );
    invalid(&[("v.toml", &text)]).expect("invalid-selector", "v.toml:13:11", "documents[0].select[0]");
}

#[test]
fn non_utf8_bytes_are_located_exactly() {
    let cat = Catalogue::new(&[]);
    std::fs::write(
        cat.file("v.toml"),
        b"id = \"v\"\nname = \"v\"\ncompany = \"Caf\xe9 B.V.\"\n",
    )
    .expect("write");
    common::validate_dir(cat.path(), &[]).expect("not-utf8", "v.toml:3:15", "");
}

#[test]
fn byte_order_mark_and_crlf_line_ends_are_fine() {
    let text = "\u{feff}".to_owned() + &vendor("v", &[], &[]).replace('\n', "\r\n");
    let cat = Catalogue::new(&[("v.toml", &text)]);
    let (code, out) = run(&["validate", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(0), "{out}");
    let broken = vendor_with("open_source = false", "open_source = 1").replace('\n', "\r\n");
    invalid(&[("v.toml", &broken)]).expect("wrong-type", "v.toml:5:15", "open_source");
}

#[test]
fn deeply_nested_arrays_end_in_an_error_not_a_crash() {
    let depth = 100_000;
    let text = vendor_head("v", &[]).replace(
        "status = \"active\"",
        &format!(
            "status = \"active\"\ndescription = {}{}",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
    );
    invalid(&[("v.toml", &text)]).expect("syntax", "v.toml:8", "description");
}

#[test]
fn a_20_mb_file_is_refused_and_the_other_files_are_still_checked() {
    let other = vendor_with("open_source = false", "open_source = \"no\"").replace("id = \"v\"", "id = \"w\"");
    let cat = Catalogue::new(&[("w.toml", &other)]);
    let big = std::fs::File::create(cat.file("v.toml")).expect("create");
    big.set_len(20 * 1024 * 1024).expect("grow");
    let v = common::validate_dir(cat.path(), &[]);
    assert_eq!(v.exit, Some(3), "{}", v.listing());
    assert_eq!(
        v.all(),
        [
            ("file-too-large".into(), "v.toml".into(), String::new()),
            ("wrong-type".into(), "w.toml:5:15".into(), "open_source".into()),
        ]
    );
}

#[test]
fn thousands_of_problems_in_one_file_are_all_reported() {
    let mut text = vendor("v", &[], &["contract.dpa"]);
    let n = 5000;
    for i in 0..n {
        text.push_str(&format!(
            "\n[[terms.contract.dpa]]\nvalue = true\nsource = \"privacy\"\nverified = 2026-06-01\nconfidence = \"high\"\nofferings = [\"o{i}\"]\n"
        ));
    }
    let v = invalid(&[("v.toml", &text)]);
    assert_eq!(v.errors, n);
    assert!(v.problems.iter().all(|p| p.code == "unknown-offering"));
    // On the line of the last claim's `offerings`, at its value.
    let expected_line = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("offerings = "))
        .last()
        .map_or(0, |(i, _)| i + 1);
    let p = v.expect(
        "unknown-offering",
        &format!("v.toml:{expected_line}:13"),
        &format!("terms.contract.dpa[{}].offerings", n - 1),
    );
    assert!(p.names(&format!("o{}", n - 1)));
}

/// A catalogue directory that cannot be read is an I/O failure (exit 4, as the CLI contract
/// says), named in the message.
#[test]
fn a_missing_directory_or_a_file_instead_of_one() {
    let cat = Catalogue::new(&[("v.toml", &vendor("v", &[], &[]))]);
    let (code, text) = run(&["validate", "--catalogue", "no-such-dir"], cat.path());
    assert_eq!(code, Some(4), "{text}");
    assert!(
        text.contains("cannot read `no-such-dir`: No such file or directory"),
        "{text}"
    );
    let (code, text) = run(&["audit", "--catalogue", "v.toml"], cat.path());
    assert_eq!(code, Some(4), "{text}");
    assert!(text.contains("cannot read `v.toml`: Not a directory"), "{text}");
}

#[test]
fn broken_and_good_files_together() {
    let good = vendor("good", &[], &[]);
    let syntax = "id = \"a\"\nname = \n";
    let empty = "# nothing yet\n";
    let typo = vendor("c", &[("hosting.eu_residency", "\"sometimes\"")], &[]);
    let cat = Catalogue::new(&[
        ("good.toml", &good),
        ("a.toml", syntax),
        ("b.toml", empty),
        ("c.toml", &typo),
    ]);
    let v = common::validate_dir(cat.path(), &[]);
    assert_eq!(v.exit, Some(3), "{}", v.listing());
    let residency = line_of(&typo, "value = \"sometimes\"");
    assert_eq!(
        v.all(),
        [
            ("syntax".into(), "a.toml:2:8".into(), "name".into()),
            ("empty-file".into(), "b.toml".into(), String::new()),
            (
                "invalid-value".into(),
                format!("c.toml:{residency}:9"),
                "terms.hosting.eu_residency.value".into()
            ),
        ]
    );
    assert_eq!((v.errors, v.vendors), (3, 1));
    let (code, text) = run(&["validate", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(3), "{text}");
    assert!(text.contains("4 files, 1 vendors: 3 errors"), "{text}");
    let (code, text) = run(&["audit", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(3), "{text}");
    assert!(text.contains("the catalogue has 3 error(s)"), "{text}");
}

/// Runs `validate` with a profile holding `bytes` on a valid catalogue.
fn with_profile(bytes: &[u8]) -> (Option<i32>, String) {
    let cat = Catalogue::new(&[("v.toml", &vendor("v", &[], &[]))]);
    std::fs::write(cat.file("profile.txt"), bytes).expect("write profile");
    run(
        &["--profile", "profile.txt", "validate", "--catalogue", "."],
        cat.path(),
    )
}

fn expect_profile(bytes: &[u8], needles: &[&str]) -> String {
    let (code, text) = with_profile(bytes);
    assert_eq!(code, Some(3), "{text}");
    for n in needles {
        assert!(text.contains(n), "missing {n:?} in:\n{text}");
    }
    text
}

#[test]
fn a_valid_profile_is_accepted() {
    let (code, text) =
        with_profile(b"max_age_months = 12\naccepted_regions = [\"EU\"]\n[severity]\ncamera-optional = \"info\"\n");
    assert_eq!(code, Some(0), "{text}");
}

#[test]
fn profile_syntax_error() {
    expect_profile(
        b"max_age_months = 12\naccepted_regions = [\"EU\"\n",
        &[
            "profile.txt:2:25: `accepted_regions`: unclosed array",
            "the profile has 1 error(s)",
        ],
    );
}

#[test]
fn every_problem_of_a_profile_at_once() {
    let text = expect_profile(
        b"max_age_months = \"12\"\nacepted_regions = [\"EU\"]\n[severity]\neu-hosting = \"mus\"\ncamera-optonal = \"info\"\nsecurity = 3\n",
        &[
            "profile.txt:1:18: `max_age_months`: expected a whole number of months, found the string \"12\"",
            "write it without quotes",
            "profile.txt:2:1: `acepted_regions`: unknown key",
            "did you mean `accepted_regions`?",
            "profile.txt:4:14: `severity.eu-hosting`: `mus` is not a severity",
            "did you mean `must`?",
            "profile.txt:5:1: `severity.camera-optonal`: `camera-optonal` is not a criterion",
            "did you mean `camera-optional`?",
            "profile.txt:6:12: `severity.security`: expected a severity, found an integer",
            "the profile has 5 error(s)",
        ],
    );
    let first = text.find("profile.txt:1:").unwrap_or(usize::MAX);
    let last = text.find("profile.txt:6:").unwrap_or(0);
    assert!(first < last, "problems are listed in file order:\n{text}");
}

#[test]
fn profile_values_out_of_range_or_of_the_wrong_shape() {
    expect_profile(
        b"max_age_months = 0\n",
        &["`max_age_months`: 0 is not a number of months from 1 to 240"],
    );
    expect_profile(
        b"max_age_months = 99999999999\n",
        &["99999999999 is not a number of months"],
    );
    expect_profile(
        b"accepted_regions = [\"EU\", 3]\n",
        &["profile.txt:1:20: `accepted_regions`", "list of region names"],
    );
    expect_profile(
        b"accepted_regions = \"EU\"\n",
        &["found the string \"EU\"", "accepted_regions = [\"EU\", \"EEA\"]"],
    );
    expect_profile(
        b"severity = \"must\"\n",
        &["`severity`: expected a table", "write `[severity]`"],
    );
    expect_profile(
        b"max_age_months = 12\nmax_age_months = 13\n",
        &["profile.txt:2:1", "duplicate key"],
    );
}

#[test]
fn empty_non_utf8_and_huge_profiles() {
    expect_profile(b"", &["profile.txt: the profile is empty", "leave out --profile"]);
    expect_profile(b"# only a comment\n", &["the profile is empty"]);
    expect_profile(
        b"max_age_months = 12\n# caf\xe9\n",
        &["profile.txt:2:6: the profile is not valid UTF-8"],
    );
    let cat = Catalogue::new(&[("v.toml", &vendor("v", &[], &[]))]);
    let big = std::fs::File::create(cat.file("big.toml")).expect("create");
    big.set_len(20 * 1024 * 1024).expect("grow");
    let (code, text) = run(&["--profile", "big.toml", "audit", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(3), "{text}");
    assert!(text.contains("big.toml: the profile is larger than 64 KiB"), "{text}");
}

#[test]
fn a_missing_profile_or_a_directory_instead() {
    let cat = Catalogue::new(&[("v.toml", &vendor("v", &[], &[]))]);
    // Like a missing catalogue directory: a failure to read (exit 4), not an invalid profile.
    let (code, text) = run(&["--profile", "nope.toml", "audit", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(4), "{text}");
    assert!(text.contains("cannot read `nope.toml`: No such file"), "{text}");
    let (code, text) = run(&["--profile", ".", "audit", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(4), "{text}");
    assert!(text.contains("it is a directory"), "{text}");
}

/// A catalogue directory is read for its `*.toml` files, following links: a linked vendor file is
/// read, a directory or a dangling link named like a vendor file is not.
#[cfg(unix)]
#[test]
fn vendor_files_are_found_through_links_and_nothing_else_is() {
    let elsewhere = tempfile::tempdir().expect("dir");
    std::fs::write(elsewhere.path().join("kept-b.toml"), vendor("b", &[], &[])).expect("write");
    let cat = Catalogue::new(&[("a.toml", &vendor("a", &[], &[]))]);
    std::os::unix::fs::symlink(elsewhere.path().join("kept-b.toml"), cat.file("b.toml")).expect("link");
    std::fs::create_dir(cat.file("c.toml")).expect("dir");
    std::os::unix::fs::symlink(elsewhere.path().join("gone.toml"), cat.file("d.toml")).expect("link");
    let out = vcaudit()
        .args(["validate", "--format", "json", "--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        (v["files"].as_u64(), v["vendors"].as_u64(), v["errors"].as_u64()),
        (Some(2), Some(2), Some(0)),
        "{v}"
    );
    assert!(out.status.success());
}

#[test]
fn a_control_character_in_a_value_is_shown_not_hidden() {
    // Dropped, the escape sequence would leave `active`, which looks right; sent as it is, it
    // would colour the terminal.
    let text = vendor_with("status = \"active\"", "status = \"\\u001b[31mactive\"");
    let cat = Catalogue::new(&[("v.toml", &text)]);
    let (code, out) = run(&["validate", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains("`\\u{1b}[31mactive`"), "{out}");
    assert!(!out.contains('\u{1b}'), "{out}");
}

#[test]
fn every_wrong_top_level_key_is_reported_with_the_claims() {
    let text = vendor_with("open_source = false", "open_source = \"no\"")
        .replacen(
            "status = \"active\"",
            "status = \"actve\"\nwebiste = \"https://v.example\"\nwebsite = \"ftp://v.example\"",
            1,
        )
        .replacen("headquarters = \"NL\"", "headquarters = 5", 1)
        .replacen("verified = 2026-06-01", "verified = 2099-01-01", 1);
    let v = invalid(&[("v.toml", &text)]);
    let verified = line_of(&text, "verified = 2099-01-01");
    assert_eq!(
        v.all(),
        [
            ("wrong-type".into(), "v.toml:4:16".into(), "headquarters".into()),
            ("wrong-type".into(), "v.toml:5:15".into(), "open_source".into()),
            ("invalid-value".into(), "v.toml:7:10".into(), "status".into()),
            ("unknown-key".into(), "v.toml:8:1".into(), "webiste".into()),
            ("invalid-url".into(), "v.toml:9:11".into(), "website".into()),
            (
                "future-date".into(),
                format!("v.toml:{verified}:12"),
                "terms.contract.role.verified".into()
            ),
        ]
    );
    assert!(v.expect("unknown-key", "v.toml:8:1", "webiste").suggests("website"));
}

#[test]
fn a_wrong_key_inside_a_document_hides_nothing() {
    // The misspelt key is in `[[documents]]`: the document is still read, so the claims that cite
    // it are not reported, and the rest of the file is checked.
    let text = vendor_with(
        "kind = \"privacy-policy\"",
        "kind = \"privacy-policy\"\ntitel = \"Privacy\"",
    )
    .replacen("open_source = false", "open_source = \"no\"", 1);
    let v = invalid(&[("v.toml", &text)]);
    assert_eq!(
        v.all(),
        [
            ("wrong-type".into(), "v.toml:5:15".into(), "open_source".into()),
            ("unknown-key".into(), "v.toml:12:1".into(), "documents[0].titel".into()),
        ]
    );
    assert!(v.problems[1].suggests("title"));
}

#[test]
fn every_problem_of_every_document_offering_and_finding() {
    let finding = |by: &str, outcome: &str| {
        format!("\n[[findings]]\ndate = 2025-01-01\nby = {by}\noutcome = {outcome}\nsummary = \"x\"\nsource = \"https://ap.example/x\"\nsource_kind = \"regulator\"\n")
    };
    let text = vendor_head("v", &["free"])
        .replacen("url = \"https://example.com/v/privacy\"\n", "", 1)
        .replacen("name = \"free tier\"", "nmae = \"free tier\"", 1)
        + "\n[[documents]]\nid = 3\nkind = \"other\"\nurl = \"https://example.com/x\"\n"
        + &finding("1", "\"fine\"")
        + &finding("\"AP\"", "2")
        + &claim("contract.dpa", "true").replacen("source = \"privacy\"", "source = \"elsewhere\"", 1);
    let v = invalid(&[("v.toml", &text)]);
    let at = |start: &str| line_of(&text, start);
    let offering = text.find("[[offerings]]").map_or(0, |i| text[..i].lines().count() + 1);
    let second_doc = text.rfind("[[documents]]").map_or(0, |i| text[..i].lines().count() + 1);
    let by = at("by = 1");
    let outcome = at("outcome = 2");
    assert_eq!(
        v.all(),
        [
            ("missing-key".into(), "v.toml:9:1".into(), "documents[0]".into()),
            (
                "missing-key".into(),
                format!("v.toml:{offering}:1"),
                "offerings[0]".into()
            ),
            (
                "unknown-key".into(),
                format!("v.toml:{}:1", offering + 2),
                "offerings[0].nmae".into()
            ),
            (
                "wrong-type".into(),
                format!("v.toml:{}:6", second_doc + 1),
                "documents[1].id".into()
            ),
            ("wrong-type".into(), format!("v.toml:{by}:6"), "findings[0].by".into()),
            (
                "wrong-type".into(),
                format!("v.toml:{outcome}:11"),
                "findings[1].outcome".into()
            ),
        ],
        "a claim citing a document is not checked against ids that could not be read"
    );
    assert!(v.problems[0].names("url") && v.problems[1].names("name"));
}

#[test]
fn a_missing_key_does_not_hide_the_rest_of_the_file() {
    let text = vendor_with("company = \"v company\"\n", "")
        .replacen("status = \"active\"", "status = \"actve\"", 1)
        .replacen("verified = 2026-06-01", "verified = 2099-01-01", 1);
    let v = invalid(&[("v.toml", &text)]);
    let verified = line_of(&text, "verified = 2099-01-01");
    assert_eq!(
        v.all(),
        [
            ("missing-key".into(), "v.toml".into(), String::new()),
            ("invalid-value".into(), "v.toml:6:10".into(), "status".into()),
            (
                "future-date".into(),
                format!("v.toml:{verified}:12"),
                "terms.contract.role.verified".into()
            ),
        ]
    );
    assert!(v.problems[0].names("company"));
}

#[test]
fn a_profile_from_an_endless_pipe_is_refused_in_bounded_time() {
    use std::io::Write;
    use std::process::Stdio;
    let cat = Catalogue::new(&[("v.toml", &vendor("v", &[], &[]))]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("vcaudit"))
        .current_dir(cat.path())
        .args(["--profile", "/dev/stdin", "audit", "--catalogue", "."])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // Comments for ever, until the reader goes away.
    let writer = std::thread::spawn(move || {
        let line = b"# a comment line of a profile that never ends\n".repeat(64);
        while stdin.write_all(&line).is_ok() {}
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if started.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let _ = writer.join();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut err).expect("read");
    assert_eq!(status.and_then(|s| s.code()), Some(3), "{err}");
    assert!(err.contains("the profile is larger than 64 KiB"), "{err}");
}

#[test]
fn a_wrong_id_does_not_hide_the_rest_of_the_file_and_problems_come_in_line_order() {
    let text = vendor_with("id = \"v\"", "id = 42")
        .replacen("name = \"v name\"", "name = 7", 1)
        .replacen("open_source = false", "open_source = \"no\"", 1)
        .replacen("status = \"active\"", "status = \"activ\"", 1);
    let v = invalid(&[("v.toml", &text)]);
    assert_eq!(
        v.all(),
        [
            ("wrong-type".into(), "v.toml:1:6".into(), "id".into()),
            ("wrong-type".into(), "v.toml:2:8".into(), "name".into()),
            ("wrong-type".into(), "v.toml:5:15".into(), "open_source".into()),
            ("invalid-value".into(), "v.toml:7:10".into(), "status".into()),
        ]
    );
}

#[test]
fn many_unexpected_top_level_keys_are_all_reported() {
    let mut text = vendor("v", &[], &[]);
    let extra: String = (0..40).map(|i| format!("extra{i} = 1\n")).collect();
    text = text.replacen("status = \"active\"\n", &format!("status = \"active\"\n{extra}"), 1);
    let v = invalid(&[("v.toml", &text)]);
    let want: Vec<(String, String, String)> = (0..40)
        .map(|i| ("unknown-key".into(), format!("v.toml:{}:1", 8 + i), format!("extra{i}")))
        .collect();
    assert_eq!(v.all(), want);
}
