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

use std::cell::OnceCell;
use std::hash::Hasher;

use crate::extract::normalize;

/// The longest passage kept as the nearest one, in characters.
const NEAREST_MAX: usize = 400;

/// A word as compared: a 64-bit hash (FxHash) of its lowercase UTF-8 bytes. Comparing hashes
/// instead of strings keeps a text's words in one small vector; two different words of the same
/// text sharing a hash is a chance of about one in 10^10 even for a book-sized text.
type Word = u64;

fn hash(lowercase: &[u8]) -> Word {
    let mut h = rustc_hash::FxHasher::default();
    h.write(lowercase);
    h.finish()
}

/// What a character beyond ASCII is to the words of a text.
#[derive(Clone, Copy)]
enum Fold {
    /// Not a letter or a digit: it ends a word.
    Separator,
    /// A letter or digit, with its lowercase form.
    Lower(char),
    /// A letter whose lowercase form is more than one character.
    Long,
}

/// What `c` is to the words of a text, from the Unicode tables.
fn fold(c: char) -> Fold {
    if !c.is_alphanumeric() {
        return Fold::Separator;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.len()) {
        (Some(l), 0) => Fold::Lower(l),
        _ => Fold::Long,
    }
}

/// The last [`fold`] of the characters beyond ASCII, by the character's low eight bits.
// Watch budget (a first run's quote checks under 10 %): the Unicode tables cost about 40 ns a
// character; a text beyond ASCII repeats a few dozen letters, so this saves nearly all lookups.
struct FoldMemo([(char, Fold); 256]);

impl FoldMemo {
    fn new() -> Self {
        FoldMemo([('\0', Fold::Separator); 256])
    }

    fn get(&mut self, c: char) -> Fold {
        let slot = &mut self.0[c as usize % 256];
        if slot.0 != c {
            *slot = (c, fold(c));
        }
        slot.1
    }
}

/// The length of the run of ASCII letters and digits that `bytes` starts with.
fn ascii_word_run(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count()
}

/// Reads the words of a normalised text whose ASCII letters are lowercased already: runs of
/// letters and digits, lowercased and hashed, from a byte offset on.
// A word of ASCII, nearly every word of most texts, is hashed as a slice of the text; only a word
// with letters beyond ASCII is lowercased into a buffer.
struct Reader<'t> {
    lower: &'t str,
    at: usize,
    /// Made at the first character beyond ASCII.
    memo: Option<Box<FoldMemo>>,
    /// The current word lowercased, once it has a letter beyond ASCII.
    wide: String,
}

impl<'t> Reader<'t> {
    fn new(lower: &'t str, at: usize) -> Self {
        Reader {
            lower,
            at,
            memo: None,
            wide: String::new(),
        }
    }

    /// The character beyond ASCII at the reading position, and what it is to words.
    fn wide_char(&mut self) -> Option<(char, Fold)> {
        // `at` is always at a character boundary: ASCII bytes and whole characters are consumed.
        let c = self.lower.get(self.at..)?.chars().next()?;
        let memo = self.memo.get_or_insert_with(|| Box::new(FoldMemo::new()));
        Some((c, memo.get(c)))
    }
}

impl Iterator for Reader<'_> {
    /// A word, and where it starts and ends in the text.
    type Item = (Word, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.lower.as_bytes();
        // What is not a word is passed over.
        loop {
            let b = *bytes.get(self.at)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                self.at += 1;
                continue;
            }
            let (c, fold) = self.wide_char()?;
            if !matches!(fold, Fold::Separator) {
                break;
            }
            self.at += c.len_utf8();
        }
        let start = self.at;
        self.wide.clear();
        loop {
            let run = ascii_word_run(bytes.get(self.at..).unwrap_or_default());
            if run > 0 && !self.wide.is_empty() {
                self.wide.push_str(&self.lower[self.at..self.at + run]);
            }
            self.at += run;
            // After a run of ASCII letters: the end of the text, an ASCII character that is not
            // a letter, or a character beyond ASCII.
            match bytes.get(self.at) {
                Some(b) if !b.is_ascii() => {}
                _ => break,
            }
            let Some((c, fold)) = self.wide_char() else {
                break;
            };
            if matches!(fold, Fold::Separator) {
                break;
            }
            if self.wide.is_empty() {
                self.wide.push_str(&self.lower[start..self.at]);
            }
            match fold {
                Fold::Lower(l) => self.wide.push(l),
                _ => self.wide.extend(c.to_lowercase()),
            }
            self.at += c.len_utf8();
        }
        let word = if self.wide.is_empty() {
            hash(&bytes[start..self.at])
        } else {
            hash(self.wide.as_bytes())
        };
        Some((word, start, self.at))
    }
}

