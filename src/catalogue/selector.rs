//! Checking the CSS selectors of `[[documents]]` (`select`, `remove`). The HTML library's selector
//! parser panics on some invalid selectors (a stray `?` or `!`) while it words its error, so a
//! selector is checked inside `catch_unwind`, with that one known panic kept off the terminal: a
//! typo in a vendor file is a diagnostic, never a crash.

use std::panic;
use std::sync::Once;

/// `Ok` when `s` is a CSS selector the extraction can use, else why not.
pub fn check(s: &str) -> Result<(), String> {
    parse(s).map(|_| ())
}

/// The parsed selector, or why `s` is not one; never panics.
pub fn parse(s: &str) -> Result<scraper::Selector, String> {
    quiet_selector_panics();
    match panic::catch_unwind(|| scraper::Selector::parse(s).map_err(|e| e.to_string())) {
        Ok(result) => result.map_err(|e| plain(&e)),
        Err(_) => Err("it holds a character that cannot appear there in a CSS selector".into()),
    }
}

/// The parser's message on one line, without its "please report this to the developer" preamble
/// for errors it has no words for (`DanglingCombinator` becomes `dangling combinator`).
fn plain(message: &str) -> String {
    let lines: Vec<&str> = message.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines
        .first()
        .is_some_and(|l| l.contains("report this to the developer"))
    {
        let kind = lines.get(1).copied().unwrap_or("unknown");
        let mut words = String::new();
        for c in kind.chars() {
            if c.is_uppercase() && !words.is_empty() {
                words.push(' ');
            }
            words.extend(c.to_lowercase());
        }
        return format!("it cannot be parsed ({words})");
    }
    lines.join(": ")
}

/// Installs, once, a panic hook that stays silent for the selector parser's error-wording panic
/// (caught in [`check`]) and passes every other panic to the previous hook.
fn quiet_selector_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let known = info.location().is_some_and(|l| {
                let file = l.file().replace('\\', "/");
                file.contains("/scraper-") && file.ends_with("src/error/utils.rs")
            });
            if !known {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn valid_and_invalid_selectors() {
        assert!(check("main > .content, div[role=article]").is_ok());
        assert_eq!(check("main ?"), Err("it cannot be parsed (dangling combinator)".into()));
        assert!(check("main >").is_err_and(|e| !e.contains('\n')));
        assert!(check(".secti?n-rich").is_err());
        assert!(check("div !important").is_err());
    }
}
