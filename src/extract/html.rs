//! HTML to structured text. The page is parsed with scraper (html5ever); the catalogue's `remove`
//! selectors drop elements, `select` picks the elements that hold the document (the whole page when
//! empty), page chrome inside them is dropped (see [`super::chrome`]), and the rest is rendered one
//! block per line: `#`-marked headings, paragraphs, `- ` list items, table rows with cells joined by
//! ` | `, line breaks. Links to other documents are rendered `[text](absolute-url)` with tracking
//! parameters removed (see [`super::links`]), so that a changed link target, such as the address of
//! a sub-processor list, is a change, and a per-visitor parameter is not.
//!
//! The tree is walked without recursion, so any nesting depth is safe.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node, Selector};
use url::Url;

use super::{chrome, links, normalize::normalize_line_into, ExtractError, Rules};

/// The rendered text of a page and the `select` selectors that matched nothing.
pub struct Rendered {
    pub text: String,
    pub unmatched: Vec<String>,
}

/// Parses `rules`' selectors, reporting the first invalid one.
fn parse_all(list: &[String]) -> Result<Vec<Selector>, ExtractError> {
    list.iter()
        .map(|s| {
            // Through the catalogue's checker: the parser panics on some invalid selectors.
            crate::catalogue::selector::parse(s).map_err(|message| ExtractError::BadSelector {
                selector: s.clone(),
                message,
            })
        })
        .collect()
}

/// Renders the decoded page `source` as described in the module documentation.
pub fn render(source: &str, base: &Url, rules: &Rules) -> Result<Rendered, ExtractError> {
    let select = parse_all(rules.select)?;
    let remove = parse_all(rules.remove)?;
    let doc = Html::parse_document(&cheaper_references(source));
    Ok(render_parsed(&doc, base, rules, &select, &remove))
}

/// Renders a parsed page with parsed selectors.
fn render_parsed(doc: &Html, base: &Url, rules: &Rules, select: &[Selector], remove: &[Selector]) -> Rendered {
    let base = document_base(doc, base);

    let mut removed: HashSet<NodeId> = HashSet::new();
    for sel in remove {
        removed.extend(doc.select(sel).map(|e| e.id()));
    }

    let mut r = Renderer::new(&base, &removed);
    let mut unmatched = Vec::new();
    if select.is_empty() {
        r.walk(*doc.root_element());
    } else {
        for (sel, raw) in select.iter().zip(rules.select) {
            let matched: Vec<ElementRef> = doc
                .select(sel)
                .filter(|e| !e.ancestors().any(|a| removed.contains(&a.id())) && !removed.contains(&e.id()))
                .collect();
            let ids: HashSet<NodeId> = matched.iter().map(|e| e.id()).collect();
            let mut any = false;
            for el in matched {
                // An element inside another match of the same selector is already rendered.
                if el.ancestors().any(|a| ids.contains(&a.id())) {
                    continue;
                }
                any = true;
                r.sectioning = el.ancestors().filter(|a| is_sectioning(a)).count();
                r.walk(*el);
                r.flush();
            }
            if !any {
                unmatched.push(raw.clone());
            }
        }
    }
    r.flush();
    Rendered { text: r.out, unmatched }
}

/// The page with every `&quot;` written `&#34;`. Both are the same character wherever the parser
/// decodes references (text and attribute values), and the parser finds a numeric reference at
/// once but a named one by a slow search; pages carry thousands of `&quot;` in JSON-valued
/// attributes, where this takes a tenth of the parsing time off. Where references are not decoded
/// the text would differ, but all such text is dropped (scripts, styles, comments...) except in
/// four obsolete elements, so a page with one of those is left as it is.
fn cheaper_references(source: &str) -> Cow<'_, str> {
    static RAW_TEXT: OnceLock<Regex> = OnceLock::new();
    // memchr's searcher, here and below: `str`'s own took a twentieth of the parsing time.
    if memchr::memmem::find(source.as_bytes(), b"&quot;").is_none() {
        return Cow::Borrowed(source);
    }
    let raw_text = RAW_TEXT.get_or_init(|| Regex::new("(?i)<(xmp|plaintext|noembed|noframes)").expect("valid pattern"));
    if raw_text.is_match(source) {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    for at in memchr::memmem::find_iter(source.as_bytes(), "&quot;") {
        out.push_str(&source[copied..at]);
        out.push_str("&#34;");
        copied = at + "&quot;".len();
    }
    out.push_str(&source[copied..]);
    Cow::Owned(out)
}

/// The page's first `<base href>` (looked for before `<body>`) resolved against the URL it was
/// fetched from, or that URL.
fn document_base(doc: &Html, base: &Url) -> Url {
    doc.tree
        .values()
        .filter_map(Node::as_element)
        .take_while(|e| e.name() != "body")
        .find(|e| e.name() == "base" && e.attr("href").is_some())
        .and_then(|e| e.attr("href"))
        .and_then(|h| base.join(h.trim()).ok())
        .unwrap_or_else(|| base.clone())
}

fn is_sectioning(n: &NodeRef<Node>) -> bool {
    matches!(n.value(), Node::Element(e) if matches!(e.name(), "article" | "main" | "section" | "aside"))
}

