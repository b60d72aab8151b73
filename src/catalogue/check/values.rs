//! A claim's `value` against its term's kind (a boolean, one of a set of words, a list, a free
//! text), turned into a typed [`Value`].

use toml::de::DeValue;

use super::Code;
use crate::catalogue::diag::Sink;
use crate::catalogue::diag::{describe_de, did_you_mean};
use crate::catalogue::model::Value;
use crate::catalogue::shape::Node;
use crate::catalogue::terms::{Kind, Term};

/// The typed value of a claim about `term`, or `None` after reporting why it is not one; `key`
/// is spelt out only when there is something to report. A school's own facts are read with it
/// too.
pub fn value(c: &mut Sink, term: &Term, node: &Node<'_>, key: impl Fn() -> String) -> Option<Value> {
    let at = node.span().start;
    let value = node.get_ref();
    let wrong = |c: &mut Sink, code: Code, expected: &str| {
        let message = format!("expected {expected}, found {}", describe_de(value));
        c.at(code, at, &key(), message, None);
        None
    };
    match term.kind {
        Kind::Bool => match value {
            DeValue::Boolean(b) => Some(Value::Bool(*b)),
            _ => wrong(c, Code::WrongType, "true or false"),
        },
        Kind::Text => match value {
            DeValue::String(s) if !s.trim().is_empty() => Some(Value::Text(s.to_string())),
            DeValue::String(_) => wrong(c, Code::EmptyText, "a non-empty string"),
            _ => wrong(c, Code::WrongType, "a non-empty string"),
        },
        Kind::Enum(allowed) => match value {
            DeValue::String(s) if allowed.contains(&s.as_ref()) => Some(Value::Text(s.to_string())),
            DeValue::String(s) => {
                let help = did_you_mean(s, allowed.iter().copied())
                    .or_else(|| Some(format!("expected one of: {}", allowed.join(", "))));
                c.at(
                    Code::InvalidValue,
                    at,
                    &key(),
                    format!("`{s}` is not a valid value of `{}`", term.key),
                    help,
                );
                None
            }
            _ => wrong(c, Code::WrongType, &format!("one of {}", allowed.join(", "))),
        },
        Kind::List | Kind::EnumList(_) => {
            let DeValue::Array(items) = value else {
                return wrong(c, Code::WrongType, "a list of strings");
            };
            let mut out = Vec::with_capacity(items.len());
            for item in items.iter() {
                let DeValue::String(s) = item.get_ref() else {
                    return wrong(c, Code::WrongType, "a list of strings");
                };
                if let Kind::EnumList(allowed) = term.kind {
                    if !allowed.contains(&s.as_ref()) {
                        let help = did_you_mean(s, allowed.iter().copied())
                            .or_else(|| Some(format!("expected items from: {}", allowed.join(", "))));
                        c.at(
                            Code::InvalidValue,
                            item.span().start,
                            &key(),
                            format!("`{s}` is not a valid item of `{}`", term.key),
                            help,
                        );
                        return None;
                    }
                }
                out.push(s.to_string());
            }
            Some(Value::List(out))
        }
    }
}
