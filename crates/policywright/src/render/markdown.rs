//! The Markdown renderer: clean CommonMark with tables, an anchor on every section heading, and
//! optional YAML front matter for static site generators.
//!
//! Site generators run a template engine over Markdown before rendering it: Jekyll and Eleventy
//! use Liquid, Eleventy sites often Nunjucks. So the file must not contain `{{`, `{%` or `{#`
//! anywhere. Owner text is taken care of by [`crate::text`]; our own heading anchors are written
//! as `<a id="…"></a>` at the start of the heading rather than as a `{#id}` attribute, because
//! `{#` opens a Nunjucks comment (and breaks the build when no `#}` follows), and because most
//! renderers (kramdown, markdown-it, GitHub) keep an empty `<a id>` while only a few understand
//! `{#id}`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use minijinja::value::Serde;
use minijinja::{Value, context};

use super::{RenderError, Rendered, Renderer, printable};
use crate::document::PolicyDocument;
use crate::library::Library;
use crate::text::collapse_blank_lines;

/// Renders Markdown.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownRenderer {
    /// Start with YAML front matter (title, date, layout, description, generator).
    pub front_matter: bool,
}

/// Characters YAML does not allow raw, or reads as a line break: C0 controls (tab and newline
/// too, so a value stays on its line), DEL, the C1 controls (NEL among them), the line and
/// paragraph separators, a byte-order mark and the two non-characters U+FFFE and U+FFFF.
fn yaml_escaped(c: char) -> bool {
    matches!(c, '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A YAML double-quoted scalar that YAML 1.1 (libyaml, PyYAML, as in Jekyll) and 1.2 parsers both
/// read back as exactly `text`. Everything [`yaml_escaped`] lists becomes a `\x`/`\u` escape, and
/// so does `{`, so not even a generator that ran its template engine over the front matter would
/// find a delimiter in it.
fn yaml_string(text: &str) -> Value {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '{' => out.push_str("\\x7B"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if yaml_escaped(c) && u32::from(c) <= 0xFF => {
                let _ = write!(out, "\\x{:02X}", u32::from(c));
            }
            c if yaml_escaped(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    Value::from_safe_string(out)
}

/// The anchor a section heading starts with. Section ids are our own slugs, but they are escaped
/// for the attribute all the same.
fn anchor(id: &str) -> Value {
    let mut out = String::from("<a id=\"");
    for c in id.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '{' => out.push_str("&#123;"),
            c => out.push(c),
        }
    }
    out.push_str("\"></a>");
    Value::from_safe_string(out)
}

impl Renderer for MarkdownRenderer {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn extension(&self) -> &'static str {
        "md"
    }

    fn render(&self, doc: &PolicyDocument, library: &Library) -> Result<Rendered, RenderError> {
        let fail = |source| RenderError::Template {
            renderer: "markdown",
            source,
        };
        let doc = printable(doc);
        let front_matter = self.front_matter.then(|| {
            let mut fm = BTreeMap::new();
            fm.insert(
                "title",
                yaml_string(&format!("{} – {}", doc.title, doc.organisation)),
            );
            if let Some(date) = &doc.effective_date {
                fm.insert("date", yaml_string(date));
            }
            fm.insert("layout", yaml_string("page"));
            fm.insert("description", yaml_string(&doc.description));
            fm.insert("generator", yaml_string(&doc.generator.describe()));
            fm
        });
        let sections: Vec<Value> = doc
            .sections
            .iter()
            .map(|s| {
                context! {
                    id => s.id.as_str(),
                    title => s.title.as_str(),
                    anchor => anchor(&s.id),
                    body => Value::from_safe_string(s.body.clone()),
                }
            })
            .collect();
        let generator = Value::from_safe_string(format!("<!-- {} -->", doc.generator.describe()));
        let text = library
            .env()
            .get_template("document.md")
            .and_then(|t| {
                t.render(context! { doc => Serde(&*doc), sections, front_matter, generator })
            })
            .map_err(fail)?;
        Ok(Rendered::clean(
            (collapse_blank_lines(&text) + "\n").into_bytes(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_escape_what_yaml_parsers_reject_or_split_on() {
        let s = |t: &str| yaml_string(t).to_string();
        assert_eq!(s("Kestrel GmbH"), "\"Kestrel GmbH\"");
        assert_eq!(s("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(s("a\u{7F}b\u{9B}c\u{85}"), r#""a\x7Fb\x9Bc\x85""#);
        assert_eq!(
            s("K\u{2028}---\u{2029}title: pwned"),
            r#""K\u2028---\u2029title: pwned""#
        );
        assert_eq!(s("a\tb\nc\r\0\u{1B}"), r#""a\tb\nc\r\x00\x1B""#);
        assert_eq!(s("{{ site.title }}"), r#""\x7B\x7B site.title }}""#);
        assert_eq!(s("\u{FEFF}Ünïcödé – 東京"), r#""\uFEFFÜnïcödé – 東京""#);
    }

    #[test]
    fn anchors_are_html_not_heading_attributes() {
        assert_eq!(
            anchor("who-we-are").to_string(),
            r#"<a id="who-we-are"></a>"#
        );
        assert_eq!(
            anchor("a\"b<{").to_string(),
            r#"<a id="a&quot;b&lt;&#123;"></a>"#
        );
    }
}
