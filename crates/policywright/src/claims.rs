//! The claims manifest (`templates/claims.toml`): every sentence in the clause templates that
//! asserts something about the owner's practices or promises something ("we do not…", "only…",
//! a deadline), with the license (a fact, see [`crate::facts::licenses`]) that must hold for it
//! to be printed.
//!
//! In a template a claim stands inside `{% if claim("id") %}…{% endif %}`; `claim` is true only
//! when the manifest lists the id and its license holds for this project. A test fails on claim
//! words outside such a block.

use std::collections::{BTreeMap, BTreeSet};

use minijinja::{Error as TemplateError, ErrorKind, State};
use serde::Deserialize;

use crate::facts::{Facts, licenses};
use crate::law::LawFacts;

/// One claim.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Stable id, used in the templates.
    pub id: String,
    /// The section whose template makes it.
    pub section: String,
    /// The license that must hold.
    pub license: String,
    /// What it says, in short.
    pub says: String,
    /// Fixed words of the printed sentence, found in a policy only when the claim is printed.
    pub renders: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    claim: Vec<Claim>,
}

/// The manifest is inconsistent. Only a bad build can produce this; the tests load it.
#[derive(Debug, thiserror::Error)]
pub enum ClaimsError {
    /// The file does not parse.
    #[error("claims.toml is invalid: {0}")]
    Toml(#[from] toml::de::Error),
    /// A row breaks a rule of the manifest.
    #[error("claims.toml, claim `{id}`: {problem}")]
    Row {
        /// The claim.
        id: String,
        /// What is wrong.
        problem: String,
    },
}

/// Every claim, by id.
#[derive(Debug, Clone, Default)]
pub struct Claims {
    claims: BTreeMap<String, Claim>,
}

impl Claims {
    /// Parses the manifest; `regions` and `sections` are the ids a row may name.
    pub fn parse(text: &str, regions: &[&str], sections: &[&str]) -> Result<Claims, ClaimsError> {
        let file: ClaimsFile = toml::from_str(text)?;
        let mut claims = BTreeMap::new();
        for c in file.claim {
            let problem = if !licenses::is_known(&c.license, regions) {
                Some(format!("no license is called `{}`", c.license))
            } else if !sections.contains(&c.section.as_str()) {
                Some(format!("no section is called `{}`", c.section))
            } else if claims.contains_key(&c.id) {
                Some("the id is used twice".to_owned())
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(ClaimsError::Row { id: c.id, problem });
            }
            claims.insert(c.id.clone(), c);
        }
        Ok(Claims { claims })
    }

    /// Every claim.
    pub fn all(&self) -> impl Iterator<Item = &Claim> {
        self.claims.values()
    }

    /// For each claim, whether it may be printed for this project.
    pub fn licensed(&self, facts: &Facts<'_>, law: &LawFacts) -> BTreeMap<String, bool> {
        self.claims
            .values()
            .map(|c| {
                let holds = licenses::holds(facts, law, &c.license).unwrap_or(false);
                (c.id.clone(), holds)
            })
            .collect()
    }

    /// Ids of the claims, for checks over the templates.
    pub fn ids(&self) -> BTreeSet<&str> {
        self.claims.keys().map(String::as_str).collect()
    }
}

/// The template function `claim("id")`: true when the claim is licensed for this project. An id
/// the manifest lacks is an error, so a claim cannot slip past the manifest.
pub(crate) fn template_function(state: &State<'_, '_>, id: &str) -> Result<bool, TemplateError> {
    let licensed = state
        .lookup("claims")
        .and_then(|claims| claims.get_attr(id).ok())
        .filter(|v| !v.is_undefined());
    match licensed {
        Some(v) => Ok(v.is_true()),
        None => Err(TemplateError::new(
            ErrorKind::UndefinedError,
            format!("claim `{id}` is not in claims.toml"),
        )),
    }
}
