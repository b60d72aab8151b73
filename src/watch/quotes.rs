//! Quote matching: whether the sentence a claim quotes is still in the extracted text of its
//! source, and when it is not, the passage of the text nearest to it.
//!
//! Both sides are compared as sequences of words. The quote is normalised as every extracted text
//! is ([`crate::extract::normalize`]: Unicode NFC, soft hyphens and zero-width characters dropped,
//! odd spaces and typographic quotes unified); the text already was, by the extractor. Then both
//! are lowercased and split at everything that is not a letter or a digit, so case, white space,
//! line breaks, typographic quotes, apostrophes and dashes, and punctuation never decide whether a
//! quote is found; the words and their order do. A quote may leave text out with an ellipsis (`…`
//! or `...`): its parts must then appear in order. Words are compared by hash, and a text is read
//! once for all the quotes that cite it ([`Haystack`]).

use crate::extract::normalize;

/// The longest passage kept as the nearest one, in characters.
const NEAREST_MAX: usize = 400;

/// A word as compared: the 64-bit FNV-1a hash of its lowercase UTF-8 bytes. Comparing hashes
/// instead of strings keeps a text's words in one small vector; two different words of the same
/// text sharing a hash is a chance of about one in 10^10 even for a book-sized text.
type Word = u64;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Adds a character, lowercased, to the hash of a word.
fn hash_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    if c.is_ascii() {
        return (h ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(FNV_PRIME);
    }
    for l in c.to_lowercase() {
        for b in l.encode_utf8(&mut buf).bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// The words of an already normalised text: runs of letters and digits, lowercased.
fn words_of(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut word: Option<u64> = None;
    for c in text.chars() {
        if c.is_alphanumeric() {
            word = Some(hash_char(word.unwrap_or(FNV_OFFSET), c));
        } else if let Some(w) = word.take() {
            out.push(w);
        }
    }
    out.extend(word);
    out
}

/// The words of a quote, normalised for comparing: see the module doc.
fn words(quote: &str) -> Vec<Word> {
    words_of(&normalize(quote))
}

/// The parts of a quote between its ellipses, as words; empty parts left out.
fn parts(quote: &str) -> Vec<Vec<Word>> {
    quote
        .replace("...", "\u{2026}")
        .split('\u{2026}')
        .map(words)
        .filter(|w| !w.is_empty())
        .collect()
}

/// One sentence of a text: its bytes in the text and its words in the text's words.
struct Sentence {
    bytes: (usize, usize),
    words: (usize, usize),
}

/// A source text prepared for looking up many quotes, in one pass over it. The text is an
/// extracted text, already normalised by the extractor.
pub struct Haystack<'a> {
    text: &'a str,
    words: Vec<Word>,
    /// Sentences end after `.`, `!` or `?` followed by a space, and at the end of a line.
    sentences: Vec<Sentence>,
}

impl<'a> Haystack<'a> {
    /// Prepares `text` (an extracted text, one block per line).
    pub fn new(text: &'a str) -> Self {
        let mut words = Vec::with_capacity(text.len() / 6);
        let mut sentences = Vec::new();
        let mut word: Option<u64> = None;
        let (mut start, mut first) = (0, 0);
        let bytes = text.as_bytes();
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                word = Some(hash_char(word.unwrap_or(FNV_OFFSET), c));
                continue;
            }
            if let Some(w) = word.take() {
                words.push(w);
            }
            let ends = c == '\n' || (matches!(c, '.' | '!' | '?') && bytes.get(i + 1) == Some(&b' '));
            if ends {
                let end = if c == '\n' { i } else { i + 1 };
                if words.len() > first {
                    sentences.push(Sentence {
                        bytes: (start, end),
                        words: (first, words.len()),
                    });
                }
                (start, first) = (i + c.len_utf8(), words.len());
            }
        }
        words.extend(word);
        if words.len() > first {
            sentences.push(Sentence {
                bytes: (start, text.len()),
                words: (first, words.len()),
            });
        }
        Haystack { text, words, sentences }
    }

    /// Where `needle` starts as consecutive words, looking from word `from` on.
    fn find(&self, from: usize, needle: &[Word]) -> Option<usize> {
        let hay = self.words.get(from..)?;
        hay.windows(needle.len().max(1))
            .position(|w| w == needle)
            .map(|at| from + at)
    }

    /// Whether the quote is in the text: its parts in order, each as consecutive words. A quote
    /// without a single word is never found.
    pub fn contains(&self, quote: &str) -> bool {
        let parts = parts(quote);
        if parts.is_empty() {
            return false;
        }
        let mut from = 0;
        for part in &parts {
            match self.find(from, part) {
                Some(at) => from = at + part.len(),
                None => return false,
            }
        }
        true
    }

    /// The passage of the text nearest to the quote: the run of up to as many sentences as the
    /// quote has (at most 3) whose words overlap most with the quote's: the Dice coefficient of
    /// the quote's distinct words (the first 128) and the run's words. `None` when no sentence
    /// shares a word with it.
    pub fn nearest(&self, quote: &str) -> Option<String> {
        let mut wanted: Vec<Word> = Vec::new();
        for w in words(quote) {
            if wanted.len() < 128 && !wanted.contains(&w) {
                wanted.push(w);
            }
        }
        if wanted.is_empty() {
            return None;
        }
        wanted.sort_unstable();
        let span = sentences(quote).len().clamp(1, 3);
        // Per sentence: which of the quote's words it has, and how many words it has.
        let masks: Vec<(u128, usize)> = self
            .sentences
            .iter()
            .map(|s| {
                let ws = &self.words[s.words.0..s.words.1];
                let mask = ws
                    .iter()
                    .filter_map(|w| wanted.binary_search(w).ok())
                    .fold(0u128, |m, bit| m | (1u128 << bit));
                (mask, ws.len())
            })
            .collect();
        let mut best: Option<(f64, usize, usize)> = None;
        for start in 0..masks.len() {
            let (mut mask, mut size) = (0u128, 0usize);
            for (len, (m, n)) in masks[start..].iter().take(span).enumerate() {
                mask |= m;
                size += n;
                let common = mask.count_ones() as usize;
                if common == 0 {
                    continue;
                }
                let score = 2.0 * common as f64 / (wanted.len() + size) as f64;
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, start, len + 1));
                }
            }
        }
        best.map(|(_, start, len)| {
            let passage: Vec<&str> = self.sentences[start..start + len]
                .iter()
                .map(|s| self.text[s.bytes.0..s.bytes.1].trim())
                .collect();
            shorten(&passage.join(" "))
        })
    }
}

