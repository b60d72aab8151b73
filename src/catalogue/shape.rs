//! Reading one table of the parsed tree against the keys the format gives it. Every key of the
//! table is known or reported as unknown (with the closest known key); a known key's value is taken
//! with the type the format wants, and a required key that is missing or a value of the wrong type
//! is reported, each at the place the tree gives. So one pass over the tree finds every such
//! problem of a file. The messages are this module's own, in the words serde used for the same
//! problems when the loader deserialized files; nothing here reads another crate's error text.

use std::borrow::Cow;

use serde::de::Unexpected;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;
use toml::Spanned;

use super::code::Code;
use super::diag::{did_you_mean, Sink};

/// A value of the parsed tree with its place in the file.
pub type Node<'i> = Spanned<DeValue<'i>>;

/// A key of the parsed tree with its place in the file.
pub type Key<'i> = Spanned<Cow<'i, str>>;

/// A value of the wrong type, found by a reader: where it is, the index of the item it is when it
/// is in a list, and what was expected instead.
pub struct Wrong {
    at: usize,
    index: Option<usize>,
    message: String,
}

impl Wrong {
    /// `node` is not what was `expected` (`a string`, `a sequence`...).
    pub fn new(node: &Node<'_>, expected: &str) -> Self {
        Wrong {
            at: node.span().start,
            index: None,
            message: format!("invalid type: {}, expected {expected}", unexpected(node.get_ref())),
        }
    }

    /// What is wrong, in words: "invalid type: string \"no\", expected a boolean".
    pub fn message(self) -> String {
        self.message
    }

    fn item(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }
}

/// How a value is described in a wrong-type message: `string "no"`, `integer `5``, `sequence`...
pub fn unexpected(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => Unexpected::Str(s).to_string(),
        DeValue::Integer(i) => match (
            i64::from_str_radix(i.as_str(), i.radix()),
            u64::from_str_radix(i.as_str(), i.radix()),
        ) {
            (Ok(n), _) => Unexpected::Signed(n).to_string(),
            (_, Ok(n)) => Unexpected::Unsigned(n).to_string(),
            _ => format!("integer `{i}`"),
        },
        DeValue::Float(f) => match f.as_str().parse::<f64>() {
            Ok(x) => Unexpected::Float(x).to_string(),
            Err(_) => format!("floating point `{f}`"),
        },
        DeValue::Boolean(b) => Unexpected::Bool(*b).to_string(),
        DeValue::Datetime(d) => format!("datetime `{d}`"),
        DeValue::Array(_) => Unexpected::Seq.to_string(),
        DeValue::Table(_) => Unexpected::Map.to_string(),
    }
}

/// A string value.
pub fn string(node: &Node<'_>) -> Result<Spanned<String>, Vec<Wrong>> {
    match node.get_ref() {
        DeValue::String(s) => Ok(Spanned::new(node.span(), s.to_string())),
        _ => Err(vec![Wrong::new(node, "a string")]),
    }
}

/// A boolean value.
pub fn boolean(node: &Node<'_>) -> Result<bool, Vec<Wrong>> {
    match node.get_ref() {
        DeValue::Boolean(b) => Ok(*b),
        _ => Err(vec![Wrong::new(node, "a boolean")]),
    }
}

/// A whole number that fits an `i64`.
pub fn integer(node: &Node<'_>) -> Result<Spanned<i64>, Vec<Wrong>> {
    match node.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map(|n| Spanned::new(node.span(), n))
            .map_err(|_| vec![Wrong::new(node, "a whole number")]),
        _ => Err(vec![Wrong::new(node, "a whole number")]),
    }
}

/// A date or date-time value, checked further by the caller.
pub fn datetime(node: &Node<'_>) -> Result<Spanned<Datetime>, Vec<Wrong>> {
    match node.get_ref() {
        DeValue::Datetime(d) => Ok(Spanned::new(node.span(), *d)),
        _ => Err(vec![Wrong::new(node, "a TOML datetime")]),
    }
}

/// A list of strings; every item that is not a string is reported.
pub fn strings(node: &Node<'_>) -> Result<Vec<Spanned<String>>, Vec<Wrong>> {
    let DeValue::Array(items) = node.get_ref() else {
        return Err(vec![Wrong::new(node, "a sequence")]);
    };
    let mut out = Vec::with_capacity(items.len());
    let mut wrong = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match string(item) {
            Ok(s) => out.push(s),
            Err(w) => wrong.extend(w.into_iter().map(|w| w.item(i))),
        }
    }
    if wrong.is_empty() {
        Ok(out)
    } else {
        Err(wrong)
    }
}

