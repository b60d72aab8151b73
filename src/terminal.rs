//! Text from vendor files and web pages made safe to print on a terminal: escape sequences are
//! dropped with their payload, so that a value cannot retitle a terminal, clear it, hide text or
//! plant a link; other control characters are dropped too. Newlines and tabs stay.

/// Whether `c` begins an escape sequence: ESC, or the 8-bit CSI, OSC, DCS, PM or APC.
pub fn starts_escape(c: char) -> bool {
    matches!(c, '\u{1B}' | '\u{9B}' | '\u{9D}' | '\u{90}' | '\u{9E}' | '\u{9F}')
}

/// Skips the rest of a terminal escape sequence that began with `first`, payload included: a CSI
/// (`ESC [` … final byte), an OSC, DCS, PM or APC string (up to BEL or `ESC \\`), or a two-character
/// escape. A page cannot retitle a terminal, clear it or hide text this way.
pub fn skip_escape(first: char, chars: &mut std::str::Chars<'_>) {
    let kind = if first == '\u{1B}' {
        match chars.clone().next() {
            Some(c @ ('[' | ']' | 'P' | '^' | '_' | 'X')) => {
                chars.next();
                c
            }
            Some(_) => {
                chars.next();
                return;
            }
            None => return,
        }
    } else {
        match first {
            '\u{9B}' => '[',
            '\u{9D}' => ']',
            _ => 'P',
        }
    };
    if kind == '[' {
        for c in chars.by_ref() {
            if ('\u{40}'..='\u{7E}').contains(&c) {
                return;
            }
        }
        return;
    }
    let mut after_esc = false;
    for c in chars.by_ref() {
        if c == '\u{07}' || c == '\u{9C}' || (after_esc && c == '\\') {
            return;
        }
        after_esc = c == '\u{1B}';
    }
}

/// `s` without escape sequences and control characters; newlines and tabs stay.
pub fn plain(s: &str) -> String {
    // Most text has nothing to drop; a byte scan tells so at a third of the cost of decoding it.
    if !has_control(s.as_bytes()) {
        return s.to_owned();
    }
    strip(s)
}

/// `s` with every control character but newline and tab written out as `\u{1b}`, for messages
/// that quote a value: the reader sees what is wrong with it instead of a value that looks right,
/// and a terminal is sent no escape sequence.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !has_control(s.as_bytes()) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether UTF-8 text `b` holds a control character other than newline and tab: a byte below 0x20,
/// DEL, or a C1 control (encoded 0xC2 0x80–0x9F). Escape sequences begin with one of these.
fn has_control(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &c)| {
        (c < 0x20 && c != b'\n' && c != b'\t')
            || c == 0x7F
            || (c == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
    })
}

/// [`plain`] character by character.
fn strip(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if starts_escape(c) {
            skip_escape(c, &mut chars);
        } else if !c.is_control() || c == '\n' || c == '\t' {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{plain, strip};
    use proptest::prelude::*;

    proptest! {
        /// The byte scan never lets through what decoding would drop.
        #[test]
        fn the_quick_path_agrees_with_decoding(s in "(\\PC|[\\x00-\\x1F\\x7F\\u{80}-\\u{A0}\\u{1B}]|\\u{1B}\\[|\\u{1B}\\]){0,24}") {
            prop_assert_eq!(plain(&s), strip(&s));
        }

        /// One control character anywhere in ordinary text is found.
        #[test]
        fn a_single_control_character_is_dropped(s in "\\PC{0,8}[\\x00-\\x08\\x0B-\\x1F\\x7F\\u{80}-\\u{9F}]\\PC{0,8}") {
            prop_assert_eq!(plain(&s), strip(&s));
            prop_assert!(plain(&s).len() < s.len());
        }
    }

    #[test]
    fn text_without_controls_is_kept_whole() {
        let s = "Café « naïve » 12\u{A0}% © ½ — ok\n\tend";
        assert_eq!(plain(s), s);
    }

    #[test]
    fn escape_sequences_go_with_their_payload() {
        assert_eq!(plain("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(plain("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(plain("x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\y"), "xlinky");
        assert_eq!(plain("c\u{9b}2Jd \u{9d}0;t\u{9c}e"), "cd e");
        assert_eq!(plain("tab\tline\nbell\u{7} \u{1}=SUM"), "tab\tline\nbell =SUM");
    }

    #[test]
    fn visible_spells_out_control_characters() {
        use super::visible;
        assert_eq!(visible("active"), "active");
        assert_eq!(visible("\u{1b}[31mactive"), "\\u{1b}[31mactive");
        assert_eq!(visible("a\u{9b}b\u{7f}\tc\nd"), "a\\u{9b}b\\u{7f}\tc\nd");
    }
}
