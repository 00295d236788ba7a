//! Governance policies for personal information (Quebec's P-39.1 s.3.2): where the owner
//! publishes information about them, as the policy can print it.

use super::{Home, Regions};
use crate::model::Project;

/// What the answers say about the owner's governance policies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GovernanceFacts {
    /// The page that describes them, as the policy prints it; nothing when the answer is blank
    /// or not a web address (a malformed address is `url.malformed`, not missing).
    pub url: Option<String>,
    /// The owner's own description, trimmed; nothing when blank.
    pub description: Option<String>,
    /// The owner typed an address, even one that is not a web address (`url.malformed` speaks
    /// for that one).
    pub url_typed: bool,
    /// The owner says each communication of personal information outside Quebec had its
    /// privacy impact assessed and a written agreement (s.17): `None` when not answered.
    pub outside_quebec_assessed: Option<bool>,
    /// People in Quebec are addressed (Canada) and their personal information may leave Quebec:
    /// some vendor receives it, or the owner is based outside Canada. Where in Canada the owner
    /// and its vendors are is not asked, so a vendor anywhere counts (s.17 covers other
    /// provinces too).
    pub leaves_quebec: bool,
}

impl GovernanceFacts {
    pub(super) fn derive(
        p: &Project,
        regions: &Regions,
        home: &Home,
        vendors: usize,
    ) -> GovernanceFacts {
        GovernanceFacts {
            leaves_quebec: regions.has("ca")
                && (vendors > 0 || home.country.as_deref().is_some_and(|c| c != "CA")),
            url: crate::web_address::printable(&p.governance.url),
            description: p
                .governance
                .description
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
            url_typed: p
                .governance
                .url
                .as_deref()
                .is_some_and(|u| !u.trim().is_empty()),
            outside_quebec_assessed: p.governance.outside_quebec_assessed,
        }
    }

    /// The policy can point people to information about the governance policies.
    pub fn published(&self) -> bool {
        self.url.is_some() || self.description.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Governance;

    fn facts(url: Option<&str>, description: Option<&str>) -> GovernanceFacts {
        let mut p = Project::blank();
        p.governance = Governance {
            url: url.map(str::to_owned),
            description: description.map(str::to_owned),
            outside_quebec_assessed: None,
        };
        let cat = crate::library::Library::load()
            .expect("library")
            .catalogues()
            .clone();
        let home = Home::derive(&p, &cat);
        let regions = Regions::derive(&p, &cat);
        GovernanceFacts::derive(&p, &regions, &home, 0)
    }

    #[test]
    fn blank_answers_publish_nothing() {
        assert!(!facts(None, None).published());
        assert!(!facts(Some("  "), Some(" \n ")).published());
    }

    #[test]
    fn an_address_or_a_description_is_published() {
        let f = facts(Some("example.com/governance"), None);
        assert_eq!(f.url.as_deref(), Some("https://example.com/governance"));
        assert!(f.published());
        let f = facts(None, Some("  We keep invoices seven years. "));
        assert_eq!(
            f.description.as_deref(),
            Some("We keep invoices seven years.")
        );
        assert!(f.published());
    }
}
