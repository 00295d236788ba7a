//! Who is responsible: the organisation, its contacts and postal addresses, and its products.

use serde::Serialize;

use super::{filled, label, web};
use crate::catalogue::Catalogues;
use crate::facts::Facts;
use crate::model::{Contact, PostalAddress, Project};
use crate::text;

/// The organisation.
#[derive(Serialize, PartialEq)]
pub(crate) struct Org {
    /// Its registered name.
    legal_name: String,
    /// The name it trades under, when it differs from the legal name.
    trading_name: Option<String>,
    /// The name the policy calls it by: the trading name, else the legal name.
    pub display_name: String,
    /// Its postal address, one line a part, in its country's order.
    address: Vec<String>,
    /// The privacy email, when well formed.
    email: Option<String>,
    /// A phone number.
    phone: Option<String>,
    /// Its website, when a well-formed web address.
    website: Option<String>,
    /// Its company registration number.
    registration_number: Option<String>,
    /// Its data protection officer.
    dpo: Option<ContactView>,
    /// Its representative in the EU.
    eu_representative: Option<ContactView>,
    /// Its representative in the UK.
    uk_representative: Option<ContactView>,
}

/// A named contact.
#[derive(Serialize, PartialEq)]
pub(crate) struct ContactView {
    /// Name (never blank).
    name: String,
    /// Email, when well formed.
    email: Option<String>,
    /// Postal address lines.
    address: Vec<String>,
}

/// A product the policy covers.
#[derive(Serialize, PartialEq)]
pub(crate) struct ProductView {
    /// Its name.
    name: String,
    /// What kind of product it is (a label).
    kind: String,
    /// Its address, when a well-formed web address.
    url: Option<String>,
}

pub(super) fn org(facts: &Facts<'_>) -> Org {
    let cat = facts.catalogues();
    let o = &facts.answers().organisation;
    let legal_name = o.legal_name.trim().to_owned();
    let trading_name = filled(&o.trading_name).filter(|t| *t != legal_name);
    Org {
        display_name: trading_name.clone().unwrap_or_else(|| legal_name.clone()),
        legal_name,
        trading_name,
        address: address_lines(&o.address, cat),
        email: Some(o.email.trim().to_owned()).filter(|e| text::is_email(e)),
        phone: filled(&o.phone),
        website: web(&o.website),
        registration_number: filled(&o.registration_number),
        dpo: contact(&o.dpo, cat),
        eu_representative: contact(&o.eu_representative, cat),
        uk_representative: contact(&o.uk_representative, cat),
    }
}

pub(super) fn products(p: &Project, s: &toml::Table) -> Vec<ProductView> {
    p.products
        .iter()
        .filter(|x| !x.name.trim().is_empty())
        .map(|x| ProductView {
            name: x.name.trim().to_owned(),
            kind: label(s, "product_kind", &x.kind),
            url: web(&x.url),
        })
        .collect()
}

fn contact(c: &Option<Contact>, cat: &Catalogues) -> Option<ContactView> {
    let c = c.as_ref()?;
    let name = c.name.trim().to_owned();
    if name.is_empty() {
        return None;
    }
    Some(ContactView {
        name,
        email: Some(c.email.trim().to_owned()).filter(|e| text::is_email(e)),
        address: c
            .address
            .as_ref()
            .map(|a| address_lines(a, cat))
            .unwrap_or_default(),
    })
}

/// A postal address in the order its country writes it (the catalogue's [`AddressFormat`]),
/// ending with the country's name.
///
/// [`AddressFormat`]: crate::catalogue::AddressFormat
fn address_lines(a: &PostalAddress, cat: &Catalogues) -> Vec<String> {
    let mut lines: Vec<String> = a
        .street
        .iter()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let country = cat.countries.get(&a.country.trim().to_uppercase());
    let format = country.map(|c| c.address).unwrap_or_default();
    let region = filled(&a.region).unwrap_or_default();
    lines.extend(format.lines(a.city.trim(), &region, a.postal_code.trim()));
    if let Some(country) = country {
        lines.push(country.short_name());
    }
    lines
}
