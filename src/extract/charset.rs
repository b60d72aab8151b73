//! Decodes an HTML body to text. The encoding is taken, in this order, from a byte-order mark, the
//! `charset` parameter of the Content-Type header, a `<meta charset>` or `<meta http-equiv>` in the
//! first 1024 bytes; otherwise UTF-8 when the bytes are valid UTF-8, else windows-1252 (what
//! browsers assume for legacy Western pages). Labels follow the WHATWG Encoding Standard, so
//! `latin1` and `iso-8859-1` mean windows-1252. Invalid sequences become U+FFFD; decoding never fails.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// Decodes `body` as described in the module documentation.
pub fn decode<'a>(body: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    if let Some((enc, bom_len)) = Encoding::for_bom(body) {
        return enc.decode_without_bom_handling(&body[bom_len..]).0;
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .or_else(|| meta_charset(&body[..body.len().min(1024)]));
    let enc = match declared {
        // A page cannot declare UTF-16 in itself: the HTML standard reads that as UTF-8.
        Some(e) if e == UTF_16LE || e == UTF_16BE => UTF_8,
        Some(e) => e,
        None => match std::str::from_utf8(body) {
            Ok(s) => return Cow::Borrowed(s),
            Err(_) => WINDOWS_1252,
        },
    };
    if enc == UTF_8 {
        return match std::str::from_utf8(body) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => String::from_utf8_lossy(body),
        };
    }
    enc.decode_without_bom_handling(body).0
}

/// The `charset` parameter of a Content-Type value, unquoted.
fn charset_param(ct: &str) -> Option<String> {
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\'').to_owned())
    })
}

/// The encoding named by a `<meta charset=...>` or `<meta http-equiv=content-type content=...>`
/// in `head`, found with a simplified version of the HTML standard's prescan.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(i) = find(tag, b"charset") {
            let rest = &tag[i + 7..];
            let rest = skip_ws(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = skip_ws(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\n' | b'\r'))
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..label_end]) {
                    return Some(e);
                }
            }
        }
        from = end;
    }
    None
}

fn skip_ws(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn header_wins_over_meta_and_latin1_means_windows_1252() {
        let body = b"<meta charset=utf-8><p>caf\xe9 \x93quoted\x94</p>";
        assert_eq!(
            decode(body, Some("text/html; charset=ISO-8859-1")),
            "<meta charset=utf-8><p>caf\u{e9} \u{201c}quoted\u{201d}</p>"
        );
    }

    #[test]
    fn meta_http_equiv_and_fallbacks() {
        let body = b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\"><p>\x80</p>";
        assert!(decode(body, Some("text/html")).contains('\u{20ac}'));
        assert_eq!(decode(b"<p>na\xefve</p>", None), "<p>na\u{ef}ve</p>");
        assert_eq!(decode("<p>naïve</p>".as_bytes(), None), "<p>naïve</p>");
        assert_eq!(
            decode(b"\xef\xbb\xbf<p>x</p>", Some("text/html; charset=latin1")),
            "<p>x</p>"
        );
    }
}
