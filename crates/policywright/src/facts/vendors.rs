//! The vendors that receive personal data: catalogue entries (with the owner's adjustments and
//! settings) and the owner's own, as one list, each with its role, the entity the owner contracts
//! with, the data it receives and where it processes it.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::catalogue::{Catalogues, CcpaRole, GdprRole, Vendor, VendorCategory};
use crate::model::{CookieKind, CustomVendor, Project, TransferSafeguard, VendorAdjustment};

use super::{DataFacts, Home};

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
    /// Where its details come from (links, the owner's purpose).
    pub origin: VendorOrigin<'a>,
    /// Its name, trimmed; never empty.
    pub name: &'a str,
    /// What kind of vendor it is.
    pub category: &'a VendorCategory,
    /// What it does, completing "This provider …".
    pub does: &'a str,
    /// The legal entity the owner contracts with, chosen by where the owner is.
    pub entity: Option<&'a str>,
    /// Its role under the GDPR, after the owner's settings.
    pub gdpr_role: GdprRole,
    /// Its role under the CCPA, after the owner's settings.
    pub ccpa_role: CcpaRole,
    /// What it also uses the data for on its own account, when it does.
    pub own_use: Option<&'a str>,
    /// Receiving data counts as sharing for targeted advertising.
    pub ad_platform: bool,
    /// The account setting that decides its role, when the owner has not answered it (the text
    /// then takes it as on).
    pub unanswered_setting: Option<&'a str>,
    /// Ids of the collected data categories it receives, in catalogue order: what it always
    /// receives and what it may receive, each only where the owner collects it.
    pub data: Vec<&'a str>,
    /// Ids of data it always receives that the owner does not list as collected.
    pub uncollected: Vec<&'a str>,
    /// Countries where it processes data: catalogue codes, upper case, known ones only.
    pub locations: Vec<String>,
    /// The locations are the owner's, not the catalogue's.
    pub locations_adjusted: bool,
    /// The locations come from our list, which does not know them to be all the countries where
    /// it processes data ([`crate::catalogue::Vendor::locations_open`]): it may use others too.
    pub locations_open: bool,
    /// The owner picks the vendor's region and has not said which: no locations are known, and
    /// the owner is asked.
    pub region_unanswered: bool,
    /// For a vendor our list gives as deciding for itself how to use the data (an independent
    /// or joint controller), the country where the company that receives it is established,
    /// when the list says and the owner has not given the vendor's locations. The owner's
    /// transfer goes there; where the vendor processes the data next is its own doing.
    pub receiving_country: Option<String>,
    /// The safeguards for transfers to it abroad: the catalogue's or the owner's description,
    /// and those the owner added.
    pub safeguards: Vec<TransferSafeguard>,
    /// The kind of cookie it sets on the owner's site, if any.
    pub cookies: Option<CookieKind>,
    /// It sets cookies of no settled kind (see [`Vendor::cookie_kind_unsettled`]).
    pub cookie_kind_unsettled: bool,
}

impl VendorFact<'_> {
    /// It also uses the data for purposes of its own, so it is listed apart from processors.
    pub fn own_purposes(&self) -> bool {
        self.own_use.is_some() || self.gdpr_role != GdprRole::Processor
    }

    /// It is certified under the US data privacy frameworks (EU–US, UK Extension, Swiss–US).
    pub fn framework_certified(&self) -> bool {
        match self.origin {
            VendorOrigin::Catalogue(v) => {
                v.safeguard == Some(TransferSafeguard::DataPrivacyFramework)
            }
            VendorOrigin::Custom(c) => c.safeguard == Some(TransferSafeguard::DataPrivacyFramework),
        }
    }
}

/// The vendors in use.
#[derive(Debug, Clone)]
pub struct VendorFacts<'a> {
    /// Catalogue vendors (each once, in the owner's order), then custom vendors with a name and a
    /// known kind.
    pub list: Vec<VendorFact<'a>>,
    /// Data a vendor receives that no purpose the owner lists for its kind of vendor uses, as
    /// (vendor name, data category id), in vendor order.
    unused: Vec<(&'a str, &'a str)>,
    /// Every catalogue vendor as our list gives it for an owner based where this one is, chosen
    /// or not, in catalogue order: what the vendor step shows before the owner adjusts anything.
    pub listed: Vec<ListedVendor<'a>>,
}

/// A catalogue vendor's entity and locations for this owner, before the owner's adjustments.
#[derive(Debug, Clone)]
pub struct ListedVendor<'a> {
    /// The catalogue id.
    pub id: &'a str,
    /// The legal entity an owner based where this one is contracts with, when our list knows it.
    pub entity: Option<&'a str>,
    /// Where it processes such an owner's data: catalogue codes.
    pub locations: &'a [String],
}

/// What resolving a vendor needs besides the vendor itself.
struct Context<'a, 'd> {
    cat: &'a Catalogues,
    /// Whether the owner collects each catalogue data category, by id and by position in the
    /// catalogue: looked up a few times per vendor, for a thousand vendors.
    collects: HashMap<&'a str, bool>,
    collected_at: Vec<bool>,
    europe_home: bool,
    home_country: Option<&'d str>,
}

