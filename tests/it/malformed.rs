//! Broken vendor files: every problem is reported with its code, file, line, column and dotted
//! key, with a suggestion where one is obvious, all files at once, exit code 3, and no panic. The
//! problems are read from `validate --format json`; their wording is not what is tested.

use crate::common;

use common::{claim, line_of, validate, vcaudit, vendor, vendor_head, Catalogue, Validated};

/// `validate` on the files, which must fail with exit code 3.
fn invalid(files: &[(&str, &str)]) -> Validated {
    let v = validate(files);
    assert_eq!(v.exit, Some(3), "{}", v.listing());
    v
}

#[test]
fn toml_syntax_error_names_line_and_column() {
    let v = invalid(&[("v.toml", "id = \"v\"\nname = \"x\nopen_source = false\n")]);
    v.expect("syntax", "v.toml:2", "name");
    assert_eq!(v.problems.len(), 1, "a file that is not TOML is not read further");
}

#[test]
fn wrong_type() {
    let text = vendor("v", &[], &[]).replace("open_source = false", "open_source = \"no\"");
    let v = invalid(&[("v.toml", &text)]);
    v.expect("wrong-type", "v.toml:5:15", "open_source");
    assert_eq!(v.problems.len(), 1, "{}", v.listing());
}

#[test]
fn wrong_value_type_in_a_claim() {
    let text = vendor("v", &[("contract.dpa", "\"yes\"")], &[]);
    let line = line_of(&text, "value = \"yes\"");
    invalid(&[("v.toml", &text)]).expect("wrong-type", &format!("v.toml:{line}:9"), "terms.contract.dpa.value");
}

#[test]
fn unknown_keys_get_suggestions() {
    let text = vendor("v", &[], &[]).replace("company =", "compnay =");
    let v = invalid(&[("v.toml", &text)]);
    assert!(v.expect("unknown-key", "v.toml:3:1", "compnay").suggests("company"));
    // The key it stands for is missing all the same.
    assert!(v.expect("missing-key", "v.toml", "").names("company"));

    let text = vendor("v", &[], &[]) + &claim("hosting.eu_residencyy", "\"always\"");
    let line = line_of(&text, "[terms.hosting.eu_residencyy]");
    let v = invalid(&[("v.toml", &text)]);
    let p = v.expect(
        "unknown-term",
        &format!("v.toml:{line}:1"),
        "terms.hosting.eu_residencyy",
    );
    assert!(p.suggests("eu_residency"));

    // In a claim, an unknown key is placed at its value and named by the claim.
    let text = vendor("v", &[], &[]).replace(
        "verified = 2026-06-01\nconfidence = \"high\"\n\n[terms.contract.dpa]",
        "verifed = 2026-06-01\nconfidence = \"high\"\n\n[terms.contract.dpa]",
    );
    let v = invalid(&[("v.toml", &text)]);
    assert!(v
        .expect("unknown-key", "v.toml:17:11", "terms.contract.role")
        .suggests("verified"));
    assert!(v
        .expect("missing-key", "v.toml:14:1", "terms.contract.role")
        .names("verified"));
}

#[test]
fn missing_required_field() {
    let text = vendor("v", &[], &[]).replace("company = \"v company\"\n", "");
    let v = invalid(&[("v.toml", &text)]);
    assert!(v.expect("missing-key", "v.toml", "").names("company"));
    assert_eq!(v.problems.len(), 1, "{}", v.listing());
}

#[test]
fn invalid_enum_value_suggests_the_valid_one() {
    let text = vendor("v", &[("hosting.eu_residency", "\"alway\"")], &[]);
    let line = line_of(&text, "value = \"alway\"");
    let v = invalid(&[("v.toml", &text)]);
    let p = v.expect(
        "invalid-value",
        &format!("v.toml:{line}:9"),
        "terms.hosting.eu_residency.value",
    );
    assert!(p.suggests("always"));
    let text = vendor("v", &[], &[]).replace("status = \"active\"", "status = \"retird\"");
    let v = invalid(&[("v.toml", &text)]);
    assert!(v.expect("invalid-value", "v.toml:7:10", "status").suggests("retired"));
}

#[test]
fn bad_and_future_dates() {
    let key = "terms.contract.role.verified";
    let text = vendor("v", &[], &[]).replacen("verified = 2026-06-01", "verified = 2026-13-01", 1);
    // The parser refuses a month 13: the file is not TOML.
    invalid(&[("v.toml", &text)]).expect("syntax", "v.toml:17:12", key);
    let text = vendor("v", &[], &[]).replacen("verified = 2026-06-01", "verified = 2099-01-01", 1);
    invalid(&[("v.toml", &text)]).expect("future-date", "v.toml:17:12", key);
    let text = vendor("v", &[], &[]).replacen("verified = 2026-06-01", "verified = 2026-06-01T10:00:00", 1);
    invalid(&[("v.toml", &text)]).expect("invalid-date", "v.toml:17:12", key);
    let text = vendor("v", &[], &[]).replacen("verified = 2026-06-01", "verified = \"2026-06-01\"", 1);
    invalid(&[("v.toml", &text)]).expect("wrong-type", "v.toml:17:12", key);
}