/// The words of an already normalised text.
fn words_of(text: &str) -> Vec<Word> {
    Reader::new(&text.to_ascii_lowercase(), 0).map(|(w, _, _)| w).collect()
}

/// The words of a quote, normalised for comparing: see the module doc.
fn words(quote: &str) -> Vec<Word> {
    words_of(&normalize(quote))
}

/// The parts of a quote between its ellipses, normalised; parts without a word left out.
fn parts(quote: &str) -> Vec<String> {
    normalize(&quote.replace("...", "\u{2026}"))
        .split('\u{2026}')
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .map(str::to_owned)
        .collect()
}

/// Whether a word (its ASCII letters lowercased) is written so in a text whatever its case there:
/// ASCII, or letters without case (Devanagari, Chinese, Arabic and the like).
fn caseless(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_ascii() || (c.to_lowercase().eq([c]) && c.to_uppercase().eq([c])))
}

/// The words of each part of a quote, with each word as written (ASCII letters lowercased).
type PartWords = Vec<Vec<(Word, String)>>;

fn part_words(quote: &str) -> PartWords {
    parts(quote)
        .iter()
        .map(|p| {
            let lower = p.to_ascii_lowercase();
            Reader::new(&lower, 0)
                .map(|(w, from, to)| (w, lower[from..to].to_owned()))
                .collect()
        })
        .collect()
}

/// One sentence of a text: its bytes in the text and its words in the text's words.
struct Sentence {
    bytes: (usize, usize),
    words: (usize, usize),
}

/// The words of a text and where its sentences are.
struct Words {
    words: Vec<Word>,
    /// Sentences end after `.`, `!` or `?` followed by a space, and at the end of a line.
    sentences: Vec<Sentence>,
}

impl Words {
    /// Reads a normalised text whose ASCII letters are lowercased.
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut words = Vec::with_capacity(text.len() / 6);
        let mut sentences = Vec::new();
        // The sentence being read: where it starts in bytes and in words.
        let (mut start, mut first) = (0, 0);
        let mut close = |end: usize, next: usize, words: &[Word]| {
            if words.len() > first {
                sentences.push(Sentence {
                    bytes: (start, end),
                    words: (first, words.len()),
                });
            }
            (start, first) = (next, words.len());
        };
        let mut gap_start = 0;
        for (word, from, to) in Reader::new(text, 0) {
            // The sentence ends in the gap before this word (most often a single space): at its
            // first end mark; the next one begins after its last.
            let gap = bytes.get(gap_start..from).unwrap_or_default();
            if gap.iter().any(|b| matches!(b, b'\n' | b'.' | b'!' | b'?')) {
                let ends = gap.iter().enumerate().filter_map(|(i, b)| {
                    let i = gap_start + i;
                    match b {
                        b'\n' => Some((i, i + 1)),
                        b'.' | b'!' | b'?' if bytes.get(i + 1) == Some(&b' ') => Some((i + 1, i + 1)),
                        _ => None,
                    }
                });
                let (mut first_end, mut last_next) = (None, None);
                for (end, next) in ends {
                    first_end.get_or_insert(end);
                    last_next = Some(next);
                }
                if let (Some(end), Some(next)) = (first_end, last_next) {
                    close(end, next, &words);
                }
            }
            words.push(word);
            gap_start = to;
        }
        close(text.len(), text.len(), &words);
        Words { words, sentences }
    }

    /// Where `needle` starts as consecutive words, looking from word `from` on.
    fn find(&self, from: usize, needle: &[Word]) -> Option<usize> {
        let (first, rest) = needle.split_first()?;
        let hay = self.words.get(from..)?;
        hay.iter()
            .enumerate()
            .filter(|(_, w)| *w == first)
            .find(|(at, _)| hay.get(at + 1..at + 1 + rest.len()) == Some(rest))
            .map(|(at, _)| from + at)
    }
}

/// A source text prepared for looking up many quotes. The text is an extracted text, already
/// normalised by the extractor.
pub struct Haystack<'a> {
    text: &'a str,
    /// The text with its ASCII letters lowercased (same bytes otherwise).
    lower: String,
    /// All its words, read the first time they are needed.
    words: OnceCell<Words>,
}

