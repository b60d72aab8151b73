//! A JSON Schema (draft 2020-12) of the vendor file format, generated from the term registry so it
//! can never drift from what the loader accepts. Editors such as Taplo (Even Better TOML) use it to
//! validate vendor files while they are written.

use serde_json::{json, Map, Value};

use super::model::DOCUMENT_KINDS;
use super::terms::{self, Kind};

fn value_schema(kind: Kind) -> Value {
    match kind {
        Kind::Bool => json!({"type": "boolean"}),
        Kind::Text => json!({"type": "string", "minLength": 1}),
        Kind::Enum(values) => json!({"type": "string", "enum": values}),
        Kind::EnumList(values) => json!({"type": "array", "items": {"type": "string", "enum": values}}),
        Kind::List => json!({"type": "array", "items": {"type": "string"}}),
    }
}

fn claim_schema(term: &terms::Term) -> Value {
    let claim = json!({
        "type": "object",
        "description": term.meaning,
        "additionalProperties": false,
        "required": ["value", "source", "verified"],
        "properties": {
            "value": value_schema(term.kind),
            "source": {"type": "string", "description": "a document id of this vendor, or an http(s) URL"},
            "verified": {"type": "string", "format": "date", "description": "the day the source was checked"},
            "quote": {"type": "string"},
            "note": {"type": "string"},
            "conditions": {"type": "array", "items": {"type": "string"}},
            "conditions_nl": {"type": "array", "items": {"type": "string"}, "description": "the conditions in Dutch, one per condition, in the same order"},
            "offerings": {"type": "array", "items": {"type": "string"}}
        }
    });
    json!({"oneOf": [claim.clone(), {"type": "array", "items": claim}]})
}

/// The schema as a JSON value.
pub fn schema() -> Value {
    let mut groups = Map::new();
    for &group in terms::groups() {
        let mut props = Map::new();
        for t in terms::TERMS.iter().filter(|t| terms::group_of(t.key) == group) {
            props.insert(t.key[group.len() + 1..].to_owned(), claim_schema(t));
        }
        groups.insert(
            group.to_owned(),
            json!({"type": "object", "additionalProperties": false, "properties": props}),
        );
    }
    let id = json!({"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"});
    let strings = json!({"type": "array", "items": {"type": "string"}});
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "vcaudit vendor file",
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "name", "company", "headquarters", "open_source", "self_hostable", "status"],
        "properties": {
            "id": id,
            "name": {"type": "string"},
            "company": {"type": "string"},
            "headquarters": {"type": "string", "pattern": "^[A-Z]{2}$"},
            "open_source": {"type": "boolean"},
            "self_hostable": {"type": "boolean"},
            "status": {"enum": ["active", "retired"]},
            "retired": {"type": "string", "format": "date"},
            "website": {"type": "string", "format": "uri"},
            "description": {"type": "string"},
            "aliases": {"type": "array", "items": id, "uniqueItems": true, "description": "other names people type for the vendor, such as \"teams\""},
            "documents": {"type": "array", "items": {
                "type": "object", "additionalProperties": false, "required": ["id", "kind", "url"],
                "properties": {
                    "id": id, "kind": {"enum": DOCUMENT_KINDS}, "url": {"type": "string", "format": "uri"},
                    "select": strings, "remove": strings, "title": {"type": "string"}, "language": {"type": "string"}
                }
            }},
            "offerings": {"type": "array", "items": {
                "type": "object", "additionalProperties": false, "required": ["id", "name"],
                "properties": {"id": id, "name": {"type": "string"}, "description": {"type": "string"}}
            }},
            "findings": {"type": "array", "items": {
                "type": "object", "additionalProperties": false,
                "required": ["date", "by", "outcome", "summary", "source"],
                "properties": {
                    "date": {"type": "string", "format": "date"}, "by": {"type": "string"},
                    "outcome": {"type": "string"}, "summary": {"type": "string"},
                    "source": {"type": "string", "format": "uri"}, "offerings": strings
                }
            }},
            "terms": {"type": "object", "additionalProperties": false, "properties": groups}
        }
    })
}
