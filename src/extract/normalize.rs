//! Text normalisation shared by the HTML and PDF extractors: what counts as "the same text".
//!
//! Applied line by line: Unicode NFC; non-breaking and other odd spaces become a plain space;
//! zero-width characters, soft hyphens, bidirectional embedding controls and terminal control
//! characters (ESC, C0 and C1 controls) are dropped; curly quotes are unified to `'` and `"` (a
//! publisher switching quote style is not a change of policy); runs of spaces become one space;
//! lines are trimmed and empty lines dropped. [`normalize`] is idempotent.

use icu_normalizer::ComposingNormalizerBorrowed;

/// Unicode NFC with ICU4X's compiled data: it finds the already-composed prefix of a line without
/// decomposing it, so only the rest (usually nothing) is normalised.
const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();

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
///
/// One pass over the bytes: runs of printable ASCII words with single spaces, most of any policy
/// text, are copied whole; other characters are classified one by one.
pub fn normalize_line_into(s: &str, out: &mut String) -> bool {
    let start = out.len();
    let bytes = s.as_bytes();
    let mut pending_space = false;
    let mut maybe_decomposed = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b > b' ' && b < 0x7F {
            let run = i + words_prefix(&bytes[i..]);
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(&s[i..run]);
            i = run;
            continue;
        }
        if b < 0x80 && b != 0x1B {
            // ASCII whitespace and control characters: a space, or nothing.
            pending_space |= matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C);
            i += 1;
            continue;
        }
        // `i` is at a character boundary: runs and characters are consumed whole.
        let Some(c) = s[i..].chars().next() else { break };
        i += c.len_utf8();
        if crate::terminal::starts_escape(c) {
            // An escape sequence goes with its payload.
            let mut rest = s[i..].chars();
            crate::terminal::skip_escape(c, &mut rest);
            i = s.len() - rest.as_str().len();
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
    if maybe_decomposed {
        let composed = start + NFC.split_normalized(&out[start..]).0.len();
        if composed < out.len() {
            let rest = out.split_off(composed);
            // Writing to a String cannot fail.
            let _ = NFC.normalize_to(&rest, out);
        }
    }
    out.len() > start
}

/// The length of the run of printable ASCII (`!` to `~`) words separated by single spaces that
/// `bytes` starts with: a space belongs to the run when a printable byte follows it. Such a run is
/// copied in one piece. Eight bytes at a time.
fn words_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = ONES * 0x7F;
    const HIGH: u64 = ONES * 0x80;
    // The high bit of each zero byte of `v`; the low seven bits are added without carries between
    // bytes, so every byte is judged alone.
    let zero = |v: u64| !(((v & LOW7) + LOW7) | v) & HIGH;
    let printable = |b: u8| b > b' ' && b < 0x7F;
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else { break };
        let x = u64::from_le_bytes(word);
        let low = x & LOW7;
        // Bytes below a space, DEL and bytes of 0x80 and above.
        let unprintable = (!(low + ONES * 0x60) & !x | (low + ONES) | x) & HIGH;
        let spaces = zero(x ^ (ONES * 0x20));
        // A space followed, within the chunk, by a space or an unprintable byte ends the run.
        let ends = unprintable | (spaces & ((spaces | unprintable) >> 8));
        if ends != 0 {
            return n + (ends.trailing_zeros() / 8) as usize;
        }
        n += 8;
        if chunk[7] == b' ' && !bytes.get(n).is_some_and(|&b| printable(b)) {
            return n - 1;
        }
    }
    loop {
        match bytes.get(n) {
            Some(&b) if printable(b) => n += 1,
            Some(b' ') if bytes.get(n + 1).is_some_and(|&b| printable(b)) => n += 1,
            _ => return n,
        }
    }
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
        assert_eq!(normalize(s), "We share data \"only\" within the EU's borders\nred");
    }

    #[test]
    fn terminal_sequences_go_with_their_payload() {
        let s = "a\u{1B}]0;new title\u{7}b \u{1B}[2Jc \u{9B}1;31md \u{1B}]8;;https://x.test\u{1B}\\e";
        assert_eq!(normalize(s), "ab c d e");
        assert_eq!(normalize(&normalize(s)), normalize(s));
    }

    /// The run as a byte-by-byte reading sees it.
    fn words_reference(bytes: &[u8]) -> usize {
        let printable = |b: u8| b > b' ' && b < 0x7F;
        let mut n = 0;
        while n < bytes.len()
            && (printable(bytes[n]) || bytes[n] == b' ' && bytes.get(n + 1).is_some_and(|&b| printable(b)))
        {
            n += 1;
        }
        n
    }

    #[test]
    fn runs_of_words_end_where_a_byte_by_byte_reading_ends_them() {
        for text in [
            "",
            "a",
            "abcdefgh",
            "abcdefg ",
            "abcdefg h",
            "abc  def",
            "a b c d e f g h i",
            "abc def\tx",
            "abcdefg\u{7F}x",
            "abcdefghij\u{e9}",
            "0123456 ~!\tz",
        ] {
            assert_eq!(
                super::words_prefix(text.as_bytes()),
                words_reference(text.as_bytes()),
                "{text:?}"
            );
        }
        for b in 0..=255u8 {
            for at in [3, 7, 8, 11] {
                let mut bytes = *b"abc defghij klmnop";
                bytes[at] = b;
                assert_eq!(
                    super::words_prefix(&bytes),
                    words_reference(&bytes),
                    "byte {b:#x} at {at}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_of_words_agree_with_the_reference(bytes in proptest::collection::vec(proptest::sample::select(vec![b'a', b'~', b'!', b' ', b'\t', b'\n', 0x1F, 0x7F, 0x80, 0xC3, 0xFF]), 0..40)) {
            proptest::prop_assert_eq!(super::words_prefix(&bytes), words_reference(&bytes));
        }
    }

    #[test]
    fn composes_to_nfc() {
        assert_eq!(normalize("cafe\u{301} gea\u{308}ndert"), "caf\u{E9} ge\u{E4}ndert");
    }

    #[test]
    fn only_the_uncomposed_rest_of_a_line_changes() {
        // Composed text before the first decomposed character is kept as it is; what follows is
        // composed, Hangul jamo included.
        assert_eq!(
            normalize("d\u{E9}j\u{E0} vu, A\u{308}nderung \u{1100}\u{1161} \u{E9}t\u{E9}"),
            "d\u{E9}j\u{E0} vu, \u{C4}nderung \u{AC00} \u{E9}t\u{E9}"
        );
        // Already composed text that is not Latin passes unchanged.
        assert_eq!(
            normalize("\u{928}\u{93F}\u{91C}\u{924}\u{93E}"),
            "\u{928}\u{93F}\u{91C}\u{924}\u{93E}"
        );
    }

    #[test]
    fn zero_width_between_base_and_mark_still_composes() {
        let once = normalize("e\u{200B}\u{301}");
        assert_eq!(once, "\u{E9}");
        assert_eq!(normalize(&once), once);
    }
}
