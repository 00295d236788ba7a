//! A section's HTML made block by block: the Markdown is cut where a heading starts after a
//! blank line, each part is rendered on its own, and a part whose Markdown has not changed keeps
//! its HTML. The vendor section of a large project is a table per kind of vendor under its own
//! heading, so a keystroke in one vendor's name renders one table instead of all of them.
//!
//! Cut there, the parts render to exactly the HTML of the whole: a heading at the start of a line
//! after a blank line ends whatever block came before (paragraph, list, table, quote) and opens
//! its own, and the HTML writer ends every block with a newline, so the parts' HTML joined is
//! the whole's. Two things of Markdown reach across blocks, and a section that has either is
//! rendered whole: fenced code (a fence can hold a blank line and a `#`) and link reference
//! definitions (`[x]: url`, used anywhere in the document). So is one whose lines open HTML
//! blocks that a blank line does not end (comments, `<script>` and the like).

use std::collections::HashMap;

use crate::render::html::body_html;

/// One part of a section's Markdown with its HTML.
#[derive(Debug, Clone)]
pub(super) struct Block {
    markdown: String,
    html: String,
}

/// The HTML of `markdown`, with the blocks it was made from. Parts equal to one of `old`'s are
/// not rendered again; returns how many bytes of Markdown were.
pub(super) fn render(markdown: &str, old: &[Block]) -> (String, Vec<Block>, usize) {
    let Some(parts) = parts(markdown) else {
        let html = body_html(markdown);
        return (html, Vec::new(), markdown.len());
    };
    let known: HashMap<&str, &str> = old
        .iter()
        .map(|b| (b.markdown.as_str(), b.html.as_str()))
        .collect();
    let mut rendered = 0;
    let blocks: Vec<Block> = parts
        .into_iter()
        .map(|part| {
            let html = match known.get(part) {
                Some(html) => (*html).to_owned(),
                None => {
                    rendered += part.len();
                    body_html(part)
                }
            };
            Block {
                markdown: part.to_owned(),
                html,
            }
        })
        .collect();
    let html = blocks.iter().map(|b| b.html.as_str()).collect();
    (html, blocks, rendered)
}

/// `markdown` cut before each heading that starts a line after a blank line; `None` when it
/// has something that reaches across blocks (see the module's comment).
fn parts(markdown: &str) -> Option<Vec<&str>> {
    let reaches_across = markdown.lines().any(|line| {
        let line = line.trim_start_matches(' ');
        line.starts_with("```")
            || line.starts_with("~~~")
            || line.starts_with('<')
            || (line.starts_with('[') && line.contains("]:"))
    });
    if reaches_across {
        return None;
    }
    let mut parts = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(found) = markdown[from..].find("\n\n#") {
        let cut = from + found + 2;
        if is_heading(&markdown[cut..]) && cut > start {
            parts.push(&markdown[start..cut]);
            start = cut;
        }
        from = cut;
    }
    parts.push(&markdown[start..]);
    Some(parts)
}

/// `text` starts with an ATX heading: one to six `#` and then a space, a tab or the line's end.
fn is_heading(text: &str) -> bool {
    let hashes = text.bytes().take_while(|b| *b == b'#').count();
    (1..=6).contains(&hashes)
        && matches!(
            text.as_bytes().get(hashes),
            None | Some(b' ' | b'\t' | b'\n')
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use crate::model::Project;

    fn whole_and_blocks(markdown: &str) -> (String, String) {
        (body_html(markdown), render(markdown, &[]).0)
    }

    /// Every section of the examples, a large project and a blank one renders block by block to
    /// exactly its HTML as a whole; the vendor section of the large one is cut into many blocks.
    #[test]
    fn blocks_render_to_the_whole_sections_html() {
        let library = Library::load().expect("library loads");
        let mut projects: Vec<Project> = crate::examples::EXAMPLES
            .iter()
            .map(|e| {
                crate::project_file::parse(e.text, std::path::Path::new(e.name)).expect("parses")
            })
            .collect();
        projects.push(crate::scale::large_project(&library, 60));
        projects.push(Project::blank());
        for project in &projects {
            let doc = crate::assemble(project, &library).expect("assembles");
            for s in &doc.sections {
                let (whole, blocks) = whole_and_blocks(&s.body);
                assert_eq!(blocks, whole, "{}", s.id);
            }
        }
        let large = crate::assemble(&projects[3], &library).expect("assembles");
        let vendors = large.sections.iter().find(|s| s.id == "vendors");
        let parts = vendors.and_then(|s| parts(&s.body)).map_or(0, |p| p.len());
        assert!(parts > 10, "{parts} blocks");
    }

    #[test]
    fn markdown_that_reaches_across_blocks_is_rendered_whole() {
        for text in [
            "[x]\n\n## A\n\n[x]: https://example.com\n",
            "```\n\n# not a heading\n```\n",
            "<!--\n\n# in a comment\n-->\n",
        ] {
            assert!(parts(text).is_none(), "{text}");
            let (whole, blocks) = whole_and_blocks(text);
            assert_eq!(blocks, whole);
        }
    }

    #[test]
    fn cuts_only_before_headings_after_a_blank_line() {
        let text = "Intro\n\n### One\n\n| a |\n|---|\n| b |\n\n#hashtag\n\n- item\n\n## Two\ntext\n#### Three";
        assert_eq!(
            parts(text).expect("cut"),
            vec![
                "Intro\n\n",
                "### One\n\n| a |\n|---|\n| b |\n\n#hashtag\n\n- item\n\n",
                "## Two\ntext\n#### Three"
            ]
        );
        let (whole, blocks) = whole_and_blocks(text);
        assert_eq!(blocks, whole);
    }
}
