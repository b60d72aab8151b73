//! Sentences built from pieces without the formatting machinery: checking and evaluating a large
//! catalogue writes hundreds of thousands of them (diagnostics, stale evidence, reasons), and
//! `format!` costs several times what copying the pieces does.

use jiff::civil::Date;

/// The pieces one after the other, in a string allocated once.
pub fn concat(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for p in pieces {
        out.push_str(p);
    }
    out
}

/// A date as `YYYY-MM-DD`, as its `Display` writes it.
pub fn date(d: Date) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        return d.to_string();
    }
    let digits = [
        y / 1000,
        y / 100 % 10,
        y / 10 % 10,
        y % 10,
        -1,
        i16::from(m / 10),
        i16::from(m % 10),
        -1,
        i16::from(day / 10),
        i16::from(day % 10),
    ];
    digits
        .iter()
        .map(|&n| if n < 0 { '-' } else { char::from(b'0' + n as u8) })
        .collect()
}

#[cfg(test)]
mod tests {
    use jiff::civil::{date, Date};

    #[test]
    fn dates_read_as_their_display_writes_them() {
        // Every day of two years, around a century and a leap day, and the edges of the range.
        let mut d = date(1999, 1, 1);
        while d < date(2001, 1, 1) {
            assert_eq!(super::date(d), d.to_string());
            d = d.tomorrow().unwrap();
        }
        for d in [
            Date::MIN,
            date(-1, 12, 31),
            date(0, 1, 1),
            date(9, 9, 9),
            date(999, 10, 10),
            Date::MAX,
        ] {
            assert_eq!(super::date(d), d.to_string());
        }
    }

    #[test]
    fn pieces_are_joined_in_order() {
        assert_eq!(super::concat(&["a", "", "bc", "d"]), "abcd");
        assert_eq!(super::concat(&[]), "");
    }
}
