//! A guard against pages that would make parsing slow. html5ever, like the HTML standard it
//! follows, looks back through all open elements at each block-level start tag, so a page with tens
//! of thousands of nested, unclosed `<div>`s takes minutes to parse (100,000 take over three minutes).
//! Before parsing, the start and end tags of such block elements are counted in one fast pass; a page
//! with more than [`MAX_OPEN_BLOCKS`] left open is refused. Real pages stay in the tens.

/// Block elements left open (start tags minus end tags) above which a page is refused.
pub const MAX_OPEN_BLOCKS: usize = 5_000;

/// Block elements whose start tag makes the parser look back through the open elements and which
/// stay open until closed (unlike `p` or `li`, which close their predecessor).
const BLOCKS: &[&[u8]] = &[
    b"div",
    b"section",
    b"article",
    b"aside",
    b"blockquote",
    b"ul",
    b"ol",
    b"dl",
    b"nav",
    b"header",
    b"footer",
    b"main",
    b"figure",
    b"form",
    b"fieldset",
    b"details",
    b"center",
    b"address",
    b"menu",
    b"dir",
    b"hgroup",
    b"search",
    b"summary",
    b"figcaption",
];

/// The number of listed block elements opened and not closed in `html`, counted from tags alone.
pub fn open_blocks(html: &[u8]) -> usize {
    let (mut opened, mut closed) = (0usize, 0usize);
    let mut i = 0;
    while let Some(pos) = memchr(b'<', &html[i..]) {
        let at = i + pos + 1;
        i = at;
        let (closing, name_at) = match html.get(at) {
            Some(b'/') => (true, at + 1),
            _ => (false, at),
        };
        let rest = &html[name_at.min(html.len())..];
        let is_block = BLOCKS.iter().any(|b| {
            rest.len() > b.len()
                && rest[..b.len()].eq_ignore_ascii_case(b)
                && matches!(rest[b.len()], b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/' | 0x0C)
        });
        if is_block {
            if closing {
                closed += 1;
            } else {
                opened += 1;
            }
        }
    }
    opened.saturating_sub(closed)
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests {
    use super::open_blocks;

    #[test]
    fn counts_unclosed_blocks_only() {
        assert_eq!(open_blocks(b"<div><DIV class=x><p><li></div>"), 1);
        assert_eq!(open_blocks(b"<div><section>x</section></div><divider><br>"), 0);
        assert_eq!(open_blocks(&b"<div>".repeat(7)), 7);
    }
}