/// What an element does to the layout of the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Inline,
    Block,
    Heading(usize),
    Item,
    Row,
    Cell,
    Break,
    Link,
    Pre,
}

fn kind(name: &str) -> Kind {
    match name {
        "h1" => Kind::Heading(1),
        "h2" => Kind::Heading(2),
        "h3" => Kind::Heading(3),
        "h4" => Kind::Heading(4),
        "h5" => Kind::Heading(5),
        "h6" => Kind::Heading(6),
        "li" => Kind::Item,
        "tr" => Kind::Row,
        "td" | "th" => Kind::Cell,
        "br" => Kind::Break,
        "a" => Kind::Link,
        "pre" => Kind::Pre,
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "ul" | "ol" | "dl" | "dt" | "dd"
        | "table" | "thead" | "tbody" | "tfoot" | "caption" | "blockquote" | "address" | "figure" | "figcaption"
        | "hr" | "details" | "summary" | "center" | "fieldset" | "legend" | "body" | "html" | "hgroup" | "menu"
        | "dir" | "search" => Kind::Block,
        _ => Kind::Inline,
    }
}

const HASHES: [&str; 7] = ["", "# ", "## ", "### ", "#### ", "##### ", "###### "];

/// A link being rendered: where its text starts in the line, and its cleaned target.
struct OpenLink {
    start: usize,
    lines_before: usize,
    href: Option<String>,
}

struct Renderer<'a> {
    base: &'a Url,
    removed: &'a HashSet<NodeId>,
    out: String,
    line: String,
    prefix: &'static str,
    lines: usize,
    row_depth: usize,
    cells_in_row: usize,
    pre_depth: usize,
    sectioning: usize,
    links: Vec<OpenLink>,
}

impl<'a> Renderer<'a> {
    fn new(base: &'a Url, removed: &'a HashSet<NodeId>) -> Self {
        Renderer {
            base,
            removed,
            out: String::new(),
            line: String::new(),
            prefix: "",
            lines: 0,
            row_depth: 0,
            cells_in_row: 0,
            pre_depth: 0,
            sectioning: 0,
            links: Vec::new(),
        }
    }

    /// Emits the current line, normalised, with its prefix; nothing when it is blank.
    fn flush(&mut self) {
        if self.line.is_empty() {
            return;
        }
        let before = self.out.len();
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(self.prefix);
        if normalize_line_into(&self.line, &mut self.out) {
            self.prefix = "";
        } else {
            self.out.truncate(before);
        }
        self.line.clear();
        self.lines += 1;
    }

    /// A block boundary: a new line, except inside a table row where cells stay on one line.
    fn block_break(&mut self) {
        if self.row_depth > 0 {
            self.line.push(' ');
        } else {
            self.flush();
        }
    }

    /// Walks the subtree of `root` without recursion.
    fn walk(&mut self, root: NodeRef<'_, Node>) {
        let mut node = root;
        loop {
            let entered = self.enter(node);
            if entered {
                if let Some(child) = node.first_child() {
                    node = child;
                    continue;
                }
                self.leave(node);
            }
            loop {
                if node.id() == root.id() {
                    return;
                }
                if let Some(next) = node.next_sibling() {
                    node = next;
                    break;
                }
                match node.parent() {
                    Some(p) => node = p,
                    None => return,
                }
                self.leave(node);
            }
        }
    }

