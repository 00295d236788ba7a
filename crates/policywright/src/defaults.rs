//! What a new answer starts with, so the owner confirms instead of unticking. Today: the data a
//! newly added purpose uses. A default is only a starting point the owner sees and changes; it
//! is never applied behind the owner's back.

use crate::catalogue::{Catalogues, DataCategory};
use crate::model::Project;

/// A purpose id the catalogue does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("purpose: \"{0}\" is not a purpose we know")]
pub struct UnknownPurpose(pub String);

/// Special-category data (GDPR Art. 9(1)) or sensitive personal information (CCPA).
fn sensitive(c: &DataCategory) -> bool {
    c.gdpr_special || c.sensitive_pi
}

/// The data categories a new `purpose_id` starts with: those the catalogue says it usually uses
/// that `project` collects, in the project's order. Marketing, analytics and advertising purposes
/// (and any purpose people may object to as direct marketing) never start with special-category
/// or other sensitive data: linking health data to a newsletter must be the owner's own act.
pub fn default_data_for_purpose(
    purpose_id: &str,
    project: &Project,
    catalogues: &Catalogues,
) -> Result<Vec<String>, UnknownPurpose> {
    let purpose = catalogues
        .purpose(purpose_id)
        .ok_or_else(|| UnknownPurpose(purpose_id.to_owned()))?;
    let no_sensitive = purpose.marketing_or_analytics || purpose.direct_marketing;
    let mut chosen: Vec<String> = Vec::new();
    for d in &project.data {
        let id = d.category.as_str();
        let Some(category) = catalogues.category(id) else {
            continue;
        };
        let usual = purpose.data.iter().any(|p| p == id);
        if usual && !(no_sensitive && sensitive(category)) && !chosen.iter().any(|c| c == id) {
            chosen.push(id.to_owned());
        }
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use crate::model::CollectedData;

    fn catalogues() -> Catalogues {
        Library::load().expect("library").catalogues().clone()
    }

    /// A project that collects every category in the catalogue.
    fn collects_everything(cat: &Catalogues) -> Project {
        let mut p = Project::blank();
        p.data = cat
            .categories
            .iter()
            .map(|c| {
                serde_json::from_value::<CollectedData>(serde_json::json!({ "category": c.id }))
                    .expect("a data entry with only its category")
            })
            .collect();
        p
    }

    #[test]
    fn the_catalogue_names_only_known_categories_and_every_purpose_has_some() {
        let cat = catalogues();
        for p in &cat.purposes {
            assert!(!p.data.is_empty(), "{} has no usual data", p.id);
            for d in &p.data {
                assert!(cat.category(d).is_some(), "{}: unknown category {d}", p.id);
            }
        }
    }

    #[test]
    fn marketing_analytics_and_ads_never_start_with_sensitive_data() {
        let cat = catalogues();
        let everything = collects_everything(&cat);
        // Named here, not only read from the catalogue's flag, so dropping the flag fails.
        for id in [
            "product-analytics",
            "personalisation",
            "marketing-emails",
            "b2b-outreach",
            "advertising",
        ] {
            let p = cat.purpose(id).expect(id);
            assert!(p.marketing_or_analytics || p.direct_marketing, "{id}");
        }
        let mut checked = 0;
        for p in cat
            .purposes
            .iter()
            .filter(|p| p.marketing_or_analytics || p.direct_marketing)
        {
            let data = default_data_for_purpose(&p.id, &everything, &cat).expect("known");
            assert!(!data.is_empty(), "{} starts with nothing", p.id);
            for d in &data {
                let c = cat.category(d).expect("known");
                assert!(!sensitive(c), "{} would start with {d}", p.id);
            }
            checked += 1;
        }
        assert!(checked >= 5, "{checked}");
    }

    #[test]
    fn only_collected_data_is_offered_in_the_project_s_order() {
        let cat = catalogues();
        let mut p = collects_everything(&cat);
        p.data
            .retain(|d| ["billing", "name", "health"].contains(&d.category.as_str()));
        let data = default_data_for_purpose("payments", &p, &cat).expect("known");
        assert_eq!(data, ["name", "billing"]);
        let news = default_data_for_purpose("marketing-emails", &p, &cat).expect("known");
        assert_eq!(news, ["name"], "not health, not billing");
        assert!(
            default_data_for_purpose("payments", &Project::blank(), &cat)
                .expect("known")
                .is_empty()
        );
    }

    #[test]
    fn an_unknown_purpose_is_an_error_naming_it() {
        let cat = catalogues();
        let err = default_data_for_purpose("astrology", &Project::blank(), &cat).unwrap_err();
        assert_eq!(
            err.to_string(),
            "purpose: \"astrology\" is not a purpose we know"
        );
    }
}
