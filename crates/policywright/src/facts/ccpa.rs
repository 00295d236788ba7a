//! The CCPA's statutory categories of personal information (Cal. Civ. Code §1798.140(v)(1)):
//! which are collected, who receives them and whether they are sold or shared.
//!
//! Sensitive personal information is a category of its own, (v)(1)(L), beside the category each
//! kind of data falls in, so data marked sensitive is listed twice.
//!
//! A statutory category is split into rows by who it is sold or shared to: an ad platform that
//! receives approximate location does not receive precise location, so one "Geolocation data"
//! row sold to advertisers would say more than is true of the precise location in it.

use std::collections::{BTreeMap, HashMap};

use crate::catalogue::{DataCategory, VendorCategory};

use super::{DataFacts, VendorFacts};

/// One row of CCPA data: the collected data categories of one statutory category that go to the
/// same ad platforms (or to none).
#[derive(Debug, Clone)]
pub struct CcpaCategoryFact<'a> {
    /// Its key in the catalogue's `ccpa_categories` (the statute's letter).
    pub letter: &'a str,
    /// The collected data categories in this row, in catalogue order.
    pub categories: Vec<&'a DataCategory>,
    /// Kinds of vendor that receive some of it for a business purpose (every recipient but the
    /// ad platforms), sorted by label.
    pub disclosed_to: Vec<&'a VendorCategory>,
    /// Kinds of ad platform that receive every data category of this row: that disclosure
    /// shares it for targeted advertising. Sorted by label.
    pub shared_to: Vec<&'a VendorCategory>,
}

impl CcpaCategoryFact<'_> {
    /// Some of it is sold or shared.
    pub fn sold_or_shared(&self) -> bool {
        !self.shared_to.is_empty()
    }
}

/// Who receives one collected data category.
struct Recipients<'a> {
    disclosed_to: Vec<&'a VendorCategory>,
    shared_to: Vec<&'a VendorCategory>,
}

fn add<'a>(list: &mut Vec<&'a VendorCategory>, kind: &'a VendorCategory) {
    if !list.iter().any(|k| k.id == kind.id) {
        list.push(kind);
    }
}

/// Who receives each data category, by category id: one pass over the vendors.
fn recipients<'a>(vendors: &VendorFacts<'a>) -> HashMap<&'a str, Recipients<'a>> {
    let mut by_data: HashMap<&'a str, Recipients<'a>> = HashMap::new();
    for v in &vendors.list {
        for id in &v.data {
            let r = by_data.entry(id).or_insert_with(|| Recipients {
                disclosed_to: Vec::new(),
                shared_to: Vec::new(),
            });
            add(
                if v.ad_platform {
                    &mut r.shared_to
                } else {
                    &mut r.disclosed_to
                },
                v.category,
            );
        }
    }
    for r in by_data.values_mut() {
        r.shared_to.sort_by(|a, b| a.id.cmp(&b.id));
    }
    by_data
}

/// The letter of "Sensitive personal information" in §1798.140(v)(1).
const SENSITIVE: &str = "L";

pub(super) fn categories<'a>(
    data: &DataFacts<'a>,
    vendors: &VendorFacts<'a>,
) -> Vec<CcpaCategoryFact<'a>> {
    // Keyed by letter, then by the ad platforms' kinds (none first).
    let mut rows: BTreeMap<(&'a str, Vec<&'a str>), CcpaCategoryFact<'a>> = BTreeMap::new();
    let by_data = recipients(vendors);
    let nobody = Recipients {
        disclosed_to: Vec::new(),
        shared_to: Vec::new(),
    };
    for d in &data.collected {
        let c = d.category;
        let r = by_data.get(c.id.as_str()).unwrap_or(&nobody);
        let letters = std::iter::once(c.ccpa.as_str()).chain(c.sensitive_pi.then_some(SENSITIVE));
        for letter in letters {
            let key = (letter, r.shared_to.iter().map(|k| k.id.as_str()).collect());
            let row = rows.entry(key).or_insert_with(|| CcpaCategoryFact {
                letter,
                categories: Vec::new(),
                disclosed_to: Vec::new(),
                shared_to: r.shared_to.clone(),
            });
            row.categories.push(c);
            for k in &r.disclosed_to {
                add(&mut row.disclosed_to, k);
            }
        }
    }
    rows.into_values()
        .map(|mut f| {
            f.disclosed_to.sort_by(|a, b| a.label.cmp(&b.label));
            f.shared_to.sort_by(|a, b| a.label.cmp(&b.label));
            f
        })
        .collect()
}
