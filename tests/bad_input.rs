//! Bad catalogue and profile input beyond the basic cases of `malformed.rs`: every problem is
//! named by file, line, column and key with a suggestion where one is obvious, every file and
//! every problem of a profile is reported in one run, the exit code is 3, and nothing panics or
//! takes unbounded time, whatever the bytes.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{claim, vcaudit, vendor, vendor_head, Catalogue};

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

/// `validate` on a catalogue of the given files must exit 3 and print every needle.
fn expect(files: &[(&str, &str)], needles: &[&str]) -> String {
    let cat = Catalogue::new(files);
    let (code, text) = run(&["validate", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(3), "{text}");
    for n in needles {
        assert!(text.contains(n), "missing {n:?} in:\n{text}");
    }
    text
}

/// A valid vendor `v` with one claim changed by `from` → `to`.
fn vendor_with(from: &str, to: &str) -> String {
    let text = vendor("v", &[], &[]);
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn impossible_calendar_dates_are_named_on_one_line() {
    let text = expect(
        &[("v.toml", &vendor_with("verified = 2026-06-01", "verified = 2026-02-30"))],
        &["v.toml:17:12: `terms.contract.role.verified`", "invalid date"],
    );
    let line = text.lines().find(|l| l.contains("invalid date")).unwrap_or("");
    assert!(line.contains("day between 01 and 28"), "{text}");
}

#[test]
fn a_time_where_a_date_belongs() {
    expect(
        &[("v.toml", &vendor_with("verified = 2026-06-01", "verified = 10:30:00"))],
        &["`terms.contract.role.verified`", "expected a date such as 2026-01-31"],
    );
}

#[test]
fn non_http_schemes_everywhere_a_url_goes() {
    let website = vendor_with(
        "status = \"active\"",
        "status = \"active\"\nwebsite = \"file:///etc/passwd\"",
    );
    expect(&[("v.toml", &website)], &["`website`", "scheme `file`"]);
    let source = vendor_with("source = \"privacy\"", "source = \"ftp://example.com/dpa.pdf\"");
    expect(
        &[("v.toml", &source)],
        &["`terms.contract.role.source`", "scheme `ftp`"],
    );
    let finding = vendor_head("v", &[])
        + "\n[[findings]]\ndate = 2025-01-01\nby = \"AP\"\noutcome = \"fine\"\nsummary = \"x\"\nsource = \"mailto:ap@example.nl\"\n"
        + &claim("contract.dpa", "true");
    expect(&[("v.toml", &finding)], &["`findings[0].source`", "scheme `mailto`"]);
    let relative = vendor_with("https://example.com/v/privacy", "/privacy");
    expect(&[("v.toml", &relative)], &["`documents[0].url`", "not a valid URL"]);
}

#[test]
fn a_table_where_a_list_of_tables_belongs() {
    let text = vendor_with("[[documents]]", "[documents]");
    expect(
        &[("v.toml", &text)],
        &["v.toml:9:1: `documents`", "expected a sequence"],
    );
}

#[test]
fn a_term_written_as_a_plain_value() {
    let text = vendor("v", &[], &["contract.dpa"]) + "\n[terms.contract]\ndpa = true\n";
    expect(
        &[("v.toml", &text)],
        &[
            "`terms.contract.dpa`",
            "expected a claim table, found a boolean",
            "write `[terms.contract.dpa]`",
        ],
    );
}

#[test]
fn unknown_term_group_gets_a_suggestion() {
    let text = vendor("v", &[], &[]) + &claim("hostng.regions", "[\"EU\"]");
    expect(
        &[("v.toml", &text)],
        &["`terms.hostng`", "unknown term group", "did you mean `hosting`?"],
    );
}

#[test]
fn invalid_ids_and_duplicate_keys() {
    expect(
        &[("Zoom.toml", &vendor("Zoom", &[], &[]))],
        &["`Zoom` is not a valid id", "lowercase letters"],
    );
    let twice = vendor_with("name = \"v name\"", "name = \"v name\"\nname = \"again\"");
    expect(&[("v.toml", &twice)], &["v.toml:3:1", "`name`: duplicate key"]);
}

#[test]
fn offerings_cited_by_a_vendor_without_offerings() {
    let text = vendor_head("v", &[])
        + "\n[[findings]]\ndate = 2025-01-01\nby = \"AP\"\noutcome = \"fine\"\nsummary = \"x\"\nsource = \"https://ap.example/x\"\nofferings = [\"education\"]\n"
        + &claim("contract.dpa", "true");
    expect(
        &[("v.toml", &text)],
        &[
            "`findings[0].offerings[0]`",
            "`education` is not an offering of this vendor",
            "has no `[[offerings]]`",
        ],
    );
    let mut text = vendor_head("v", &["free", "education"]);
    text.push_str(&claim("contract.dpa", "true").replace("verified", "offerings = [\"edu\"]\nverified"));
    expect(
        &[("v.toml", &text)],
        &["`edu` is not an offering", "did you mean `education`?"],
    );
}

#[test]
fn retired_status_must_agree_with_the_date() {
    let text = vendor_with("status = \"active\"", "status = \"retired\"");
    expect(&[("v.toml", &text)], &["`status`", "no `retired` date"]);
    let text = vendor_with("status = \"active\"", "status = \"active\"\nretired = 2024-01-01");
    expect(&[("v.toml", &text)], &["`retired`", "status is \"active\""]);
    let text = vendor_with("status = \"active\"", "status = \"retired\"\nretired = 2099-01-01");
    expect(&[("v.toml", &text)], &["`retired`", "2099-01-01 is in the future"]);
}

#[test]
fn invalid_css_selectors() {
    let text = vendor_with(
        "url = \"https://example.com/v/privacy\"",
        "url = \"https://example.com/v/privacy\"\nselect = [\"main >\"]",
    );
    expect(
        &[("v.toml", &text)],
        &["`documents[0].select[0]`", "not a valid CSS selector"],
    );
}

#[test]
fn non_utf8_bytes_are_located_exactly() {
    let cat = Catalogue::new(&[]);
    std::fs::write(
        cat.file("v.toml"),
        b"id = \"v\"\nname = \"v\"\ncompany = \"Caf\xe9 B.V.\"\n",
    )
    .expect("write");
    let (code, text) = run(&["validate", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(3), "{text}");
    assert!(text.contains("v.toml:3:15: file is not valid UTF-8"), "{text}");
}

#[test]
fn byte_order_mark_and_crlf_line_ends_are_fine() {
    let text = "\u{feff}".to_owned() + &vendor("v", &[], &[]).replace('\n', "\r\n");
    let cat = Catalogue::new(&[("v.toml", &text)]);
    let (code, out) = run(&["validate", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(0), "{out}");
    let broken = vendor_with("open_source = false", "open_source = 1").replace('\n', "\r\n");
    expect(&[("v.toml", &broken)], &["v.toml:5:15: `open_source`"]);
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
    expect(
        &[("v.toml", &text)],
        &["v.toml:8:", "`description`", "max recursion depth"],
    );
}

#[test]
fn a_20_mb_file_is_refused_and_the_other_files_are_still_checked() {
    let other = vendor_with("open_source = false", "open_source = \"no\"").replace("id = \"v\"", "id = \"w\"");
    let cat = Catalogue::new(&[("w.toml", &other)]);
    let big = std::fs::File::create(cat.file("v.toml")).expect("create");
    big.set_len(20 * 1024 * 1024).expect("grow");
    let (code, text) = run(&["validate", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(3), "{text}");
    assert!(text.contains("v.toml: file is larger than 1024 KiB"), "{text}");
    assert!(text.contains("w.toml:5:15: `open_source`"), "{text}");
    assert!(text.contains("2 files, 0 vendors: 2 errors"), "{text}");
}

#[test]
fn thousands_of_problems_in_one_file_are_all_reported() {
    let mut text = vendor("v", &[], &["contract.dpa"]);
    let n = 5000;
    for i in 0..n {
        text.push_str(&format!(
            "\n[[terms.contract.dpa]]\nvalue = true\nsource = \"privacy\"\nverified = 2026-06-01\nofferings = [\"o{i}\"]\n"
        ));
    }
    let out = expect(&[("v.toml", &text)], &[&format!("1 files, 0 vendors: {n} errors")]);
    let last = format!(
        "`terms.contract.dpa[{}].offerings`: `o{}` is not an offering",
        n - 1,
        n - 1
    );
    let line = out
        .lines()
        .find(|l| l.contains(&last))
        .unwrap_or_else(|| panic!("no {last}"));
    // On the line of the last claim's `offerings`, at its value.
    let expected_line = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("offerings = "))
        .last()
        .map_or(0, |(i, _)| i + 1);
    assert!(line.contains(&format!("v.toml:{expected_line}:13:")), "{line}");
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
    let (code, text) = run(&["validate", "--catalogue", "."], cat.path());
    assert_eq!(code, Some(3), "{text}");
    for n in [
        "a.toml:2:",
        "b.toml: file is empty",
        "c.toml:",
        "`sometimes` is not a valid value of `hosting.eu_residency`",
        "expected one of: always, optional, none",
        "4 files, 1 vendors: 3 errors",
    ] {
        assert!(text.contains(n), "missing {n:?} in:\n{text}");
    }
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
    let out = expect(&[("v.toml", &text)], &["`\\u{1b}[31mactive`"]);
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
    let out = expect(
        &[("v.toml", &text)],
        &[
            "`open_source`: invalid type: string \"no\", expected a boolean",
            "`headquarters`: invalid type: integer `5`, expected a string",
            "`webiste`",
            "did you mean `website`?",
            "`actve` is not",
            "scheme `ftp`",
            "2099-01-01 is in the future",
        ],
    );
    // What the checks would say of the values stood in for is not reported.
    assert!(!out.contains("``"), "{out}");
}

#[test]
fn a_wrong_key_inside_a_document_is_not_taken_for_a_wrong_document_list() {
    // The misspelt key is in `[[documents]]`, which cannot be left out: the claims cite them.
    // Reading stops there rather than report every claim's source as missing.
    let text = vendor_with(
        "kind = \"privacy-policy\"",
        "kind = \"privacy-policy\"\ntitel = \"Privacy\"",
    )
    .replacen("open_source = false", "open_source = \"no\"", 1);
    let out = expect(
        &[("v.toml", &text)],
        &["unknown field `titel`", "did you mean `title`?"],
    );
    assert!(!out.contains("is not a document of this vendor"), "{out}");
}

#[test]
fn a_missing_key_does_not_hide_the_rest_of_the_file() {
    let text = vendor_with("company = \"v company\"\n", "")
        .replacen("status = \"active\"", "status = \"actve\"", 1)
        .replacen("verified = 2026-06-01", "verified = 2099-01-01", 1);
    let out = expect(
        &[("v.toml", &text)],
        &[
            "missing field `company`",
            "`actve` is not",
            "2099-01-01 is in the future",
        ],
    );
    assert!(!out.contains("``"), "{out}");
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
    let out = expect(
        &[("v.toml", &text)],
        &[
            "`id`: invalid type",
            "`name`: invalid type",
            "`open_source`: invalid type",
            "`activ` is not",
        ],
    );
    let lines: Vec<usize> = out
        .lines()
        .filter_map(|l| l.strip_prefix("error: ./v.toml:"))
        .filter_map(|l| l.split(':').next()?.parse().ok())
        .collect();
    assert!(lines.len() >= 4, "{out}");
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "not in line order: {out}");
}

#[test]
fn many_unexpected_top_level_keys_end_with_a_word_that_more_may_follow() {
    let mut text = vendor("v", &[], &[]);
    let extra: String = (0..40).map(|i| format!("extra{i} = 1\n")).collect();
    text = text.replacen("status = \"active\"\n", &format!("status = \"active\"\n{extra}"), 1);
    expect(
        &[("v.toml", &text)],
        &["unknown field `extra", "fix them and validate again"],
    );
}
