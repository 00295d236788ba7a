//! Where data goes, per law: for each regime the owner addresses, the countries outside its
//! territory where the data ends up (the organisation's own country and each recipient's
//! locations) and, for each recipient there, the mechanism that law offers for the transfer.
//!
//! A vendor that decides for itself how to use the data receives it where its contracting
//! company is established ([`super::VendorFact::receiving_country`]): that is the owner's
//! transfer, which needs a mechanism. Where it processes the data next is its own transfer, so
//! those countries are listed apart ([`RegimeTransfers::onward`]), named but asking nothing of
//! the owner.

use std::collections::BTreeMap;

use crate::catalogue::{Catalogues, Country, GdprRole, Jurisdiction, RegimeTerritory};
use crate::model::{Project, TransferSafeguard};

use super::{Home, Regions, VendorFacts};

/// Whether a regime's law recognises a destination as adequate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adequacy {
    /// Its law recognises the destination as adequate.
    Adequate,
    /// Adequate only for recipients certified under the US framework this law recognises.
    Certified,
    /// Its adequacy list was read in full and does not include the destination.
    NotAdequate,
    /// We could not confirm either way: the text names no comparison.
    Unconfirmed,
}

/// How a transfer to one recipient is made lawful under one regime's law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mechanism {
    /// The destination is adequate.
    Adequacy,
    /// The recipient is certified under the US framework this law recognises.
    Framework,
    /// Contract clauses approved under this law (SCCs, the UK IDTA or Addendum).
    Contracts,
    /// Binding corporate rules.
    Rules,
}

/// One recipient in one destination.
#[derive(Debug, Clone)]
pub struct Route<'a> {
    /// Its name.
    pub recipient: &'a str,
    /// The mechanism, when the answers give one that works under this law.
    pub mechanism: Option<Mechanism>,
}

/// One country outside a regime's territory where data goes.
#[derive(Debug, Clone)]
pub struct Destination<'a> {
    /// The catalogue code.
    pub code: String,
    /// The country.
    pub country: &'a Country,
    /// The organisation itself is based there.
    pub ours: bool,
    /// Whether the regime's law recognises it as adequate.
    pub adequacy: Adequacy,
    /// Each recipient there, in vendor order.
    pub routes: Vec<Route<'a>>,
}

/// Where data of people under one regime goes.
#[derive(Debug, Clone)]
pub struct RegimeTransfers<'a> {
    /// The regime.
    pub jurisdiction: &'a Jurisdiction,
    /// Its territory and adequacy data.
    pub territory: &'a RegimeTerritory,
    /// Countries outside it, sorted by name.
    pub destinations: Vec<Destination<'a>>,
    /// Vendors that decide for themselves how to use the data, with the countries outside the
    /// territory where they may process it after receiving it elsewhere, in vendor order.
    pub onward: Vec<Onward<'a>>,
    /// Recipients acting on the owner's instructions whose countries our list does not know to
    /// be complete ([`super::VendorFact::locations_open`]), in vendor order: they may process
    /// data in other countries. Those deciding for themselves say so in [`Onward::open`].
    pub open: Vec<&'a str>,
    /// Each recipient there needs a mechanism under this law, so one without is a finding: the
    /// law's policy text names mechanisms, or the organisation itself exports the data from
    /// inside the territory (`exporter_mechanisms`).
    pub needs_mechanisms: bool,
}

impl RegimeTransfers<'_> {
    /// Routes with no mechanism, as (recipient, country name, what the law's adequacy list says
    /// of the country).
    pub fn unprotected(&self) -> impl Iterator<Item = (&str, &str, Adequacy)> {
        self.destinations.iter().flat_map(|d| {
            d.routes
                .iter()
                .filter(|r| r.mechanism.is_none())
                .map(|r| (r.recipient, d.country.name.as_str(), d.adequacy))
        })
    }
}

