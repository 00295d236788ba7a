//! Large projects for benchmarks and tests of the live preview at scale.
//!
//! The reliability review measured the app with "1,000 entries each": the saas example plus
//! 1,000 data entries cycling through the catalogue's categories, 1,000 purposes cycling
//! through its purposes, 1,000 custom vendors and every catalogue vendor. Building that project
//! here, once, lets the criterion bench, the core's tests and the app's tests all measure the same
//! thing.

use std::path::Path;

use crate::library::Library;
use crate::model::{
    CollectedData, CustomVendor, LegalBasis, Project, PurposeUse, Retention, RetentionUnit, Source,
};
use crate::project_file;

/// The saas example grown to `entries` data entries, purposes and custom vendors, with every
/// catalogue vendor selected.
///
/// # Panics
/// Only if the embedded saas example does not parse, which the example tests rule out.
pub fn large_project(library: &Library, entries: usize) -> Project {
    let text = crate::examples::example("saas").unwrap_or_default();
    #[allow(clippy::expect_used)] // Embedded data, checked by the example tests; not user input.
    let mut project =
        project_file::parse(text, Path::new("saas")).expect("the saas example parses");
    let cat = library.catalogues();
    project.data = (0..entries)
        .map(|i| CollectedData {
            category: cat.categories[i % cat.categories.len()].id.clone(),
            sources: vec![Source::Directly],
            required: i % 2 == 0,
            retention: Some(Retention::Period {
                amount: 1 + (i % 24) as u32,
                unit: RetentionUnit::Months,
                reason: None,
            }),
            examples: Vec::new(),
        })
        .collect();
    project.purposes = (0..entries)
        .map(|i| {
            let purpose = &cat.purposes[i % cat.purposes.len()];
            PurposeUse {
                purpose: purpose.id.clone(),
                legal_basis: Some(purpose.legal_basis),
                legitimate_interest: (purpose.legal_basis == LegalBasis::LegitimateInterests)
                    .then(|| format!("Running the service well ({i})")),
                categories: vec![cat.categories[i % cat.categories.len()].id.clone()],
                special_condition: None,
            }
        })
        .collect();
    project.vendors.catalogue = cat.vendors.iter().map(|v| v.id.clone()).collect();
    project.vendors.custom = (0..entries)
        .map(|i| CustomVendor {
            name: format!("Vendor number {i} Ltd"),
            legal_entity: Some(format!("Vendor number {i} Limited")),
            category: cat.vendor_categories[i % cat.vendor_categories.len()]
                .id
                .clone(),
            purpose: Some(format!("Helps with task {i}")),
            data: vec![cat.categories[i % cat.categories.len()].id.clone()],
            locations: vec!["DE".to_owned()],
            privacy_url: Some(format!("https://vendor{i}.example.com/privacy")),
            ..CustomVendor::default()
        })
        .collect();
    project
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_large_project_has_the_entries_asked_for_and_assembles() {
        let library = Library::load().expect("library loads");
        let project = large_project(&library, 1000);
        assert_eq!(project.data.len(), 1000);
        assert_eq!(project.purposes.len(), 1000);
        assert_eq!(project.vendors.custom.len(), 1000);
        assert_eq!(
            project.vendors.catalogue.len(),
            library.catalogues().vendors.len()
        );
        let doc = crate::assemble(&project, &library).expect("assembles");
        assert!(doc.sections.len() > 5);
    }
}
