//! What the answers that only some owners give add to the text: the supervising authority, the
//! Art. 9 condition per purpose, sensitive data under US laws, minors, AI, technology that
//! identifies, locates or profiles people, governance policies (Quebec), complaints and breach
//! channels.

use serde::Serialize;

use super::{filled, label, web};
use crate::authorities::Found;
use crate::catalogue::DataCategory;
use crate::facts::Facts;

/// An authority to name.
#[derive(Serialize, PartialEq)]
pub(crate) struct AuthorityView {
    /// Its name, mid-sentence.
    name: String,
    /// Its website.
    url: String,
}

/// A purpose that uses special-category data, with its Art. 9(2) condition.
#[derive(Serialize, PartialEq)]
pub(crate) struct SpecialView {
    /// The purpose's label.
    purpose: String,
    /// The condition, in words.
    condition: String,
}

/// Sensitive personal information under US laws.
#[derive(Serialize, PartialEq)]
pub(crate) struct SensitiveView {
    /// Labels of the purposes that use it beyond what the CCPA permits.
    beyond: Vec<String>,
    /// Labels of the sensitive categories those purposes use.
    beyond_data: Vec<String>,
    /// Labels of the categories the other US state laws all count as sensitive data.
    us_states: Vec<String>,

    /// The "Limit the Use of My Sensitive Personal Information" page.
    limit_url: Option<String>,
    /// The separate Consumer Health Data Privacy Policy (Washington).
    health_data_policy_url: Option<String>,
}

/// Minors and sale, sharing and profiling.
#[derive(Serialize, PartialEq)]
pub(crate) struct MinorsView {
    /// The age under which people are left out of sale, sharing and profiling: the owner's
    /// answer, or the minimum age when that is higher.
    under: Option<u8>,
}

/// AI providers and training.
#[derive(Serialize, PartialEq)]
pub(crate) struct AiView {
    /// The provider keeps content after answering.
    provider_keeps: bool,
    /// For how many days, when known.
    provider_keeps_days: Option<u32>,
    /// The provider may train on content.
    provider_trains: bool,
    /// The owner trains its own models on personal data.
    trains_own: bool,
}

/// Technology that identifies, locates or profiles people (Quebec).
#[derive(Serialize, PartialEq)]
pub(crate) struct TrackingView {
    /// The product has such functions.
    used: bool,
    /// How to turn them on or off, in the owner's words.
    how_to_switch: Option<String>,
}

/// Where the owner describes its governance policies for personal information (Quebec s.3.2).
#[derive(Serialize, PartialEq)]
pub(crate) struct GovernanceView {
    /// The page that describes them.
    url: Option<String>,
    /// The owner's own description.
    description: Option<String>,
}

/// The parts of the context this module builds.
#[derive(Serialize, PartialEq)]
pub(crate) struct Disclosures {
    /// The authority that supervises the owner, for an owner based in the EEA.
    own_authority: Option<AuthorityView>,
    /// Each purpose using special-category data, with its condition.
    special_conditions: Vec<SpecialView>,
    /// Sensitive personal information under US laws.
    sensitive: SensitiveView,
    /// Minors.
    minors: MinorsView,
    /// AI.
    ai_answers: AiView,
    /// Quebec s.8.1.
    tracking: TrackingView,
    /// Quebec s.3.2.
    governance: GovernanceView,
    /// The complaint form (UK DPA 2018 s.164A).
    complaint_form_url: Option<String>,
    /// Labels of the channels used to tell people about a breach.
    breach_channels: Vec<String>,
    /// Some purpose profiles people (personalisation, targeted advertising).
    profiling: bool,
    /// The owner is based in Brazil (known country BR).
    based_in_brazil: bool,
}

pub(super) fn build(facts: &Facts<'_>, s: &toml::Table) -> Disclosures {
    let p = facts.answers();
    let own_authority = match facts.authority {
        Found::Authority(a) if facts.home.in_eea => Some(AuthorityView {
            name: a.name.clone(),
            url: a.url.clone(),
        }),
        _ => None,
    };
    let mut channels = p.breach.channels.clone();
    channels.sort();
    channels.dedup();
    Disclosures {
        own_authority,
        special_conditions: facts
            .special
            .with_condition
            .iter()
            .map(|(r, c)| SpecialView {
                purpose: r.purpose.label.clone(),
                condition: label(s, "special_condition", c),
            })
            .collect(),
        sensitive: SensitiveView {
            beyond: facts
                .sensitive
                .beyond_permitted
                .iter()
                .map(|r| r.purpose.label.clone())
                .collect(),
            beyond_data: DataCategory::labels(&facts.sensitive.beyond_categories),
            us_states: DataCategory::labels(&facts.sensitive.us_states),
            limit_url: web(&p.sensitive.limit_url),
            health_data_policy_url: web(&p.sensitive.health_data_policy_url),
        },
        minors: MinorsView {
            under: facts.children.protected_under,
        },
        ai_answers: AiView {
            provider_keeps: p.ai.provider_keeps_content == Some(true),
            provider_keeps_days: p.ai.provider_keeps_days.filter(|d| *d > 0),
            provider_trains: p.ai.provider_trains == Some(true),
            trains_own: p.ai.trains_own_models == Some(true),
        },
        tracking: TrackingView {
            used: facts.tracking.used,
            how_to_switch: filled(&p.tracking.how_to_switch),
        },
        governance: GovernanceView {
            url: facts.governance.url.clone(),
            description: facts.governance.description.clone(),
        },
        complaint_form_url: web(&p.complaints.form_url),
        breach_channels: channels
            .iter()
            .map(|c| label(s, "breach_channel", c))
            .collect(),
        profiling: facts.profiling,
        based_in_brazil: facts.home.country.as_deref() == Some("BR"),
    }
}
