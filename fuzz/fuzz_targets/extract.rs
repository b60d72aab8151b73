//! Fuzzes `extract` with arbitrary bodies: the first byte picks the declared content type and
//! whether catalogue selectors are applied; extraction must never panic, and its text must be
//! normalised.
#![no_main]

use libfuzzer_sys::fuzz_target;
use url::Url;
use vcaudit::extract::{extract, normalize, Rules};

const TYPES: [Option<&str>; 4] = [
    None,
    Some("text/html; charset=utf-8"),
    Some("text/html; charset=windows-1252"),
    Some("application/pdf"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, body)) = data.split_first() else { return };
    let base = Url::parse("https://vendor.example/legal/privacy?lang=nl").unwrap();
    let select = vec!["main, article".to_owned(), "#policy p".to_owned()];
    let remove = vec![".share, [aria-label=x]".to_owned()];
    let rules = if first & 4 == 0 {
        Rules::default()
    } else {
        Rules { select: &select, remove: &remove }
    };
    if let Ok(got) = extract(body, TYPES[usize::from(first & 3)], &base, &rules) {
        assert_eq!(normalize(&got.text), got.text);
    }
});
