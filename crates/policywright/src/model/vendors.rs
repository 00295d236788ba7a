//! Who receives personal data: catalogue vendors with the owner's adjustments and settings,
//! vendors the owner describes, and the owner's group companies.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CookieKind, TransferSafeguard};

/// Vendors that receive personal data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Vendors {
    /// Ids from the vendor catalogue, e.g. `stripe`.
    #[serde(default)]
    pub catalogue: Vec<String>,
    /// Vendors not in the catalogue, described by the owner.
    #[serde(default)]
    pub custom: Vec<CustomVendor>,
    /// The owner's changes to catalogue vendors' facts, one per vendor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<VendorAdjustment>,
    /// Settings in the owner's vendor accounts that decide a vendor's role.
    #[serde(default, skip_serializing_if = "VendorSettings::is_empty")]
    pub settings: VendorSettings,
    /// Companies in the owner's group that receive personal data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_companies: Vec<GroupCompany>,
}

/// The owner's changes to a catalogue vendor, for their own set-up: the region they chose, the
/// data their forms send it, the safeguard in their contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct VendorAdjustment {
    /// The catalogue vendor's id.
    pub vendor: String,
    /// Countries where it processes the owner's data, replacing the catalogue's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locations: Option<Vec<String>>,
    /// Data category ids it receives beyond the catalogue's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<String>,
    /// Safeguards in the owner's contract with it for data it processes abroad, beyond the
    /// catalogue's (the UK Addendum beside the EU clauses, for example).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<TransferSafeguard>,
    /// It loads on the owner's pages only after people agree: a consent banner or a click-to-load
    /// placeholder holds it back until then.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub loads_after_consent: bool,
}

/// Settings in vendor accounts that decide whether the vendor uses data for its own purposes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct VendorSettings {
    /// Google Analytics' data-sharing setting "Google products & services" is on, so Google also
    /// uses the data for its own purposes. Unanswered counts as on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub google_analytics_data_sharing: Option<bool>,
    /// HubSpot's data sharing is on (its tracking code shares visitor data with HubSpot for its
    /// intent data), or the owner uses HubSpot's data enrichment: HubSpot then also uses the data
    /// for its own purposes. Unanswered counts as on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hubspot_data_sharing: Option<bool>,
}

impl VendorSettings {
    /// The names a catalogue vendor's `own_use_setting` may give, one per field.
    pub const NAMES: &[&str] = &["google_analytics_data_sharing", "hubspot_data_sharing"];

    /// No setting answered.
    pub fn is_empty(&self) -> bool {
        Self::NAMES.iter().all(|n| self.get(n).is_none())
    }

    /// The value of the setting named in the catalogue (`own_use_setting`); `None` when
    /// unanswered or when no setting has that name.
    pub fn get(&self, name: &str) -> Option<bool> {
        match name {
            "google_analytics_data_sharing" => self.google_analytics_data_sharing,
            "hubspot_data_sharing" => self.hubspot_data_sharing,
            _ => None,
        }
    }
}

/// A company in the owner's group that receives personal data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct GroupCompany {
    /// Its legal name.
    pub name: String,
    /// The country it is in (ISO 3166-1 alpha-2).
    pub country: String,
    /// Safeguards for data sent to it, where it is abroad.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<TransferSafeguard>,
}

/// A vendor the owner describes, with the same facts the catalogue holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CustomVendor {
    /// Name as people know it.
    pub name: String,
    /// Legal entity that processes the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_entity: Option<String>,
    /// Vendor category id from the catalogue (`hosting`, `payments`, …).
    pub category: String,
    /// What the vendor does for the owner, in the owner's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Ids of the data categories it receives.
    #[serde(default)]
    pub data: Vec<String>,
    /// What it also uses the data for on its own account, in the owner's words; empty when it
    /// uses the data only for the owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_use: Option<String>,
    /// Countries where it processes data (ISO 3166-1 alpha-2).
    #[serde(default)]
    pub locations: Vec<String>,
    /// Safeguard for transfers to it, where it processes data abroad.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safeguard: Option<TransferSafeguard>,
    /// Its privacy policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_url: Option<String>,
    /// Where people can opt out of its processing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_out_url: Option<String>,
    /// The kind of cookies it sets, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookies: Option<CookieKind>,
}
