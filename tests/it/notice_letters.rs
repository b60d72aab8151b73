//! The letter follows the catalogue: change one fact of an inline vendor and the sentence about it
//! changes (role, accounts, attention tracking); the shipped Teams letter says what its catalogue
//! entry says. `notice --format docx` writes a Word document whose text can be read back, and
//! `-o` writes `notice` and `advise` to a file in the format its extension names.

use crate::common;

use std::io::Read;

use common::{claim_if_nl, vcaudit, vendor, Catalogue};

fn notice(cat: Option<&Catalogue>, args: &[&str]) -> String {
    let mut cmd = vcaudit();
    cmd.args(["--as-of", "2026-11-22"]);
    if let Some(cat) = cat {
        cmd.arg("--catalogue").arg(cat.path());
    }
    let out = cmd.arg("notice").args(args).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The Dutch plain-text letter of vendor `v` with one fact changed.
fn letter_with(overrides: &[(&str, &str)]) -> String {
    let cat = Catalogue::new(&[("v.toml", &vendor("v", overrides, &[]))]);
    notice(
        Some(&cat),
        &["v", "--lang", "nl", "--format", "text", "--part", "parents"],
    )
    .replace('\n', " ")
}

/// Squeezes runs of spaces, so that wrapped text can be searched for a sentence.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_role_sentence_follows_the_role_in_the_catalogue() {
    let processor = flat(&letter_with(&[("contract.role", "\"processor\"")]));
    let mixed = flat(&letter_with(&[("contract.role", "\"mixed\"")]));
    let only_as_told = "die mag de gegevens alleen gebruiken zoals de school dat vraagt";
    let own_purposes = "gebruikt sommige gegevens ook voor eigen doelen";
    assert!(
        processor.contains(only_as_told) && !processor.contains(own_purposes),
        "{processor}"
    );
    assert!(mixed.contains(own_purposes) && !mixed.contains(only_as_told), "{mixed}");
}

#[test]
fn the_account_sentence_follows_the_catalogue() {
    let none = flat(&letter_with(&[("participation.account_required", "false")]));
    let needed = flat(&letter_with(&[("participation.account_required", "true")]));
    assert!(
        none.contains("Uw kind heeft geen eigen account bij de aanbieder nodig."),
        "{none}"
    );
    assert!(
        !none.contains("hoe uw kind inlogt"),
        "an unconditional fact needs no mark: {none}"
    );
    assert!(
        needed.contains("Uw kind heeft een eigen account bij de aanbieder nodig."),
        "{needed}"
    );
    // "No account" that holds only under a condition: the school says how pupils sign in.
    let mut file = vendor("v", &[], &["participation.account_required"]);
    file.push_str(&claim_if_nl(
        "participation.account_required",
        "false",
        "Invite pupils by the meeting link",
        "Nodig leerlingen uit via de vergaderlink",
    ));
    let cat = Catalogue::new(&[("v.toml", &file)]);
    let conditional = flat(&notice(Some(&cat), &["v", "--lang", "nl", "--format", "text"]));
    assert!(
        conditional.contains("[IN TE VULLEN: hoe uw kind inlogt: met een schoolaccount dat de school geeft, of via de link van de les zonder account]"),
        "{conditional}"
    );
}

#[test]
fn the_attention_sentence_follows_the_default_in_the_catalogue() {
    let off = flat(&letter_with(&[(
        "content_analysis.attention_tracking",
        "\"off-by-default\"",
    )]));
    let on = flat(&letter_with(&[(
        "content_analysis.attention_tracking",
        "\"on-by-default\"",
    )]));
    let absent = flat(&letter_with(&[("content_analysis.attention_tracking", "\"absent\"")]));
    assert!(
        off.contains("Meten hoe goed leerlingen opletten staat uit, tenzij iemand het aanzet."),
        "{off}"
    );
    assert!(
        on.contains("De dienst meet hoe leerlingen meedoen (bijvoorbeeld hun aandacht of activiteit), tenzij de school dat uitzet. [IN TE VULLEN: of de school dit heeft uitgezet]"),
        "{on}"
    );
    assert!(
        absent.contains("De dienst meet niet hoe goed leerlingen opletten."),
        "{absent}"
    );
    assert!(!off.contains("of de school dit heeft uitgezet"), "{off}");
}

