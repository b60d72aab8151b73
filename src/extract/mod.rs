//! Turns a fetched policy document (HTML or PDF bytes) into the plain text that the policy watcher
//! stores and compares. The text keeps the document's structure (headings, paragraphs, list items,
//! table rows, one per line) so that a diff reads like the policy, and it is normalised so that
//! page chrome, tracking parameters and whitespace never count as a change.
//!
//! [`extract`] is the one entry point; [`EXTRACTOR_VERSION`] is stored beside every snapshot so that
//! a change of these rules is recognised and stored bodies are re-extracted before comparing.
//!
//! - [`charset`]: bytes to text (BOM, Content-Type, `<meta>`, fallback);
//! - [`html`]: selectors, chrome removal ([`chrome`]), structured rendering, links ([`links`]);
//! - [`pdf`]: the PDF text layer, isolated from pdf-extract's output and panics;
//! - [`normalize`]: what counts as the same text;
//! - [`dates`]: the "last updated" date a document states;
//! - [`depth`]: refuses pages nested so deeply that parsing them would take minutes.

pub mod charset;
pub mod chrome;
pub mod dates;
pub mod depth;
pub mod html;
pub mod links;
pub mod normalize;
pub mod pdf;

use url::Url;

pub use normalize::normalize;

/// Bumped whenever a change here can change the text extracted from the same bytes.
pub const EXTRACTOR_VERSION: u32 = 3;

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
    /// An HTML page with so many nested blocks left open that parsing it would take minutes.
    #[error("the page leaves {open} block elements open (more than {max}); it was not parsed")]
    TooDeep { open: usize, max: usize },
}

/// Whether the body is a PDF: by its Content-Type or by its `%PDF-` signature.
pub fn is_pdf(body: &[u8], content_type: Option<&str>) -> bool {
    let declared = content_type
        .and_then(|ct| ct.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/pdf"));
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(body.len());
    declared || body[start..].starts_with(b"%PDF-")
}

/// The extracted document for the raw text layer of a PDF (see [`pdf::text`]): normalised, and
/// the lines a paragraph was wrapped into joined again ([`unwrap_lines`]).
pub fn from_pdf_text(raw: &str) -> Result<Extracted, ExtractError> {
    let text = unwrap_lines(&normalize(raw));
    if text.chars().all(|c| !c.is_alphanumeric()) {
        return Err(ExtractError::NoTextLayer);
    }
    let last_updated = dates::last_updated(&text);
    Ok(Extracted {
        text,
        unmatched: Vec::new(),
        last_updated,
    })
}

/// Joins the lines of a PDF's text that continue a paragraph: a line that starts with a lowercase
/// letter, after a line that does not end a sentence or a heading (`.`, `!`, `?`, `:`, `;`). So a
/// paragraph reads as one line however the layout wrapped it, and a re-wrapped PDF with one word
/// changed shows that one paragraph changed, not every line after it.
fn unwrap_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let continues = line.chars().next().is_some_and(char::is_lowercase)
            && out
                .chars()
                .last()
                .is_some_and(|c| c != '\n' && !matches!(c, '.' | '!' | '?' | ':' | ';'));
        if continues {
            out.push(' ');
        } else if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// Extracts the text of `body`, served with `content_type` from `base` (for absolute links).
pub fn extract(body: &[u8], content_type: Option<&str>, base: &Url, rules: &Rules) -> Result<Extracted, ExtractError> {
    if is_pdf(body, content_type) {
        return from_pdf_text(&pdf::text(body)?);
    }
    let open = depth::open_blocks(body);
    if open > depth::MAX_OPEN_BLOCKS {
        return Err(ExtractError::TooDeep {
            open,
            max: depth::MAX_OPEN_BLOCKS,
        });
    }
    let source = charset::decode(body, content_type);
    let rendered = html::render(&source, base, rules)?;
    let last_updated = dates::last_updated(&rendered.text);
    Ok(Extracted {
        text: rendered.text,
        unmatched: rendered.unmatched,
        last_updated,
    })
}
