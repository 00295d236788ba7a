//! A policy's Markdown split back into its sections, by the heading anchors our Markdown
//! renderer writes (`## <a id="ID"></a>Title`). Used to diff two texts section by section, and
//! to render a past version's stored text as HTML or PDF.

use crate::document::Section;

/// A policy text in parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitText {
    /// Everything before the first section: title, organisation, dates, table of contents.
    pub top: String,
    /// The sections in reading order.
    pub sections: Vec<TextSection>,
}

/// One section of a policy text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSection {
    /// The anchor id.
    pub id: String,
    /// The heading.
    pub title: String,
    /// The body in Markdown, without surrounding blank lines.
    pub body: String,
}

/// Splits `markdown` at every section heading. The generator comment at the end is left out:
/// it names program versions, not the policy.
pub fn split(markdown: &str) -> SplitText {
    let mut top = String::new();
    let mut sections: Vec<TextSection> = Vec::new();
    for line in markdown.lines() {
        if let Some((id, title)) = heading(line) {
            sections.push(TextSection {
                id,
                title,
                body: String::new(),
            });
            continue;
        }
        let target = match sections.last_mut() {
            Some(section) => &mut section.body,
            None => &mut top,
        };
        target.push_str(line);
        target.push('\n');
    }
    if let Some(last) = sections.last_mut() {
        let end = last.body.trim_end().len();
        let start = last.body[..end].rfind('\n').map_or(0, |i| i + 1);
        if is_generator(&last.body[start..end]) {
            last.body.truncate(start);
        }
    }
    for section in &mut sections {
        section.body = section.body.trim_matches('\n').to_owned();
    }
    SplitText {
        top: top.trim_matches('\n').to_owned(),
        sections,
    }
}

fn is_generator(line: &str) -> bool {
    line.starts_with("<!-- Policywright ") && line.ends_with(" -->")
}

/// `## <a id="ID"></a>Title` → (ID, Title), with the anchor's escapes undone.
fn heading(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("## <a id=\"")?;
    let (id, title) = rest.split_once("\"></a>")?;
    let id = id
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&#123;", "{")
        .replace("&amp;", "&");
    Some((id, title.to_owned()))
}

impl SplitText {
    /// The sections as a document's, for the HTML and PDF renderers (reasons are not stored).
    pub fn document_sections(&self) -> Vec<Section> {
        self.sections
            .iter()
            .map(|s| Section {
                id: s.id.clone(),
                title: s.title.clone(),
                body: s.body.clone(),
                reasons: Vec::new(),
            })
            .collect()
    }
}
