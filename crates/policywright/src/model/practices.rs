//! What the owner does with personal data: collection, purposes, vendors, cookies, and the
//! choices people have.

use super::bounds;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One data category collected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CollectedData {
    /// Id from the data-category catalogue, e.g. `contact-details`.
    pub category: String,
    /// Where the data comes from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// True when people must give this data to use the service.
    #[serde(default)]
    pub required: bool,
    /// How long it is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
    /// The owner's own examples of what this covers, replacing the catalogue's when given (a
    /// hiking app's health data is fitness data, not medical conditions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

/// Where data comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The person gives it to us.
    Directly,
    /// Collected automatically as the person uses the service.
    Automatically,
    /// Received from other companies (sign-in providers, payment processors, partners).
    ThirdParties,
    /// Taken from public sources.
    PublicSources,
}

/// How long a category is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Retention {
    /// A fixed period.
    Period {
        /// How many units.
        #[schemars(range(min = bounds::RETENTION_AMOUNT.min, max = bounds::RETENTION_AMOUNT.max))]
        amount: u32,
        /// Days, months or years.
        unit: RetentionUnit,
        /// Why this period, in the owner's words (e.g. "tax law requires it").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Until the account is closed, then deleted within a grace period.
    UntilAccountClosed {
        /// Days after closing before the data is deleted.
        #[serde(default)]
        #[schemars(range(min = bounds::RETENTION_GRACE_DAYS.min, max = bounds::RETENTION_GRACE_DAYS.max))]
        grace_days: u32,
    },
    /// Criteria in the owner's words, when no single period fits.
    Criteria {
        /// The criteria that decide how long the data is kept.
        description: String,
    },
}

/// Units of a retention period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum RetentionUnit {
    /// Days.
    Days,
    /// Months.
    Months,
    /// Years.
    Years,
}

/// One purpose and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PurposeUse {
    /// Id from the purpose catalogue, e.g. `provide-service`.
    pub purpose: String,
    /// Legal basis (GDPR, UK GDPR, LGPD). Prefilled from the catalogue in the wizard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<LegalBasis>,
    /// The legitimate interest pursued, in the owner's words (needed for `legitimate-interests`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legitimate_interest: Option<String>,
    /// Ids of the data categories this purpose uses.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The GDPR Art. 9(2) condition for the special-category data this purpose uses; only asked
    /// when it uses some.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_condition: Option<super::SpecialCondition>,
}

/// Legal bases of GDPR Art. 6(1).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum LegalBasis {
    /// Art. 6(1)(a).
    Consent,
    /// Art. 6(1)(b).
    Contract,
    /// Art. 6(1)(c).
    LegalObligation,
    /// Art. 6(1)(d).
    VitalInterests,
    /// Art. 6(1)(e).
    PublicTask,
    /// Art. 6(1)(f).
    LegitimateInterests,
}

/// Mechanisms that make a transfer abroad lawful.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum TransferSafeguard {
    /// The destination has an adequacy decision.
    AdequacyDecision,
    /// The recipient is certified under the EU–US Data Privacy Framework (and UK Extension).
    DataPrivacyFramework,
    /// Standard Contractual Clauses (Decision (EU) 2021/914).
    StandardContractualClauses,
    /// UK International Data Transfer Agreement or UK Addendum.
    UkIdta,
    /// Standard Contractual Clauses with the changes the Swiss FDPIC requires for transfers
    /// under Swiss law.
    SwissSccs,
    /// The standard contractual clauses the Brazilian ANPD approved (Res. CD/ANPD 19/2024,
    /// Annex II), for transfers under the LGPD.
    AnpdStandardClauses,
    /// Binding corporate rules.
    BindingCorporateRules,
}

/// Cookie and tracker categories.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum CookieKind {
    /// Needed for the service to work (sign-in, basket, security).
    StrictlyNecessary,
    /// Remember choices such as language.
    Preferences,
    /// Measure use of the service.
    Analytics,
    /// Advertising and cross-site tracking.
    Marketing,
}

/// Cookies and browser privacy signals.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Cookies {
    /// Kinds of cookies and similar technologies the owner sets itself.
    #[serde(default)]
    pub kinds: Vec<CookieKind>,
    /// True when a consent banner asks before non-essential cookies are set.
    #[serde(default)]
    pub consent_banner: bool,
    /// Response to the browser's Do Not Track signal.
    #[serde(default)]
    pub do_not_track: DntResponse,
    /// True when Global Privacy Control signals are treated as an opt-out of sale and sharing.
    #[serde(default)]
    pub honours_global_privacy_control: bool,
    /// Address of a separate cookie policy, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookie_policy_url: Option<String>,
}

/// How the service responds to Do Not Track.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum DntResponse {
    /// Do Not Track is not acted on (there is no agreed standard for it).
    #[default]
    NotHonoured,
    /// Non-essential tracking is switched off when the browser sends Do Not Track.
    Honoured,
}

/// Children and minimum age.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Children {
    /// Minimum age to use the service, if one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = bounds::MINIMUM_AGE.min, max = bounds::MINIMUM_AGE.max))]
    pub minimum_age: Option<u8>,
    /// True when the service is directed at children under 13 (COPPA).
    #[serde(default)]
    pub directed_at_children: bool,
    /// How a parent gives consent before a child's data is collected (COPPA), in the owner's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parental_consent: Option<String>,
    /// The written policy on how long children's data is kept (COPPA Rule as amended in 2025),
    /// in the owner's words; asked only of services directed at children.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_policy: Option<String>,
}