impl<'a> Context<'a, '_> {
    fn known(&self, codes: &[String]) -> Vec<String> {
        let mut seen = BTreeSet::new();
        codes
            .iter()
            .map(|c| c.trim().to_uppercase())
            .filter(|c| self.cat.countries.contains_key(c))
            .filter(|c| seen.insert(c.clone()))
            .collect()
    }

    /// Splits ids into those collected (in catalogue order) and those the owner does not collect
    /// among `always`.
    fn received(&self, always: &[&'a str], may: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
        let data = self
            .cat
            .categories
            .iter()
            .zip(&self.collected_at)
            .filter(|(c, collected)| **collected && always.iter().chain(may).any(|id| *id == c.id))
            .map(|(c, _)| c.id.as_str())
            .collect();
        let mut uncollected: Vec<&str> = always
            .iter()
            .copied()
            .filter(|id| self.collects.get(id).is_some_and(|collected| !collected))
            .collect();
        uncollected.dedup();
        (data, uncollected)
    }

    fn catalogue(
        &self,
        v: &'a Vendor,
        adjustment: Option<&'a VendorAdjustment>,
        p: &Project,
    ) -> Option<VendorFact<'a>> {
        let setting_on = v
            .own_use_setting
            .as_deref()
            .is_none_or(|s| p.vendors.settings.get(s) != Some(false));
        let own_use = v.own_use.as_deref().filter(|_| setting_on);
        // Sharing data for the vendor's own purposes makes it a controller of that data and, under
        // the CCPA, a third party (Google's Analytics data-sharing terms).
        let (gdpr_role, ccpa_role) = if v.own_use_setting.is_some() && own_use.is_some() {
            (GdprRole::Controller, CcpaRole::ThirdParty)
        } else {
            (v.gdpr_role, v.ccpa_role)
        };
        let mut always: Vec<&str> = v.always.iter().map(String::as_str).collect();
        if let Some(a) = adjustment {
            always.extend(a.data.iter().map(String::as_str));
        }
        let may: Vec<&str> = v.data.iter().map(String::as_str).collect();
        let (data, uncollected) = self.received(&always, &may);
        let adjusted = adjustment.and_then(|a| a.locations.as_ref());
        // Where the owner picks the region, the catalogue's default is a guess: say nothing
        // until the owner says which.
        let region_unanswered = v.region_picked_by_owner && adjusted.is_none();
        let entity = v.entity_for(self.home_country, self.europe_home);
        let receiving_country = match v.gdpr_role {
            GdprRole::Controller | GdprRole::JointController if adjusted.is_none() => entity
                .and_then(|e| self.cat.entity_country(e))
                .filter(|code| self.cat.countries.contains_key(*code))
                .map(str::to_owned),
            _ => None,
        };
        Some(VendorFact {
            origin: VendorOrigin::Catalogue(v),
            name: v.name.as_str(),
            category: self.cat.vendor_category(&v.category)?,
            does: v.does.as_deref().unwrap_or_else(|| {
                self.cat
                    .vendor_category(&v.category)
                    .map_or("", |c| c.does.as_str())
            }),
            entity,
            gdpr_role,
            ccpa_role,
            own_use,
            ad_platform: v.ad_platform,
            unanswered_setting: v
                .own_use_setting
                .as_deref()
                .filter(|s| p.vendors.settings.get(s).is_none()),
            data,
            uncollected,
            locations: if region_unanswered {
                Vec::new()
            } else {
                self.known(
                    adjusted.map_or_else(|| v.locations_for(self.home_country), Vec::as_slice),
                )
            },
            locations_adjusted: adjusted.is_some(),
            locations_open: v.locations_open && adjusted.is_none() && !region_unanswered,
            region_unanswered,
            receiving_country,
            safeguards: v
                .safeguard
                .into_iter()
                .chain(
                    adjustment
                        .into_iter()
                        .flat_map(|a| a.safeguards.iter().copied()),
                )
                .collect(),
            cookies: v.cookies,
            cookie_kind_unsettled: v.cookie_kind_unsettled,
        })
    }

    fn custom(&self, v: &'a CustomVendor) -> Option<VendorFact<'a>> {
        let name = v.name.trim();
        if name.is_empty() {
            return None;
        }
        let category = self.cat.vendor_category(&v.category)?;
        let own_use = v
            .own_use
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let given: Vec<&str> = v.data.iter().map(String::as_str).collect();
        let (data, uncollected) = self.received(&given, &[]);
        Some(VendorFact {
            origin: VendorOrigin::Custom(v),
            name,
            category,
            does: category.does.as_str(),
            entity: v
                .legal_entity
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty()),
            gdpr_role: if own_use.is_some() {
                GdprRole::Controller
            } else {
                GdprRole::Processor
            },
            ccpa_role: if own_use.is_some() {
                CcpaRole::ThirdParty
            } else {
                CcpaRole::ServiceProvider
            },
            own_use,
            ad_platform: category.id == "advertising",
            unanswered_setting: None,
            data,
            uncollected,
            locations: self.known(&v.locations),
            locations_adjusted: false,
            locations_open: false,
            region_unanswered: false,
            receiving_country: None,
            safeguards: v.safeguard.into_iter().collect(),
            cookies: v.cookies,
            cookie_kind_unsettled: false,
        })
    }
}

