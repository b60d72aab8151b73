//! The output of `school check` in the text formats: the JSON contract (`schema_version`,
//! `school`, and per service `use`, `catalogue_verdict`, `verdict`, `open_conditions` and
//! `warnings`, with a few keys beside them), a terminal table, Markdown and one HTML page. Each
//! reads the [`Assessment`] and nothing else; the spreadsheet is in [`super::xlsx`].

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::assess::{Open, ServiceAssessment};
use super::{Assessment, Contract, SCHEMA_VERSION};
use crate::i18n::Lang;
use crate::report::clean;

fn tr<'a>(lang: Lang, en: &'a str, nl: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

/// The JSON of `school check`.
pub fn json(a: &Assessment, lang: Lang) -> Value {
    let services: Vec<Value> = a
        .services
        .iter()
        .map(|s| {
            let open: Vec<Value> = s
                .open
                .iter()
                .map(|o| {
                    json!({
                        "id": o.condition.id,
                        "text": o.condition.get(lang),
                        "owner": o.entry.as_ref().and_then(|e| e.owner.clone()),
                        "date": o.entry.as_ref().and_then(|e| e.date),
                        "criterion": o.criterion,
                    })
                })
                .collect();
            let warnings: Vec<Value> = s
                .warnings
                .iter()
                .map(|w| json!({"kind": w.kind, "message": w.message.get(lang)}))
                .collect();
            json!({
                "use": s.service.key(),
                "name": s.result.display_name_in(lang),
                "purpose": s.service.purpose,
                "contract": s.service.contract,
                "catalogue_verdict": s.catalogue_verdict(),
                "verdict": s.verdict(),
                "open_conditions": open,
                "settled_conditions": s.service.conditions.iter().filter(|c| c.status.settled()).collect::<Vec<_>>(),
                "school_facts": s.service.facts.iter().map(|c| c.term.key).collect::<Vec<_>>(),
                "warnings": warnings,
            })
        })
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "as_of": a.as_of,
        "school": a.school,
        "services": services,
    })
}

/// The contract in one line: "SIVON, model DPA 4.0, signed 2025-03-01, expires 2027-03-01".
pub fn contract_line(c: Option<&Contract>, lang: Lang) -> String {
    let Some(c) = c else {
        return tr(lang, "none recorded", "niet vastgelegd").to_owned();
    };
    let mut parts: Vec<String> = Vec::new();
    parts.extend(c.route.as_deref().map(clean));
    if let Some(v) = &c.model_dpa {
        parts.push(format!(
            "{} {}",
            tr(lang, "model DPA", "model verwerkersovereenkomst"),
            clean(v)
        ));
    }
    if let Some(d) = c.signed {
        parts.push(format!("{} {d}", tr(lang, "signed", "getekend")));
    }
    if let Some(d) = c.expires {
        parts.push(format!("{} {d}", tr(lang, "expires", "verloopt")));
    }
    if let Some(r) = &c.reference {
        parts.push(format!("{} {}", tr(lang, "ref.", "kenmerk"), clean(r)));
    }
    if parts.is_empty() {
        return tr(lang, "none recorded", "niet vastgelegd").to_owned();
    }
    parts.join(", ")
}

/// Who and when, for an open condition: "ICT, 2026-12-01", or "no owner".
pub fn owner_line(o: &Open, lang: Lang) -> String {
    let entry = o.entry.as_ref();
    let owner = entry
        .and_then(|e| e.owner.as_deref())
        .map(clean)
        .unwrap_or_else(|| tr(lang, "no owner", "geen eigenaar").to_owned());
    match entry.and_then(|e| e.date) {
        Some(d) => format!("{owner}, {d}"),
        None => owner,
    }
}

fn heading(a: &Assessment, lang: Lang) -> String {
    let who = a
        .school
        .name
        .as_deref()
        .map(clean)
        .unwrap_or_else(|| tr(lang, "School", "School").to_owned());
    format!(
        "{who}: {} {}",
        tr(lang, "school check of", "schoolcontrole van"),
        a.as_of
    )
}

/// The terminal table: per service its verdicts, contract, to-do list and warnings.
pub fn table(a: &Assessment, lang: Lang) -> String {
    let mut out = format!("{}\n", heading(a, lang));
    for s in &a.services {
        let _ = writeln!(
            out,
            "\n{} ({})",
            s.service.key(),
            clean(&s.result.display_name_in(lang))
        );
        if let Some(p) = &s.service.purpose {
            let _ = writeln!(out, "  {}: {}", tr(lang, "purpose", "doel"), clean(p));
        }
        let _ = writeln!(
            out,
            "  {}: {}",
            tr(lang, "contract", "contract"),
            contract_line(s.service.contract.as_ref(), lang)
        );
        let _ = writeln!(
            out,
            "  {}: {}",
            tr(lang, "catalogue verdict", "oordeel catalogus"),
            s.catalogue_verdict().label().get(lang)
        );
        let _ = writeln!(
            out,
            "  {}: {}",
            tr(lang, "school verdict", "oordeel school"),
            s.verdict().label().get(lang)
        );
        if !s.open.is_empty() {
            let _ = writeln!(
                out,
                "  {} ({}):",
                tr(lang, "open conditions", "open voorwaarden"),
                s.open.len()
            );
            for o in &s.open {
                let _ = writeln!(
                    out,
                    "    - {} [{}]: {}",
                    o.condition.id,
                    owner_line(o, lang),
                    clean(o.condition.get(lang))
                );
            }
        }
        for w in &s.warnings {
            let _ = writeln!(out, "  ! {}", clean(w.message.get(lang)));
        }
    }
    out
}

