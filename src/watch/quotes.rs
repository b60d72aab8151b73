//! Quote matching: whether the sentence a claim quotes is still in the extracted text of its
//! source, and when it is not, the passage of the text nearest to it.
//!
//! Both sides are compared as sequences of words: Unicode NFC and the other rules of
//! [`crate::extract::normalize`] (soft hyphens and zero-width characters dropped, odd spaces
//! unified), then lowercase, then split at everything that is not a letter or a digit. So case,
//! white space, line breaks, typographic quotes, apostrophes and dashes, and punctuation never
//! decide whether a quote is found; the words and their order do. A quote may leave text out with
//! an ellipsis (`…` or `...`): its parts must then appear in order.

use std::collections::HashSet;

use crate::extract::normalize;

/// The longest passage kept as the nearest one, in characters.
const NEAREST_MAX: usize = 400;

/// The words of a text, normalised for comparing quotes.
pub fn words(text: &str) -> Vec<String> {
    let normal = normalize(text).to_lowercase();
    normal
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The parts of a quote between its ellipses, as words; empty parts left out.
fn parts(quote: &str) -> Vec<Vec<String>> {
    quote
        .replace("...", "\u{2026}")
        .split('\u{2026}')
        .map(words)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A source text prepared for looking up many quotes.
pub struct Haystack<'a> {
    text: &'a str,
    words: Vec<String>,
    /// The sentences of the text with their sets of words, made when a quote is first missed.
    sentences: std::cell::OnceCell<Vec<(&'a str, HashSet<String>)>>,
}

impl<'a> Haystack<'a> {
    /// Prepares `text` (an extracted text, one block per line).
    pub fn new(text: &'a str) -> Self {
        Haystack {
            text,
            words: words(text),
            sentences: std::cell::OnceCell::new(),
        }
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
            match find(&self.words[from.min(self.words.len())..], part) {
                Some(at) => from += at + part.len(),
                None => return false,
            }
        }
        true
    }

    /// The passage of the text nearest to the quote: the run of up to as many sentences as the
    /// quote has (at most 3) whose words overlap most with the quote's (Dice coefficient on the
    /// sets of words). `None` when no sentence shares a word with it.
    pub fn nearest(&self, quote: &str) -> Option<String> {
        let wanted: HashSet<String> = words(quote).into_iter().collect();
        if wanted.is_empty() {
            return None;
        }
        let span = sentences(quote).len().clamp(1, 3);
        let all = self.sentences.get_or_init(|| {
            self.text
                .lines()
                .flat_map(sentences)
                .map(|s| (s, words(s).into_iter().collect()))
                .collect()
        });
        let mut best: Option<(f64, usize, usize)> = None;
        for start in 0..all.len() {
            let mut have: HashSet<&str> = HashSet::new();
            for (len, (_, set)) in all[start..].iter().take(span).enumerate() {
                have.extend(set.iter().map(String::as_str));
                let common = wanted.iter().filter(|w| have.contains(w.as_str())).count();
                if common == 0 {
                    continue;
                }
                let score = 2.0 * common as f64 / (wanted.len() + have.len()) as f64;
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, start, len + 1));
                }
            }
        }
        best.map(|(_, start, len)| {
            let passage: Vec<&str> = all[start..start + len].iter().map(|(s, _)| *s).collect();
            shorten(&passage.join(" "))
        })
    }
}

/// Where `needle` starts in `hay`, as consecutive words.
fn find(hay: &[String], needle: &[String]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i] == needle[0] && hay[i..i + needle.len()] == *needle)
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
        let h = Haystack::new(TEXT);
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
