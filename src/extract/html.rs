//! HTML to structured text. The page is parsed with scraper (html5ever); the catalogue's `remove`
//! selectors drop elements, `select` picks the elements that hold the document (the whole page when
//! empty), page chrome inside them is dropped (see [`super::chrome`]), and the rest is rendered one
//! block per line: `#`-marked headings, paragraphs, `- ` list items, table rows with cells joined by
//! ` | `, line breaks. Links to other documents are rendered `[text](absolute-url)` with tracking
//! parameters removed (see [`super::links`]), so that a changed link target, such as the address of
//! a sub-processor list, is a change, and a per-visitor parameter is not.
//!
//! The tree is walked without recursion, so any nesting depth is safe.

use std::collections::HashSet;

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
    let doc = Html::parse_document(source);
    let base = document_base(&doc, base);

    let mut removed: HashSet<NodeId> = HashSet::new();
    for sel in &remove {
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
    Ok(Rendered { text: r.out, unmatched })
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