/// Text for a Markdown table cell or line: one line, pipes and markup characters escaped.
fn md(s: &str) -> String {
    let one_line = clean(s).split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len());
    for ch in one_line.chars() {
        if matches!(ch, '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Markdown: a summary table, then per service its to-do list and warnings.
pub fn markdown(a: &Assessment, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", md(&heading(a, lang)));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        tr(lang, "Service", "Dienst"),
        tr(lang, "Contract", "Contract"),
        tr(lang, "Catalogue verdict", "Oordeel catalogus"),
        tr(lang, "School verdict", "Oordeel school"),
        tr(lang, "Open", "Open"),
    );
    for s in &a.services {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            s.service.key(),
            md(&contract_line(s.service.contract.as_ref(), lang)),
            s.catalogue_verdict().label().get(lang),
            s.verdict().label().get(lang),
            s.open.len()
        );
    }
    for s in &a.services {
        service_markdown(&mut out, s, lang);
    }
    out
}

fn service_markdown(out: &mut String, s: &ServiceAssessment, lang: Lang) {
    let _ = writeln!(
        out,
        "\n## {} (`{}`)\n",
        md(&s.result.display_name_in(lang)),
        s.service.key()
    );
    if let Some(p) = &s.service.purpose {
        let _ = writeln!(out, "{}: {}\n", tr(lang, "Purpose", "Doel"), md(p));
    }
    if !s.open.is_empty() {
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            tr(lang, "Condition", "Voorwaarde"),
            tr(lang, "Owner", "Eigenaar"),
            tr(lang, "What to do", "Wat te doen"),
        );
        for o in &s.open {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                o.condition.id,
                md(&owner_line(o, lang)),
                md(o.condition.get(lang))
            );
        }
        out.push('\n');
    }
    for w in &s.warnings {
        let _ = writeln!(
            out,
            "- **{}** {}",
            tr(lang, "Warning:", "Let op:"),
            md(w.message.get(lang))
        );
    }
}

fn esc(s: &str) -> String {
    html_escape::encode_text(&clean(s)).into_owned()
}

/// One self-contained HTML page with the same content as the Markdown.
pub fn html(a: &Assessment, lang: Lang) -> String {
    let code = match lang {
        Lang::En => "en",
        Lang::Nl => "nl",
    };
    let title = esc(&heading(a, lang));
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    for s in &a.services {
        let _ = writeln!(
            out,
            "<section>\n<h2>{} <code>{}</code></h2>",
            esc(&s.result.display_name_in(lang)),
            esc(&s.service.key())
        );
        out.push_str("<dl>\n");
        let mut row = |k: &str, v: String| {
            let _ = writeln!(out, "<dt>{}</dt><dd>{v}</dd>", esc(k));
        };
        if let Some(p) = &s.service.purpose {
            row(tr(lang, "Purpose", "Doel"), esc(p));
        }
        row(
            tr(lang, "Contract", "Contract"),
            esc(&contract_line(s.service.contract.as_ref(), lang)),
        );
        row(
            tr(lang, "Catalogue verdict", "Oordeel catalogus"),
            esc(s.catalogue_verdict().label().get(lang)),
        );
        row(
            tr(lang, "School verdict", "Oordeel school"),
            format!(
                "<strong class=\"{}\">{}</strong>",
                s.verdict().as_str(),
                esc(s.verdict().label().get(lang))
            ),
        );
        out.push_str("</dl>\n");
        if !s.open.is_empty() {
            let _ = writeln!(
                out,
                "<table>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>",
                tr(lang, "Condition", "Voorwaarde"),
                tr(lang, "Owner", "Eigenaar"),
                tr(lang, "What to do", "Wat te doen"),
            );
            for o in &s.open {
                let _ = writeln!(
                    out,
                    "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                    esc(&o.condition.id),
                    esc(&owner_line(o, lang)),
                    esc(o.condition.get(lang))
                );
            }
            out.push_str("</table>\n");
        }
        if !s.warnings.is_empty() {
            out.push_str("<ul class=\"warnings\">\n");
            for w in &s.warnings {
                let _ = writeln!(out, "<li>{}</li>", esc(w.message.get(lang)));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}\
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
dt{font-weight:bold;float:left;clear:left;width:12rem}dd{margin-left:12.5rem}\
.suitable{color:#1b7f3b}.suitable-with-conditions{color:#8a5a00}.insufficient-information{color:#4a4a4a}.not-suitable{color:#a61b1b}\
.warnings li{color:#a61b1b}";
