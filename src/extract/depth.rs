//! A guard against pages that would make parsing slow. html5ever, like the HTML standard it
//! follows, looks back through all open elements at each block-level start tag, so a page with tens
//! of thousands of nested, unclosed `<div>`s takes minutes to parse (100,000 take over three minutes).
//! Before parsing, the start and end tags of such block elements are counted in one fast pass; a page
//! with more than [`MAX_OPEN_BLOCKS`] left open is refused. Real pages stay in the tens.

/// Block elements left open (start tags minus end tags) above which a page is refused.
pub const MAX_OPEN_BLOCKS: usize = 5_000;

/// Whether a lower-case tag name is a block element whose start tag makes the parser look back
/// through the open elements and which stays open until closed (unlike `p` or `li`, which close
/// their predecessor).
fn is_block(name: &[u8]) -> bool {
    matches!(
        name,
        b"div"
            | b"section"
            | b"article"
            | b"aside"
            | b"blockquote"
            | b"ul"
            | b"ol"
            | b"dl"
            | b"nav"
            | b"header"
            | b"footer"
            | b"main"
            | b"figure"
            | b"form"
            | b"fieldset"
            | b"details"
            | b"center"
            | b"address"
            | b"menu"
            | b"dir"
            | b"hgroup"
            | b"search"
            | b"summary"
            | b"figcaption"
    )
}

/// The number of such block elements opened and not closed in `html`, counted from tags alone.
pub fn open_blocks(html: &[u8]) -> usize {
    let (mut opened, mut closed) = (0usize, 0usize);
    // One byte more than the longest listed name (`blockquote`, `figcaption`: 10), so that a name
    // filling the buffer is known to be longer than any of them.
    let mut name = [0u8; 11];
    for lt in memchr::memchr_iter(b'<', html) {
        let mut at = lt + 1;
        let closing = html.get(at) == Some(&b'/');
        if closing {
            at += 1;
        }
        let mut n = 0;
        while let Some(&b) = html.get(at + n) {
            if !b.is_ascii_alphabetic() || n == name.len() {
                break;
            }
            name[n] = b.to_ascii_lowercase();
            n += 1;
        }
        // A name longer than any listed one, or cut short by something other than the tag's end.
        let ends = matches!(
            html.get(at + n),
            Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/' | 0x0C)
        );
        if n == 0 || n == name.len() || !ends || !is_block(&name[..n]) {
            continue;
        }
        if closing {
            closed += 1;
        } else {
            opened += 1;
        }
    }
    opened.saturating_sub(closed)
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

    #[test]
    fn the_longest_block_names_count_too() {
        assert_eq!(open_blocks(&b"<blockquote>".repeat(7)), 7);
        assert_eq!(open_blocks(&b"<figcaption>".repeat(3)), 3);
        assert_eq!(open_blocks(&b"<blockquotes>".repeat(3)), 0);
    }
}