    /// Handles the start of a node; false when its subtree is skipped.
    fn enter(&mut self, node: NodeRef<'_, Node>) -> bool {
        match node.value() {
            Node::Text(t) => {
                if self.pre_depth > 0 {
                    let mut parts = t.split('\n');
                    if let Some(first) = parts.next() {
                        self.line.push_str(first);
                    }
                    for part in parts {
                        self.block_break();
                        self.line.push_str(part);
                    }
                } else {
                    self.line.push_str(t);
                }
                false
            }
            Node::Element(el) => {
                if !self.removed.is_empty() && self.removed.contains(&node.id()) {
                    return false;
                }
                if chrome::is_chrome(el, self.sectioning > 0) {
                    return false;
                }
                let name = el.name();
                if matches!(name, "article" | "main" | "section" | "aside") {
                    self.sectioning += 1;
                }
                match kind(name) {
                    Kind::Inline => {}
                    Kind::Block => self.block_break(),
                    Kind::Heading(n) => {
                        self.block_break();
                        if self.row_depth == 0 {
                            self.prefix = HASHES[n];
                        }
                    }
                    Kind::Item => {
                        self.block_break();
                        if self.row_depth == 0 {
                            self.prefix = "- ";
                        }
                    }
                    Kind::Row => {
                        if self.row_depth == 0 {
                            self.flush();
                            self.cells_in_row = 0;
                        }
                        self.row_depth += 1;
                    }
                    Kind::Cell => {
                        if self.row_depth > 0 && self.cells_in_row > 0 {
                            self.line.push_str(" | ");
                        }
                        self.cells_in_row += 1;
                    }
                    Kind::Break => self.block_break(),
                    Kind::Pre => {
                        self.block_break();
                        self.pre_depth += 1;
                    }
                    Kind::Link => {
                        let href = el.attr("href").and_then(|h| links::clean(h, self.base));
                        self.links.push(OpenLink {
                            start: self.line.len(),
                            lines_before: self.lines,
                            href,
                        });
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// Handles the end of an entered element.
    fn leave(&mut self, node: NodeRef<'_, Node>) {
        let Node::Element(el) = node.value() else {
            return;
        };
        let name = el.name();
        if matches!(name, "article" | "main" | "section" | "aside") {
            self.sectioning = self.sectioning.saturating_sub(1);
        }
        match kind(name) {
            Kind::Inline | Kind::Cell => {}
            Kind::Block | Kind::Break => self.block_break(),
            Kind::Heading(_) | Kind::Item => {
                self.block_break();
                if self.row_depth == 0 {
                    self.prefix = "";
                }
            }
            Kind::Row => {
                self.row_depth = self.row_depth.saturating_sub(1);
                if self.row_depth == 0 {
                    self.flush();
                    self.cells_in_row = 0;
                }
            }
            Kind::Pre => {
                self.pre_depth = self.pre_depth.saturating_sub(1);
                self.block_break();
            }
            Kind::Link => {
                if let Some(link) = self.links.pop() {
                    self.close_link(link);
                }
            }
        }
    }

    /// Turns the link text written since `link.start` into `[text](url)`.
    fn close_link(&mut self, link: OpenLink) {
        let Some(href) = link.href else { return };
        // The text spans lines (a block inside the link) or was flushed: leave it as text.
        if link.lines_before != self.lines || link.start > self.line.len() || !self.line.is_char_boundary(link.start) {
            return;
        }
        let text = &self.line[link.start..];
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.trim_end_matches('/') == href.trim_end_matches('/') {
            return;
        }
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        let end = self.line.len() - trail;
        self.line.truncate(end);
        self.line.insert(link.start + lead, '[');
        self.line.push_str("](");
        // Spaces in a target would be split by normalisation; brackets would end the link early.
        for c in href.chars() {
            match c {
                ' ' => self.line.push_str("%20"),
                ')' => self.line.push_str("%29"),
                c => self.line.push(c),
            }
        }
        self.line.push(')');
        if trail > 0 {
            self.line.push(' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page rendered as parsed from `source` itself, without rewriting references.
    fn rendered_as_written(source: &str, rules: &Rules) -> String {
        let (select, remove) = (parse_all(rules.select).unwrap(), parse_all(rules.remove).unwrap());
        let doc = Html::parse_document(source);
        render_parsed(
            &doc,
            &Url::parse("https://example.com/p").unwrap(),
            rules,
            &select,
            &remove,
        )
        .text
    }

    #[test]
    fn rewritten_references_change_nothing_that_is_rendered() {
        let pages = [
            r#"<p>She said &quot;no&quot; &amp;quot; &quot</p>"#,
            r#"<div data-props="{&quot;a&quot;:&quot;<b>&quot;}"><p title='&quot;'>x&quot;y</p></div>"#,
            r#"<a href="/q?x=&quot;1&quot;&amp;y=2">the &quot;list&quot;</a>"#,
            r#"<p a=&quot;b&quot;>unquoted</p><div class="&quot;cookie-banner&quot;">banner?</div>"#,
            r#"<script>var s = "&quot;";</script><style>p:after{content:"&quot;"}</style><!-- &quot; -->ok"#,
            r#"<textarea>&quot;</textarea><title>&quot;</title><p>&quot;&#34;&#x22;</p>"#,
            r#"<svg><text>&quot;</text></svg><math><mi>&quot;</mi></math><p>&quot;</p>"#,
            r#"<table><tr><td>&quot;a&quot;<td>b</table><pre>&quot;
&quot;</pre>"#,
            r#"<xmp>&quot;</xmp><p>&quot;</p>"#,
            r#"<NOEMBED>&quot;</NOEMBED>"#,
            r#"<noframes>&quot;</noframes><plaintext>&quot;"#,
        ];
        let select = vec![r#"[data-props='{"a":"<b>"}'] p"#.to_owned(), "a, p, td, pre".to_owned()];
        let remove = vec![r#"[title='"']"#.to_owned()];
        for rules in [
            Rules::default(),
            Rules {
                select: &select,
                remove: &remove,
            },
        ] {
            for page in pages {
                let base = Url::parse("https://example.com/p").unwrap();
                assert_eq!(
                    render(page, &base, &rules).unwrap().text,
                    rendered_as_written(page, &rules),
                    "{page}"
                );
            }
        }
    }

    #[test]
    fn only_pages_without_raw_text_elements_are_rewritten() {
        assert_eq!(
            cheaper_references("<p a=\"&quot;\">&quot;</p>"),
            "<p a=\"&#34;\">&#34;</p>"
        );
        assert!(matches!(cheaper_references("<Xmp>&quot;</xmp>"), Cow::Borrowed(_)));
        assert!(matches!(cheaper_references("<p>no references</p>"), Cow::Borrowed(_)));
    }
}
