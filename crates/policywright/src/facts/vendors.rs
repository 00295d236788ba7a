//! The vendors that receive personal data: catalogue entries and the owner's own, as one list.

use std::collections::BTreeSet;

use crate::catalogue::{Catalogues, Vendor, VendorCategory};
use crate::model::{CookieKind, CustomVendor, Project, TransferSafeguard};

/// Where a vendor's details come from.
#[derive(Debug, Clone, Copy)]
pub enum VendorOrigin<'a> {
    /// A vendor from the catalogue, with its published facts.
    Catalogue(&'a Vendor),
    /// A vendor the owner described.
    Custom(&'a CustomVendor),
}

/// One vendor that receives personal data.
#[derive(Debug, Clone)]
pub struct VendorFact<'a> {
    /// Where its details come from (links, legal entity, the owner's purpose).
    pub origin: VendorOrigin<'a>,
    /// Its name, trimmed; never empty.
    pub name: &'a str,
    /// What kind of vendor it is.
    pub category: &'a VendorCategory,
    /// Ids of the data categories it receives (as given; unknown ids are skipped by readers).
    pub data: &'a [String],
    /// Countries where it processes data: catalogue codes, upper case, known ones only.
    pub locations: Vec<String>,
    /// The safeguard it uses for transfers abroad.
    pub safeguard: Option<TransferSafeguard>,
    /// The kind of cookie it sets on the owner's site, if any.
    pub cookies: Option<CookieKind>,
}

/// The vendors in use.
#[derive(Debug, Clone)]
pub struct VendorFacts<'a> {
    /// Catalogue vendors (each once, in the owner's order), then custom vendors with a name and a
    /// known kind.
    pub list: Vec<VendorFact<'a>>,
}

impl<'a> VendorFacts<'a> {
    pub(super) fn derive(p: &'a Project, cat: &'a Catalogues) -> VendorFacts<'a> {
        let known = |codes: &[String]| -> Vec<String> {
            codes
                .iter()
                .map(|c| c.trim().to_uppercase())
                .filter(|c| cat.countries.contains_key(c))
                .collect()
        };
        let mut seen = BTreeSet::new();
        let catalogue = p
            .vendors
            .catalogue
            .iter()
            .filter(|id| seen.insert(id.as_str()))
            .filter_map(|id| cat.vendor(id))
            .filter_map(|v| {
                Some(VendorFact {
                    origin: VendorOrigin::Catalogue(v),
                    name: v.name.as_str(),
                    category: cat.vendor_category(&v.category)?,
                    data: &v.data,
                    locations: known(&v.locations),
                    safeguard: v.safeguard,
                    cookies: v.cookies,
                })
            });
        let custom = p.vendors.custom.iter().filter_map(|v| {
            let name = v.name.trim();
            if name.is_empty() {
                return None;
            }
            Some(VendorFact {
                origin: VendorOrigin::Custom(v),
                name,
                category: cat.vendor_category(&v.category)?,
                data: &v.data,
                locations: known(&v.locations),
                safeguard: v.safeguard,
                cookies: v.cookies,
            })
        });
        VendorFacts {
            list: catalogue.chain(custom).collect(),
        }
    }

    /// Some vendor of this kind (a vendor-category id such as `payments`) is in use.
    pub fn uses_kind(&self, category: &str) -> bool {
        self.list.iter().any(|v| v.category.id == category)
    }

    /// The vendors of this kind, in list order.
    pub fn of_kind<'s>(&'s self, category: &'s str) -> impl Iterator<Item = &'s VendorFact<'a>> {
        self.list.iter().filter(move |v| v.category.id == category)
    }
}
