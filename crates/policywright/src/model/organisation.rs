//! Who the owner is and what the policy covers.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The organisation responsible for the data (the controller).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Registered legal name, e.g. "Northwind Analytics GmbH".
    #[serde(default)]
    pub legal_name: String,
    /// The name customers know, when it differs from the legal name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trading_name: Option<String>,
    /// Postal address of the organisation.
    #[serde(default)]
    pub address: PostalAddress,
    /// Email address for privacy questions and requests.
    #[serde(default)]
    pub email: String,
    /// Phone number for privacy requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Main website, as a full `https://` URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Company registration number and register, e.g. "HRB 123456, Amtsgericht Berlin".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_number: Option<String>,
    /// Data protection officer (or privacy officer), if one is appointed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<Contact>,
    /// Representative in the EU (GDPR Art. 27), for organisations outside the EU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eu_representative: Option<Contact>,
    /// Representative in the UK (UK GDPR Art. 27), for organisations outside the UK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uk_representative: Option<Contact>,
}

/// A postal address. `country` is an ISO 3166-1 alpha-2 code (`DE`, `GB`, `US`, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PostalAddress {
    /// Street lines, in order.
    #[serde(default)]
    pub street: Vec<String>,
    /// Town or city.
    #[serde(default)]
    pub city: String,
    /// State, county or province, where addresses use one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Postcode or ZIP code.
    #[serde(default)]
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default)]
    pub country: String,
}

/// A named person or organisation people can write to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name of the person or firm.
    #[serde(default)]
    pub name: String,
    /// Email address.
    #[serde(default)]
    pub email: String,
    /// Postal address, when one is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PostalAddress>,
}

/// A website, app or service the policy covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Name as users know it.
    pub name: String,
    /// What sort of product it is.
    pub kind: ProductKind,
    /// Where to find it, as a full URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Sorts of product a policy can cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ProductKind {
    /// A website.
    Website,
    /// A web application people sign in to.
    WebApp,
    /// An app for phones or tablets.
    MobileApp,
    /// A desktop program.
    DesktopApp,
    /// A programming interface.
    Api,
    /// An online shop.
    Shop,
}
