//! Properties of extraction and normalisation over arbitrary input.

use proptest::prelude::*;
use url::Url;
use vcaudit::extract::{extract, normalize, Rules};

fn base() -> Url {
    Url::parse("https://vendor.example/a/b?x=1").unwrap()
}

/// Strings rich in the characters normalisation treats specially.
fn tricky() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            any::<char>().prop_map(String::from),
            prop::sample::select(vec![
                " ",
                "\t",
                "\n",
                "\r\n",
                "\u{A0}",
                "\u{2009}",
                "\u{200B}",
                "\u{FEFF}",
                "\u{AD}",
                "\u{1B}[0m",
                "\u{2028}",
                "\u{301}",
                "e\u{301}",
                "\u{2019}",
                "\u{201C}",
                "\u{3000}",
                "\u{85}",
                "a",
                "Z",
                "-",
            ])
            .prop_map(str::to_owned),
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

/// HTML-ish input: tags, attributes and text in random order.
fn htmlish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(vec![
                "<p>",
                "</p>",
                "<li>",
                "<ul>",
                "</li>",
                "<table><tr><td>",
                "</td><td>",
                "</tr>",
                "<br>",
                "<h2>",
                "</h2>",
                "<a href=\"/x?utm_source=1#f\">",
                "</a>",
                "<a href=\"javascript:x\">",
                "<script>",
                "</script>",
                "<pre>",
                "</pre>",
                "<footer>",
                "<div hidden>",
                "</div>",
                "<!--",
                "-->",
                "<![CDATA[",
                "&amp;",
                "&#0;",
                "&nbsp;",
                "<meta charset=latin1>",
                "<base href=\"//other.example/\">",
            ])
            .prop_map(str::to_owned),
            tricky(),
        ],
        0..30,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn normalisation_is_idempotent(s in tricky()) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert!(!once.contains("\n\n") && !once.starts_with(' ') && !once.ends_with(' '));
        prop_assert!(!once.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn extraction_never_panics_on_bytes(body in prop::collection::vec(any::<u8>(), 0..400), ct in prop::option::of("[a-z/;= 0-9-]{0,30}")) {
        let _ = extract(&body, ct.as_deref(), &base(), &Rules::default());
    }

    #[test]
    fn extracted_html_is_normalised_and_stable(html in htmlish()) {
        let got = extract(html.as_bytes(), Some("text/html"), &base(), &Rules::default()).unwrap();
        prop_assert_eq!(normalize(&got.text), got.text.clone());
        let again = extract(html.as_bytes(), Some("text/html"), &base(), &Rules::default()).unwrap();
        prop_assert_eq!(again, got);
    }
}
