//! The catalogues: data categories, purposes, vendors, countries and jurisdictions, read from the
//! TOML files in `templates/catalogues/`. Facts live in those files; this module only gives them
//! types and lookups.

mod countries;
mod entity;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

mod transfer;
mod vendor;

pub use entity::Entity;
pub use transfer::{RegimeTerritory, TransferRegimes};
pub use vendor::{ALL_DATA, CcpaRole, GdprRole, SourceLevel, Vendor, VendorSource};

use crate::model::LegalBasis;

pub use countries::{AddressFormat, CountryError, CountryName};

/// All catalogues, loaded once. The wizard receives them whole to offer its choices.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Catalogues {
    /// Data categories in catalogue order.
    pub categories: Vec<DataCategory>,
    /// CCPA statutory category labels by letter.
    pub ccpa_categories: BTreeMap<String, String>,
    /// Purposes in catalogue order.
    pub purposes: Vec<Purpose>,
    /// Vendor categories in the order the policy lists them.
    pub vendor_categories: Vec<VendorCategory>,
    /// Vendors in catalogue order.
    pub vendors: Vec<Vendor>,
    /// Countries by ISO code.
    pub countries: BTreeMap<String, Country>,
    /// Jurisdictions in the order the policy lists them.
    pub jurisdictions: Vec<Jurisdiction>,
    /// The authority supervising an organisation in each EEA country; not sent to the wizard.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub authorities: crate::authorities::Authorities,
    /// Each regime's territory and the destinations its law treats as adequate.
    #[cfg_attr(feature = "ts", ts(skip))]
    pub transfer_regimes: TransferRegimes,
    /// Where the companies of vendors that use data for their own purposes are established.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub entities: Vec<Entity>,
}

/// A kind of personal data.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    /// Stable id used in project files.
    pub id: String,
    /// Plain label.
    pub label: String,
    /// Plain examples.
    pub examples: Vec<String>,
    /// Special category under GDPR Art. 9(1).
    #[serde(default)]
    pub gdpr_special: bool,
    /// CCPA statutory category letter.
    pub ccpa: String,
    /// Sensitive personal information under the CCPA.
    #[serde(default)]
    pub sensitive_pi: bool,
    /// Data about people other than the one using the service, such as people they invite: they
    /// have no contract with the owner.
    #[serde(default)]
    pub about_others: bool,
    /// Sensitive data under the definition the US state laws share (Va. Code §59.1-575 and the
    /// like): opt-in consent first.
    #[serde(default)]
    pub us_sensitive: bool,
    /// Consumer health data under Washington's My Health My Data Act whatever the context
    /// (RCW 19.373.010, law row `washington.consumer-health-data`): health, biometric and genetic
    /// data. Precise location counts only near health services, which no answer tells.
    #[serde(default)]
    pub wa_consumer_health: bool,
}

impl DataCategory {
    /// The labels of `categories`, in their order.
    pub fn labels(categories: &[&DataCategory]) -> Vec<String> {
        categories.iter().map(|c| c.label.clone()).collect()
    }
}

/// A reason to use personal data.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// Stable id used in project files.
    pub id: String,
    /// Short label.
    pub label: String,
    /// Completes "We use your data to …".
    pub description: String,
    /// The usual legal basis.
    pub legal_basis: LegalBasis,
    /// People can always object to this purpose (GDPR Art. 21(2)).
    #[serde(default)]
    pub direct_marketing: bool,
    /// The purpose builds a profile of people (personalisation, targeted advertising), which US
    /// state laws let people opt out of and restrict for minors.
    #[serde(default)]
    pub profiling: bool,
    /// Data category ids it usually uses: where a new purpose starts (see
    /// [`crate::defaults::default_data_for_purpose`], which the wizard calls instead of reading this).
    #[serde(default, skip_serializing)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub data: Vec<String>,
    /// Marketing, analytics, advertising or profiling: it never starts with sensitive data.
    #[serde(default, skip_serializing)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub marketing_or_analytics: bool,
}