impl<'a> Haystack<'a> {
    /// Prepares `text` (an extracted text, one block per line).
    pub fn new(text: &'a str) -> Self {
        Haystack {
            text,
            lower: text.to_ascii_lowercase(),
            words: OnceCell::new(),
        }
    }

    fn words(&self) -> &Words {
        self.words.get_or_init(|| Words::new(&self.lower))
    }

    /// Whether the quote is in the text: its parts in order, each as consecutive words. A quote
    /// without a single word is never found.
    pub fn contains(&self, quote: &str) -> bool {
        if self.contains_as_written(quote) {
            return true;
        }
        let parts = part_words(quote);
        if parts.is_empty() {
            return false;
        }
        // A part is looked for where its first word is written, unless the text's words were
        // read already (for a quote not found before), or that word has letters whose case may
        // differ in the text beyond ASCII: then among all the text's words.
        let anchored = parts.iter().all(|p| p.first().is_some_and(|(_, w)| caseless(w)));
        if anchored && self.words.get().is_none() {
            self.contains_near_first_words(&parts)
        } else {
            self.contains_among_all_words(&parts)
        }
    }

    /// Whether the quote, without an ellipsis, is in the text as written but for the case of
    /// ASCII letters and the punctuation around it, starting and ending at a word's edge: then
    /// its words are there too.
    // Watch budget (a first run's quote checks under 10 %): most quotes are copied from the page;
    // one substring search finds them where a search by their first word ("we", "the") tries
    // every place that word is written.
    fn contains_as_written(&self, quote: &str) -> bool {
        let quote = normalize(quote);
        if quote.contains("...") || quote.contains('\u{2026}') {
            return false;
        }
        let needle = quote.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        if needle.is_empty() {
            return false;
        }
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        memchr::memmem::find_iter(self.lower.as_bytes(), needle.as_bytes()).any(|at| {
            let before = self.lower.get(..at).and_then(|t| t.chars().next_back());
            let after = self.lower.get(at + needle.len()..).and_then(|t| t.chars().next());
            !is_word(before) && !is_word(after)
        })
    }

    /// Whether the parts are in the text in order, each as consecutive words, found by reading
    /// the words after each place where the part's first word is written.
    // Watch budget (a first run's quote checks under 10 %): a substring search for the first word
    // and a few words read after each hit spare reading the whole text (about 20 ns a word).
    fn contains_near_first_words(&self, parts: &PartWords) -> bool {
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut from = 0;
        for part in parts {
            let Some((_, first)) = part.first() else {
                return false;
            };
            let hay = self.lower.as_bytes().get(from..).unwrap_or_default();
            let found = memchr::memmem::find_iter(hay, first.as_bytes())
                .map(|at| from + at)
                .filter(|&at| !is_word(self.lower.get(..at).and_then(|b| b.chars().next_back())))
                .find_map(|at| {
                    let mut read = Reader::new(&self.lower, at);
                    let mut end = at;
                    for (want, _) in part {
                        match read.next() {
                            Some((w, _, to)) if w == *want => end = to,
                            _ => return None,
                        }
                    }
                    Some(end)
                });
            match found {
                Some(end) => from = end,
                None => return false,
            }
        }
        true
    }

