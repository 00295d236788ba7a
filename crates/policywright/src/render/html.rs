//! The HTML renderer: a standalone page (language, title, description, embedded stylesheet with
//! print and dark styles, linked table of contents) or a fragment to paste into an existing site.
//!
//! Section bodies go through pulldown-cmark. Our clauses never contain raw HTML, so any raw HTML
//! event is shown as text, and links other than web, mail and in-page links are shown as their
//! text: a second fence behind the escaping done at assembly.
//!
//! The fragment is pasted into site templates and the page may be served by Jekyll or Eleventy,
//! which run Liquid or Nunjucks over `.html` files. So, last of all, every `{` in the output
//! (outside the embedded stylesheet) is written as `&#123;`: browsers show the same brace, and no
//! template engine finds a `{{`, `{%` or `{#` to run, whichever field the brace came from.
//! Control characters an owner pasted into a name, which HTML does not allow, become spaces.

use minijinja::value::Serde;
use minijinja::{Value, context};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::{RenderError, Rendered, Renderer, printable};
use crate::document::PolicyDocument;
use crate::library::Library;
use crate::text::BRACE_REFERENCE;

/// Renders HTML.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlRenderer {
    /// Only the `<article>`, without `<html>`, `<head>` or styles.
    pub fragment: bool,
}

/// Parser options for clause Markdown.
pub(crate) fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES
}

fn allowed_link(dest: &str) -> bool {
    let lower = dest.to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with('#')
}

/// Renders one section body to HTML.
pub fn body_html(markdown: &str) -> String {
    let mut skipped_links = 0usize;
    let events = Parser::new_ext(markdown, markdown_options()).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link { ref dest_url, .. }) if !allowed_link(dest_url) => {
            skipped_links += 1;
            None
        }
        Event::Start(Tag::Image { dest_url, .. }) => {
            Some(Event::Text(CowStr::from(dest_url.to_string())))
        }
        Event::End(TagEnd::Image) => None,
        Event::End(TagEnd::Link) if skipped_links > 0 => {
            skipped_links -= 1;
            None
        }
        other => Some(other),
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Characters HTML calls parse errors ("control-character-in-input-stream",
/// "noncharacter-in-input-stream"): controls other than the whitespace ones, and U+FFFE/U+FFFF.
/// They can only come from owner text printed by the page templates (the section bodies have
/// them folded into spaces already).
fn html_parse_error(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// The last step of both outputs. Writes every `{` in `html` as a character reference, except
/// inside `<style>` elements, whose CSS is ours and where a reference would not be decoded.
/// Owner text cannot open a `<style>`: its `<` is always escaped. Characters HTML does not allow
/// become spaces.
fn finish(html: &str) -> String {
    let encode = |out: &mut String, part: &str| {
        for c in part.chars() {
            match c {
                '{' => out.push_str(BRACE_REFERENCE),
                c if html_parse_error(c) => out.push(' '),
                c => out.push(c),
            }
        }
    };
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(start) = rest.find("<style") {
        encode(&mut out, &rest[..start]);
        let end = rest[start..]
            .find("</style>")
            .map_or(rest.len(), |e| start + e + "</style>".len());
        out.push_str(&rest[start..end]);
        rest = &rest[end..];
    }
    encode(&mut out, rest);
    out
}

impl HtmlRenderer {
    /// The `<article>` holding the whole policy, ready to paste into a site's template.
    pub fn article(&self, doc: &PolicyDocument, library: &Library) -> Result<String, RenderError> {
        let doc = &*printable(doc);
        let sections: Vec<Value> = doc
            .sections
            .iter()
            .map(|s| context! { id => s.id.as_str(), title => s.title.as_str(), html => Value::from_safe_string(body_html(&s.body)) })
            .collect();
        library
            .env()
            .get_template("article.html")
            .and_then(|t| {
                t.render(
                    context! { doc => Serde(doc), sections, generator => doc.generator.describe() },
                )
            })
            .map(|html| finish(&html))
            .map_err(|source| RenderError::Template {
                renderer: "html",
                source,
            })
    }
}

impl Renderer for HtmlRenderer {
    fn name(&self) -> &'static str {
        "html"
    }

    fn extension(&self) -> &'static str {
        "html"
    }

    fn render(&self, doc: &PolicyDocument, library: &Library) -> Result<Rendered, RenderError> {
        let article = self.article(doc, library)?;
        if self.fragment {
            return Ok(Rendered::clean(article.into_bytes()));
        }
        let doc = &*printable(doc);
        let page = library
            .env()
            .get_template("page.html")
            .and_then(|t| {
                t.render(context! {
                    doc => Serde(doc),
                    generator => doc.generator.describe(),
                    css => Value::from_safe_string(library.stylesheet().to_owned()),
                    article => Value::from_safe_string(article),
                })
            })
            .map_err(|source| RenderError::Template {
                renderer: "html",
                source,
            })?;
        Ok(Rendered::clean(finish(&page).into_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finishing_writes_braces_as_references_outside_style_only() {
        assert_eq!(
            finish("<p>{{ x }} {% y %} {#z</p>"),
            "<p>&#123;&#123; x }} &#123;% y %} &#123;#z</p>"
        );
        assert_eq!(
            finish("<style>\nbody { color: red }\n</style><p>{</p>"),
            "<style>\nbody { color: red }\n</style><p>&#123;</p>"
        );
        assert_eq!(finish("<style>a{}"), "<style>a{}");
        assert_eq!(
            finish("<title>a\u{7F}b\u{9B}c\u{0}d\te\u{FFFF}</title>"),
            "<title>a b c d\te </title>"
        );
    }
}
