//! Answers that only some owners need to give, each feeding one statement a law asks for:
//! minors and targeted advertising, sensitive data under US laws, AI providers and training,
//! technology that identifies, locates or profiles people (Quebec), Quebec's governance policies,
//! how people complain, and how long backups are kept.
//!
//! Every field is optional and defaults to "not answered", so an owner these questions do not
//! concern never has to answer them, and a file written before they existed reads unchanged.

use super::bounds;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// People under 16 or 18 and selling, sharing, targeted advertising and profiling.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Minors {
    /// People known to be under this age (16 or 18) are left out of sale, sharing, targeted
    /// advertising and profiling. Not set: not answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = bounds::MINORS_EXCLUDED_UNDER.min, max = bounds::MINORS_EXCLUDED_UNDER.max))]
    pub excluded_under: Option<u8>,
    /// Instead, teenagers (13 to 15) are asked to opt in, and a parent for younger children,
    /// before their data is sold or shared.
    #[serde(default, skip_serializing_if = "is_false")]
    pub opt_in_before_sale: bool,
}

impl Minors {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Minors::default()
    }
}

/// Sensitive personal information under US state laws.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Sensitive {
    /// People opt in before their sensitive data (precise location, health…) is used, as
    /// Virginia, Colorado, Connecticut, Oregon and Texas require. Not set: not answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_in_consent: Option<bool>,
    /// The "Limit the Use of My Sensitive Personal Information" page (California), needed when
    /// sensitive data is used beyond the purposes the CCPA permits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_url: Option<String>,
    /// The separate Consumer Health Data Privacy Policy that Washington's My Health My Data Act
    /// requires of anyone collecting consumer health data (RCW 19.373.020), printed as a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_data_policy_url: Option<String>,
}

impl Sensitive {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Sensitive::default()
    }
}

/// What happens to content sent to AI features, and training on personal data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Ai {
    /// The AI provider keeps the content after answering (for example abuse-monitoring logs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_keeps_content: Option<bool>,
    /// How many days the provider keeps it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = bounds::AI_PROVIDER_KEEPS_DAYS.min, max = bounds::AI_PROVIDER_KEEPS_DAYS.max))]
    pub provider_keeps_days: Option<u32>,
    /// The AI provider may train its models on the content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_trains: Option<bool>,
    /// The owner uses personal data to train its own AI models, including large language
    /// models (Connecticut asks for a statement either way from 1 Jul 2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trains_own_models: Option<bool>,
}

impl Ai {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Ai::default()
    }
}

/// Backups, asked only of an owner who keeps them (the security measure "backups"): deleted data
/// stays in a backup until the backup is replaced, so the period is part of how long data is
/// kept (GDPR Art. 13(2)(a)).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Backups {
    /// How many whole days a backup is kept before it is replaced or deleted. Not set: not
    /// answered, and the policy states no period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = bounds::BACKUP_KEPT_DAYS.min, max = bounds::BACKUP_KEPT_DAYS.max))]
    pub kept_days: Option<u32>,
}

impl Backups {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Backups::default()
    }
}

/// Technology that can identify, locate or profile people (Quebec's Law 25, s.8.1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Tracking {
    /// The product has functions that identify, locate or profile the person.
    #[serde(default, skip_serializing_if = "is_false")]
    pub identifies_locates_or_profiles: bool,
    /// Those functions are off until the person turns them on.
    #[serde(default, skip_serializing_if = "is_false")]
    pub off_by_default: bool,
    /// How people turn them on or off, in the owner's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how_to_switch: Option<String>,
}

impl Tracking {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Tracking::default()
    }
}

/// How people complain to the owner (UK DPA 2018 s.164A).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Complaints {
    /// An online complaint form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_url: Option<String>,
}

impl Complaints {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Complaints::default()
    }
}

/// Governance policies and practices for personal information (Quebec's P-39.1 s.3.2): how the
/// owner keeps and destroys it, its staff's roles and responsibilities, and how it handles
/// complaints. The law asks for detailed information about them on the owner's website.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// The page of the owner's website that describes them, printed as a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The same information in the owner's words, printed in the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Before personal information left Quebec (to a vendor elsewhere, or to the owner based
    /// outside Quebec), the owner assessed its privacy impact and put the communication in a
    /// written agreement (P-39.1 s.17). Not printed: the law asks for the work, not a notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside_quebec_assessed: Option<bool>,
}

impl Governance {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Governance::default()
    }
}

/// The GDPR Art. 9(2) condition that lifts the ban on special-category data for a purpose.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum SpecialCondition {
    /// Art. 9(2)(a): the person's explicit consent.
    ExplicitConsent,
    /// Art. 9(2)(b): duties and rights under employment and social security law.
    Employment,
    /// Art. 9(2)(c): vital interests, when the person cannot consent.
    VitalInterests,
    /// Art. 9(2)(e): data the person has clearly made public.
    MadePublic,
    /// Art. 9(2)(f): legal claims.
    LegalClaims,
    /// Art. 9(2)(h): health or social care, under a professional's duty of secrecy.
    HealthCare,
}

/// Channels used to tell people about a breach.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum BreachChannel {
    /// An email to each person affected.
    Email,
    /// A message in the app or account.
    InApp,
    /// A public notice on the website.
    WebsiteNotice,
}

// serde's skip_serializing_if takes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}