#[test]
fn bad_urls_and_schemes() {
    let text = vendor("v", &[], &[]).replace("https://example.com/v/privacy", "javascript:alert(1)");
    invalid(&[("v.toml", &text)]).expect("invalid-url", "v.toml:12:7", "documents[0].url");
    let text = vendor("v", &[], &[]).replace("https://example.com/v/privacy", "not a url");
    invalid(&[("v.toml", &text)]).expect("invalid-url", "v.toml:12:7", "documents[0].url");
}

#[test]
fn duplicate_ids() {
    let text = vendor("v", &[], &[]).replace(
        "[terms.contract.role]",
        "[[documents]]\nid = \"privacy\"\nkind = \"other\"\nurl = \"https://example.com/x\"\n\n[terms.contract.role]",
    );
    invalid(&[("v.toml", &text)]).expect("duplicate-id", "v.toml:15:6", "documents[1].id");
    let mut text = vendor_head("v", &["free", "free"]);
    text.push_str(&claim("contract.dpa", "true"));
    invalid(&[("v.toml", &text)]).expect("duplicate-id", "v.toml:19:6", "offerings[1].id");
}

#[test]
fn file_name_and_id_disagree() {
    let v = invalid(&[("other.toml", &vendor("v", &[], &[]))]);
    assert!(v.expect("id-mismatch", "other.toml:1:6", "id").names("v"));
}

#[test]
fn claims_citing_undefined_documents_or_offerings() {
    let text = vendor("v", &[], &[]).replacen("source = \"privacy\"", "source = \"privcy\"", 1);
    let v = invalid(&[("v.toml", &text)]);
    assert!(v
        .expect("unknown-document", "v.toml:16:10", "terms.contract.role.source")
        .suggests("privacy"));
    let text = vendor("v", &[], &[]).replacen(
        "verified = 2026-06-01",
        "verified = 2026-06-01\nofferings = [\"education\"]",
        1,
    );
    let v = invalid(&[("v.toml", &text)]);
    assert!(v
        .expect("unknown-offering", "v.toml:18:13", "terms.contract.role.offerings")
        .names("education"));
}

#[test]
fn empty_non_utf8_and_huge_files() {
    invalid(&[("v.toml", "")]).expect("empty-file", "v.toml", "");
    let cat = Catalogue::new(&[]);
    std::fs::write(cat.file("v.toml"), b"id = \"v\"\nname = \"caf\xe9\"\n").expect("write");
    common::validate_dir(cat.path(), &[]).expect("not-utf8", "v.toml:2:12", "");
    let huge = "# padding\n".repeat(200_000);
    invalid(&[("v.toml", &huge)]).expect("file-too-large", "v.toml", "");
}

#[test]
fn a_directory_without_vendor_files() {
    let v = invalid(&[("README.md", "not a vendor")]);
    assert_eq!(v.all().len(), 1);
    assert_eq!(v.problems[0].code, "no-vendor-files");
}

