//! The cookies set on the owner's site: the kinds the owner declared and those its vendors set.

use std::collections::BTreeMap;

use crate::model::{CookieKind, Project};

use super::VendorFacts;

/// Cookies and similar technologies, by kind.
#[derive(Debug, Clone)]
pub struct CookieFacts<'a> {
    /// Each kind in use, with the vendors that set it (empty when only the owner does).
    pub by_kind: BTreeMap<CookieKind, Vec<&'a str>>,
    /// Vendors that set any cookie, each once, in vendor order.
    pub third_party: Vec<&'a str>,
    /// Vendors that set a kind other than strictly necessary, each once, in vendor order.
    pub non_essential_setters: Vec<&'a str>,
    /// A kind other than strictly necessary is set, by the owner or a vendor. This is what the
    /// ePrivacy rules ask consent for, and what the cookie section describes.
    pub non_essential: bool,
    /// Some vendor sets analytics or marketing cookies, which can recognise a browser across the
    /// sites that use the vendor's tools; strictly necessary and preference cookies do not count.
    pub vendor_tracking: bool,
    /// Analytics cookies are set, by the owner or a vendor.
    pub analytics: bool,
    /// Vendors whose cookies are of no settled kind: security checks that authorities differ on,
    /// strictly necessary or needing consent (reCAPTCHA).
    pub unsettled: Vec<&'a str>,
    /// The kinds other than strictly necessary that are set: those a consent banner asks about.
    pub consent_kinds: Vec<CookieKind>,
    /// Kinds other than strictly necessary that only vendors set, which the owner's cookie
    /// answers leave out: each in words ("analytics"), with the vendors that set it.
    pub undeclared: Vec<(&'static str, Vec<&'a str>)>,
}

impl<'a> CookieFacts<'a> {
    pub(super) fn derive(p: &'a Project, vendors: &VendorFacts<'a>) -> CookieFacts<'a> {
        let mut by_kind: BTreeMap<CookieKind, Vec<&'a str>> = BTreeMap::new();
        for kind in &p.cookies.kinds {
            by_kind.entry(*kind).or_default();
        }
        let mut third_party: Vec<&'a str> = Vec::new();
        let mut non_essential_setters: Vec<&'a str> = Vec::new();
        let mut vendor_tracking = false;
        let mut unsettled: Vec<&'a str> = Vec::new();
        for v in &vendors.list {
            if v.cookie_kind_unsettled && !unsettled.contains(&v.name) {
                unsettled.push(v.name);
                if !third_party.contains(&v.name) {
                    third_party.push(v.name);
                }
            }
            if let Some(kind) = v.cookies {
                vendor_tracking |= matches!(kind, CookieKind::Analytics | CookieKind::Marketing);
                if kind != CookieKind::StrictlyNecessary && !non_essential_setters.contains(&v.name)
                {
                    non_essential_setters.push(v.name);
                }
                let names = by_kind.entry(kind).or_default();
                if !names.contains(&v.name) {
                    names.push(v.name);
                }
                if !third_party.contains(&v.name) {
                    third_party.push(v.name);
                }
            }
        }
        let undeclared = by_kind
            .iter()
            .filter(|(kind, setters)| {
                **kind != CookieKind::StrictlyNecessary
                    && !p.cookies.kinds.contains(kind)
                    && !setters.is_empty()
            })
            .map(|(kind, setters)| (in_words(*kind), setters.clone()))
            .collect();
        let consent_kinds = by_kind
            .keys()
            .copied()
            .filter(|k| *k != CookieKind::StrictlyNecessary)
            .collect();
        CookieFacts {
            consent_kinds,
            non_essential: by_kind.keys().any(|k| *k != CookieKind::StrictlyNecessary),
            analytics: by_kind.contains_key(&CookieKind::Analytics),
            vendor_tracking,
            by_kind,
            third_party,
            non_essential_setters,
            unsettled,
            undeclared,
        }
    }

    /// Any cookie is set.
    pub fn any(&self) -> bool {
        !self.by_kind.is_empty() || !self.unsettled.is_empty()
    }
}

/// A kind of cookie in words, as in "sets analytics cookies".
fn in_words(kind: CookieKind) -> &'static str {
    match kind {
        CookieKind::StrictlyNecessary => "strictly necessary",
        CookieKind::Preferences => "preference",
        CookieKind::Analytics => "analytics",
        CookieKind::Marketing => "marketing",
    }
}
