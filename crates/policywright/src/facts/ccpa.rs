//! The CCPA's statutory categories of personal information (Cal. Civ. Code §1798.140(v)(1)):
//! which are collected, who receives them and whether they are sold or shared.

use std::collections::BTreeMap;

use crate::catalogue::{DataCategory, VendorCategory};

use super::{DataFacts, VendorFacts};

/// One CCPA category collected.
#[derive(Debug, Clone)]
pub struct CcpaCategoryFact<'a> {
    /// Its key in the catalogue's `ccpa_categories` (the statute's letter).
    pub letter: &'a str,
    /// The collected data categories that fall in it.
    pub categories: Vec<&'a DataCategory>,
    /// Kinds of vendor that receive some of it for a business purpose (every recipient but the
    /// ad platforms), sorted by label.
    pub disclosed_to: Vec<&'a VendorCategory>,
    /// Kinds of ad platform that receive some of it: that disclosure shares it for targeted
    /// advertising. Sorted by label.
    pub shared_to: Vec<&'a VendorCategory>,
}

impl CcpaCategoryFact<'_> {
    /// Some of it is sold or shared.
    pub fn sold_or_shared(&self) -> bool {
        !self.shared_to.is_empty()
    }
}

pub(super) fn categories<'a>(
    data: &DataFacts<'a>,
    vendors: &VendorFacts<'a>,
) -> Vec<CcpaCategoryFact<'a>> {
    let mut letters: BTreeMap<&'a str, CcpaCategoryFact<'a>> = BTreeMap::new();
    for d in &data.collected {
        let c = d.category;
        letters
            .entry(c.ccpa.as_str())
            .or_insert_with(|| CcpaCategoryFact {
                letter: c.ccpa.as_str(),
                categories: Vec::new(),
                disclosed_to: Vec::new(),
                shared_to: Vec::new(),
            })
            .categories
            .push(c);
    }
    for v in &vendors.list {
        for id in &v.data {
            let Some(entry) = data
                .get(id)
                .and_then(|d| letters.get_mut(d.category.ccpa.as_str()))
            else {
                continue;
            };
            let list = if v.ad_platform {
                &mut entry.shared_to
            } else {
                &mut entry.disclosed_to
            };
            if !list.iter().any(|k| k.id == v.category.id) {
                list.push(v.category);
            }
        }
    }
    letters
        .into_values()
        .map(|mut f| {
            f.disclosed_to.sort_by(|a, b| a.label.cmp(&b.label));
            f.shared_to.sort_by(|a, b| a.label.cmp(&b.label));
            f
        })
        .collect()
}
