//! Technology that identifies, locates or profiles people (Quebec's s.8.1): whether the service
//! has it, and whether the answers let the policy say those functions are off until the person
//! turns them on.

use super::VendorFacts;
use super::data::{DataFacts, PurposeFacts, ResolvedPurpose};
use super::vendors::{VendorFact, VendorOrigin};
use crate::model::{CookieKind, LegalBasis, Project};

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
    /// Vendors that locate or profile people for purposes of their own, with data that needs no
    /// switch on the device, and that no consent banner holds back: a map embed that places the
    /// visitor from the IP address as the page loads. Names, in vendor order.
    pub vendors_without_consent: Vec<&'a str>,
}

impl<'a> TrackingFacts<'a> {
    pub(super) fn derive(
        p: &Project,
        data: &DataFacts<'a>,
        purposes: &PurposeFacts<'a>,
        vendors: &VendorFacts<'a>,
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
        // A banner holds back only what it asks about: a vendor that sets cookies of a kind
        // needing consent. A vendor that sets none loads with the page.
        // The owner can also say a vendor waits for consent (a click-to-load map).
        let held_back = |v: &VendorFact<'_>| {
            let banner = p.cookies.consent_banner
                && v.cookies
                    .is_some_and(|k| k != CookieKind::StrictlyNecessary);
            let adjusted = match v.origin {
                VendorOrigin::Catalogue(c) => p
                    .vendors
                    .adjustments
                    .iter()
                    .any(|a| a.vendor == c.id && a.loads_after_consent),
                VendorOrigin::Custom(_) => false,
            };
            banner || adjusted
        };
        let vendors_without_consent = vendors
            .list
            .iter()
            .filter(|v| v.own_purposes() && !held_back(v))
            .filter(|v| v.data.iter().any(|d| NO_DEVICE_SWITCH.contains(d)))
            .map(|v| v.name)
            .collect();
        TrackingFacts {
            locates_or_profiles: data.collects("precise-location") || profiling,
            used: p.tracking.identifies_locates_or_profiles,
            off_by_default_answer: p.tracking.off_by_default,
            on_without_consent,
            vendors_without_consent,
        }
    }

    /// The policy may say the functions are off until the person turns them on: the owner says
    /// so, no purpose runs them on another basis and no vendor runs them on its own account.
    pub fn off_by_default(&self) -> bool {
        self.used
            && self.off_by_default_answer
            && self.on_without_consent.is_empty()
            && self.vendors_without_consent.is_empty()
    }
}