#[test]
fn the_shipped_teams_letter_says_what_the_catalogue_says() {
    let text = flat(&notice(
        None,
        &["microsoft-teams/education", "--lang", "nl", "--format", "text"],
    ));
    for sentence in [
        // contract.role = "mixed"
        "maar gebruikt sommige gegevens ook voor eigen doelen",
        // content_analysis.attention_tracking = "on-by-default"
        "De dienst meet hoe leerlingen meedoen (bijvoorbeeld hun aandacht of activiteit), tenzij de school dat uitzet.",
        "[IN TE VULLEN: of de school dit heeft uitgezet]",
        // participation.account_required = false, only by the meeting link (its condition)
        "Uw kind heeft geen eigen account bij de aanbieder nodig.",
        "[IN TE VULLEN: hoe uw kind inlogt: met een schoolaccount dat de school geeft, of via de link van de les zonder account]",
    ] {
        assert!(text.contains(sentence), "missing `{sentence}` in:\n{text}");
    }
    assert!(!text.contains("alleen gebruiken zoals de school dat vraagt"), "{text}");
    // The offering's Dutch name, not the English one.
    assert!(!text.contains("A licences"), "{text}");
}

/// The text of a Word document: the runs of `word/document.xml`, paragraphs on lines.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    assert!(zip.by_name("[Content_Types].xml").is_ok(), "no content types");
    let mut text = String::new();
    for part in xml.split('<').skip(1) {
        let (tag, rest) = part.split_once('>').unwrap_or((part, ""));
        if tag.starts_with("/w:p") && !tag.starts_with("/w:pPr") {
            text.push('\n');
        } else if !tag.starts_with('/') {
            text.push_str(rest);
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
}

#[test]
fn docx_is_a_word_document_with_the_letter() {
    let dir = tempfile::tempdir().expect("dir");
    let cat = Catalogue::new(&[("v.toml", &vendor("v", &[("contract.role", "\"mixed\"")], &[]))]);
    let path = dir.path().join("brief.docx");
    vcaudit()
        .args(["--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .args(["notice", "v", "--lang", "nl", "--school", "De Linde & Co", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let bytes = std::fs::read(&path).expect("written");
    assert!(
        bytes.starts_with(b"PK"),
        "{}",
        String::from_utf8_lossy(&bytes[..bytes.len().min(300)])
    );
    let text = docx_text(&bytes);
    for want in [
        "Voor de school",
        "Lessen via video met v name: informatie voor ouders",
        "Beste ouders en verzorgers,",
        "Uw rechten",
        "De Linde & Co",
        "gebruikt sommige gegevens ook voor eigen doelen",
        "[IN TE VULLEN: naam en e-mailadres van de functionaris gegevensbescherming]",
        "Met vriendelijke groet,",
    ] {
        assert!(text.contains(want), "missing `{want}` in:\n{text}");
    }
    // `--format docx` to standard output gives the same kind of document; `--part parents`
    // leaves the school's part out.
    let out = vcaudit()
        .args(["--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .args(["notice", "v", "--format", "docx", "--part", "parents"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = docx_text(&out.stdout);
    assert!(text.contains("Dear parents and carers,"), "{text}");
    assert!(!text.contains("For the school"), "{text}");
}

#[test]
fn output_files_take_their_format_from_the_extension() {
    let dir = tempfile::tempdir().expect("dir");
    let cat = Catalogue::new(&[("v.toml", &vendor("v", &[], &[]))]);
    let html = dir.path().join("brief.html");
    vcaudit()
        .args(["--catalogue"])
        .arg(cat.path())
        .args(["notice", "v", "-o"])
        .arg(&html)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&html)
        .expect("html")
        .starts_with("<!DOCTYPE html>"));

    let json = dir.path().join("advies.json");
    vcaudit()
        .args(["advise", "live-lesson", "-o"])
        .arg(&json)
        .assert()
        .success()
        .stdout("");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("JSON");
    assert_eq!(v["scenario"], "live-lesson");
    let md = dir.path().join("lijst.md");
    vcaudit()
        .args(["--lang", "nl", "advise", "--list", "-o"])
        .arg(&md)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&md).expect("md").starts_with("| Situatie |"));

    // An extension that names no format is a usage error, and nothing is written.
    let pdf = dir.path().join("brief.pdf");
    vcaudit()
        .args(["--catalogue"])
        .arg(cat.path())
        .args(["notice", "v", "-o"])
        .arg(&pdf)
        .assert()
        .code(2);
    vcaudit()
        .args(["advise", "live-lesson", "-o"])
        .arg(&pdf)
        .assert()
        .code(2);
    assert!(!pdf.exists());
}