/// The sentences of one line: split after `.`, `!` or `?` followed by a space.
fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = line.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1) == Some(&b' ') {
            out.push(line[start..=i].trim());
            start = i + 1;
        }
    }
    out.push(line[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// A passage cut to [`NEAREST_MAX`] characters, with an ellipsis when cut.
fn shorten(p: &str) -> String {
    if p.chars().count() <= NEAREST_MAX {
        return p.to_owned();
    }
    let cut: String = p.chars().take(NEAREST_MAX).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Privacy statement\nWe don\u{2019}t sell personal\u{ad}data \u{2014} ever.\nRecordings are kept in the EU. They are deleted after 30 days.";

    #[test]
    fn a_quote_is_found_whatever_its_case_spacing_quotes_dashes_and_punctuation() {
        let text = normalize(TEXT);
        let h = Haystack::new(&text);
        assert!(h.contains("we don't sell personaldata - ever"));
        assert!(h.contains("WE  DON\u{2018}T SELL\npersonaldata, ever!"));
        assert!(h.contains("kept in the EU; they are deleted"));
        assert!(h.contains("We don't sell … deleted after 30 days"));
        assert!(!h.contains("We do sell personal data"));
        assert!(!h.contains("deleted after 30 days … We don't sell"));
        assert!(!h.contains("..."));
    }

    #[test]
    fn a_composed_and_a_decomposed_accent_are_the_same_letter() {
        let h = Haystack::new("Les donn\u{e9}es restent en Europe.");
        assert!(h.contains("les donne\u{301}es restent en europe"));
    }

    #[test]
    fn the_nearest_passage_is_the_sentence_sharing_most_words() {
        let h = Haystack::new(
            "Intro.\nRecordings are kept in the United States. They are deleted after 90 days.\nOther text.",
        );
        assert_eq!(
            h.nearest("Recordings are kept in the EU.").as_deref(),
            Some("Recordings are kept in the United States.")
        );
        assert_eq!(h.nearest("zzz"), None);
    }
}
