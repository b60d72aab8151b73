//! `vcaudit notice`: the draft letter to parents, filled from an inline test catalogue. Unknown
//! and failing terms must show as marks for the school, never as reassuring text; a fully passing
//! vendor gets no marks for its facts; HTML escapes everything; Dutch output is Dutch.

use crate::common;

use common::{vcaudit, vendor, vendor_head, Catalogue};

/// Every option a school can give, so that only the catalogue can leave marks.
const SCHOOL: &[&str] = &[
    "--school",
    "De Linde",
    "--contact",
    "mevrouw Jansen, privacy@delinde.example",
    "--reason",
    "de school is dicht",
    "--camera",
    "optional",
    "--recording",
    "no",
    "--retention",
    "tot het einde van het schooljaar",
    "--dpo",
    "meneer De Vries, fg@delinde.example",
    "--basis",
    "public-task",
    "--signatory",
    "A. Bakker, directeur",
    "--date",
    "1 december 2026",
];

fn notice(cat: &Catalogue, args: &[&str]) -> String {
    let out = vcaudit()
        .args(["--as-of", "2026-11-22", "--catalogue"])
        .arg(cat.path())
        .arg("notice")
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn a_fully_passing_vendor_leaves_no_marks_and_speaks_dutch() {
    let cat = Catalogue::new(&[("good.toml", &vendor("good", &[], &[]))]);
    let mut args = vec!["good", "--lang", "nl"];
    args.extend(SCHOOL);
    let text = notice(&cat, &args);
    for mark in ["[TE CONTROLEREN", "[LET OP", "[IN TE VULLEN", "TO CHECK", "WARNING"] {
        assert!(!text.contains(mark), "unexpected `{mark}` in:\n{text}");
    }
    for dutch in [
        "Beste ouders en verzorgers,",
        "De aanbieder is good company, een bedrijf uit Nederland.",
        "Wij vragen u hiervoor geen toestemming.",
        "Laat het ons weten.",
        "verwerkersovereenkomst",
        "De aanbieder verkoopt de gegevens niet.",
        "In de app en op de website van de dienst zitten geen trackers van andere bedrijven.",
        "De gegevens worden opgeslagen en verwerkt in de Europese Unie (EU).",
        "Neem dan contact op met mevrouw Jansen, privacy@delinde.example.",
        "De privacyverklaring van de aanbieder: <https://example.com/good/privacy>",
        "Met vriendelijke groet,",
        "De Linde is verantwoordelijk voor de gegevens van de lessen",
        "bereikbaar via meneer De Vries, fg@delinde.example.",
        "art. 6 lid 1 onder e AVG",
        "bezwaar maken",
        "Autoriteit Persoonsgegevens",
        "A. Bakker, directeur",
        "1 december 2026",
    ] {
        assert!(text.contains(dutch), "missing `{dutch}` in:\n{text}");
    }
    assert!(!text.contains("Dear parents"), "{text}");
    assert!(!text.contains("NIET GESCHIKT"), "{text}");
}

#[test]
fn unknown_terms_become_checks_not_text() {
    let cat = Catalogue::new(&[(
        "vague.toml",
        &vendor(
            "vague",
            &[],
            &["sharing.trackers", "contract.dpa", "hosting.eu_residency"],
        ),
    )]);
    let mut args = vec!["vague", "--lang", "nl"];
    args.extend(SCHOOL);
    let text = notice(&cat, &args);
    assert!(
        text.contains("[TE CONTROLEREN: zitten er trackers van andere bedrijven"),
        "{text}"
    );
    assert!(
        text.contains("[TE CONTROLEREN: is er een verwerkersovereenkomst"),
        "{text}"
    );
    assert!(
        text.contains("[TE CONTROLEREN: blijven de gegevens in de EU?"),
        "{text}"
    );
    assert!(!text.contains("zitten geen trackers"), "{text}");
    assert!(!text.contains("Dat staat in een contract met de school"), "{text}");
    assert!(
        !text.contains("worden opgeslagen en verwerkt in de Europese Unie"),
        "{text}"
    );
    assert!(text.contains("oordeel: onvoldoende informatie"), "{text}");
}

#[test]
fn a_not_suitable_vendor_opens_with_a_warning_and_loses_the_failing_promise() {
    let cat = Catalogue::new(&[(
        "bad.toml",
        &vendor(
            "bad",
            &[("secondary_use.selling", "true"), ("sharing.trackers", "true")],
            &[],
        ),
    )]);
    let mut args = vec!["bad", "--lang", "nl"];
    args.extend(SCHOOL);
    let md = notice(&cat, &args);
    let first = md.lines().next().unwrap_or("");
    assert!(first.starts_with("> ⚠ **[LET OP:"), "{md}");
    assert!(first.contains("NIET GESCHIKT"), "{first}");
    assert!(
        first.contains("no-secondary-use") && first.contains("no-third-party-sharing"),
        "{first}"
    );
    assert!(!md.contains("De aanbieder verkoopt de gegevens niet."), "{md}");
    assert!(!md.contains("zitten geen trackers"), "{md}");
    assert!(
        md.contains("- **[LET OP:"),
        "the failing criteria are listed in the body too:\n{md}"
    );

    args.extend(["--format", "text"]);
    let text = notice(&cat, &args);
    assert!(text.starts_with("!!!!"), "{text}");
    assert!(text.contains("!! [LET OP: Volgens de criteria"), "{text}");
}

#[test]
fn conditions_of_a_claim_are_checks_for_the_school() {
    let mut file = vendor("cond", &[], &["hosting.eu_residency"]);
    file.push_str(&common::claim_if(
        "hosting.eu_residency",
        "\"optional\"",
        "Choose the EU region in the admin portal",
    ));
    let cat = Catalogue::new(&[("cond.toml", &file)]);
    let mut args = vec!["cond", "--lang", "nl"];
    args.extend(SCHOOL);
    let text = notice(&cat, &args);
    assert!(text.contains("als de school dat zo instelt"), "{text}");
    assert!(
        text.contains("- [ ] Choose the EU region in the admin portal"),
        "{text}"
    );
    // The school's to-do is not part of the letter to the parents.
    let mut parents = args.clone();
    parents.extend(["--part", "parents"]);
    let letter = notice(&cat, &parents);
    assert!(letter.contains("als de school dat zo instelt"), "{letter}");
    assert!(
        !letter.contains("admin portal") && !letter.contains("Voor de school"),
        "{letter}"
    );
    let mut school = args.clone();
    school.extend(["--part", "school"]);
    let list = notice(&cat, &school);
    assert!(
        list.contains("- [ ] Choose the EU region in the admin portal"),
        "{list}"
    );
    assert!(!list.contains("Beste ouders"), "{list}");
}

#[test]
fn a_dutch_notice_says_so_only_when_a_condition_has_no_dutch_text() {
    const NOTE: &str = "Voorwaarden waarvoor de catalogus geen Nederlandse tekst heeft, staan hier in het Engels.";
    let condition = |dutch: Option<&str>| {
        let mut file = vendor("cond", &[], &["hosting.eu_residency"]);
        let english = "Choose the EU region in the admin portal";
        file.push_str(&match dutch {
            Some(nl) => common::claim_if_nl("hosting.eu_residency", "\"optional\"", english, nl),
            None => common::claim_if("hosting.eu_residency", "\"optional\"", english),
        });
        let cat = Catalogue::new(&[("cond.toml", &file)]);
        let mut args = vec!["cond", "--lang", "nl"];
        args.extend(SCHOOL);
        notice(&cat, &args)
    };
    let english = condition(None);
    assert!(english.contains(NOTE), "{english}");
    let dutch = condition(Some("Kies de EU-regio in het beheerportaal"));
    assert!(dutch.contains("- [ ] Kies de EU-regio in het beheerportaal"), "{dutch}");
    assert!(!dutch.contains(NOTE), "{dutch}");
}

#[test]
fn missing_school_input_becomes_fill_in_marks() {
    let cat = Catalogue::new(&[("good.toml", &vendor("good", &[], &[]))]);
    let text = notice(&cat, &["good", "--lang", "nl", "--format", "text"]);
    for fill in [
        "[IN TE VULLEN: waarom de school les geeft via video]",
        "[IN TE VULLEN: moet uw kind in beeld? Zo ja, om welke specifieke reden?]",
        "[IN TE VULLEN: neemt de school lessen op?",
        "[IN TE VULLEN: hoe lang de school opnames en andere gegevens van de lessen",
        "[IN TE VULLEN: de naam van de school]",
    ] {
        assert!(text.contains(fill), "missing `{fill}` in:\n{text}");
    }
}

#[test]
fn a_required_camera_needs_its_reason() {
    let cat = Catalogue::new(&[("good.toml", &vendor("good", &[], &[]))]);
    let without = notice(&cat, &["good", "--lang", "nl", "--camera", "required"]);
    assert!(
        without.contains("[IN TE VULLEN: de specifieke reden waarom leerlingen in beeld moeten"),
        "{without}"
    );
    let with = notice(
        &cat,
        &[
            "good",
            "--lang",
            "nl",
            "--camera-reason",
            "bij gebarentaal moeten leraar en leerling elkaar zien",
        ],
    );
    assert!(
        with.contains("Ja. Wij vragen uw kind om de camera aan te zetten"),
        "{with}"
    );
    assert!(
        with.contains("De reden: bij gebarentaal moeten leraar en leerling elkaar zien."),
        "{with}"
    );
    assert!(!with.contains("meedoen met alleen geluid"), "{with}");
    assert!(!with.contains("staat de camera"), "{with}");
}

#[test]
fn internal_recordings_follow_the_rules_for_recording_in_class() {
    let cat = Catalogue::new(&[("good.toml", &vendor("good", &[], &[]))]);
    let text = notice(&cat, &["good", "--lang", "nl", "--recording", "coaching"]);
    assert!(
        text.contains("Wij gebruiken de opname alleen binnen de school."),
        "{text}"
    );
    assert!(
        text.contains("wij verwijderen hem als wij hem niet meer nodig hebben"),
        "{text}"
    );
    assert!(
        text.contains("Zegt één ouder nee, dan laten wij hem niet zien."),
        "{text}"
    );
    assert!(
        text.contains(
            "[IN TE VULLEN: waar de school opnames bewaart; bij deze dienst kan dat op de computer die opneemt]"
        ),
        "{text}"
    );
}

#[test]
fn a_self_hosted_offering_asks_who_runs_the_server() {
    let mut file = vendor_head("srv", &["self-hosted"]);
    for (term, value) in common::ALL_PASS {
        file.push_str(&common::claim(term, value));
    }
    let cat = Catalogue::new(&[("srv.toml", &file)]);
    let text = notice(&cat, &["srv/self-hosted", "--lang", "nl"]);
    assert!(
        text.contains("Het programma draait op een server van **[IN TE VULLEN: de school zelf"),
        "{text}"
    );
    assert!(!text.contains("een bedrijf uit"), "{text}");
}

#[test]
fn html_escapes_everything_and_puts_the_warning_first() {
    let file = vendor("bad", &[("secondary_use.marketing", "true")], &[])
        .replace("name = \"bad name\"", "name = \"Bad <b>&</b> \\\"Video\\\"\"");
    let cat = Catalogue::new(&[("bad.toml", &file)]);
    let html = notice(
        &cat,
        &[
            "bad",
            "--format",
            "html",
            "--school",
            "<script>alert(1)</script>",
            "--contact",
            "a&b <x@y>",
        ],
    );
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(html.contains("Bad &lt;b&gt;&amp;&lt;/b&gt; \"Video\""), "{html}");
    assert!(html.contains("a&amp;b &lt;x@y&gt;"), "{html}");
    let alert = html.find("<div class=\"alert\" role=\"alert\">").expect("an alert");
    let h1 = html.find("<h1>").expect("a title");
    assert!(alert < h1, "the warning comes before the title");
    assert!(html.contains("<strong class=\"warn\">[WARNING:"), "{html}");
    assert!(html.contains("<mark class=\"fill\">[TO FILL IN:"), "{html}");
    assert!(html.contains("<html lang=\"en\">"), "{html}");
}

#[test]
fn english_notice_uses_english_marks() {
    let cat = Catalogue::new(&[("vague.toml", &vendor("vague", &[], &["security.e2ee"]))]);
    let text = notice(&cat, &["vague"]);
    assert!(text.contains("Dear parents and carers,"), "{text}");
    assert!(
        text.contains("**[TO CHECK: is there end-to-end encryption?]**"),
        "{text}"
    );
    assert!(!text.contains("TE CONTROLEREN"), "{text}");
}

#[test]
fn usage_errors() {
    let cat = Catalogue::new(&[("two.toml", &vendor_head("two", &["free", "paid"]))]);
    let run = |args: &[&str]| {
        vcaudit()
            .arg("--catalogue")
            .arg(cat.path())
            .arg("notice")
            .args(args)
            .output()
            .expect("runs")
    };
    let out = run(&["two"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pick one: two/free, two/paid"));
    let out = run(&["twoo/free"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `two`?"));
    let out = run(&["two/free", "--camera", "off", "--camera-reason", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`--camera-reason` goes only with `--camera required`"));
    let out = run(&["two/free", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn terminal_escapes_from_the_catalogue_or_the_options_never_reach_the_output() {
    let file = vendor("esc", &[("security.certifications", "[\"ISO\\u001b[31m 27001\"]")], &[]);
    let cat = Catalogue::new(&[("esc.toml", &file)]);
    for format in ["text", "markdown", "html"] {
        let out = notice(&cat, &["esc", "--format", format, "--school", "De \u{1b}[2JLinde"]);
        assert!(!out.contains('\u{1b}'), "{format}: {out}");
        assert!(out.contains("27001"), "{format}: {out}");
    }
}

#[test]
fn the_privacy_statement_is_linked_in_the_letters_language() {
    // The English statement comes first in the file; a Dutch letter links the Dutch one.
    let text = vendor("good", &[], &[]).replacen(
        "url = \"https://example.com/good/privacy\"\n",
        "url = \"https://example.com/good/privacy\"\nlanguage = \"en\"\n\n[[documents]]\nid = \"privacy-nl\"\nkind = \"privacy-policy\"\nlanguage = \"nl\"\nurl = \"https://example.com/good/nl/privacy\"\n",
        1,
    );
    let cat = Catalogue::new(&[("good.toml", &text)]);
    let nl = notice(&cat, &["good", "--lang", "nl"]);
    assert!(nl.contains("https://example.com/good/nl/privacy"), "{nl}");
    assert!(!nl.contains("(in het Engels)"), "{nl}");
    let en = notice(&cat, &["good", "--lang", "en"]);
    assert!(en.contains("https://example.com/good/privacy"), "{en}");
    assert!(!en.contains("https://example.com/good/nl/privacy"), "{en}");
}
