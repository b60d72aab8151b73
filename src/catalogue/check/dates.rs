//! Dates in vendor files (`retired`, a finding's `date`, a claim's `verified`): a plain calendar day,
//! not after today (or a later `--as-of` day), and how old evidence may be before it is stale.

use jiff::civil::Date;
use toml::value::Datetime;

use super::{Checker, Code};

impl Checker<'_, '_> {
    /// Reads a calendar date that is not in the future; `key` is spelt out only when there is
    /// something to report. A date in the future is reported and still returned.
    pub(super) fn date_at(&mut self, value: &Datetime, offset: usize, key: impl Fn() -> String) -> Option<Date> {
        let Some(d) = value.date else {
            self.error(
                Code::InvalidDate,
                offset,
                &key(),
                "expected a date such as 2026-01-31, found a time only",
            );
            return None;
        };
        if value.time.is_some() {
            // A time of day would be dropped without a word: say so instead.
            self.error(
                Code::InvalidDate,
                offset,
                &key(),
                format!("expected a date such as 2026-01-31, found a date with a time ({value}); write the day only"),
            );
            return None;
        }
        let Ok(date) = Date::new(d.year as i16, d.month as i8, d.day as i8) else {
            self.error(
                Code::InvalidDate,
                offset,
                &key(),
                format!("{value} is not a valid calendar date"),
            );
            return None;
        };
        if date > self.opts.latest {
            // The latest day allowed is today, or a later `--as-of` day.
            let latest = self.opts.latest;
            let message = if latest > jiff::Zoned::now().date() {
                format!("{date} is after the --as-of day, {latest}")
            } else {
                format!("{date} is in the future (today is {latest})")
            };
            self.error(Code::FutureDate, offset, &key(), message);
        }
        Some(date)
    }
}

/// Whether evidence verified on `verified` is older than `months` on `today`: the one rule behind
/// the checker's warning and the evaluation's stale flag.
pub fn too_old(verified: Date, today: Date, months: i32) -> bool {
    verified
        .checked_add(jiff::Span::new().months(months))
        .is_ok_and(|limit| limit < today)
}
