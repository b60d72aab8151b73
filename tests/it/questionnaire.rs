//! `vcaudit questionnaire`: the criteria as questions to bidders, as a spreadsheet a bidder fills
//! in and as Markdown, with eisen, wensen and weights from the profile.

use crate::common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::vcaudit;
use predicates::prelude::*;

#[test]
fn the_dutch_spreadsheet_has_a_row_per_criterion_and_room_for_the_answers() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("vragenlijst.xlsx");
    vcaudit()
        .args(["--lang", "nl", "questionnaire", "--reference", "AB-1", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let mut wb: Xlsx<_> = open_workbook(&path).expect("a spreadsheet");
    assert_eq!(wb.sheet_names(), ["Toelichting", "Vragenlijst"]);
    let intro = wb.worksheet_range("Toelichting").expect("sheet");
    let intro: Vec<String> = intro.rows().map(|r| r[0].to_string()).collect();
    assert!(intro.contains(&"Kenmerk: AB-1".to_owned()), "{intro:?}");
    assert!(
        intro.iter().any(|l| l.starts_with("Een eis is een knock-outcriterium")),
        "{intro:?}"
    );
    let range = wb.worksheet_range("Vragenlijst").expect("sheet");
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(rows.len(), 14, "a header and thirteen questions");
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    assert_eq!(
        header,
        [
            "Nr.",
            "Criterium",
            "Eis of wens",
            "Gewicht",
            "Vraag",
            "Wat wordt beoordeeld",
            "Waarom",
            "Gevraagd bewijs",
            "Antwoord van de inschrijver",
            "Verwijzing (document, paragraaf of URL)"
        ]
    );
    let first = &rows[1];
    assert_eq!(first[0], Data::Float(1.0));
    assert!(first[1].to_string().contains("(processor-agreement)"));
    assert_eq!(first[2].to_string(), "eis");
    assert!(first[4].to_string().ends_with('?'));
    assert!(first[7].to_string().contains("verwerkersovereenkomst"));
    assert!(first[8].to_string().is_empty() && first[9].to_string().is_empty());
    let camera = rows
        .iter()
        .find(|r| r[1].to_string().contains("(camera-optional)"))
        .expect("row");
    assert_eq!(
        (camera[2].to_string(), camera[3].clone()),
        ("wens".to_owned(), Data::Float(1.0))
    );
}

#[test]
fn the_profile_makes_eisen_and_weighs_wensen() {
    let dir = tempfile::tempdir().expect("dir");
    let profile = dir.path().join("tender.toml");
    std::fs::write(
        &profile,
        "[severity]\ncamera-optional = \"must\"\ntransparency = \"off\"\n[weights]\nanonymous-join = 4\n",
    )
    .expect("write");
    vcaudit()
        .args(["questionnaire", "--title", "Video tender", "--profile"])
        .arg(&profile)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Video tender\n"))
        .stdout(predicate::str::contains(
            "## 10. Camera optional for pupils — requirement (eis)\n",
        ))
        .stdout(predicate::str::contains(
            "## 11. Join without an account, under a pseudonym — wish (wens), weight 4\n",
        ))
        .stdout(predicate::str::contains("Clear information").not());
}

#[test]
fn the_word_document_is_a_document_and_never_goes_to_a_terminal() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("vragenlijst.docx");
    vcaudit()
        .args(["--lang", "nl", "questionnaire", "--title", "Aanbesteding", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let bytes = std::fs::read(&path).expect("written");
    assert!(bytes.starts_with(b"PK"), "a zip container");
    let names = String::from_utf8_lossy(&bytes);
    for part in ["word/document.xml", "word/header1.xml", "word/footer1.xml"] {
        assert!(names.contains(part), "{part}");
    }
    vcaudit()
        .args(["questionnaire", "-o", "questions.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a name ending in .xlsx, .docx or .md"));
}
