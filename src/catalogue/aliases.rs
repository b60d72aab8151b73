//! The one check that needs the whole catalogue: the names people type for vendors. An alias
//! stands for one vendor only, so it may be neither another vendor's alias nor another vendor's
//! id. Each problem is reported at the alias, in the file that gives it.

use std::collections::BTreeMap;

use super::code::Code;
use super::diag::{whole_file, Diagnostic};

/// What the check needs of one checked vendor: its id, file, and aliases with their places.
pub struct Names {
    pub id: String,
    pub file: String,
    pub aliases: Vec<(String, (usize, usize))>,
}

impl Names {
    /// The names of a checked vendor.
    pub fn of(vendor: &super::Vendor) -> Self {
        Names {
            id: vendor.id.clone(),
            file: vendor.origin.clone(),
            aliases: vendor
                .aliases
                .iter()
                .cloned()
                .zip(vendor.alias_places.iter().copied())
                .collect(),
        }
    }
}

/// Every alias that is another vendor's id or is also given by another vendor (reported at each
/// later vendor, in id order, naming the first).
pub fn check(vendors: &[Names]) -> Vec<Diagnostic> {
    let ids: BTreeMap<&str, &Names> = vendors.iter().map(|v| (v.id.as_str(), v)).collect();
    let mut first: BTreeMap<&str, &str> = BTreeMap::new();
    let mut out = Vec::new();
    for v in vendors {
        for (i, (alias, (line, column))) in v.aliases.iter().enumerate() {
            let message = match (ids.get(alias.as_str()), first.get(alias.as_str())) {
                (Some(other), _) if other.id != v.id => format!("alias `{alias}` is the id of vendor `{alias}`"),
                (_, Some(owner)) => format!("alias `{alias}` is also an alias of vendor `{owner}`"),
                _ => {
                    first.insert(alias, &v.id);
                    continue;
                }
            };
            out.push(Diagnostic {
                line: *line,
                column: *column,
                key: format!("aliases[{i}]"),
                ..whole_file(
                    Code::AliasConflict,
                    &v.file,
                    message,
                    Some("an alias stands for one vendor only: remove or change one of them".to_owned()),
                )
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(id: &str, aliases: &[&str]) -> Names {
        Names {
            id: id.to_owned(),
            file: format!("{id}.toml"),
            aliases: aliases
                .iter()
                .enumerate()
                .map(|(i, a)| ((*a).to_owned(), (3, 12 + 8 * i)))
                .collect(),
        }
    }

    #[test]
    fn an_alias_stands_for_one_vendor() {
        assert!(check(&[names("a", &["x"]), names("b", &["y"])]).is_empty());
        let d = check(&[names("a", &["x", "b"]), names("b", &["y"]), names("c", &["x"])]);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].code, Some(Code::AliasConflict));
        assert_eq!((d[0].file.as_str(), d[0].line, d[0].column), ("a.toml", 3, 20));
        assert_eq!(d[0].key, "aliases[1]");
        assert_eq!(d[0].message, "alias `b` is the id of vendor `b`");
        assert_eq!(d[1].file, "c.toml");
        assert_eq!(d[1].message, "alias `x` is also an alias of vendor `a`");
    }
}
