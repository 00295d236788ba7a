//! Technology that identifies, locates or profiles people (Quebec's s.8.1): whether the service
//! has it, and whether the answers let the policy say those functions are off until the person
//! turns them on.

use super::data::{DataFacts, PurposeFacts, ResolvedPurpose};
use crate::model::{LegalBasis, Project};

/// Data that locates or profiles a person without any switch on their device: an approximate
/// location comes from the IP address, inferences from what the person does. (Precise location
/// needs the phone's or the browser's permission, which is itself the switch.)
const NO_DEVICE_SWITCH: &[&str] = &["approximate-location", "inferences"];

/// What the answers say about such technology.
#[derive(Debug, Clone)]
pub struct TrackingFacts<'a> {
    /// The data or the purposes locate or profile people: precise location is collected, or a
    /// purpose builds a profile.
    pub locates_or_profiles: bool,
    /// The owner says the service has functions that identify, locate or profile people.
    pub used: bool,
    /// The owner says those functions are off until the person turns them on.
    pub off_by_default_answer: bool,
    /// Purposes that profile people, or locate them without a device switch, on a basis the
    /// owner gave that is not consent: those run without the person turning anything on.
    pub on_without_consent: Vec<ResolvedPurpose<'a>>,
}

impl<'a> TrackingFacts<'a> {
    pub(super) fn derive(
        p: &Project,
        data: &DataFacts<'a>,
        purposes: &PurposeFacts<'a>,
        profiling: bool,
    ) -> TrackingFacts<'a> {
        let on_without_consent = purposes
            .resolved
            .iter()
            .filter(|r| {
                r.purpose.profiling
                    || r.answer
                        .categories
                        .iter()
                        .any(|c| NO_DEVICE_SWITCH.contains(&c.as_str()))
            })
            .filter(|r| {
                r.answer
                    .legal_basis
                    .is_some_and(|b| b != LegalBasis::Consent)
            })
            .copied()
            .collect();
        TrackingFacts {
            locates_or_profiles: data.collects("precise-location") || profiling,
            used: p.tracking.identifies_locates_or_profiles,
            off_by_default_answer: p.tracking.off_by_default,
            on_without_consent,
        }
    }

    /// The policy may say the functions are off until the person turns them on: the owner says
    /// so and no purpose runs them on another basis.
    pub fn off_by_default(&self) -> bool {
        self.used && self.off_by_default_answer && self.on_without_consent.is_empty()
    }
}
