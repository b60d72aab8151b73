//! `import-ota`: turns an Open Terms Archive service declaration (JSON, with `terms` or the legacy
//! `documents` key) into `[[documents]]` entries of a vendor file. CSS `select`/`remove` selectors
//! carry over; what has no equivalent here (range selectors, JavaScript filters, client-side
//! scripts) is kept as a TOML comment so that nothing is silently lost. A `combine` of several pages
//! becomes one document per page.

use serde_json::Value;

/// Maps an OTA terms type to a document `kind` and a short id.
fn kind_and_id(terms_type: &str) -> (&'static str, String) {
    let kind = match terms_type.to_ascii_lowercase().as_str() {
        "privacy policy" => "privacy-policy",
        "terms of service" => "terms-of-service",
        "data processor agreement" => "data-processing-agreement",
        _ => "other",
    };
    let id = match kind {
        "privacy-policy" => "privacy".to_owned(),
        "terms-of-service" => "terms".to_owned(),
        "data-processing-agreement" => "dpa".to_owned(),
        _ => slug(terms_type),
    };
    (kind, id)
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "document".to_owned()
    } else {
        out
    }
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// CSS selectors of a `select`/`remove` value, and descriptions of what cannot be carried over.
fn selectors(v: Option<&Value>, key: &str) -> (Vec<String>, Vec<String>) {
    let mut css = Vec::new();
    let mut lost = Vec::new();
    let items: Vec<&Value> = match v {
        None => vec![],
        Some(Value::Array(a)) => a.iter().collect(),
        Some(other) => vec![other],
    };
    for item in items {
        match item {
            Value::String(s) => css.push(s.clone()),
            other => lost.push(format!("{key}: range selector {other} is not supported")),
        }
    }
    (css, lost)
}

/// One `[[documents]]` entry as TOML text.
fn entry(name: &str, terms_type: &str, id: &str, url: &str, decl: &Value, root: Option<&Value>) -> String {
    let (kind, _) = kind_and_id(terms_type);
    let pick = |k: &str| decl.get(k).or_else(|| root.and_then(|r| r.get(k)));
    let (select, mut notes) = selectors(pick("select"), "select");
    let (remove, lost) = selectors(pick("remove"), "remove");
    notes.extend(lost);
    if let Some(f) = pick("filter").and_then(Value::as_array).filter(|f| !f.is_empty()) {
        let names: Vec<String> = f
            .iter()
            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned))
            .collect();
        notes.push(format!("filters not applied: {}", names.join(", ")));
    }
    if pick("executeClientScripts").and_then(Value::as_bool) == Some(true) {
        notes.push("the page needs client-side scripts; the watcher fetches it without them".to_owned());
    }
    let mut s = String::from("[[documents]]\n");
    s.push_str(&format!("id = {}\n", quote(id)));
    s.push_str(&format!("kind = \"{kind}\"\n"));
    s.push_str(&format!("url = {}\n", quote(url)));
    s.push_str(&format!("title = {}\n", quote(&format!("{name} {terms_type}"))));
    let list = |v: &[String]| v.iter().map(|x| quote(x)).collect::<Vec<_>>().join(", ");
    // `select: body` is what the ToS;DR imports use for "everything": the default here.
    if !select.is_empty() && select != ["body"] {
        s.push_str(&format!("select = [{}]\n", list(&select)));
    }
    if !remove.is_empty() {
        s.push_str(&format!("remove = [{}]\n", list(&remove)));
    }
    for n in notes {
        s.push_str(&format!("# {}\n", n.replace('\n', " ")));
    }
    s
}

/// Converts a declaration (the JSON text) into `[[documents]]` TOML.
pub fn convert(json: &str) -> Result<String, String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
    let name = v
        .get("name")
        .and_then(Value::as_str)
        .ok_or("the declaration has no `name` string")?;
    let terms = v
        .get("terms")
        .or_else(|| v.get("documents"))
        .and_then(Value::as_object)
        .ok_or("the declaration has no `terms` (or legacy `documents`) object")?;
    let mut out = format!("# Documents imported from the Open Terms Archive declaration of {name}\n");
    let mut used = std::collections::BTreeSet::new();
    let mut unique = |id: String| {
        let mut candidate = id.clone();
        let mut n = 2;
        while !used.insert(candidate.clone()) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        candidate
    };
    for (terms_type, decl) in terms {
        let (_, id) = kind_and_id(terms_type);
        out.push('\n');
        if let Some(url) = decl.get("fetch").and_then(Value::as_str) {
            out.push_str(&entry(name, terms_type, &unique(id), url, decl, None));
        } else if let Some(parts) = decl.get("combine").and_then(Value::as_array) {
            out.push_str(&format!(
                "# `{terms_type}` combines {} pages; each is watched on its own\n",
                parts.len()
            ));
            for (i, part) in parts.iter().enumerate() {
                let Some(url) = part.get("fetch").and_then(Value::as_str) else {
                    return Err(format!("`{terms_type}`.combine[{i}] has no `fetch` URL"));
                };
                out.push_str(&entry(
                    name,
                    terms_type,
                    &unique(format!("{id}-{}", i + 1)),
                    url,
                    part,
                    Some(decl),
                ));
            }
        } else {
            return Err(format!("`{terms_type}` has neither a `fetch` URL nor `combine`"));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_declaration_converts() {
        let toml = convert(
            r#"{"name":"Zoom","terms":{
              "Terms of Service":{"fetch":"https://zoom.us/terms","select":["main"],"remove":[".fdn-breadcrumb__list"],"filter":["removeAmpDeviceId"],"executeClientScripts":true},
              "Privacy Policy":{"fetch":"https://zoom.us/privacy","select":[".main-DefaultTemplate"],"remove":[".category"]}}}"#,
        )
        .unwrap();
        assert!(
            toml.contains("id = \"terms\"\nkind = \"terms-of-service\"\nurl = \"https://zoom.us/terms\""),
            "{toml}"
        );
        assert!(toml.contains("select = [\".main-DefaultTemplate\"]"), "{toml}");
        assert!(toml.contains("# filters not applied: removeAmpDeviceId"), "{toml}");
        let parsed: toml::Value = toml::from_str(&toml).unwrap();
        assert_eq!(parsed["documents"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn combine_and_ranges_and_legacy_key() {
        let toml = convert(
            r##"{"name":"Slack","documents":{"Privacy Policy":{"select":["main#main"],"combine":[
              {"fetch":"https://slack.com/a"},{"fetch":"https://slack.com/b","select":{"startBefore":"#x","endBefore":"#y"}}]}}}"##,
        )
        .unwrap();
        assert!(toml.contains("id = \"privacy-1\""), "{toml}");
        assert!(toml.contains("id = \"privacy-2\""), "{toml}");
        assert!(toml.contains("# select: range selector"), "{toml}");
        assert!(convert("{\"name\": 3}").is_err());
        assert!(convert("{").unwrap_err().starts_with("line 1"));
    }
}
