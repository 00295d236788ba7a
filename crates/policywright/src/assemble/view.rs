//! The clause context: a cleaned, resolved view of a project that templates read.
//!
//! Owner text stays raw here; the template engine escapes it when printed. Links are built with
//! the `link` and `email` filters, which accept only well-formed addresses. Ids that the catalogues
//! do not know are left out (validation reports them), so a template never sees a blank.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::catalogue::Catalogues;
use crate::library::Library;
use crate::model::{
    Contact, CookieKind, LegalBasis, PostalAddress, Project, Retention, RetentionUnit, Source,
    TransferSafeguard,
};
use crate::text;

/// Looks up `[group] key` in a language's strings; an absent string reads as its key so a gap in a
/// translation shows up in review instead of vanishing.
pub(crate) fn string(strings: &toml::Table, group: &str, key: &str) -> String {
    strings
        .get(group)
        .and_then(|g| g.get(key))
        .and_then(|v| v.as_str())
        .map_or_else(|| format!("{group}.{key}"), str::to_owned)
}

/// The kebab-case serde name of an answer enum.
fn key<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn label<T: Serialize>(strings: &toml::Table, group: &str, value: &T) -> String {
    string(strings, group, &key(value))
}

fn filled(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

fn web(s: &Option<String>) -> Option<String> {
    filled(s).filter(|s| text::web_url(s).is_some())
}

#[derive(Serialize)]
pub(crate) struct View {
    pub org: Org,
    pub effective_date: Option<String>,
    pub effective_date_iso: Option<String>,
    products: Vec<ProductView>,
    processes_customer_data: bool,
    data: Vec<DataView>,
    collected: BTreeMap<String, bool>,
    has_special: bool,
    sensitive_pi: Vec<String>,
    required: Vec<String>,
    optional: Vec<String>,
    sources: Vec<SourceView>,
    from_others: bool,
    ccpa_categories: Vec<CcpaView>,
    purposes: Vec<PurposeView>,
    bases: Vec<BasisView>,
    uses_consent: bool,
    uses_legitimate_interests: bool,
    direct_marketing: bool,
    vendors: Vec<VendorView>,
    vendor_groups: Vec<VendorGroup>,
    vendor_table: bool,
    cookies: CookiesView,
    j: BTreeMap<String, bool>,
    europe: bool,
    us: bool,
    jurisdictions: Vec<JurisdictionView>,
    children: ChildrenView,
    marketing: MarketingView,
    sale: SaleView,
    automated: AutomatedView,
    transfers: TransfersView,
    security: Vec<String>,
    breach: BreachView,
    rights: RightsView,
    changes: ChangesView,
    style: StyleView,
    ai: Vec<String>,
}

#[derive(Serialize)]
pub(crate) struct Org {
    legal_name: String,
    trading_name: Option<String>,
    pub display_name: String,
    address: Vec<String>,
    email: Option<String>,
    phone: Option<String>,
    website: Option<String>,
    registration_number: Option<String>,
    dpo: Option<ContactView>,
    eu_representative: Option<ContactView>,
    uk_representative: Option<ContactView>,
}

#[derive(Serialize)]
struct ContactView {
    name: String,
    email: Option<String>,
    address: Vec<String>,
}

#[derive(Serialize)]
struct ProductView {
    name: String,
    kind: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct DataView {
    label: String,
    examples: Vec<String>,
    retention: Option<String>,
    retention_reason: Option<String>,
    retention_criteria: Option<String>,
}

#[derive(Serialize)]
struct SourceView {
    label: String,
    categories: Vec<String>,
}

#[derive(Serialize)]
struct CcpaView {
    letter: String,
    label: String,
    examples: Vec<String>,
    sold_or_shared: bool,
    disclosed_to: Vec<String>,
}

#[derive(Serialize)]
struct PurposeView {
    label: String,
    description: String,
    basis: Option<String>,
    basis_label: Option<String>,
    legitimate_interest: Option<String>,
    categories: Vec<String>,
}

#[derive(Serialize)]
struct BasisView {
    label: String,
    explanation: String,
    purposes: Vec<String>,
}

#[derive(Serialize, Clone)]
struct VendorView {
    name: String,
    legal_entity: Option<String>,
    does: String,
    purpose: Option<String>,
    data: Vec<String>,
    locations: Vec<String>,
    safeguard: Option<String>,
    privacy_url: Option<String>,
    opt_out_url: Option<String>,
}

#[derive(Serialize)]
struct VendorGroup {
    label: String,
    vendors: Vec<VendorView>,
}

#[derive(Serialize)]
struct CookiesView {
    any: bool,
    kinds: Vec<CookieKindView>,
    non_essential: bool,
    consent_banner: bool,
    dnt_honoured: bool,
    gpc: bool,
    policy_url: Option<String>,
    third_party: Vec<String>,
}

#[derive(Serialize)]
struct CookieKindView {
    label: String,
    explanation: String,
    vendors: Vec<String>,
}

#[derive(Serialize)]
struct JurisdictionView {
    id: String,
    name: String,
    short: String,
    law: String,
    term: String,
    authority: String,
    authority_url: String,
}

#[derive(Serialize)]
struct ChildrenView {
    minimum_age: Option<u8>,
    directed: bool,
    parental_consent: Option<String>,
    applies: bool,
}

#[derive(Serialize)]
struct MarketingView {
    sends_emails: bool,
    soft_opt_in: bool,
}

#[derive(Serialize)]
struct SaleView {
    sells: bool,
    shares: bool,
    either: bool,
    answered: bool,
    opt_out_url: Option<String>,
}

#[derive(Serialize)]
struct AutomatedView {
    significant: bool,
    description: Option<String>,
}

#[derive(Serialize)]
struct TransfersView {
    any: bool,
    home: String,
    countries: Vec<String>,
    safeguards: Vec<String>,
}

#[derive(Serialize)]
struct BreachView {
    notify_people: bool,
    authority_hours: Option<u32>,
}

#[derive(Serialize)]
struct RightsView {
    request_form_url: Option<String>,
    toll_free_phone: Option<String>,
    withdrawal: Vec<String>,
    withdraw_by_email: bool,
}

#[derive(Serialize)]
struct ChangesView {
    email: bool,
    in_app: bool,
}

#[derive(Serialize)]
struct StyleView {
    summary: bool,
    definitions: bool,
}

impl View {
    pub(crate) fn build(p: &Project, lib: &Library, s: &toml::Table) -> View {
        let cat = lib.catalogues();
        let months: Vec<String> = s
            .get("months")
            .and_then(|m| m.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let date = super::parse_date(&p.effective_date);

        let data: Vec<_> = p
            .data
            .iter()
            .filter_map(|d| cat.category(&d.category).map(|c| (d, c)))
            .collect();
        let collected: BTreeMap<String, bool> =
            data.iter().map(|(_, c)| (c.id.clone(), true)).collect();
        let category_label = |id: &String| cat.category(id).map(|c| c.label.clone());

        let mut sources = Vec::new();
        for source in [
            Source::Directly,
            Source::Automatically,
            Source::ThirdParties,
            Source::PublicSources,
        ] {
            let categories: Vec<String> = data
                .iter()
                .filter(|(d, _)| d.sources.contains(&source))
                .map(|(_, c)| c.label.clone())
                .collect();
            if !categories.is_empty() {
                sources.push(SourceView {
                    label: label(s, "source", &source),
                    categories,
                });
            }
        }

        let purposes: Vec<PurposeView> = p
            .purposes
            .iter()
            .filter_map(|u| {
                let purpose = cat.purpose(&u.purpose)?;
                Some(PurposeView {
                    label: purpose.label.clone(),
                    description: purpose.description.clone(),
                    basis: u.legal_basis.map(|b| key(&b)),
                    basis_label: u.legal_basis.map(|b| label(s, "legal_basis", &b)),
                    legitimate_interest: filled(&u.legitimate_interest)
                        .filter(|_| u.legal_basis == Some(LegalBasis::LegitimateInterests)),
                    categories: u.categories.iter().filter_map(category_label).collect(),
                })
            })
            .collect();
        let mut bases: BTreeMap<LegalBasis, Vec<String>> = BTreeMap::new();
        for u in &p.purposes {
            if let (Some(b), Some(purpose)) = (u.legal_basis, cat.purpose(&u.purpose)) {
                bases.entry(b).or_default().push(purpose.label.clone());
            }
        }
        let direct_marketing = p
            .purposes
            .iter()
            .any(|u| cat.purpose(&u.purpose).is_some_and(|x| x.direct_marketing));

        let vendors = vendor_views(p, cat, s);
        let vendor_groups = cat
            .vendor_categories
            .iter()
            .filter_map(|vc| {
                let members: Vec<VendorView> = vendors
                    .iter()
                    .filter(|(c, _)| *c == vc.id)
                    .map(|(_, v)| v.clone())
                    .collect();
                (!members.is_empty()).then(|| VendorGroup {
                    label: vc.label.clone(),
                    vendors: members,
                })
            })
            .collect();
        let vendor_list: Vec<VendorView> = vendors.iter().map(|(_, v)| v.clone()).collect();

        let org_country = p.organisation.address.country.trim().to_uppercase();
        let transfers = transfers_view(p, cat, s, &org_country);

        let jurisdictions: Vec<JurisdictionView> = cat
            .jurisdictions
            .iter()
            .filter(|j| p.jurisdictions.contains(&j.id))
            .map(|j| JurisdictionView {
                id: j.id.clone(),
                name: j.name.clone(),
                short: j.short.clone(),
                law: j.law.clone(),
                term: j.term.clone(),
                authority: j.authority.clone(),
                authority_url: j.authority_url.clone(),
            })
            .collect();
        let j: BTreeMap<String, bool> = cat
            .jurisdictions
            .iter()
            .map(|x| (x.id.clone(), p.jurisdictions.contains(&x.id)))
            .collect();
        let on = |id: &str| j.get(id).copied().unwrap_or(false);

        let sells = p.sale_and_sharing.sells == Some(true);
        let shares = p.sale_and_sharing.shares_for_targeted_ads == Some(true);
        let ccpa_categories = ccpa_view(p, cat, sells || shares);

        let retention_text = |r: &Retention| -> Option<String> {
            match r {
                Retention::Period { amount, unit, .. } => Some(period(*amount, *unit, s)),
                Retention::UntilAccountClosed { grace_days } => Some(if *grace_days == 0 {
                    string(s, "retention", "until_closed")
                } else {
                    string(s, "retention", "until_closed_plus")
                        .replace("{period}", &period(*grace_days, RetentionUnit::Days, s))
                }),
                Retention::Criteria { .. } => None,
            }
        };

        View {
            org: org_view(p, cat),
            effective_date: date.map(|d| super::dates::spell(d, &months)),
            effective_date_iso: date.map(|d| d.to_string()),
            products: p
                .products
                .iter()
                .filter(|x| !x.name.trim().is_empty())
                .map(|x| ProductView {
                    name: x.name.trim().to_owned(),
                    kind: label(s, "product_kind", &x.kind),
                    url: web(&x.url),
                })
                .collect(),
            processes_customer_data: p.processes_customer_data,
            data: data
                .iter()
                .map(|(d, c)| DataView {
                    label: c.label.clone(),
                    examples: c.examples.clone(),
                    retention: d.retention.as_ref().and_then(retention_text),
                    retention_reason: match &d.retention {
                        Some(Retention::Period { reason, .. }) => filled(reason),
                        _ => None,
                    },
                    retention_criteria: match &d.retention {
                        Some(Retention::Criteria { description }) => {
                            filled(&Some(description.clone()))
                        }
                        _ => None,
                    },
                })
                .collect(),
            collected,
            has_special: data.iter().any(|(_, c)| c.gdpr_special),
            sensitive_pi: data
                .iter()
                .filter(|(_, c)| c.sensitive_pi)
                .map(|(_, c)| c.label.clone())
                .collect(),
            required: data
                .iter()
                .filter(|(d, _)| d.required)
                .map(|(_, c)| c.label.clone())
                .collect(),
            optional: data
                .iter()
                .filter(|(d, _)| !d.required)
                .map(|(_, c)| c.label.clone())
                .collect(),
            from_others: data.iter().any(|(d, _)| {
                d.sources
                    .iter()
                    .any(|x| matches!(x, Source::ThirdParties | Source::PublicSources))
            }),
            sources,
            ccpa_categories,
            uses_consent: bases.contains_key(&LegalBasis::Consent),
            uses_legitimate_interests: bases.contains_key(&LegalBasis::LegitimateInterests),
            bases: bases
                .into_iter()
                .map(|(b, purposes)| BasisView {
                    label: label(s, "legal_basis", &b),
                    explanation: label(s, "legal_basis_explained", &b),
                    purposes,
                })
                .collect(),
            purposes,
            direct_marketing,
            vendor_table: p.style.vendor_detail == crate::model::VendorDetail::Table,
            vendors: vendor_list,
            vendor_groups,
            cookies: cookies_view(p, cat, s),
            europe: on("eu") || on("uk") || on("ch"),
            us: on("us-ca") || on("us-states"),
            j,
            jurisdictions,
            children: ChildrenView {
                minimum_age: p.children.minimum_age,
                directed: p.children.directed_at_children,
                parental_consent: filled(&p.children.parental_consent),
                applies: p.children.minimum_age.is_some() || p.children.directed_at_children,
            },
            marketing: MarketingView {
                sends_emails: p.marketing.sends_emails,
                soft_opt_in: p.marketing.soft_opt_in,
            },
            sale: SaleView {
                sells,
                shares,
                either: sells || shares,
                answered: p.sale_and_sharing.sells.is_some()
                    && p.sale_and_sharing.shares_for_targeted_ads.is_some(),
                opt_out_url: web(&p.sale_and_sharing.opt_out_url),
            },
            automated: AutomatedView {
                significant: p.automated_decisions.makes_significant_decisions,
                description: filled(&p.automated_decisions.description),
            },
            transfers,
            security: sorted_unique(&p.security)
                .iter()
                .map(|m| label(s, "security", m))
                .collect(),
            breach: BreachView {
                notify_people: p.breach.notify_affected_people,
                authority_hours: p.breach.authority_within_hours.filter(|h| *h > 0),
            },
            rights: RightsView {
                request_form_url: web(&p.rights.request_form_url),
                toll_free_phone: filled(&p.rights.toll_free_phone),
                withdrawal: sorted_unique(&p.rights.consent_withdrawal)
                    .iter()
                    .map(|m| label(s, "withdrawal", m))
                    .collect(),
                withdraw_by_email: p
                    .rights
                    .consent_withdrawal
                    .contains(&crate::model::WithdrawalMethod::Email),
            },
            changes: ChangesView {
                email: p.policy_changes.email,
                in_app: p.policy_changes.in_app,
            },
            style: StyleView {
                summary: p.style.summary,
                definitions: p.style.definitions,
            },
            ai: vendors
                .iter()
                .filter(|(c, _)| c == "ai")
                .map(|(_, v)| v.name.clone())
                .collect(),
        }
    }
}

fn sorted_unique<T: Ord + Copy>(items: &[T]) -> Vec<T> {
    items
        .iter()
        .copied()
        .collect::<BTreeSet<T>>()
        .into_iter()
        .collect()
}

fn period(amount: u32, unit: RetentionUnit, s: &toml::Table) -> String {
    let unit_key = key(&unit);
    let word = if amount == 1 {
        string(s, "unit_one", &unit_key)
    } else {
        string(s, "unit", &unit_key)
    };
    format!("{amount} {word}")
}

/// The non-empty parts, joined by spaces.
fn words(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn address_lines(a: &PostalAddress, cat: &Catalogues) -> Vec<String> {
    let mut lines: Vec<String> = a
        .street
        .iter()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let code = a.country.trim().to_uppercase();
    let (city, postal, region) = (a.city.trim(), a.postal_code.trim(), filled(&a.region));
    let parts: Vec<String> = if matches!(code.as_str(), "US" | "CA" | "AU") {
        // "Portland, OR 97205"
        vec![
            city.to_owned(),
            words(&[region.as_deref().unwrap_or(""), postal]),
        ]
    } else if code == "GB" {
        // "Hebden Bridge, West Yorkshire, HX7 8AB"
        vec![
            city.to_owned(),
            region.unwrap_or_default(),
            postal.to_owned(),
        ]
    } else {
        // "10969 Berlin"
        vec![words(&[postal, city]), region.unwrap_or_default()]
    };
    lines.extend(parts.into_iter().filter(|p| !p.is_empty()));
    if let Some(country) = cat.countries.get(&code) {
        let name = country.name.strip_prefix("the ").unwrap_or(&country.name);
        let mut name = name.to_owned();
        if let Some(first) = name.get(..1) {
            name = first.to_uppercase() + &name[1..];
        }
        lines.push(name);
    }
    lines
}

fn contact_view(c: &Option<Contact>, cat: &Catalogues) -> Option<ContactView> {
    let c = c.as_ref()?;
    let name = c.name.trim().to_owned();
    if name.is_empty() {
        return None;
    }
    Some(ContactView {
        name,
        email: Some(c.email.trim().to_owned()).filter(|e| text::is_email(e)),
        address: c
            .address
            .as_ref()
            .map(|a| address_lines(a, cat))
            .unwrap_or_default(),
    })
}

fn org_view(p: &Project, cat: &Catalogues) -> Org {
    let o = &p.organisation;
    let legal_name = o.legal_name.trim().to_owned();
    let trading_name = filled(&o.trading_name).filter(|t| *t != legal_name);
    Org {
        display_name: trading_name.clone().unwrap_or_else(|| legal_name.clone()),
        legal_name,
        trading_name,
        address: address_lines(&o.address, cat),
        email: Some(o.email.trim().to_owned()).filter(|e| text::is_email(e)),
        phone: filled(&o.phone),
        website: web(&o.website),
        registration_number: filled(&o.registration_number),
        dpo: contact_view(&o.dpo, cat),
        eu_representative: contact_view(&o.eu_representative, cat),
        uk_representative: contact_view(&o.uk_representative, cat),
    }
}

fn country_names(codes: &[String], cat: &Catalogues) -> Vec<String> {
    codes
        .iter()
        .filter_map(|c| cat.countries.get(&c.trim().to_uppercase()))
        .map(|c| c.name.clone())
        .collect()
}

/// Vendors in catalogue-then-custom order, each with its category id.
fn vendor_views(p: &Project, cat: &Catalogues, s: &toml::Table) -> Vec<(String, VendorView)> {
    // One table cell reads as one phrase: "Content you add, contact details and IP address".
    let labels = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| cat.category(id))
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.label.clone()
                } else {
                    text::lower_first(&c.label)
                }
            })
            .collect()
    };
    let safeguard = |g: Option<TransferSafeguard>| g.map(|g| label(s, "safeguard", &g));
    let mut seen = BTreeSet::new();
    let mut out: Vec<(String, VendorView)> = p
        .vendors
        .catalogue
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .filter_map(|id| cat.vendor(id))
        .map(|v| {
            let does = cat
                .vendor_category(&v.category)
                .map(|c| c.does.clone())
                .unwrap_or_default();
            let view = VendorView {
                name: v.name.clone(),
                legal_entity: Some(v.legal_entity.clone()),
                does,
                purpose: None,
                data: labels(&v.data),
                locations: country_names(&v.locations, cat),
                safeguard: safeguard(v.safeguard),
                privacy_url: Some(v.privacy_url.clone()),
                opt_out_url: v.opt_out_url.clone(),
            };
            (v.category.clone(), view)
        })
        .collect();
    for v in &p.vendors.custom {
        let Some(category) = cat.vendor_category(&v.category) else {
            continue;
        };
        if v.name.trim().is_empty() {
            continue;
        }
        out.push((
            category.id.clone(),
            VendorView {
                name: v.name.trim().to_owned(),
                legal_entity: filled(&v.legal_entity),
                does: category.does.clone(),
                purpose: filled(&v.purpose),
                data: labels(&v.data),
                locations: country_names(&v.locations, cat),
                safeguard: safeguard(v.safeguard),
                privacy_url: web(&v.privacy_url),
                opt_out_url: web(&v.opt_out_url),
            },
        ));
    }
    out
}