/// A group of vendors doing the same job.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct VendorCategory {
    /// Stable id.
    pub id: String,
    /// Heading label.
    pub label: String,
    /// Completes "This provider …".
    pub does: String,
    /// The purposes this kind of vendor serves, when they are few: each kind of data such a
    /// vendor receives (beyond what any use of it sends) must be used by one of them that the
    /// owner lists. Empty for kinds that serve every purpose (hosting).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub purposes: Vec<String>,
}

/// A country.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// Name as used mid-sentence ("the United States").
    pub name: String,
    /// In the European Economic Area.
    #[serde(default)]
    pub eea: bool,
    /// Covered by an EU adequacy decision.
    #[serde(default)]
    pub eu_adequacy: bool,
    /// Other names owners type for it ("UK", "USA"). Not sent to the wizard, which lists
    /// [`CountryName`]s and asks the core to resolve what is typed.
    #[serde(default, skip_serializing)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub aliases: Vec<String>,
    /// The order of its postal addresses' last lines.
    #[serde(default, skip_serializing)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub address: AddressFormat,
}

/// A legal regime the owner can address.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// Stable id used in project files.
    pub id: String,
    /// Name as used mid-sentence.
    pub name: String,
    /// Short name for headings.
    pub short: String,
    /// The law, named in full.
    pub law: String,
    /// The law's own word for personal data.
    pub term: String,
    /// Where to complain.
    pub authority: String,
    /// The authority's complaint page.
    pub authority_url: String,
    /// When the law applies to an organisation, in plain words, for the wizard.
    pub applies: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    ccpa_categories: BTreeMap<String, String>,
    category: Vec<DataCategory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PurposeFile {
    purpose: Vec<Purpose>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VendorFile {
    vendor_category: Vec<VendorCategory>,
    vendor: Vec<Vendor>,
    #[serde(default)]
    entity: Vec<Entity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JurisdictionFile {
    jurisdiction: Vec<Jurisdiction>,
}

/// A catalogue file that does not parse. Only a broken build can produce this: the files are
/// embedded and checked by the tests.
#[derive(Debug, thiserror::Error)]
#[error("catalogue {file} is invalid: {source}")]
pub struct CatalogueError {
    file: String,
    source: toml::de::Error,
}

fn parse<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, CatalogueError> {
    toml::from_str(text).map_err(|source| CatalogueError {
        file: file.to_owned(),
        source,
    })
}

/// Fails on the first country code a vendor names that `countries.toml` does not list: an owner's
/// policy would otherwise drop the country silently.
fn known_countries(
    vendors: &[Vendor],
    entities: &[Entity],
    countries: &BTreeMap<String, Country>,
) -> Result<(), CatalogueError> {
    if let Some(e) = entities
        .iter()
        .find(|e| !countries.contains_key(&e.country))
    {
        return Err(CatalogueError {
            file: "vendors.toml".to_owned(),
            source: serde::de::Error::custom(format!(
                "entity {}: country names \"{}\", which is not a country in countries.toml",
                e.name, e.country
            )),
        });
    }
    for v in vendors {
        if let Some((field, code)) = v
            .country_codes()
            .into_iter()
            .find(|(_, code)| !countries.contains_key(*code))
        {
            return Err(CatalogueError {
                file: "vendors.toml".to_owned(),
                source: serde::de::Error::custom(format!(
                    "vendor {}: {field} names \"{code}\", which is not a country in countries.toml",
                    v.id
                )),
            });
        }
    }
    Ok(())
}

impl Catalogues {
    /// Parses the catalogue files, given as (file name, text) pairs read from the template folder.
    pub(crate) fn parse(
        read: impl Fn(&str) -> Option<&'static str>,
    ) -> Result<Self, CatalogueError> {
        let get = |file: &str| -> Result<&'static str, CatalogueError> {
            read(file).ok_or_else(|| CatalogueError {
                file: file.to_owned(),
                source: serde::de::Error::custom("file is missing"),
            })
        };
        let cats: CategoryFile = parse("data-categories.toml", get("data-categories.toml")?)?;
        let purposes: PurposeFile = parse("purposes.toml", get("purposes.toml")?)?;
        let mut vendors: VendorFile = parse("vendors.toml", get("vendors.toml")?)?;
        for v in &mut vendors.vendor {
            v.expand_all_data(&cats.category);
        }
        let countries: BTreeMap<String, Country> = parse("countries.toml", get("countries.toml")?)?;
        known_countries(&vendors.vendor, &vendors.entity, &countries)?;
        let jurisdictions: JurisdictionFile =
            parse("jurisdictions.toml", get("jurisdictions.toml")?)?;
        let transfer_regimes: TransferRegimes =
            parse("transfer-mechanisms.toml", get("transfer-mechanisms.toml")?)?;
        Ok(Catalogues {
            categories: cats.category,
            ccpa_categories: cats.ccpa_categories,
            purposes: purposes.purpose,
            vendor_categories: vendors.vendor_category,
            vendors: vendors.vendor,
            countries,
            jurisdictions: jurisdictions.jurisdiction,
            authorities: parse("authorities.toml", get("authorities.toml")?)?,
            transfer_regimes,
            entities: vendors.entity,
        })
    }

    /// The data category with this id.
    pub fn category(&self, id: &str) -> Option<&DataCategory> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The purpose with this id.
    pub fn purpose(&self, id: &str) -> Option<&Purpose> {
        self.purposes.iter().find(|p| p.id == id)
    }

    /// Where the contracting company named `name` is established, when the catalogue says.
    pub fn entity_country(&self, name: &str) -> Option<&str> {
        self.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.country.as_str())
    }

    /// The vendor with this id.
    pub fn vendor(&self, id: &str) -> Option<&Vendor> {
        self.vendors.iter().find(|v| v.id == id)
    }

    /// The vendor category with this id.
    pub fn vendor_category(&self, id: &str) -> Option<&VendorCategory> {
        self.vendor_categories.iter().find(|c| c.id == id)
    }

    /// The jurisdiction with this id.
    pub fn jurisdiction(&self, id: &str) -> Option<&Jurisdiction> {
        self.jurisdictions.iter().find(|j| j.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded catalogue files, with `vendors.toml` replaced by `vendors`.
    fn parse_with(vendors: &'static str) -> Result<Catalogues, CatalogueError> {
        Catalogues::parse(|name| match name {
            "vendors.toml" => Some(vendors),
            "data-categories.toml" => Some(include_str!(
                "../../../../templates/catalogues/data-categories.toml"
            )),
            "purposes.toml" => Some(include_str!(
                "../../../../templates/catalogues/purposes.toml"
            )),
            "countries.toml" => Some(include_str!(
                "../../../../templates/catalogues/countries.toml"
            )),
            "jurisdictions.toml" => Some(include_str!(
                "../../../../templates/catalogues/jurisdictions.toml"
            )),
            "transfer-mechanisms.toml" => Some(include_str!(
                "../../../../templates/catalogues/transfer-mechanisms.toml"
            )),
            "authorities.toml" => Some(include_str!(
                "../../../../templates/catalogues/authorities.toml"
            )),
            _ => None,
        })
    }

    const VENDORS: &str = include_str!("../../../../templates/catalogues/vendors.toml");

    #[test]
    fn the_catalogue_names_only_countries_it_knows() {
        assert!(parse_with(VENDORS).is_ok());
    }

    #[test]
    fn an_unknown_country_in_regional_locations_is_named() {
        let anchor = "regional_locations = [\n";
        assert!(VENDORS.contains(anchor), "no vendor has regional locations");
        // The loader's error for the catalogue with `entry` as its first regional location.
        let error_with = |entry: &str| {
            let broken = VENDORS.replacen(anchor, &format!("{anchor}  {entry},\n"), 1);
            parse_with(Box::leak(broken.into_boxed_str()))
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        let err = error_with(r#"{ countries = ["XQ"], locations = ["DE"] }"#);
        assert!(err.contains("vendors.toml"), "{err}");
        assert!(err.contains("regional_locations[0].countries"), "{err}");
        assert!(err.contains("\"XQ\""), "{err}");
        // A location is checked as well as the owner's country.
        let err = error_with(r#"{ countries = ["DE"], locations = ["EU"] }"#);
        assert!(err.contains("regional_locations[0].locations"), "{err}");
        assert!(err.contains("\"EU\""), "{err}");
    }
}
