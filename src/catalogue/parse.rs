//! From a vendor file's text to its spanned TOML tree, parsed once; everything after this reads the
//! tree. A file that is not TOML has no tree: its one diagnostic is the parser's own message at the
//! parser's position, with the key read from the text around that position (the nearest table
//! header and the key on its line), since there is no tree to take it from.

use toml::de::DeTable;

use super::code::Code;
use super::diag::Sink;

/// The file's top-level table, or `None` after reporting why the text is not TOML.
pub fn parse<'i>(sink: &mut Sink, text: &'i str) -> Option<DeTable<'i>> {
    match DeTable::parse(text) {
        Ok(table) => Some(table.into_inner()),
        Err(e) => {
            let message = one_line(e.message());
            match e.span() {
                Some(span) => sink.at(Code::Syntax, span.start, &key_at(text, span.start), message, None),
                None => sink.whole(Code::Syntax, message, None),
            }
            None
        }
    }
}

/// A parser message on one line: `invalid date-time\nvalue is out of range` becomes
/// `invalid date-time: value is out of range`.
pub fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}

/// The dotted key at a byte offset of a text that did not parse: the nearest table header above
/// it plus the key on its line.
pub fn key_at(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let own = line
        .split_once('=')
        .map(|(k, _)| k.trim())
        .filter(|k| !k.starts_with('['));
    let header = before[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_owned());
    let header = if line.trim_start().starts_with('[') {
        Some(line.trim().trim_matches(|c| c == '[' || c == ']').trim().to_owned())
    } else {
        header
    };
    match (header, own) {
        (Some(h), Some(k)) => format!("{h}.{k}"),
        (Some(h), None) => h,
        (None, Some(k)) => k.to_owned(),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_at_names_header_and_key() {
        let text = "id = \"x\"\n[[documents]]\nid = \"p\"\nknd = \"x\"\n";
        let at = text.find("knd").unwrap();
        assert_eq!(key_at(text, at), "documents.knd");
        assert_eq!(key_at(text, 0), "id");
    }

    #[test]
    fn a_syntax_error_is_one_diagnostic_at_the_parsers_position() {
        let text = "id = \"v\"\nname = \n";
        let mut sink = Sink::new("v.toml", text);
        assert!(parse(&mut sink, text).is_none());
        let found = sink.into_sorted();
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(
            (d.code, d.line, d.column, d.key.as_str()),
            (Some(Code::Syntax), 2, 8, "name")
        );
    }
}
