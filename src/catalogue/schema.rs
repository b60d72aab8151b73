//! A JSON Schema (draft 2020-12) of the vendor file format, generated from the term registry so it
//! can never drift from what the loader accepts. Editors such as Taplo (Even Better TOML) use it to
//! validate vendor files while they are written.

use serde_json::{json, Map, Value};

use super::model::{Confidence, SourceKind, DOCUMENT_KINDS};
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

/// A condition (a claim's `conditions`, a finding's `measures`): a stable id and its texts.
fn conditions_schema() -> Value {
    json!({"type": "array", "items": {
        "type": "object", "additionalProperties": false, "required": ["id", "text"],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "stable within the vendor file; a school's assessment refers to it"},
            "text": {"type": "string", "minLength": 1},
            "text_nl": {"type": "string", "minLength": 1, "description": "the same in Dutch"}
        }
    }})
}

fn source_kind_schema() -> Value {
    let kinds: Vec<&str> = SourceKind::ALL.iter().map(|(n, _)| *n).collect();
    json!({"enum": kinds, "description": "who published the source; required for a URL, `vendor` for a document of the vendor"})
}

fn claim_schema(term: &terms::Term) -> Value {
    let confidences: Vec<&str> = Confidence::ALL.iter().map(|(n, _)| *n).collect();
    let claim = json!({
        "type": "object",
        "description": term.meaning,
        "additionalProperties": false,
        "required": ["value", "source", "verified", "confidence"],
        "properties": {
            "value": value_schema(term.kind),
            "source": {"type": "string", "description": "a document id of this vendor, or an http(s) URL"},
            "source_kind": source_kind_schema(),
            "verified": {"type": "string", "format": "date", "description": "the day the source was checked"},
            "confidence": {"enum": confidences, "description": "how sure the catalogue is; a low claim counts as unknown"},
            "quote": {"type": "string"},
            "note": {"type": "string"},
            "conditions": conditions_schema(),
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
                "properties": {
                    "id": id, "name": {"type": "string"}, "name_nl": {"type": "string"},
                    "description": {"type": "string"}, "description_nl": {"type": "string"}
                }
            }},
            "findings": {"type": "array", "items": {
                "type": "object", "additionalProperties": false,
                "required": ["date", "by", "outcome", "summary", "source"],
                "properties": {
                    "date": {"type": "string", "format": "date"}, "by": {"type": "string"},
                    "outcome": {"type": "string"}, "summary": {"type": "string"},
                    "source": {"type": "string", "format": "uri"}, "source_kind": source_kind_schema(),
                    "high_risks": {"type": "integer", "minimum": 0}, "measures": conditions_schema(),
                    "offerings": strings
                }
            }},
            "terms": {"type": "object", "additionalProperties": false, "properties": groups}
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::raw::{CLAIM_KEYS, CONDITION_KEYS, DOCUMENT_KEYS, FINDING_KEYS, OFFERING_KEYS, VENDOR_KEYS};

    fn keys(v: &Value) -> Vec<String> {
        let mut k: Vec<String> = v["properties"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        k.sort();
        k
    }

    fn sorted(k: &[&str]) -> Vec<String> {
        let mut k: Vec<String> = k.iter().map(|s| (*s).to_owned()).collect();
        k.sort();
        k
    }

    /// The schema names exactly the keys the loader reads, at every level.
    #[test]
    fn the_schema_has_the_loaders_keys() {
        let s = schema();
        let p = &s["properties"];
        assert_eq!(keys(&s), sorted(VENDOR_KEYS));
        assert_eq!(keys(&p["documents"]["items"]), sorted(DOCUMENT_KEYS));
        assert_eq!(keys(&p["offerings"]["items"]), sorted(OFFERING_KEYS));
        assert_eq!(keys(&p["findings"]["items"]), sorted(FINDING_KEYS));
        let claim = &p["terms"]["properties"]["contract"]["properties"]["dpa"]["oneOf"][0];
        assert_eq!(keys(claim), sorted(CLAIM_KEYS));
        assert_eq!(
            keys(&claim["properties"]["conditions"]["items"]),
            sorted(CONDITION_KEYS)
        );
        assert!(claim["required"]
            .as_array()
            .is_some_and(|r| r.contains(&json!("confidence"))));
    }
}