/// Where a vendor that decides for itself how to use the data may take it after receiving it:
/// countries outside the territory, other countries too, or both.
#[derive(Debug, Clone)]
pub struct Onward<'a> {
    /// The vendor's name.
    pub recipient: &'a str,
    /// Countries outside the territory, other than where it receives the data, sorted by name;
    /// empty when only `open` puts it here.
    pub countries: Vec<&'a Country>,
    /// It may process the data in other countries too.
    pub open: bool,
}

/// Data sent abroad, per regime addressed.
#[derive(Debug, Clone)]
pub struct TransferFacts<'a> {
    /// Each addressed regime with transfer rules, in the catalogue's order of regions.
    pub regimes: Vec<RegimeTransfers<'a>>,
}

/// A recipient and where it receives data, before the regime is applied.
struct Recipient<'a> {
    name: &'a str,
    locations: Vec<String>,
    /// Where it may process the data next, on its own account.
    onward: Vec<String>,
    safeguards: Vec<TransferSafeguard>,
    certified: bool,
    /// Its countries may not be all of them.
    open: bool,
    /// It decides for itself how to use the data (an independent or joint controller), so where
    /// it takes the data next is its own doing.
    decides: bool,
}

impl<'a> TransferFacts<'a> {
    pub(super) fn derive(
        p: &'a Project,
        cat: &'a Catalogues,
        home: &Home,
        regions: &Regions,
        vendors: &VendorFacts<'a>,
    ) -> TransferFacts<'a> {
        let recipients = recipients(p, cat, vendors);
        let regimes = cat
            .jurisdictions
            .iter()
            .filter(|j| regions.has(&j.id))
            .filter_map(|j| {
                let territory = cat.transfer_regimes.regime.get(&j.id)?;
                let destinations = destinations(cat, territory, home, &recipients);
                let onward = onward(cat, territory, &recipients);
                let open = recipients
                    .iter()
                    .filter(|r| r.open && !r.decides)
                    .map(|r| r.name)
                    .collect();
                let inside = home
                    .country
                    .as_deref()
                    .is_some_and(|code| territory.contains(code, cat.countries.get(code)));
                Some(RegimeTransfers {
                    jurisdiction: j,
                    territory,
                    destinations,
                    onward,
                    open,
                    needs_mechanisms: territory.mechanisms
                        || (territory.exporter_mechanisms && inside),
                })
            })
            .collect();
        TransferFacts { regimes }
    }

    /// Some data leaves the territory of some regime addressed.
    pub fn any(&self) -> bool {
        self.regimes.iter().any(|r| !r.destinations.is_empty())
    }

    /// Routes under `regime` whose mechanism is the contract clauses approved under its law.
    pub fn on_contracts(&self, regime: &str) -> Vec<&'a str> {
        self.regime(regime)
            .map(|r| {
                r.destinations
                    .iter()
                    .flat_map(|d| d.routes.iter())
                    .filter(|route| route.mechanism == Some(Mechanism::Contracts))
                    .map(|route| route.recipient)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The regime with this jurisdiction id, when addressed.
    pub fn regime(&self, id: &str) -> Option<&RegimeTransfers<'a>> {
        self.regimes.iter().find(|r| r.jurisdiction.id == id)
    }
}

fn recipients<'a>(
    p: &'a Project,
    cat: &Catalogues,
    vendors: &VendorFacts<'a>,
) -> Vec<Recipient<'a>> {
    let vendors = vendors.list.iter().map(|v| Recipient {
        name: v.name,
        locations: match &v.receiving_country {
            Some(code) => vec![code.clone()],
            None => v.locations.clone(),
        },
        onward: match &v.receiving_country {
            Some(code) => v.locations.iter().filter(|c| *c != code).cloned().collect(),
            None => Vec::new(),
        },
        safeguards: v.safeguards.clone(),
        certified: v.framework_certified(),
        open: v.locations_open,
        decides: matches!(
            v.gdpr_role,
            GdprRole::Controller | GdprRole::JointController
        ),
    });
    let group = p.vendors.group_companies.iter().filter_map(|g| {
        let name = g.name.trim();
        let code = g.country.trim().to_uppercase();
        (!name.is_empty() && cat.countries.contains_key(&code)).then(|| Recipient {
            name,
            locations: vec![code],
            onward: Vec::new(),
            safeguards: g.safeguards.clone(),
            certified: g
                .safeguards
                .contains(&TransferSafeguard::DataPrivacyFramework),
            open: false,
            decides: false,
        })
    });
    vendors.chain(group).collect()
}

