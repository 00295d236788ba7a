//! The clause library: catalogues, clause templates per language, the section manifest and the
//! HTML page shell, all embedded from `templates/` at build time.
//!
//! Templates are our own data. Owner text only ever reaches them as values in the context, and
//! every value printed into a Markdown template is escaped by [`crate::text::inline`] unless it was
//! built as Markdown by one of our filters. Nothing an owner types is compiled as a template.

use std::collections::BTreeMap;

use include_dir::{Dir, include_dir};
use minijinja::{
    AutoEscape, Environment, Error as TemplateError, ErrorKind, UndefinedBehavior, Value,
};
use serde::Deserialize;

use crate::catalogue::{CatalogueError, Catalogues};
use crate::claims::{Claims, ClaimsError};
use crate::law::{LawError, LawFacts};
use crate::text;

static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../templates");

const MARKDOWN: &str = "markdown";

/// Everything needed to turn a project into a policy.
pub struct Library {
    version: String,
    catalogues: Catalogues,
    law: LawFacts,
    claims: Claims,
    languages: BTreeMap<String, Language>,
    env: Environment<'static>,
}

/// One language's manifest and strings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// Title of the document.
    pub title: String,
    /// Sections in document order.
    #[serde(rename = "section")]
    pub sections: Vec<SectionSpec>,
    /// Labels used by clauses and renderers.
    #[serde(skip)]
    pub strings: toml::Table,
}

/// A section of the policy as the manifest declares it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    /// Stable id, used as the anchor and template name.
    pub id: String,
    /// Heading: text, or a template over the clause context for a heading that names only
    /// what applies.
    pub title: String,
    /// Expression over the clause context; the section is included when it is true.
    pub when: String,
    /// Why the section is included, for `explain` and the app.
    pub because: Vec<Because>,
}

/// One reason a section is included.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Because {
    /// Path of the answer that calls for the section (empty when the section is always included).
    #[serde(default)]
    pub field: String,
    /// The reason in plain words.
    pub says: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LibraryFile {
    version: String,
}

/// The embedded library is broken. Only a bad build can produce this; the tests load it.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// A catalogue does not parse.
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    /// The claims manifest does not parse or breaks a rule.
    #[error(transparent)]
    Claims(#[from] ClaimsError),
    /// The law data does not parse or breaks a rule.
    #[error(transparent)]
    Law(#[from] LawError),
    /// A manifest or strings file does not parse.
    #[error("{file} is invalid: {source}")]
    Toml {
        /// The file.
        file: String,
        /// What is wrong.
        source: toml::de::Error,
    },
    /// A template does not compile.
    #[error("template {name} does not compile: {source}")]
    Template {
        /// The template.
        name: String,
        /// What is wrong.
        source: TemplateError,
    },
    /// A file the library needs is missing.
    #[error("{0} is missing from the templates")]
    Missing(String),
}

fn file(path: &str) -> Result<&'static str, LibraryError> {
    TEMPLATES
        .get_file(path)
        .and_then(|f| f.contents_utf8())
        .ok_or_else(|| LibraryError::Missing(path.to_owned()))
}

fn toml_file<T: for<'de> Deserialize<'de>>(path: &str) -> Result<T, LibraryError> {
    toml::from_str(file(path)?).map_err(|source| LibraryError::Toml {
        file: path.to_owned(),
        source,
    })
}

impl Library {
    /// Loads the embedded library.
    pub fn load() -> Result<Self, LibraryError> {
        let catalogues = Catalogues::parse(|name| {
            TEMPLATES
                .get_file(format!("catalogues/{name}"))
                .and_then(|f| f.contents_utf8())
        })?;
        let law = LawFacts::parse(file("law/facts.toml")?)?;
        let version = toml_file::<LibraryFile>("library.toml")?.version;
        let mut env = new_environment();
        let mut languages = BTreeMap::new();
        let clauses = TEMPLATES
            .get_dir("clauses")
            .ok_or_else(|| LibraryError::Missing("clauses".into()))?;
        for dir in clauses.dirs() {
            let lang = dir
                .path()
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            let mut language: Language = toml_file(&format!("clauses/{lang}/sections.toml"))?;
            language.strings = toml_file(&format!("clauses/{lang}/strings.toml"))?;
            for spec in &language.sections {
                let name = format!("{lang}/{}.md", spec.id);
                let source = file(&format!("clauses/{name}"))?;
                env.add_template_owned(name.clone(), source)
                    .map_err(|source| LibraryError::Template { name, source })?;
                // A heading may name only what applies ("the EEA or the UK"), so it is a
                // template over the same context; our data, never owner text.
                let name = title_template(&lang, &spec.id);
                env.add_template_owned(name.clone(), spec.title.clone())
                    .map_err(|source| LibraryError::Template { name, source })?;
                // The condition is compiled once here rather than on every assembly: the
                // preview assembles on every keystroke.
                let name = condition_template(&lang, &spec.id);
                env.add_template_owned(
                    name.clone(),
                    format!("{{% if {} %}}1{{% endif %}}", spec.when),
                )
                .map_err(|source| LibraryError::Template { name, source })?;
            }
            add_pieces(&mut env, &lang)?;
            languages.insert(lang, language);
        }
        for path in [
            "html/page.html",
            "html/article.html",
            "markdown/document.md",
        ] {
            let name = path.rsplit('/').next().unwrap_or(path);
            env.add_template_owned(name, file(path)?)
                .map_err(|source| LibraryError::Template {
                    name: name.to_owned(),
                    source,
                })?;
        }
        let claims = {
            let regions: Vec<&str> = catalogues
                .jurisdictions
                .iter()
                .map(|j| j.id.as_str())
                .collect();
            let sections: Vec<&str> = languages
                .values()
                .flat_map(|l: &Language| l.sections.iter().map(|s| s.id.as_str()))
                .collect();
            Claims::parse(file("claims.toml")?, &regions, &sections)?
        };
        Ok(Library {
            version,
            catalogues,
            law,
            claims,
            languages,
            env,
        })
    }