impl<'a> VendorFacts<'a> {
    pub(super) fn derive(
        p: &'a Project,
        cat: &'a Catalogues,
        home: &Home,
        data: &DataFacts<'a>,
    ) -> VendorFacts<'a> {
        let europe_home = home.in_eea || matches!(home.country.as_deref(), Some("GB") | Some("CH"));
        let cx = Context {
            cat,
            collects: cat
                .categories
                .iter()
                .map(|c| (c.id.as_str(), data.collects(&c.id)))
                .collect(),
            collected_at: cat
                .categories
                .iter()
                .map(|c| data.collects(&c.id))
                .collect(),
            europe_home,
            home_country: home.country.as_deref(),
        };
        let mut seen = BTreeSet::new();
        let catalogue = p
            .vendors
            .catalogue
            .iter()
            .filter(|id| seen.insert(id.as_str()))
            .filter_map(|id| cat.vendor(id))
            .filter_map(|v| {
                let adjustment = p.vendors.adjustments.iter().find(|a| a.vendor == v.id);
                cx.catalogue(v, adjustment, p)
            });
        let custom = p.vendors.custom.iter().filter_map(|v| cx.custom(v));
        let list: Vec<VendorFact<'a>> = catalogue.chain(custom).collect();
        let mut kinds = HashMap::new();
        let unused = list
            .iter()
            .flat_map(|v| {
                let kind = kinds
                    .entry(v.category.id.as_str())
                    .or_insert_with(|| KindUse::of(v.category, p));
                unused_by(v, kind)
            })
            .collect();
        let listed = cat
            .vendors
            .iter()
            .map(|v| ListedVendor {
                id: &v.id,
                entity: v.entity_for(cx.home_country, europe_home),
                locations: v.locations_for(cx.home_country),
            })
            .collect();
        VendorFacts {
            list,
            unused,
            listed,
        }
    }

    /// Data a vendor receives that no purpose the owner lists for that kind of vendor uses, as
    /// (vendor name, data category id). A policy that says data is used for nothing else must
    /// not print while this is not empty.
    pub fn unused_data(&self) -> &[(&'a str, &'a str)] {
        &self.unused
    }

    /// Some vendor of this kind (a vendor-category id such as `payments`) is in use.
    pub fn uses_kind(&self, category: &str) -> bool {
        self.list.iter().any(|v| v.category.id == category)
    }

    /// The vendors of this kind, in list order.
    pub fn of_kind<'s>(&'s self, category: &'s str) -> impl Iterator<Item = &'s VendorFact<'a>> {
        self.list.iter().filter(move |v| v.category.id == category)
    }

    /// The ad platforms in use: data they receive is shared for targeted advertising.
    pub fn ad_platforms<'s>(&'s self) -> impl Iterator<Item = &'s VendorFact<'a>> {
        self.list.iter().filter(|v| v.ad_platform)
    }
}

/// What the owner's purposes for one kind of vendor use, drawn once per kind rather than once
/// per vendor (the 1,000-entry project has 1,047 vendors and 1,000 purposes).
struct KindUse<'p> {
    /// The kind serves only some purposes (it is checked at all).
    checked: bool,
    /// Some purpose the owner lists is one of the kind's.
    used: bool,
    /// The data categories those purposes use.
    data: HashSet<&'p str>,
}

impl<'p> KindUse<'p> {
    fn of(kind: &VendorCategory, p: &'p Project) -> KindUse<'p> {
        let uses = p
            .purposes
            .iter()
            .filter(|u| kind.purposes.contains(&u.purpose));
        let mut used = false;
        let mut data = HashSet::new();
        for u in uses {
            used = true;
            data.extend(u.categories.iter().map(String::as_str));
        }
        KindUse {
            checked: !kind.purposes.is_empty(),
            used,
            data,
        }
    }
}

/// The data `v` receives that none of the owner's purposes for its kind of vendor (`kind`) uses.
/// Data any use of a catalogue vendor sends it (a script's IP address) goes with whichever purpose
/// uses the vendor; kinds of vendor that serve every purpose are not checked.
fn unused_by<'a>(v: &VendorFact<'a>, kind: &KindUse<'_>) -> Vec<(&'a str, &'a str)> {
    if !kind.checked {
        return Vec::new();
    }
    let always: &[String] = match v.origin {
        VendorOrigin::Catalogue(c) if kind.used => &c.always,
        _ => &[],
    };
    v.data
        .iter()
        .filter(|id| !always.iter().any(|a| a == *id))
        .filter(|id| !kind.data.contains(*id))
        .map(|id| (v.name, *id))
        .collect()
}