/// Countries where data goes beyond the organisation's home region (the EEA for an EEA
/// organisation, otherwise its own country), with the safeguards used.
fn transfers_view(
    p: &Project,
    cat: &Catalogues,
    s: &toml::Table,
    org_country: &str,
) -> TransfersView {
    let home_eea = cat.countries.get(org_country).is_some_and(|c| c.eea);
    let is_home = |code: &str| {
        if home_eea {
            cat.countries.get(code).is_some_and(|c| c.eea)
        } else {
            code == org_country
        }
    };
    let mut codes = BTreeSet::new();
    let mut safeguards: BTreeSet<TransferSafeguard> =
        p.transfers.safeguards.iter().copied().collect();
    let mut consider = |locations: &[String], safeguard: Option<TransferSafeguard>| {
        let abroad: Vec<String> = locations
            .iter()
            .map(|l| l.trim().to_uppercase())
            .filter(|l| !is_home(l) && cat.countries.contains_key(l))
            .collect();
        if !abroad.is_empty() {
            safeguards.extend(safeguard);
        }
        // From the EEA, a country with an adequacy decision needs no further safeguard.
        if home_eea
            && abroad
                .iter()
                .any(|c| cat.countries.get(c).is_some_and(|c| c.eu_adequacy))
        {
            safeguards.insert(TransferSafeguard::AdequacyDecision);
        }
        codes.extend(abroad);
    };
    for id in &p.vendors.catalogue {
        if let Some(v) = cat.vendor(id) {
            consider(&v.locations, v.safeguard);
        }
    }
    for v in &p.vendors.custom {
        consider(&v.locations, v.safeguard);
    }
    let mut countries: Vec<String> = codes
        .iter()
        .filter_map(|c| cat.countries.get(c))
        .map(|c| c.name.clone())
        .collect();
    countries.sort();
    let home = if home_eea {
        string(s, "transfers", "eea")
    } else {
        cat.countries
            .get(org_country)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| string(s, "transfers", "our_country"))
    };
    TransfersView {
        any: !countries.is_empty(),
        home,
        countries,
        safeguards: safeguards
            .iter()
            .map(|g| label(s, "safeguard", g))
            .collect(),
    }
}