#[test]
fn every_problem_in_every_file_at_once() {
    let a = vendor(
        "a",
        &[("contract.dpa", "\"yes\""), ("hosting.eu_residency", "\"alway\"")],
        &[],
    );
    let b = vendor("b", &[], &[]).replace("https://example.com/b/privacy", "ftp://example.com/x");
    let cat = Catalogue::new(&[("a.toml", &a), ("b.toml", &b), ("c.toml", "id = ")]);
    let v = common::validate_dir(cat.path(), &[]);
    assert_eq!(v.exit, Some(3));
    let dpa = line_of(&a, "value = \"yes\"");
    let residency = line_of(&a, "value = \"alway\"");
    assert_eq!(
        v.all(),
        [
            (
                "wrong-type".into(),
                format!("a.toml:{dpa}:9"),
                "terms.contract.dpa.value".into()
            ),
            (
                "invalid-value".into(),
                format!("a.toml:{residency}:9"),
                "terms.hosting.eu_residency.value".into()
            ),
            ("invalid-url".into(), "b.toml:12:7".into(), "documents[0].url".into()),
            ("syntax".into(), "c.toml:1:6".into(), "id".into()),
        ]
    );
    assert_eq!(v.errors, 4);

    // As text: the code after the level, then the place and the key.
    let out = vcaudit()
        .args(["validate", "--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or_default();
    assert!(first.starts_with("error[wrong-type]: "), "{text}");
    assert!(
        first.contains(&format!("a.toml:{dpa}:9: `terms.contract.dpa.value`: ")),
        "{text}"
    );
}

#[test]
fn stale_evidence_is_a_warning_not_an_error() {
    let text = vendor("v", &[], &[]).replacen("verified = 2026-06-01", "verified = 2022-01-01", 1);
    let v = validate(&[("v.toml", &text)]);
    assert_eq!(v.exit, Some(0), "{}", v.listing());
    let p = v.expect("stale-evidence", "v.toml:17:12", "terms.contract.role.verified");
    assert_eq!(p.severity, "warning");
    assert_eq!((v.errors, v.vendors), (0, 1));
}

#[test]
fn a_valid_catalogue_passes() {
    let v = validate(&[("v.toml", &vendor("v", &[], &[]))]);
    assert_eq!(v.exit, Some(0), "{}", v.listing());
    assert!(v.problems.is_empty(), "{}", v.listing());
}

/// One claim per term and scope: a scope is taken by a claim kept before (with or without
/// offerings) or named twice in the same claim; a claim refused for another reason takes none.
#[test]
fn overlapping_claims_name_the_scope_they_share() {
    let claim_in = |value: &str, offerings: &str| {
        format!("\n[[terms.contract.dpa]]\nvalue = {value}\nsource = \"privacy\"\nverified = 2026-06-01\nconfidence = \"high\"\n{offerings}\n")
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
    let v = invalid(&[("v.toml", &text)]);
    let headers: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "[[terms.contract.dpa]]")
        .map(|(i, _)| i + 1)
        .collect();
    let scopes: Vec<(String, String, bool, bool, bool)> = v
        .problems
        .iter()
        .filter(|p| p.code == "duplicate-scope")
        .map(|p| {
            (
                p.key.clone(),
                p.place(),
                p.names("contract.dpa"),
                p.message.contains(" free;") || p.message.contains(" edu;"),
                p.message.contains("(all offerings)"),
            )
        })
        .collect();
    let at = |i: usize| format!("v.toml:{}:1", headers[i]);
    assert_eq!(
        scopes,
        [
            ("terms.contract.dpa[3]".into(), at(3), true, true, false),
            ("terms.contract.dpa[3]".into(), at(3), true, true, false),
            ("terms.contract.dpa[4]".into(), at(4), true, false, true),
        ],
        "{}",
        v.listing()
    );
    let in_order: Vec<bool> = v
        .problems
        .iter()
        .filter(|p| p.key == "terms.contract.dpa[3]")
        .map(|p| p.message.contains(" free;"))
        .collect();
    assert_eq!(in_order, [true, false], "free is shared first, then edu");
}

#[test]
fn a_claim_key_is_located_on_its_own_line() {
    // The claim `[terms.contract.role]` of `vendor` starts with its header; `value`, `source` and
    // `verified` follow on their own lines.
    let text = vendor("v", &[], &[])
        .replacen("verified = 2026-06-01", "verified = 2099-01-01", 1)
        .replacen("source = \"privacy\"", "source = \"privcy\"", 1);
    let verified = line_of(&text, "verified = 2099-01-01");
    let source = line_of(&text, "source = \"privcy\"");
    let v = invalid(&[("v.toml", &text)]);
    v.expect(
        "future-date",
        &format!("v.toml:{verified}:12"),
        "terms.contract.role.verified",
    );
    v.expect(
        "unknown-document",
        &format!("v.toml:{source}:10"),
        "terms.contract.role.source",
    );
}

#[test]
fn claims_written_inline_or_with_dotted_keys_are_located_and_checked_whole() {
    let text = vendor_head("v", &[])
        + "\n[terms.contract]\n"
        + "dpa = { value = \"yes\", source = \"nodoc\", verified = 2026-01-01, confidence = \"high\" }\n"
        + "role.value = \"procesor\"\nrole.source = \"privacy\"\nrole.verified = 2026-01-01\nrole.confidence = \"high\"\n";
    let dpa = line_of(&text, "dpa = {");
    let role = line_of(&text, "role.value");
    let v = invalid(&[("v.toml", &text)]);
    // The wrong value does not hide the wrong source of the same claim.
    v.expect("wrong-type", &format!("v.toml:{dpa}:17"), "terms.contract.dpa.value");
    v.expect(
        "unknown-document",
        &format!("v.toml:{dpa}:33"),
        "terms.contract.dpa.source",
    );
    v.expect(
        "invalid-value",
        &format!("v.toml:{role}:14"),
        "terms.contract.role.value",
    );
    assert_eq!(v.problems.len(), 3, "{}", v.listing());
}

#[test]
fn unknown_and_missing_keys_of_inline_and_dotted_claims_are_located() {
    let text = vendor_head("v", &[])
        + "\n[terms.contract]\n"
        + "dpa = { value = true, source = \"privacy\", verifed = 2026-01-01, confidence = \"high\" }\n"
        + "role.value = \"processor\"\nrole.sorce = \"privacy\"\nrole.verified = 2026-01-01\n"
        + "role.quote = \" \"\nrole.confidence = \"high\"\n";
    let dpa = line_of(&text, "dpa = {");
    let role = line_of(&text, "role.value");
    let v = invalid(&[("v.toml", &text)]);
    let p = v.expect("unknown-key", &format!("v.toml:{dpa}:53"), "terms.contract.dpa");
    assert!(p.suggests("verified") && p.names("verifed"));
    // A claim written inline starts at its `{`; one written with dotted keys at its first key.
    assert!(v
        .expect("missing-key", &format!("v.toml:{dpa}:7"), "terms.contract.dpa")
        .names("verified"));
    let p = v.expect("unknown-key", &format!("v.toml:{}:14", role + 1), "terms.contract.role");
    assert!(p.suggests("source"));
    assert!(v
        .expect("missing-key", &format!("v.toml:{role}:1"), "terms.contract.role")
        .names("source"));
    v.expect(
        "empty-text",
        &format!("v.toml:{}:14", role + 3),
        "terms.contract.role.quote",
    );
    assert_eq!(v.problems.len(), 5, "{}", v.listing());
}

#[test]
fn every_key_of_a_claim_of_the_wrong_type_is_located_at_its_value() {
    let text = vendor("v", &[], &[]).replacen(
        "source = \"privacy\"\nverified = 2026-06-01",
        "source = 5\nverified = 2026-06-01\nquote = 6\nconditions = [{ id = \"a\", text = \"a\" }, 7]\nofferings = \"free\"",
        1,
    );
    let v = invalid(&[("v.toml", &text)]);
    let key = "terms.contract.role";
    assert_eq!(
        v.all(),
        [
            ("wrong-type".into(), "v.toml:16:10".into(), format!("{key}.source")),
            ("wrong-type".into(), "v.toml:18:9".into(), format!("{key}.quote")),
            (
                "wrong-type".into(),
                "v.toml:19:41".into(),
                format!("{key}.conditions[1]")
            ),
            ("wrong-type".into(), "v.toml:20:13".into(), format!("{key}.offerings")),
        ]
    );
}

#[test]
fn a_claim_without_confidence_is_a_located_error() {
    let text = vendor("v", &[], &[]).replacen("confidence = \"high\"\n", "", 1);
    let header = line_of(&text, "[terms.contract.role]");
    let v = invalid(&[("v.toml", &text)]);
    let p = v.expect("missing-key", &format!("v.toml:{header}:1"), "terms.contract.role");
    assert!(p.names("confidence"), "{}", v.listing());
    assert_eq!(v.problems.len(), 1, "{}", v.listing());
}

#[test]
fn a_url_source_needs_its_kind_and_a_mirror_is_warned_about() {
    let text = vendor("v", &[], &[]).replacen("source = \"privacy\"", "source = \"https://terms-copy.pages.dev/v\"", 1);
    let header = line_of(&text, "[terms.contract.role]");
    let v = invalid(&[("v.toml", &text)]);
    v.expect(
        "missing-source-kind",
        &format!("v.toml:{header}:1"),
        "terms.contract.role",
    );
    let mirror = v.expect(
        "mirror-source",
        &format!("v.toml:{}:10", header + 2),
        "terms.contract.role.source",
    );
    assert_eq!(mirror.severity, "warning");
    // With its kind the claim is valid; the mirror stays a warning.
    let text = text.replacen(
        "confidence = \"high\"",
        "confidence = \"high\"\nsource_kind = \"other\"",
        1,
    );
    let v = validate(&[("v.toml", &text)]);
    assert_eq!(v.exit, Some(0), "{}", v.listing());
    assert!(v.problems.iter().any(|p| p.code == "mirror-source"));
    // A document of the vendor is a vendor source.
    let text = vendor("v", &[], &[]).replacen(
        "confidence = \"high\"",
        "confidence = \"high\"\nsource_kind = \"press\"",
        1,
    );
    invalid(&[("v.toml", &text)]).expect(
        "invalid-value",
        &format!("v.toml:{}:15", header + 5),
        "terms.contract.role.source_kind",
    );
}
