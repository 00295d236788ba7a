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
    /// Kinds of vendor that receive some of it, sorted by label.
    pub disclosed_to: Vec<&'a VendorCategory>,
    /// Some of it goes to an advertising vendor while the owner sells or shares: that disclosure
    /// is a sale or a share.
    pub sold_or_shared: bool,
}

pub(super) fn categories<'a>(
    data: &DataFacts<'a>,
    vendors: &VendorFacts<'a>,
    sells_or_shares: bool,
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
                sold_or_shared: false,
            })
            .categories
            .push(c);
    }
    for v in &vendors.list {
        for id in v.data {
            let Some(entry) = data
                .get(id)
                .and_then(|d| letters.get_mut(d.category.ccpa.as_str()))
            else {
                continue;
            };
            if !entry.disclosed_to.iter().any(|k| k.id == v.category.id) {
                entry.disclosed_to.push(v.category);
            }
            if sells_or_shares && v.category.id == "advertising" {
                entry.sold_or_shared = true;
            }
        }
    }
    letters
        .into_values()
        .map(|mut f| {
            f.disclosed_to.sort_by(|a, b| a.label.cmp(&b.label));
            f
        })
        .collect()
}