/// Marketing emails.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Marketing {
    /// True when the owner sends newsletters or marketing emails.
    #[serde(default)]
    pub sends_emails: bool,
    /// True when existing customers get emails about similar products without a separate opt-in
    /// (the "soft opt-in" of PECR reg. 22 and the ePrivacy Directive Art. 13(2)).
    #[serde(default)]
    pub soft_opt_in: bool,
}

/// Sale and sharing of personal information (US state laws). `None` means not answered yet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SaleAndSharing {
    /// Personal information is sold for money or other valuable consideration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sells: Option<bool>,
    /// Personal information is shared for cross-context behavioural or targeted advertising.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares_for_targeted_ads: Option<bool>,
    /// The "Do Not Sell or Share My Personal Information" page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_out_url: Option<String>,
}

/// Decisions made about people without human involvement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecisions {
    /// True when automated decisions with legal or similarly significant effects are made.
    #[serde(default)]
    pub makes_significant_decisions: bool,
    /// The logic involved and what the decision means for the person, in the owner's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Data processed abroad. Safeguards belong to each recipient (a custom vendor, or the owner's
/// adjustment of a catalogue vendor); format 1 had one list for all, which the migration keeps
/// here, unassigned, rather than guess which recipient each covers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Transfers {
    /// Safeguards an older format recorded for all transfers, not yet assigned to a recipient.
    /// The policy does not print them; validation asks the owner to assign or remove them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unassigned_safeguards: Vec<TransferSafeguard>,
}

/// Security measures.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum SecurityMeasure {
    /// TLS for all connections.
    EncryptionInTransit,
    /// Stored data is encrypted.
    EncryptionAtRest,
    /// Staff access only what their job needs.
    AccessControl,
    /// Multi-factor sign-in for staff (and offered to users).
    MultiFactorAuth,
    /// Access and changes are logged.
    AuditLogging,
    /// Regular, tested backups.
    Backups,
    /// Staff are trained in data protection.
    StaffTraining,
    /// Independent security testing.
    PenetrationTesting,
    /// Certified against a standard such as ISO/IEC 27001 or SOC 2.
    Certification,
}

/// What happens after a personal data breach.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Breach {
    /// True when affected people are told directly about a breach that puts them at risk.
    #[serde(default)]
    pub notify_affected_people: bool,
    /// Hours within which the supervisory authority is told, where the law requires it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = bounds::BREACH_AUTHORITY_HOURS.min, max = bounds::BREACH_AUTHORITY_HOURS.max))]
    pub authority_within_hours: Option<u32>,
    /// How affected people are told.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<super::BreachChannel>,
}

/// How people exercise their rights.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Rights {
    /// A web form for privacy requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_form_url: Option<String>,
    /// A toll-free number for requests (CCPA requires one unless the business is online-only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toll_free_phone: Option<String>,
    /// Ways to withdraw consent.
    #[serde(default)]
    pub consent_withdrawal: Vec<WithdrawalMethod>,
}

/// Ways to withdraw consent.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum WithdrawalMethod {
    /// In the account settings.
    AccountSettings,
    /// In the cookie settings.
    CookieSettings,
    /// The unsubscribe link in every email.
    UnsubscribeLink,
    /// By writing to the privacy email address.
    Email,
}

/// How people hear about changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PolicyChanges {
    /// Account holders get an email about important changes.
    #[serde(default)]
    pub email: bool,
    /// A notice is shown in the app or dashboard.
    #[serde(default)]
    pub in_app: bool,
    /// "Changes to this policy" lists the published versions with their dates and summaries.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub list_versions: bool,
}

/// Presentation choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Style {
    /// Show a short summary at the top.
    #[serde(default = "yes")]
    pub summary: bool,
    /// Show a linked table of contents.
    #[serde(default = "yes")]
    pub table_of_contents: bool,
    /// Add a section that explains the legal terms used.
    #[serde(default)]
    pub definitions: bool,
    /// How much to say about each vendor.
    #[serde(default)]
    pub vendor_detail: VendorDetail,
    /// Paper size of the PDF; when unset, US Letter for organisations in the United States,
    /// Canada and Mexico, A4 elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<Paper>,
}

/// Paper sizes for the printable PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The usual paper where an organisation is based (ISO country code).
    pub fn for_country(code: &str) -> Paper {
        match code.trim().to_ascii_uppercase().as_str() {
            "US" | "CA" | "MX" => Paper::Letter,
            _ => Paper::A4,
        }
    }
}

fn yes() -> bool {
    true
}

impl Default for Style {
    fn default() -> Self {
        Style {
            summary: true,
            table_of_contents: true,
            definitions: false,
            vendor_detail: VendorDetail::default(),
            paper: None,
        }
    }
}

/// How much to say about each vendor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum VendorDetail {
    /// A table per vendor category with entity, data, locations and links.
    #[default]
    Table,
    /// A list of vendor names per category.
    Names,
}