fn destinations<'a>(
    cat: &'a Catalogues,
    territory: &RegimeTerritory,
    home: &Home,
    recipients: &[Recipient<'a>],
) -> Vec<Destination<'a>> {
    let mut found: BTreeMap<String, Destination<'a>> = BTreeMap::new();
    if let Some(d) = home
        .country
        .as_deref()
        .and_then(|code| visit(&mut found, cat, territory, code))
    {
        d.ours = true;
    }
    for r in recipients {
        for code in &r.locations {
            if let Some(d) = visit(&mut found, cat, territory, code) {
                let mechanism = mechanism(territory, d.adequacy, code, r);
                d.routes.push(Route {
                    recipient: r.name,
                    mechanism,
                });
            }
        }
    }
    let mut list: Vec<Destination<'a>> = found.into_values().collect();
    list.sort_by(|a, b| a.country.name.cmp(&b.country.name));
    list
}

/// Each deciding recipient's onward countries outside the territory; one whose list may not be
/// complete is listed even with none.
fn onward<'a>(
    cat: &'a Catalogues,
    territory: &RegimeTerritory,
    recipients: &[Recipient<'a>],
) -> Vec<Onward<'a>> {
    recipients
        .iter()
        .filter_map(|r| {
            let mut countries: Vec<&Country> = r
                .onward
                .iter()
                .filter_map(|code| cat.countries.get(code).map(|c| (code, c)))
                .filter(|(code, c)| !territory.contains(code, Some(c)))
                .map(|(_, c)| c)
                .collect();
            countries.sort_by(|a, b| a.name.cmp(&b.name));
            (!countries.is_empty() || (r.decides && r.open)).then_some(Onward {
                recipient: r.name,
                countries,
                open: r.open,
            })
        })
        .collect()
}

/// The destination for `code`, added on first sight; `None` when the country is unknown or inside
/// the regime's territory.
fn visit<'m, 'a>(
    found: &'m mut BTreeMap<String, Destination<'a>>,
    cat: &'a Catalogues,
    territory: &RegimeTerritory,
    code: &str,
) -> Option<&'m mut Destination<'a>> {
    let country = cat.countries.get(code)?;
    if territory.contains(code, Some(country)) {
        return None;
    }
    let adequacy = if territory.adequate(code, Some(country)) {
        Adequacy::Adequate
    } else if code == "US" && territory.framework.is_some() {
        Adequacy::Certified
    } else if territory.list_complete() {
        Adequacy::NotAdequate
    } else {
        Adequacy::Unconfirmed
    };
    Some(found.entry(code.to_owned()).or_insert_with(|| Destination {
        code: code.to_owned(),
        country,
        ours: false,
        adequacy,
        routes: Vec::new(),
    }))
}

/// The mechanism a recipient's transfer rests on under this regime, if the answers give one.
fn mechanism(
    territory: &RegimeTerritory,
    adequacy: Adequacy,
    code: &str,
    r: &Recipient<'_>,
) -> Option<Mechanism> {
    if adequacy == Adequacy::Adequate {
        return Some(Mechanism::Adequacy);
    }
    if code == "US" && r.certified && territory.framework.is_some() {
        return Some(Mechanism::Framework);
    }
    if territory
        .contracts
        .is_some_and(|c| r.safeguards.contains(&c))
    {
        return Some(Mechanism::Contracts);
    }
    // Anything else (an adequacy decision or a framework named for a destination they do not
    // cover, or another law's clauses) gives no mechanism under this law.
    (territory.rules
        && r.safeguards
            .contains(&TransferSafeguard::BindingCorporateRules))
    .then_some(Mechanism::Rules)
}
