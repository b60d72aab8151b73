//! Broken vendor files: every problem is reported with file, line, column and key, with a
//! suggestion where one is obvious, all files at once, exit code 3, and no panic.

mod common;

use common::{claim, vcaudit, vendor, vendor_head, Catalogue};

/// Runs `validate` on the files and returns (exit code, stdout).
fn validate(files: &[(&str, &str)]) -> (Option<i32>, String) {
    let cat = Catalogue::new(files);
    let out = vcaudit()
        .args(["validate", "--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("panicked"), "{text}");
    (out.status.code(), text)
}

fn expect(files: &[(&str, &str)], needles: &[&str]) {
    let (code, text) = validate(files);
    assert_eq!(code, Some(3), "{text}");
    for n in needles {
        assert!(text.contains(n), "missing {n:?} in:\n{text}");
    }
}

#[test]
fn toml_syntax_error_names_line_and_column() {
    expect(
        &[("v.toml", "id = \"v\"\nname = \"x\nopen_source = false\n")],
        &["v.toml:2:", "error"],
    );
}

#[test]
fn wrong_type() {
    let text = vendor("v", &[], &[]).replace("open_source = false", "open_source = \"no\"");
    expect(
        &[("v.toml", &text)],
        &["v.toml:5:", "open_source", "expected a boolean"],
    );
}

#[test]
fn wrong_value_type_in_a_claim() {
    let text = vendor("v", &[("contract.dpa", "\"yes\"")], &[]);
    expect(
        &[("v.toml", &text)],
        &["`terms.contract.dpa.value`", "expected true or false"],
    );
}

#[test]
fn unknown_keys_get_suggestions() {
    let text = vendor("v", &[], &[]).replace("company =", "compnay =");
    expect(
        &[("v.toml", &text)],
        &["unknown field `compnay`", "did you mean `company`?"],
    );
    let text = vendor("v", &[], &[]) + &claim("hosting.eu_residencyy", "\"always\"");
    expect(
        &[("v.toml", &text)],
        &[
            "`terms.hosting.eu_residencyy`",
            "unknown term",
            "did you mean `eu_residency`?",
        ],
    );
    let text = vendor("v", &[], &[]).replace(
        "verified = 2026-06-01\n\n[terms.contract.dpa]",
        "verifed = 2026-06-01\n\n[terms.contract.dpa]",
    );
    expect(
        &[("v.toml", &text)],
        &["`terms.contract.role`", "did you mean `verified`?"],
    );
}

#[test]
fn missing_required_field() {
    let text = vendor("v", &[], &[]).replace("company = \"v company\"\n", "");
    expect(&[("v.toml", &text)], &["v.toml: missing field `company`"]);
}

#[test]
fn invalid_enum_value_suggests_the_valid_one() {
    let text = vendor("v", &[("hosting.eu_residency", "\"alway\"")], &[]);
    expect(
        &[("v.toml", &text)],
        &["`alway` is not a valid value", "did you mean `always`?"],
    );
    let text = vendor("v", &[], &[]).replace("status = \"active\"", "status = \"retird\"");
    expect(&[("v.toml", &text)], &["v.toml:7:", "did you mean `retired`?"]);
}

#[test]
fn bad_and_future_dates() {
    let text = vendor("v", &[], &[]).replacen("verified = 2026-06-01", "verified = 2026-13-01", 1);
    expect(&[("v.toml", &text)], &["v.toml:"]);
    let text = vendor("v", &[], &[]).replacen("verified = 2026-06-01", "verified = 2099-01-01", 1);
    expect(
        &[("v.toml", &text)],
        &["2099-01-01 is in the future", "`terms.contract.role.verified`"],
    );
    let text = vendor("v", &[], &[]).replacen("verified = 2026-06-01", "verified = 2026-06-01T10:00:00", 1);
    expect(
        &[("v.toml", &text)],
        &[
            "found a date with a time (2026-06-01T10:00:00)",
            "`terms.contract.role.verified`",
        ],
    );
    let text = vendor("v", &[], &[]).replacen("verified = 2026-06-01", "verified = \"2026-06-01\"", 1);
    expect(&[("v.toml", &text)], &["write the date without quotes"]);
}

#[test]
fn bad_urls_and_schemes() {
    let text = vendor("v", &[], &[]).replace("https://example.com/v/privacy", "javascript:alert(1)");
    expect(&[("v.toml", &text)], &["`documents[0].url`", "only http and https"]);
    let text = vendor("v", &[], &[]).replace("https://example.com/v/privacy", "not a url");
    expect(&[("v.toml", &text)], &["is not a valid URL"]);
}

#[test]
fn duplicate_ids() {
    let text = vendor("v", &[], &[]).replace(
        "[terms.contract.role]",
        "[[documents]]\nid = \"privacy\"\nkind = \"other\"\nurl = \"https://example.com/x\"\n\n[terms.contract.role]",
    );
    expect(&[("v.toml", &text)], &["document id `privacy` is used twice"]);
    let mut text = vendor_head("v", &["free", "free"]);
    text.push_str(&claim("contract.dpa", "true"));
    expect(&[("v.toml", &text)], &["offering id `free` is used twice"]);
}

#[test]
fn file_name_and_id_disagree() {
    expect(
        &[("other.toml", &vendor("v", &[], &[]))],
        &["id `v` does not match the file name `other.toml`"],
    );
}

#[test]
fn claims_citing_undefined_documents_or_offerings() {
    let text = vendor("v", &[], &[]).replacen("source = \"privacy\"", "source = \"privcy\"", 1);
    expect(
        &[("v.toml", &text)],
        &[
            "source `privcy` is not a document of this vendor",
            "did you mean `privacy`?",
        ],
    );
    let text = vendor("v", &[], &[]).replacen(
        "verified = 2026-06-01",
        "verified = 2026-06-01\nofferings = [\"education\"]",
        1,
    );
    expect(&[("v.toml", &text)], &["`education` is not an offering of this vendor"]);
}

#[test]
fn empty_non_utf8_and_huge_files() {
    expect(&[("v.toml", "")], &["file is empty"]);
    let cat_bytes: &[u8] = b"id = \"v\"\nname = \"caf\xe9\"\n";
    let cat = Catalogue::new(&[]);
    std::fs::write(cat.file("v.toml"), cat_bytes).expect("write");
    let out = vcaudit()
        .args(["validate", "--catalogue"])
        .arg(cat.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("v.toml:2:"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let huge = "# padding\n".repeat(200_000);
    expect(&[("v.toml", &huge)], &["larger than 1024 KiB"]);
}

#[test]
fn a_directory_without_vendor_files() {
    expect(&[("README.md", "not a vendor")], &["no vendor files (*.toml) found"]);
}

#[test]
fn every_problem_in_every_file_at_once() {
    let a = vendor(
        "a",
        &[("contract.dpa", "\"yes\""), ("hosting.eu_residency", "\"alway\"")],
        &[],
    );
    let b = vendor("b", &[], &[]).replace("https://example.com/b/privacy", "ftp://example.com/x");
    let (code, text) = validate(&[("a.toml", &a), ("b.toml", &b), ("c.toml", "id = ")]);
    assert_eq!(code, Some(3));
    for n in [
        "a.toml",
        "terms.contract.dpa.value",
        "terms.hosting.eu_residency.value",
        "b.toml",
        "c.toml",
    ] {
        assert!(text.contains(n), "missing {n}:\n{text}");
    }
    assert!(text.contains("4 errors"), "{text}");
}

#[test]
fn stale_evidence_is_a_warning_not_an_error() {
    let text = vendor("v", &[], &[]).replacen("verified = 2026-06-01", "verified = 2022-01-01", 1);
    let (code, out) = validate(&[("v.toml", &text)]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("warning") && out.contains("older than 18 months"), "{out}");
}

#[test]
fn a_valid_catalogue_passes() {
    let (code, out) = validate(&[("v.toml", &vendor("v", &[], &[]))]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("0 errors"));
}

/// One claim per term and scope: a scope is taken by a claim kept before (with or without
/// offerings) or named twice in the same claim; a claim refused for another reason takes none.
#[test]
fn overlapping_claims_name_the_scope_they_share() {
    let claim_in = |value: &str, offerings: &str| {
        format!("\n[[terms.contract.dpa]]\nvalue = {value}\nsource = \"privacy\"\nverified = 2026-06-01\n{offerings}\n")
    };
    let text = [
        vendor_head("v", &["free", "edu"]),
        claim_in("\"maybe\"", ""),
        claim_in("true", ""),
        claim_in("false", "offerings = [\"free\"]"),
        claim_in("true", "offerings = [\"edu\", \"free\", \"edu\"]"),
        claim_in("true", ""),
    ]
    .concat();
    let (code, out) = validate(&[("v.toml", &text)]);
    assert_eq!(code, Some(3), "{out}");
    let scopes: Vec<(&str, &str)> = out
        .lines()
        .filter(|l| l.contains("two claims"))
        .map(|l| {
            let key = l.split('`').nth(1).unwrap_or("");
            let scope = l
                .split("in the scope ")
                .nth(1)
                .and_then(|s| s.split(';').next())
                .unwrap_or("");
            (key, scope)
        })
        .collect();
    assert_eq!(
        scopes,
        [
            ("terms.contract.dpa[3]", "free"),
            ("terms.contract.dpa[3]", "edu"),
            ("terms.contract.dpa[4]", "(all offerings)"),
        ],
        "{out}"
    );
}

#[test]
fn a_claim_key_is_located_on_its_own_line() {
    // The claim `[terms.contract.role]` of `vendor` starts with its header; `value`, `source` and
    // `verified` follow on their own lines.
    let text = vendor("v", &[], &[])
        .replacen("verified = 2026-06-01", "verified = 2099-01-01", 1)
        .replacen("source = \"privacy\"", "source = \"privcy\"", 1);
    let line_of = |needle: &str| text.lines().position(|l| l.starts_with(needle)).map(|i| i + 1);
    let verified = line_of("verified = 2099-01-01").expect("the changed date");
    let source = line_of("source = \"privcy\"").expect("the changed source");
    let verified = format!("v.toml:{verified}:12: `terms.contract.role.verified`");
    let source = format!("v.toml:{source}:10: `terms.contract.role.source`");
    expect(&[("v.toml", &text)], &[&verified, &source]);
}

#[test]
fn claims_written_inline_or_with_dotted_keys_are_located_and_checked_whole() {
    let text = vendor_head("v", &[])
        + "\n[terms.contract]\n"
        + "dpa = { value = \"yes\", source = \"nodoc\", verified = 2026-01-01 }\n"
        + "role.value = \"procesor\"\nrole.source = \"privacy\"\nrole.verified = 2026-01-01\n";
    let line_of = |needle: &str| text.lines().position(|l| l.starts_with(needle)).map(|i| i + 1);
    let dpa = line_of("dpa = {").expect("inline claim");
    let role = line_of("role.value").expect("dotted claim");
    // The wrong value does not hide the wrong source of the same claim.
    let value = format!("v.toml:{dpa}:17: `terms.contract.dpa.value`");
    let source = format!("v.toml:{dpa}:33: `terms.contract.dpa.source`");
    let dotted = format!("v.toml:{role}:14: `terms.contract.role.value`");
    expect(&[("v.toml", &text)], &[&value, &source, &dotted]);
}
