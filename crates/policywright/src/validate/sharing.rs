//! Checks of who receives data: vendors, selling and sharing, and cookies.

use std::collections::HashMap;

use super::registry::*;
use super::{At, Findings};
use crate::facts::Facts;
use crate::law::LawFacts;
use crate::text;

/// Vendors and the data they need.
pub(super) fn vendors(facts: &Facts<'_>, f: &mut Findings) {
    if facts.vendors.uses_kind("payments")
        && !["payment-card", "billing", "bank-account"]
            .iter()
            .any(|id| facts.data.collects(id))
    {
        f.add(
            &PAYMENTS_WITHOUT_PAYMENT_DATA,
            At::field("data").also("vendors"),
            "You use a payment provider but collect no payment or billing data.",
        );
    }
    // Each vendor once, in the order first met; the index finds its entry without a pass over
    // the others (a large project can have a thousand such vendors).
    let mut unused: Vec<(&str, Vec<String>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (vendor, id) in facts.vendors.unused_data() {
        let label = facts
            .catalogues()
            .category(id)
            .map_or_else(|| (*id).to_owned(), |c| text::lower_first(&c.label));
        match index.get(vendor) {
            Some(&i) => unused[i].1.push(label),
            None => {
                index.insert(vendor, unused.len());
                unused.push((vendor, vec![label]));
            }
        }
    }
    for (vendor, labels) in unused {
        f.add(
            &VENDOR_DATA_WITHOUT_PURPOSE,
            At::field("purposes").also("vendors"),
            format!(
                "{vendor} receives {}, but none of your purposes for this kind of vendor uses {}. Until one does, the policy cannot say your data is used for nothing else.",
                text::join_and(&labels),
                if labels.len() == 1 { "it" } else { "them" },
            ),
        );
    }
}

/// Selling personal information and sharing it for targeted advertising.
pub(super) fn sale(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let answers = facts.answers();
    if facts.sale.via_ad_platforms && facts.sale.denies_sharing {
        let names: Vec<String> = facts
            .vendors
            .ad_platforms()
            .map(|v| v.name.to_owned())
            .collect();
        f.add(
            &ADVERTISING_BUT_NO_SHARING,
            At::field("sale_and_sharing.shares_for_targeted_ads").also("vendors"),
            format!(
                "You use {}, an advertising platform, which counts as sharing for targeted advertising under US state laws, but you said you do not share. The policy says you share.",
                text::join_and(&names)
            ),
        );
    }
    if facts.regions.us && !facts.sale.answered {
        f.add(
            &SALE_UNANSWERED,
            At::field("sale_and_sharing"),
            "US state laws require you to say whether you sell personal information or share it for targeted advertising.",
        );
    }
    if !facts.sale.either() {
        return;
    }
    if answers
        .sale_and_sharing
        .opt_out_url
        .as_deref()
        .is_none_or(|u| u.trim().is_empty())
    {
        f.add(
            &OPT_OUT_URL_MISSING,
            At::field("sale_and_sharing.opt_out_url"),
            "You sell or share personal information, but there is no page where people can opt out.",
        );
    }
    if facts.regions.has("us-ca") && !facts.signals.global_privacy_control {
        f.add(
            &GPC_NOT_HONOURED,
            At::field("cookies.honours_global_privacy_control").also("sale_and_sharing"),
            format!(
                "You sell or share personal information of Californians, and California requires you to treat a Global Privacy Control signal as an opt-out ({}).",
                law.cite("ccpa.gpc")
            ),
        );
    }
}

/// A vendor's cookies of a kind the owner's cookie answers leave out: the policy lists them
/// under the vendor, so either the answers or the vendor list is out of date.
pub(super) fn undeclared_cookie_kinds(facts: &Facts<'_>, f: &mut Findings) {
    for (kind_name, setters) in &facts.cookies.undeclared {
        let names: Vec<String> = setters.iter().map(|s| (*s).to_owned()).collect();
        f.add(
            &COOKIE_KIND_UNDECLARED,
            At::field("cookies.kinds").also("vendors"),
            format!(
                "{} {} {kind_name} cookies, which your answers in the cookies step do not list.",
                text::join_and(&names),
                if names.len() == 1 { "sets" } else { "set" }
            ),
        );
    }
}

/// Non-essential cookies, whoever sets them, need consent where the ePrivacy rules apply.
pub(super) fn cookies(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let answers = facts.answers();
    // A vendor cookie of no settled kind (reCAPTCHA's) is not called strictly necessary, so
    // without a banner it is asked about like the others.
    let needs_consent = facts.cookies.non_essential || !facts.cookies.unsettled.is_empty();
    if !needs_consent || !facts.regions.cookie_consent_law || answers.cookies.consent_banner {
        return;
    }
    let setters: Vec<String> = facts
        .cookies
        .non_essential_setters
        .iter()
        .chain(&facts.cookies.unsettled)
        .map(|name| (*name).to_owned())
        .collect();
    let who = if setters.is_empty() {
        "Your site sets analytics or marketing cookies".to_owned()
    } else {
        format!(
            "{} set cookies on your site that are not strictly necessary",
            text::join_and(&setters)
        )
    };
    let mut at = At::field("cookies.consent_banner");
    if !setters.is_empty() {
        at = at.also("vendors");
    }
    f.add(
        &COOKIES_WITHOUT_CONSENT,
        at,
        format!(
            "{who}, and you have no cookie banner. In the EU and the UK these cookies need consent ({}; {}).",
            law.cite("eprivacy.cookie-consent"),
            law.cite("pecr.cookie-consent")
        ),
    );
}
