//! A security certification: whether the owner says their security is certified, and to which
//! standard, so the policy names the standard instead of an unnamed "recognised standard".

use crate::model::{Project, SecurityMeasure};

/// What the answers say about a security certification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertificationFacts<'a> {
    /// The owner ticked the security measure "certification".
    pub claimed: bool,
    /// The standard it is certified to, in the owner's words (trimmed), only when claimed.
    pub standard: Option<&'a str>,
}

impl<'a> CertificationFacts<'a> {
    pub(super) fn derive(p: &'a Project) -> CertificationFacts<'a> {
        let claimed = p.security.contains(&SecurityMeasure::Certification);
        let standard = Some(p.certified_to.trim()).filter(|s| claimed && !s.is_empty());
        CertificationFacts { claimed, standard }
    }

    /// Certified, with no standard named.
    pub fn unnamed(&self) -> bool {
        self.claimed && self.standard.is_none()
    }
}