    /// Every embedded template file with its path under `templates/`, in path order: what
    /// [`crate::versions`] hashes to tell one library's content from another's.
    pub(crate) fn embedded_files(&self) -> Vec<(String, &'static [u8])> {
        fn walk(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
            for file in dir.files() {
                let path = file.path().to_string_lossy().replace('\\', "/");
                out.push((path, file.contents()));
            }
            for sub in dir.dirs() {
                walk(sub, out);
            }
        }
        let mut out = Vec::new();
        walk(&TEMPLATES, &mut out);
        out.sort();
        out
    }

    /// The clause library's version, recorded in every output.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The catalogues.
    pub fn catalogues(&self) -> &Catalogues {
        &self.catalogues
    }

    /// The claims manifest.
    pub fn claims(&self) -> &Claims {
        &self.claims
    }

    /// The facts of law, with their citations.
    pub fn law(&self) -> &LawFacts {
        &self.law
    }

    /// The language with this key (`en`).
    pub fn language(&self, key: &str) -> Option<&Language> {
        self.languages.get(key)
    }

    /// Keys of the languages the library has.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.languages.keys().map(String::as_str)
    }

    /// The stylesheet embedded in HTML pages and shipped with the app.
    pub fn stylesheet(&self) -> &'static str {
        TEMPLATES
            .get_file("html/policy.css")
            .and_then(|f| f.contents_utf8())
            .unwrap_or_default()
    }

    pub(crate) fn env(&self) -> &Environment<'static> {
        &self.env
    }
}

/// Name of the template that prints a section's heading.
pub(crate) fn title_template(lang: &str, id: &str) -> String {
    format!("{lang}/{id}.title")
}

/// Name of the template that prints `1` when a section's `when` condition holds.
pub(crate) fn condition_template(lang: &str, id: &str) -> String {
    format!("{lang}/{id}.when")
}

/// Adds the pieces of `lang` (`clauses/<lang>/pieces/<name>.md`): one item of a long list
/// each, written by `piece(name, v)` and remembered per item (`assemble/pieces.rs`).
fn add_pieces(env: &mut Environment<'static>, lang: &str) -> Result<(), LibraryError> {
    let Some(pieces) = TEMPLATES.get_dir(format!("clauses/{lang}/pieces")) else {
        return Ok(());
    };
    for piece in pieces.files() {
        let path = piece.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".md"))
        else {
            continue;
        };
        let name = crate::assemble::pieces::piece_template(lang, stem);
        let source = piece
            .contents_utf8()
            .ok_or_else(|| LibraryError::Missing(path.display().to_string()))?;
        env.add_template_owned(name.clone(), source.to_owned())
            .map_err(|source| LibraryError::Template { name, source })?;
    }
    Ok(())
}

/// The template environment: Markdown escaping for `.md` templates, HTML escaping for `.html`,
/// strict about undefined values so a misspelt name is an error, not an empty blank.
fn new_environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".md") {
            AutoEscape::Custom(MARKDOWN.into())
        } else if name.ends_with(".title") {
            // A heading is plain text; each renderer escapes it for its format.
            AutoEscape::None
        } else {
            AutoEscape::Html
        }
    });
    env.set_formatter(|out, state, value| {
        if *state.auto_escape() != AutoEscape::Custom(MARKDOWN.into()) {
            return minijinja::escape_formatter(out, state, value);
        }
        if value.is_none() || value.is_undefined() {
            return Err(TemplateError::new(
                ErrorKind::UndefinedError,
                "a clause printed an empty value",
            ));
        }
        let text = if value.is_safe() {
            value.to_string()
        } else {
            text::inline(&value.to_string())
        };
        out.write_str(&text).map_err(TemplateError::from)
    });
    env.add_filter("link", |s: &str| Value::from_safe_string(text::web_link(s)));
    env.add_filter("link_as", |s: &str, label: &str| {
        Value::from_safe_string(text::labelled_link(label, s))
    });
    env.add_filter("email", |s: &str| {
        Value::from_safe_string(text::email_link(s))
    });
    env.add_function("claim", crate::claims::template_function);
    env.add_function("piece", crate::assemble::pieces::template_function);
    env.add_filter("lower_first", |s: &str| text::lower_first(s));
    // Unlike minijinja's `capitalize`, keeps the rest as written ("AI models", not "Ai models").
    env.add_filter("upper_first", |s: &str| {
        let mut chars = s.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect::<String>()
        })
    });
    env.add_filter("full_stop", |s: &str| {
        let escaped = text::inline(s);
        Value::from_safe_string(if escaped.ends_with('.') {
            escaped
        } else {
            escaped + "."
        })
    });
    env.add_filter("own_words", |s: &str| {
        Value::from_safe_string(text::own_words(s))
    });
    env.add_filter("and_list", |items: Vec<Value>| {
        Value::from_safe_string(text::join_and(&escaped(&items)))
    });
    // Ways of doing one thing, any one of which will do ("use the link or email us").
    env.add_filter("or_list", |items: Vec<Value>| {
        Value::from_safe_string(text::join_or(&escaped(&items)))
    });
    env
}

/// Each item as inline Markdown, escaped unless the template marked it safe.
fn escaped(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|v| {
            if v.is_safe() {
                v.to_string()
            } else {
                text::inline(&v.to_string())
            }
        })
        .collect()
}