/// "unknown field `x`, expected one of `a`, `b`" for a key not in `keys`.
pub fn unknown_field(name: &str, keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    let expected = match quoted.as_slice() {
        [] => "there are no fields".to_owned(),
        [one] => format!("expected {one}"),
        [a, b] => format!("expected {a} or {b}"),
        all => format!("expected one of {}", all.join(", ")),
    };
    format!("unknown field `{name}`, {expected}")
}

/// One table of an array of tables (`[[documents]]`): its index, where it starts and its keys.
pub struct Item<'t, 'i> {
    pub index: usize,
    pub at: usize,
    pub table: &'t DeTable<'i>,
}

/// The tables of an array of tables. `whole` is false when the array, or one of its items, is not
/// a table (and so was reported): the items then do not hold all that the file says.
pub struct Items<'t, 'i> {
    pub tables: Vec<Item<'t, 'i>>,
    pub whole: bool,
}

/// Where an unknown key of a table is reported.
#[derive(Clone, Copy)]
pub enum Unknown {
    /// At the key, named by its own dotted key (`documents[0].titel`).
    AtKey,
    /// At its value, named by the table's dotted key: a claim's problems are named by the claim
    /// (`terms.contract.role`).
    AtValue,
}

/// A table of the tree being read.
pub struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    /// Dotted key of the table, empty for the file itself.
    path: Cow<'static, str>,
    /// Where a missing key is reported: the table's start, or `None` for the whole file.
    at: Option<usize>,
    /// The keys the table may have, in the order messages list them.
    keys: &'static [&'static str],
    /// A help line for a missing key.
    missing_help: Option<&'static str>,
    /// Whether every key read so far was there when required and of the right type.
    complete: bool,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(
        table: &'t DeTable<'i>,
        path: Cow<'static, str>,
        at: Option<usize>,
        keys: &'static [&'static str],
    ) -> Self {
        Fields {
            table,
            path,
            at,
            keys,
            missing_help: None,
            complete: true,
        }
    }

    /// The help line given with a missing key.
    pub fn missing_help(mut self, help: &'static str) -> Self {
        self.missing_help = Some(help);
        self
    }

    /// The dotted key of one of the table's keys.
    pub fn key(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    /// Whether every key read so far was there when required and of the right type, and no
    /// unknown key was reported.
    pub fn complete(&self) -> bool {
        self.complete
    }

    /// The keys of the table that the format does not have, with their values, in key order.
    pub fn unknown(&self) -> impl Iterator<Item = (&'t Key<'i>, &'t Node<'i>)> + '_ {
        let keys = self.keys;
        self.table
            .iter()
            .filter(move |(k, _)| !keys.contains(&k.get_ref().as_ref()))
    }

    /// Reports every unknown key, with the closest known key.
    pub fn report_unknown(&mut self, sink: &mut Sink, place: Unknown) {
        let unknown: Vec<(&Key<'i>, &Node<'i>)> = self.unknown().collect();
        for (k, v) in unknown {
            let name: &str = k.get_ref();
            self.complete = false;
            let (at, key) = match place {
                Unknown::AtKey => (k.span().start, self.key(name)),
                Unknown::AtValue => (v.span().start, self.path.to_string()),
            };
            sink.at(
                Code::UnknownKey,
                at,
                &key,
                unknown_field(name, self.keys),
                did_you_mean(name, self.keys.iter().copied()),
            );
        }
    }

    /// The value of a key, of any type.
    pub fn node(&self, name: &str) -> Option<&'t Node<'i>> {
        self.table.get(name)
    }

    /// The value of a required key, of any type; a missing one is reported.
    pub fn required_node(&mut self, sink: &mut Sink, name: &str) -> Option<&'t Node<'i>> {
        let node = self.node(name);
        if node.is_none() {
            self.missing(sink, name);
        }
        node
    }

    /// The value of a required key, read by `read`; a missing key or a wrong value is reported.
    pub fn required<T>(
        &mut self,
        sink: &mut Sink,
        name: &str,
        read: impl FnOnce(&'t Node<'i>) -> Result<T, Vec<Wrong>>,
    ) -> Option<T> {
        let node = self.required_node(sink, name)?;
        self.read(sink, name, node, read)
    }

    /// The value of an optional key, read by `read`; a wrong value is reported.
    pub fn optional<T>(
        &mut self,
        sink: &mut Sink,
        name: &str,
        read: impl FnOnce(&'t Node<'i>) -> Result<T, Vec<Wrong>>,
    ) -> Option<T> {
        let node = self.node(name)?;
        self.read(sink, name, node, read)
    }

    /// The tables of an optional array of tables (`[[documents]]`); the array or any item of
    /// the wrong type is reported.
    pub fn tables(&mut self, sink: &mut Sink, name: &str) -> Items<'t, 'i> {
        let Some(node) = self.node(name) else {
            return Items {
                tables: Vec::new(),
                whole: true,
            };
        };
        let DeValue::Array(items) = node.get_ref() else {
            self.wrong(sink, name, vec![Wrong::new(node, "a sequence")]);
            return Items {
                tables: Vec::new(),
                whole: false,
            };
        };
        let mut tables = Vec::with_capacity(items.len());
        let mut wrong = Vec::new();
        for (index, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(table) => tables.push(Item {
                    index,
                    at: item.span().start,
                    table,
                }),
                _ => wrong.push(Wrong::new(item, "a table").item(index)),
            }
        }
        let whole = wrong.is_empty();
        if !whole {
            self.wrong(sink, name, wrong);
        }
        Items { tables, whole }
    }

    fn read<T>(
        &mut self,
        sink: &mut Sink,
        name: &str,
        node: &'t Node<'i>,
        read: impl FnOnce(&'t Node<'i>) -> Result<T, Vec<Wrong>>,
    ) -> Option<T> {
        match read(node) {
            Ok(v) => Some(v),
            Err(wrong) => {
                self.wrong(sink, name, wrong);
                None
            }
        }
    }

    fn wrong(&mut self, sink: &mut Sink, name: &str, wrong: Vec<Wrong>) {
        self.complete = false;
        for w in wrong {
            let key = match w.index {
                None => self.key(name),
                Some(i) => format!("{}[{i}]", self.key(name)),
            };
            sink.at(Code::WrongType, w.at, &key, w.message, None);
        }
    }

    fn missing(&mut self, sink: &mut Sink, name: &str) {
        self.complete = false;
        let message = format!("missing field `{name}`");
        let help = self.missing_help.map(str::to_owned);
        match self.at {
            Some(at) => sink.at(Code::MissingKey, at, &self.path, message, help),
            None => sink.whole(Code::MissingKey, message, help),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Node<'_> {
        let table = DeTable::parse(text).expect("TOML").into_inner();
        table.into_iter().next().expect("a key").1
    }

    #[test]
    fn wrong_values_are_described_as_serde_did() {
        let cases = [
            ("a = \"no\"", "string \"no\""),
            ("a = \"a\\\"b\"", "string \"a\\\"b\""),
            ("a = 0x1F", "integer `31`"),
            ("a = -5", "integer `-5`"),
            ("a = 5.0", "floating point `5.0`"),
            ("a = 1e10", "floating point `10000000000.0`"),
            ("a = inf", "floating point `inf`"),
            ("a = true", "boolean `true`"),
            ("a = [1]", "sequence"),
            ("a = { b = 1 }", "map"),
            ("a = 2024-01-01", "datetime `2024-01-01`"),
        ];
        for (text, want) in cases {
            assert_eq!(unexpected(first(text).get_ref()), want, "{text}");
        }
    }

    #[test]
    fn unknown_fields_list_the_known_ones() {
        assert_eq!(
            unknown_field("x", &["a", "b", "c"]),
            "unknown field `x`, expected one of `a`, `b`, `c`"
        );
        assert_eq!(
            unknown_field("x", &["a", "b"]),
            "unknown field `x`, expected `a` or `b`"
        );
        assert_eq!(unknown_field("x", &[]), "unknown field `x`, there are no fields");
    }

    #[test]
    fn a_table_is_read_with_every_problem_placed() {
        let text = "[t]\nname = 5\nlist = [\"a\", 2, 3]\nnmae = 1\n";
        let root = DeTable::parse(text).expect("TOML").into_inner();
        let DeValue::Table(t) = root.get("t").expect("t").get_ref() else {
            panic!("a table")
        };
        let mut sink = Sink::new("f.toml", text);
        let mut fields = Fields::new(t, "t".into(), Some(0), &["name", "list", "must"]);
        fields.report_unknown(&mut sink, Unknown::AtKey);
        assert!(fields.required(&mut sink, "name", string).is_none());
        assert!(fields.optional(&mut sink, "list", strings).is_none());
        assert!(fields.required(&mut sink, "must", boolean).is_none());
        assert!(!fields.complete());
        let found: Vec<(Code, usize, usize, String)> = sink
            .into_sorted()
            .into_iter()
            .map(|d| (d.code.expect("a code"), d.line, d.column, d.key))
            .collect();
        assert_eq!(
            found,
            [
                (Code::MissingKey, 1, 1, "t".to_owned()),
                (Code::WrongType, 2, 8, "t.name".to_owned()),
                (Code::WrongType, 3, 14, "t.list[1]".to_owned()),
                (Code::WrongType, 3, 17, "t.list[2]".to_owned()),
                (Code::UnknownKey, 4, 1, "t.nmae".to_owned()),
            ]
        );
    }
}
