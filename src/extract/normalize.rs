//! Text normalisation shared by the HTML and PDF extractors: what counts as "the same text".
//!
//! Applied line by line: Unicode NFC; non-breaking and other odd spaces become a plain space;
//! zero-width characters, soft hyphens, bidirectional embedding controls and terminal control
//! characters (ESC, C0 and C1 controls) are dropped; curly quotes are unified to `'` and `"` (a
//! publisher switching quote style is not a change of policy); runs of spaces become one space;
//! lines are trimmed and empty lines dropped. [`normalize`] is idempotent.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What to do with one character.
enum Class {
    Keep(char),
    Space,
    Newline,
    Drop,
}

#[inline]
fn classify(c: char) -> Class {
    match c {
        ' ' | '\t' | '\u{0C}' => Class::Space,
        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Newline,
        '\u{00}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Class::Drop,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Class::Space,
        // zero-width space, word joiner, BOM / zero-width no-break space, soft hyphen,
        // invisible operators, bidirectional embeddings, overrides and isolates.
        '\u{200B}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{AD}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FFF9}'..='\u{FFFB}' => Class::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => Class::Keep('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Class::Keep('"'),
        c => Class::Keep(c),
    }
}

/// Normalises one line's content into `out` (appended; never a newline): see the module doc.
/// Line breaks inside `s` count as spaces. Returns true when anything was appended.
pub fn normalize_line_into(s: &str, out: &mut String) -> bool {
    let start = out.len();
    if s.is_ascii() {
        // Printable ASCII only needs whitespace collapsing; other ASCII controls are dropped.
        // Runs of printable bytes are copied whole.
        let bytes = s.as_bytes();
        let mut pending_space = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b > b' ' && b < 0x7F {
                let run = bytes[i..]
                    .iter()
                    .position(|&b| b <= b' ' || b >= 0x7F)
                    .map_or(bytes.len(), |n| i + n);
                if pending_space && out.len() > start {
                    out.push(' ');
                }
                pending_space = false;
                out.push_str(&s[i..run]);
                i = run;
            } else {
                if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C) {
                    pending_space = true;
                }
                i += 1;
            }
        }
        return out.len() > start;
    }
    // One pass: map, drop and collapse; note whether anything could need composing.
    let mut pending_space = false;
    let mut maybe_decomposed = false;
    for c in s.chars() {
        if c > ' ' && c < '\u{7F}' {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
            continue;
        }
        match classify(c) {
            Class::Keep(c) => {
                if pending_space && out.len() > start {
                    out.push(' ');
                }
                pending_space = false;
                maybe_decomposed |= c >= '\u{300}';
                out.push(c);
            }
            Class::Space | Class::Newline => pending_space = true,
            Class::Drop => {}
        }
    }
    if maybe_decomposed && is_nfc_quick(out[start..].chars()) != IsNormalized::Yes {
        let nfc: String = out[start..].nfc().collect();
        out.truncate(start);
        out.push_str(&nfc);
    }
    out.len() > start
}

/// Normalises a whole text: each line as [`normalize_line_into`], empty lines dropped.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut line = String::new();
    for c in s.chars() {
        if matches!(classify(c), Class::Newline) {
            push_line(&line, &mut out);
            line.clear();
        } else {
            line.push(c);
        }
    }
    push_line(&line, &mut out);
    out
}

fn push_line(line: &str, out: &mut String) {
    let before = out.len();
    if !out.is_empty() {
        out.push('\n');
    }
    let mark = out.len();
    if !normalize_line_into(line, out) {
        out.truncate(before);
    }
    debug_assert!(out.len() >= mark || out.len() == before);
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn spaces_quotes_and_invisible_characters() {
        let s = "  We\u{A0}share\u{2009}\u{200B}data \u{201C}only\u{201D} with\u{AD}in the EU\u{2019}s  borders\t\n\n\n\u{1B}[31mred\u{1B}[0m  ";
        assert_eq!(
            normalize(s),
            "We share data \"only\" within the EU's borders\n[31mred[0m"
        );
    }

    #[test]
    fn composes_to_nfc() {
        assert_eq!(normalize("cafe\u{301} gea\u{308}ndert"), "caf\u{E9} ge\u{E4}ndert");
    }

    #[test]
    fn zero_width_between_base_and_mark_still_composes() {
        let once = normalize("e\u{200B}\u{301}");
        assert_eq!(once, "\u{E9}");
        assert_eq!(normalize(&once), once);
    }
}