fn cookies_view(p: &Project, cat: &Catalogues, s: &toml::Table) -> CookiesView {
    let mut by_kind: BTreeMap<CookieKind, Vec<String>> = BTreeMap::new();
    for kind in &p.cookies.kinds {
        by_kind.entry(*kind).or_default();
    }
    let mut third_party = Vec::new();
    for id in &p.vendors.catalogue {
        if let Some(v) = cat.vendor(id)
            && let Some(kind) = v.cookies
        {
            by_kind.entry(kind).or_default().push(v.name.clone());
            third_party.push(v.name.clone());
        }
    }
    for v in &p.vendors.custom {
        if let Some(kind) = v.cookies.filter(|_| !v.name.trim().is_empty()) {
            by_kind
                .entry(kind)
                .or_default()
                .push(v.name.trim().to_owned());
            third_party.push(v.name.trim().to_owned());
        }
    }
    for names in by_kind.values_mut() {
        names.dedup();
    }
    third_party.dedup();
    CookiesView {
        any: !by_kind.is_empty(),
        non_essential: by_kind.keys().any(|k| *k != CookieKind::StrictlyNecessary),
        kinds: by_kind
            .into_iter()
            .map(|(k, vendors)| CookieKindView {
                label: label(s, "cookie_kind", &k),
                explanation: label(s, "cookie_kind_explained", &k),
                vendors,
            })
            .collect(),
        consent_banner: p.cookies.consent_banner,
        dnt_honoured: p.cookies.do_not_track == crate::model::DntResponse::Honoured,
        gpc: p.cookies.honours_global_privacy_control,
        policy_url: web(&p.cookies.cookie_policy_url),
        third_party,
    }
}

