//! The Markdown renderer: clean CommonMark with tables and `{#id}` heading anchors, and optional
//! YAML front matter for static site generators.

use std::collections::BTreeMap;

use minijinja::value::Serde;
use minijinja::{Value, context};

use super::{RenderError, Rendered, Renderer};
use crate::document::PolicyDocument;
use crate::library::Library;
use crate::text::collapse_blank_lines;

/// Renders Markdown.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownRenderer {
    /// Start with YAML front matter (title, date, layout, description, generator).
    pub front_matter: bool,
}

/// A YAML double-quoted scalar. JSON string syntax is valid YAML, and it escapes everything a
/// title could throw at it.
fn yaml_string(text: &str) -> Value {
    Value::from_safe_string(serde_json::Value::from(text).to_string())
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
                    anchor => Value::from_safe_string(format!("{{#{}}}", s.id)),
                    body => Value::from_safe_string(s.body.clone()),
                }
            })
            .collect();
        let generator = Value::from_safe_string(format!("<!-- {} -->", doc.generator.describe()));
        let text = library
            .env()
            .get_template("document.md")
            .and_then(|t| {
                t.render(context! { doc => Serde(doc), sections, front_matter, generator })
            })
            .map_err(fail)?;
        Ok(Rendered::clean(
            (collapse_blank_lines(&text) + "\n").into_bytes(),
        ))
    }
}
