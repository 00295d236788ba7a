//! The project: every answer an owner gives the wizard, exactly as saved in a `*.policy.json`
//! file.
//!
//! These types are the *raw* answers. Nothing here is trusted: strings may be empty, ids may be
//! unknown, URLs may be malformed. [`crate::validate`] reports what is wrong, and
//! [`crate::assemble`] builds a cleaned view before any clause sees the data.
//!
//! Every struct denies unknown fields, so a typo in a hand-edited file is an error naming the field
//! instead of an answer that silently disappears.
//!
//! ## Format history
//! - `schema_version` 1: the first format.

mod organisation;
mod practices;

pub use organisation::{Contact, Organisation, PostalAddress, Product, ProductKind};
pub use practices::{
    AutomatedDecisions, Breach, Children, CollectedData, CookieKind, Cookies, CustomVendor,
    DntResponse, LegalBasis, Marketing, Paper, PolicyChanges, PurposeUse, Retention, RetentionUnit,
    Rights, SaleAndSharing, SecurityMeasure, Source, Style, TransferSafeguard, Transfers,
    VendorDetail, Vendors, WithdrawalMethod,
};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The project file format this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// All answers for one policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Format of this file; see the module docs for the history.
    pub schema_version: u32,
    /// Which app and clause-library versions last saved this project, so a later version can
    /// tell what changed since. Written by [`crate::project_file::save`]; never asked in the wizard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_with: Option<SavedWith>,
    /// Language of the policy text (a key of the clause library, e.g. `en`).
    #[serde(default = "default_language")]
    pub language: String,
    /// The date the policy takes effect, as `YYYY-MM-DD`.
    #[serde(default)]
    pub effective_date: String,
    /// Who is responsible for the data.
    pub organisation: Organisation,
    /// The websites, apps and services the policy covers.
    #[serde(default)]
    pub products: Vec<Product>,
    /// True when the owner also handles data that business customers upload about their own
    /// users, acting as processor on the customers' behalf.
    #[serde(default)]
    pub processes_customer_data: bool,
    /// The data categories collected, each with its sources and retention.
    #[serde(default)]
    pub data: Vec<CollectedData>,
    /// Why the data is used, each with its legal basis.
    #[serde(default)]
    pub purposes: Vec<PurposeUse>,
    /// Service providers that receive personal data.
    #[serde(default)]
    pub vendors: Vendors,
    /// Cookies, similar technologies and browser privacy signals.
    #[serde(default)]
    pub cookies: Cookies,
    /// Where the users live: ids from the jurisdiction catalogue (`eu`, `uk`, `us-ca`, …).
    #[serde(default)]
    pub jurisdictions: Vec<String>,
    /// Minimum age and whether the service is meant for children.
    #[serde(default)]
    pub children: Children,
    /// Marketing emails.
    #[serde(default)]
    pub marketing: Marketing,
    /// Sale of personal information and sharing for targeted advertising.
    #[serde(default)]
    pub sale_and_sharing: SaleAndSharing,
    /// Decisions made about people by automated means.
    #[serde(default)]
    pub automated_decisions: AutomatedDecisions,
    /// Safeguards for data sent abroad.
    #[serde(default)]
    pub transfers: Transfers,
    /// Security measures in place.
    #[serde(default)]
    pub security: Vec<SecurityMeasure>,
    /// What happens after a data breach.
    #[serde(default)]
    pub breach: Breach,
    /// How people exercise their rights.
    #[serde(default)]
    pub rights: Rights,
    /// How people hear about changes to the policy.
    #[serde(default)]
    pub policy_changes: PolicyChanges,
    /// Presentation choices.
    #[serde(default)]
    pub style: Style,
    /// Every version the owner published, oldest first ([`crate::versions`]). Not an answer: the
    /// wizard never edits it, and the live preview keeps it aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<crate::versions::Version>>", optional))]
    pub history: Vec<crate::versions::Version>,
}

/// Versions of the program that last wrote a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SavedWith {
    /// Version of Policywright.
    pub app_version: String,
    /// Version of the clause library.
    pub library_version: String,
}

fn default_language() -> String {
    "en".to_owned()
}

impl Project {
    /// An empty project in the current format: what "New project (blank)" starts from.
    pub fn blank() -> Self {
        Project {
            schema_version: SCHEMA_VERSION,
            saved_with: None,
            language: default_language(),
            effective_date: String::new(),
            organisation: Organisation::default(),
            products: Vec::new(),
            processes_customer_data: false,
            data: Vec::new(),
            purposes: Vec::new(),
            vendors: Vendors::default(),
            cookies: Cookies::default(),
            jurisdictions: Vec::new(),
            children: Children::default(),
            marketing: Marketing::default(),
            sale_and_sharing: SaleAndSharing::default(),
            automated_decisions: AutomatedDecisions::default(),
            transfers: Transfers::default(),
            security: Vec::new(),
            breach: Breach::default(),
            rights: Rights::default(),
            policy_changes: PolicyChanges::default(),
            style: Style::default(),
            history: Vec::new(),
        }
    }

    /// The JSON Schema of the project file, generated from these types.
    pub fn json_schema() -> schemars::Schema {
        schemars::schema_for!(Project)
    }
}
