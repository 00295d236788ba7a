//! The HTML renderer: a standalone page (language, title, description, embedded stylesheet with
//! print and dark styles, linked table of contents) or a fragment to paste into an existing site.
//!
//! Section bodies go through pulldown-cmark. Our clauses never contain raw HTML, so any raw HTML
//! event is shown as text, and links other than web, mail and in-page links are shown as their
//! text: a second fence behind the escaping done at assembly.

use minijinja::value::Serde;
use minijinja::{Value, context};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::{RenderError, Rendered, Renderer, printable};
use crate::document::PolicyDocument;
use crate::library::Library;

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
pub(crate) fn body_html(markdown: &str) -> String {
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

impl HtmlRenderer {
    /// The `<article>` holding the whole policy.
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
        Ok(Rendered::clean(page.into_bytes()))
    }
}
