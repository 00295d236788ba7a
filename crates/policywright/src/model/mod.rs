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
//! - `schema_version` 2: transfer safeguards belong to each recipient; the global
//!   `transfers.safeguards` became `transfers.unassigned_safeguards` (never printed). Catalogue
//!   vendors can be adjusted (`vendors.adjustments`), account settings that decide a vendor's
//!   role are asked (`vendors.settings`), and group companies can be named.

pub mod bounds;
mod disclosures;
mod organisation;
mod practices;
mod vendors;

pub use disclosures::{
    Ai, Backups, BreachChannel, Complaints, Governance, Minors, Sensitive, SpecialCondition,
    Tracking,
};
pub use organisation::{Contact, Organisation, PostalAddress, Product, ProductKind};
pub use practices::{
    AutomatedDecisions, Breach, Children, CollectedData, CookieKind, Cookies, DntResponse,
    LegalBasis, Marketing, Paper, PolicyChanges, PurposeUse, Retention, RetentionUnit, Rights,
    SaleAndSharing, SecurityMeasure, Source, Style, TransferSafeguard, Transfers, VendorDetail,
    WithdrawalMethod,
};
pub use vendors::{CustomVendor, GroupCompany, VendorAdjustment, VendorSettings, Vendors};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The project file format this build reads and writes.
pub const SCHEMA_VERSION: u32 = 2;

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
    /// The standard the owner's security is certified to (such as ISO/IEC 27001), for an owner
    /// who says it is certified (the security measure "certification").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub certified_to: String,
    /// How long backups are kept, for an owner who keeps them.
    #[serde(default, skip_serializing_if = "Backups::is_empty")]
    pub backups: Backups,
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
    /// People under 16 or 18 and sale, sharing, targeted ads and profiling.
    #[serde(default, skip_serializing_if = "Minors::is_empty")]
    pub minors: Minors,
    /// Sensitive personal information under US state laws.
    #[serde(default, skip_serializing_if = "Sensitive::is_empty")]
    pub sensitive: Sensitive,
    /// AI providers' use of content, and training on personal data.
    #[serde(default, skip_serializing_if = "Ai::is_empty")]
    pub ai: Ai,
    /// Functions that identify, locate or profile people (Quebec).
    #[serde(default, skip_serializing_if = "Tracking::is_empty")]
    pub tracking: Tracking,
    /// How people complain to the owner.
    #[serde(default, skip_serializing_if = "Complaints::is_empty")]
    pub complaints: Complaints,
    /// Where the owner describes its governance policies for personal information (Quebec).
    #[serde(default, skip_serializing_if = "Governance::is_empty")]
    pub governance: Governance,
    /// "Worth checking" findings the owner has considered, each with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub considered: Vec<Considered>,
    /// Every version the owner published, oldest first ([`crate::versions`]). Not an answer: the
    /// wizard never edits it, and the live preview keeps it aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<Vec<crate::versions::Version>>", optional)
    )]
    pub history: Vec<crate::versions::Version>,
}

/// A warning the owner has looked at and decided about. The finding is still listed, marked
/// "considered" with the reason, and still counts as a warning; errors cannot be considered.
///
/// A mark names the finding by its code and, for a finding at one place, by that place: the
/// finding's first stable path (`paths[0]`, list items named by id, as in
/// `purposes[purpose=product-analytics].legitimate_interest`), so the mark survives reordering
/// but not a change to the item it was about. The app always writes the path, because many rules
/// fire on several items (one per purpose, vendor or data category) and a reason given for one
/// says nothing about the next. A hand-written mark without `path` covers every finding of that
/// code, for owners who mean exactly that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Considered {
    /// The finding's code, e.g. `organisation.uk-representative-missing`.
    pub code: String,
    /// The finding's first stable path; absent for every finding with this code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Why the owner is content with it, in their own words.
    #[serde(default)]
    pub reason: String,
}

impl Considered {
    /// True when this mark is about a finding with `code` and stable `paths` (the reason is not
    /// looked at).
    pub fn covers(&self, code: &str, paths: &[String]) -> bool {
        self.code == code && self.path.as_ref().is_none_or(|p| paths.first() == Some(p))
    }
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
            certified_to: String::new(),
            backups: Backups::default(),
            breach: Breach::default(),
            rights: Rights::default(),
            policy_changes: PolicyChanges::default(),
            style: Style::default(),
            minors: Minors::default(),
            sensitive: Sensitive::default(),
            ai: Ai::default(),
            tracking: Tracking::default(),
            complaints: Complaints::default(),
            governance: Governance::default(),
            considered: Vec::new(),
            history: Vec::new(),
        }
    }

    /// The JSON Schema of the project file, generated from these types.
    pub fn json_schema() -> schemars::Schema {
        schemars::schema_for!(Project)
    }
}