/// CCPA statutory categories collected, with whether any of their data is sold or shared and the
/// kinds of vendor it is disclosed to.
fn ccpa_view(p: &Project, cat: &Catalogues, sold_or_shared: bool) -> Vec<CcpaView> {
    let mut letters: BTreeMap<String, (Vec<String>, BTreeSet<String>, bool)> = BTreeMap::new();
    let collected: Vec<_> = p
        .data
        .iter()
        .filter_map(|d| cat.category(&d.category))
        .collect();
    for c in &collected {
        letters
            .entry(c.ccpa.clone())
            .or_default()
            .0
            .push(c.label.clone());
    }
    let mut disclose = |data: &[String], category: &str| {
        let Some(vc) = cat.vendor_category(category) else {
            return;
        };
        for id in data {
            if let Some(c) = collected.iter().find(|c| c.id == *id)
                && let Some(entry) = letters.get_mut(&c.ccpa)
            {
                entry.1.insert(vc.label.clone());
                if sold_or_shared && category == "advertising" {
                    entry.2 = true;
                }
            }
        }
    };
    for id in &p.vendors.catalogue {
        if let Some(v) = cat.vendor(id) {
            disclose(&v.data, &v.category);
        }
    }
    for v in &p.vendors.custom {
        disclose(&v.data, &v.category);
    }
    letters
        .into_iter()
        .map(|(letter, (examples, to, sold))| CcpaView {
            label: cat
                .ccpa_categories
                .get(&letter)
                .cloned()
                .unwrap_or_else(|| letter.clone()),
            letter,
            examples,
            sold_or_shared: sold,
            disclosed_to: to.into_iter().collect(),
        })
        .collect()
}
