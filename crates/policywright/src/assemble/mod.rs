//! Assembly: from a project to a [`PolicyDocument`]. Pure and deterministic: the same project
//! and library always give the same document.
//!
//! The project's [`crate::facts::Facts`] are drawn first; the [`view::View`] turns them into the
//! clause context, in which ids are resolved against the catalogues, unknown ids and malformed
//! links are dropped (validation reports them), and lists are in a fixed order. Each section in the manifest whose `when`
//! expression is true over that view is rendered from its template; a section whose template
//! renders to nothing is left out, so no heading ever stands over an empty section.

pub(crate) mod dates;
mod memo;
pub(crate) mod pieces;
mod view;

pub use dates::parse_date;
pub use memo::SectionMemo;

use minijinja::Value;

use crate::document::{Generator, Labels, PolicyDocument, Reason, Section};
use crate::library::Library;
use crate::model::Project;

/// Assembly failed. This means the clause library has a defect (a template used a name the
/// context lacks); the message names the section.
#[derive(Debug, thiserror::Error)]
pub enum AssembleError {
    /// The project's language is not in the library.
    #[error("the clause library has no language `{0}`")]
    UnknownLanguage(String),
    /// A section's condition or template failed.
    #[error("section `{section}` could not be written: {source}")]
    Section {
        /// The section id.
        section: String,
        /// What failed.
        source: minijinja::Error,
    },
}

/// The version of Policywright, recorded in every output.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Builds the policy for `project`. It carries the latest published version's date as "Last
/// updated" only while its text is that version's ([`crate::versions::current`]).
pub fn assemble(project: &Project, library: &Library) -> Result<PolicyDocument, AssembleError> {
    let mut doc = assemble_with_latest_date(project, library)?;
    crate::versions::current::settle(&mut doc, project, library);
    Ok(doc)
}

/// Builds the policy with the latest version's date as "Last updated", whatever the text: what
/// publishing writes (the new version is the latest), and what the comparison with the
/// published text starts from.
pub fn assemble_with_latest_date(
    project: &Project,
    library: &Library,
) -> Result<PolicyDocument, AssembleError> {
    let facts = crate::facts::Facts::derive(project, library.catalogues());
    assemble_facts(&facts, library, &mut SectionMemo::default())
}

/// Builds the policy from facts already drawn, writing again only the sections whose inputs
/// changed since the assembly `memo` remembers. With an empty memo this is a full assembly: the
/// same code, so the two cannot drift apart.
pub fn assemble_facts(
    facts: &crate::facts::Facts<'_>,
    library: &Library,
    memo: &mut SectionMemo,
) -> Result<PolicyDocument, AssembleError> {
    let project = facts.answers();
    let language = library
        .language(&project.language)
        .ok_or_else(|| AssembleError::UnknownLanguage(project.language.clone()))?;
    let view = view::View::build(facts, library.law(), library.claims(), &language.strings);
    let (mut previous, view, tracked) = memo.start(view);
    let ctx = Value::from_dyn_object(tracked.clone());
    let env = library.env();
    let mut sections = Vec::new();
    for spec in &language.sections {
        let key = format!("{}/{}", project.language, spec.id);
        let (written, fresh) = match SectionMemo::recall(&mut previous, &key, &tracked) {
            Ok(hit) => (hit, false),
            Err(pieces) => {
                tracked.clear(pieces);
                let text = write_section(env, &project.language, &spec.id, &ctx)?;
                (tracked.written(text), true)
            }
        };
        if let Some((title, body)) = &written.text {
            sections.push(Section {
                id: spec.id.clone(),
                title: title.clone(),
                body: body.clone(),
                reasons: spec
                    .because
                    .iter()
                    .map(|b| Reason {
                        field: b.field.clone(),
                        says: b.says.clone(),
                    })
                    .collect(),
            });
        }
        memo.remember(key, written, fresh);
    }
    let label = |key: &str| view::string(&language.strings, "page", key);
    // Only a published version dates a changed text. Before the first, the owner's effective
    // date is the policy's only date; where a law asks for the date the policy was last updated,
    // the first version's is that date.
    let first = project.history.is_empty() && facts.regions.asks_last_updated;
    let last_updated = view
        .last_updated_iso
        .clone()
        .or_else(|| view.effective_date_iso.clone().filter(|_| first));
    let last_updated_text = view
        .last_updated
        .clone()
        .or_else(|| view.effective_date.clone().filter(|_| first));
    Ok(PolicyDocument {
        title: language.title.clone(),
        organisation: view.org.display_name.clone(),
        language: project.language.clone(),
        effective_date: view.effective_date_iso.clone(),
        effective_date_text: view.effective_date.clone(),
        last_updated,
        last_updated_text,
        description: label("description").replace("{organisation}", &view.org.display_name),
        table_of_contents: project.style.table_of_contents,
        paper: project.style.paper.unwrap_or_else(|| {
            crate::model::Paper::for_country(&project.organisation.address.country)
        }),
        labels: Labels {
            contents: label("contents"),
            effective: label("effective"),
            last_updated: label("last_updated"),
        },
        generator: Generator {
            app_version: APP_VERSION.to_owned(),
            library_version: library.version().to_owned(),
        },
        sections,
    })
}

/// One section's title and body, or `None` when its condition is false or its body empty.
fn write_section(
    env: &minijinja::Environment<'static>,
    language: &str,
    id: &str,
    ctx: &Value,
) -> Result<Option<(String, String)>, AssembleError> {
    let fail = |source| AssembleError::Section {
        section: id.to_owned(),
        source,
    };
    let render = |name: &str| {
        env.get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(fail)
    };
    if render(&crate::library::condition_template(language, id))?.is_empty() {
        return Ok(None);
    }
    let body = crate::text::collapse_blank_lines(&render(&format!("{language}/{id}.md"))?);
    if body.is_empty() {
        return Ok(None);
    }
    let title = render(&crate::library::title_template(language, id))?;
    Ok(Some((title, body)))
}