    /// Whether the parts are in the text in order, each as consecutive words, among all the
    /// text's words.
    fn contains_among_all_words(&self, parts: &PartWords) -> bool {
        let words = self.words();
        let mut from = 0;
        for part in parts {
            let needle: Vec<Word> = part.iter().map(|(w, _)| *w).collect();
            match words.find(from, &needle) {
                Some(at) => from = at + needle.len(),
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
        // Watch budget: a 256-bit filter of the quote's words lets most of a text's words skip
        // the binary search (about 3 % of a first run with many quotes gone).
        let mut filter = [0u64; 4];
        for w in &wanted {
            filter[(*w as usize >> 6) & 3] |= 1 << (w & 63);
        }
        let maybe = |w: &Word| filter[(*w as usize >> 6) & 3] & (1 << (w & 63)) != 0;
        let text = self.words();
        // Per sentence: which of the quote's words it has, and how many words it has.
        let masks: Vec<(u128, usize)> = text
            .sentences
            .iter()
            .map(|s| {
                let ws = &text.words[s.words.0..s.words.1];
                let mask = ws
                    .iter()
                    .filter(|w| maybe(w))
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
            let passage: Vec<&str> = text.sentences[start..start + len]
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
    fn a_quote_is_found_as_written_or_near_its_first_word_as_among_all_words_and_only_whole() {
        let text = normalize(TEXT);
        let h = Haystack::new(&text);
        let found = |q: &str| {
            let parts = part_words(q);
            let near = h.contains_near_first_words(&parts);
            assert_eq!(near, h.contains_among_all_words(&parts), "{q}");
            let written = h.contains_as_written(q);
            assert!(!written || near, "found as written, not as words: {q}");
            (written, near)
        };
        assert_eq!(found("\u{201c}Recordings are kept in the EU.\u{201d}"), (true, true));
        assert_eq!(found("RECORDINGS ARE KEPT"), (true, true));
        // With an ellipsis, across a line break, with other punctuation: as words only.
        assert_eq!(found("RECORDINGS ARE KEPT \u{2026} 30 days"), (false, true));
        assert_eq!(found("ever. Recordings are kept"), (false, true));
        assert_eq!(found("kept, in the EU"), (false, true));
        assert_eq!(found("personaldata ever recordings"), (false, true));
        // Part of a word is not a word.
        assert_eq!(found("ecordings are kept"), (false, false));
        assert_eq!(found("Recordings are kep"), (false, false));
        assert_eq!(found("deleted after 30 days … Recordings"), (false, false));
        assert_eq!(found("We don't sell … We don't sell"), (false, false));
    }

    #[test]
    fn every_run_of_words_of_a_text_is_found_both_ways() {
        let text = normalize(
            "Zoom Video Communications, Inc. (\u{201c}Zoom\u{201d}) processes data.\nWe keep \
             recordings for 30 days; the host may delete them sooner. Caf\u{e9} \u{e9}t\u{e9}!\n\
             Zoom does not sell data. Zoom does not use audio, video or chat to train AI models.\n\
             \u{939}\u{92e} \u{921}\u{947}\u{91f}\u{93e} \u{928}\u{939}\u{940}\u{902} \u{92c}\u{947}\u{91a}\u{924}\u{947}\u{964} \
             \u{3a4}\u{3b1} \u{394}\u{395}\u{394}\u{39f}\u{39c}\u{395}\u{39d}\u{391} \u{3c3}\u{3b1}\u{3c2}.",
        );
        let h = Haystack::new(&text);
        let lower = text.to_ascii_lowercase();
        let spans: Vec<(usize, usize)> = Reader::new(&lower, 0).map(|(_, a, b)| (a, b)).collect();
        for i in 0..spans.len() {
            for len in 1..=6.min(spans.len() - i) {
                let quote = &text[spans[i].0..spans[i + len - 1].1];
                let parts = part_words(quote);
                assert!(h.contains_among_all_words(&parts), "{quote}");
                assert!(h.contains_as_written(quote), "{quote}");
                if parts.iter().all(|p| caseless(&p[0].1)) {
                    assert!(h.contains_near_first_words(&parts), "{quote}");
                }
                // One letter more: a word the text does not have, unless the text has it too.
                let longer = format!("{quote}x");
                let parts = part_words(&longer);
                assert_eq!(
                    h.contains_near_first_words(&parts),
                    h.contains_among_all_words(&parts),
                    "{longer}"
                );
            }
        }
    }

    #[test]
    fn a_word_is_caseless_when_its_letters_have_no_case_beyond_ascii() {
        assert!(caseless("privacy"));
        assert!(caseless("\u{939}\u{92e}"));
        assert!(caseless("\u{6570}\u{636e}"));
        assert!(!caseless("donn\u{e9}es"));
        assert!(!caseless("\u{3c3}\u{3b1}\u{3c2}"));
    }

    #[test]
    fn sentences_end_at_a_line_end_and_after_a_stop_before_a_space() {
        let text = "a b. c d!\n\ne f? g.h i\n. j";
        let words = Words::new(text);
        let got: Vec<&str> = words.sentences.iter().map(|s| &text[s.bytes.0..s.bytes.1]).collect();
        assert_eq!(got, ["a b.", " c d!", "e f?", " g.h i", " j"]);
    }

    #[test]
    fn letters_beyond_ascii_compare_without_case() {
        // U+00E9 and U+01E9 share their low eight bits; U+0130 lowercases to two characters.
        let h = Haystack::new("Caf\u{e9} \u{1e9}a caf\u{e9}. \u{3a3}\u{39f}\u{3a6}\u{399}\u{391} \u{130}stanbul");
        assert!(h.contains("CAF\u{c9} \u{1e8}A CAF\u{c9}"));
        assert!(h.contains("\u{3c3}\u{3bf}\u{3c6}\u{3b9}\u{3b1} \u{130}STANBUL"));
        assert!(!h.contains("cafe"));
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
