//! Validation: every problem in a project's answers, each naming the field and saying how to fix
//! it. Errors block export; warnings point at answers that contradict each other or leave a
//! required disclosure out.

use serde::Serialize;

use crate::assemble::parse_date;
use crate::library::Library;
use crate::model::{LegalBasis, Project, Retention};
use crate::text;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The policy cannot be exported until this is fixed.
    Error,
    /// The policy can be exported, but probably says something wrong or leaves something out.
    Warning,
}

/// One problem with the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// Path of the answer, e.g. `organisation.email` or `vendors.custom[0].privacy_url`.
    pub field: String,
    /// What is wrong and how to fix it, in plain words.
    pub message: String,
}

struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Finding {
            severity: Severity::Error,
            field: field.into(),
            message: message.into(),
        });
    }
    fn warn(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Finding {
            severity: Severity::Warning,
            field: field.into(),
            message: message.into(),
        });
    }
    fn url(&mut self, field: &str, value: &Option<String>) {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty())
            && text::web_url(v).is_none()
        {
            self.error(
                field,
                format!(
                    "\"{v}\" is not a web address. Enter the full address, starting with https://."
                ),
            );
        }
    }
    fn email(&mut self, field: &str, value: &str) {
        if !value.trim().is_empty() && !text::is_email(value.trim()) {
            self.error(
                field,
                format!(
                    "\"{}\" is not an email address. Check it for typos, like name@example.com.",
                    value.trim()
                ),
            );
        }
    }
}

/// True when at least one error is among the findings.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Checks a project against the library's catalogues.
pub fn validate(p: &Project, library: &Library) -> Vec<Finding> {
    let cat = library.catalogues();
    let mut f = Findings(Vec::new());
    let o = &p.organisation;

    if library.language(&p.language).is_none() {
        let known: Vec<&str> = library.languages().collect();
        f.error(
            "language",
            format!(
                "The policy language \"{}\" is not available. Choose one of: {}.",
                p.language,
                known.join(", ")
            ),
        );
    }
    if p.effective_date.trim().is_empty() {
        f.error("effective_date", "Add the date the policy takes effect.");
    } else if parse_date(&p.effective_date).is_none() {
        f.error(
            "effective_date",
            format!(
                "\"{}\" is not a date. Write it as year-month-day, like 2026-03-01.",
                p.effective_date
            ),
        );
    }
    if o.legal_name.trim().is_empty() {
        f.error(
            "organisation.legal_name",
            "Add your organisation's legal name, as it is registered.",
        );
    }
    if o.email.trim().is_empty() {
        f.error(
            "organisation.email",
            "Add an email address people can use for privacy questions.",
        );
    }
    f.email("organisation.email", &o.email);
    f.url("organisation.website", &o.website);
    let country = o.address.country.trim().to_uppercase();
    if country.is_empty() {
        f.warn(
            "organisation.address.country",
            "Add the country your organisation is based in.",
        );
    } else if !cat.countries.contains_key(&country) {
        f.error(
            "organisation.address.country",
            format!(
                "\"{}\" is not a country code we know. Use the two-letter code, like DE or US.",
                o.address.country
            ),
        );
    }
    for (name, contact) in [
        ("dpo", &o.dpo),
        ("eu_representative", &o.eu_representative),
        ("uk_representative", &o.uk_representative),
    ] {
        if let Some(c) = contact {
            if c.name.trim().is_empty() {
                f.error(
                    format!("organisation.{name}.name"),
                    "Add the name, or remove this contact.",
                );
            }
            f.email(&format!("organisation.{name}.email"), &c.email);
        }
    }
    for (i, product) in p.products.iter().enumerate() {
        if product.name.trim().is_empty() {
            f.error(
                format!("products[{i}].name"),
                "Give this product a name, or remove it.",
            );
        }
        f.url(&format!("products[{i}].url"), &product.url);
    }

    for (i, d) in p.data.iter().enumerate() {
        if cat.category(&d.category).is_none() {
            f.error(
                format!("data[{i}].category"),
                format!(
                    "\"{}\" is not a data category we know. Pick one from the list.",
                    d.category
                ),
            );
            continue;
        }
        if d.sources.is_empty() {
            f.warn(
                format!("data[{i}].sources"),
                "Say where this data comes from: from the person, automatically or from others.",
            );
        }
        match &d.retention {
            None => f.warn(
                format!("data[{i}].retention"),
                "Say how long you keep this data. Most privacy laws require it.",
            ),
            Some(Retention::Criteria { description }) if description.trim().is_empty() => f.warn(
                format!("data[{i}].retention.description"),
                "Describe how you decide how long to keep this data.",
            ),
            Some(Retention::Period { amount: 0, .. }) => f.error(
                format!("data[{i}].retention.amount"),
                "A retention period must be at least 1.",
            ),
            _ => {}
        }
        if !p
            .purposes
            .iter()
            .any(|u| u.categories.contains(&d.category))
            && !p.purposes.is_empty()
        {
            f.warn(
                format!("data[{i}]"),
                "No purpose uses this data. Link it to a purpose, or stop collecting it.",
            );
        }
    }
    let gdpr_like = ["eu", "uk", "ch", "br"]
        .iter()
        .any(|j| p.jurisdictions.iter().any(|x| x == j));
    for (i, u) in p.purposes.iter().enumerate() {
        if cat.purpose(&u.purpose).is_none() {
            f.error(
                format!("purposes[{i}].purpose"),
                format!(
                    "\"{}\" is not a purpose we know. Pick one from the list.",
                    u.purpose
                ),
            );
            continue;
        }
        if u.legal_basis.is_none() && gdpr_like {
            f.warn(format!("purposes[{i}].legal_basis"), "Choose a legal basis for this purpose. The GDPR and LGPD require one for each purpose.");
        }
        if u.legal_basis == Some(LegalBasis::LegitimateInterests)
            && u.legitimate_interest
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
        {
            f.warn(format!("purposes[{i}].legitimate_interest"), "Say in a sentence what your legitimate interest is, such as \"keeping accounts safe from fraud\".");
        }
        for (k, c) in u.categories.iter().enumerate() {
            if !p.data.iter().any(|d| &d.category == c) {
                f.warn(format!("purposes[{i}].categories[{k}]"), format!("This purpose uses \"{c}\", which is not in the data you collect. Add it there or remove it here."));
            }
        }
    }
    let uses_consent = p
        .purposes
        .iter()
        .any(|u| u.legal_basis == Some(LegalBasis::Consent));
    if uses_consent && p.rights.consent_withdrawal.is_empty() {
        f.warn("rights.consent_withdrawal", "Some purposes rely on consent, but you have not said how people withdraw it. Pick at least one way.");
    }

    for (i, id) in p.vendors.catalogue.iter().enumerate() {
        if cat.vendor(id).is_none() {
            f.error(format!("vendors.catalogue[{i}]"), format!("\"{id}\" is not a vendor in the catalogue. Pick it from the list or add it as a custom vendor."));
        }
    }
    for (i, v) in p.vendors.custom.iter().enumerate() {
        let at = |field: &str| format!("vendors.custom[{i}].{field}");
        if v.name.trim().is_empty() {
            f.error(at("name"), "Give this vendor a name, or remove it.");
        }
        if cat.vendor_category(&v.category).is_none() {
            f.error(
                at("category"),
                format!(
                    "\"{}\" is not a vendor category we know. Pick one from the list.",
                    v.category
                ),
            );
        }
        f.url(&at("privacy_url"), &v.privacy_url);
        f.url(&at("opt_out_url"), &v.opt_out_url);
        for (k, code) in v.locations.iter().enumerate() {
            if !cat.countries.contains_key(&code.trim().to_uppercase()) {
                f.error(at(&format!("locations[{k}]")), format!("\"{code}\" is not a country code we know. Use the two-letter code, like US."));
            }
        }
        for (k, c) in v.data.iter().enumerate() {
            if cat.category(c).is_none() {
                f.error(
                    at(&format!("data[{k}]")),
                    format!("\"{c}\" is not a data category we know."),
                );
            }
        }
    }
    let vendor_categories: Vec<&str> = p
        .vendors
        .catalogue
        .iter()
        .filter_map(|id| cat.vendor(id).map(|v| v.category.as_str()))
        .chain(p.vendors.custom.iter().map(|v| v.category.as_str()))
        .collect();
    let collects = |id: &str| p.data.iter().any(|d| d.category == id);
    if vendor_categories.contains(&"payments")
        && !collects("payment-card")
        && !collects("billing")
        && !collects("bank-account")
    {
        f.warn("data", "You use a payment provider but collect no payment or billing data. Add the payment data you handle.");
    }
    if vendor_categories.contains(&"advertising")
        && p.sale_and_sharing.shares_for_targeted_ads == Some(false)
    {
        f.warn("sale_and_sharing.shares_for_targeted_ads", "You use an advertising vendor, which usually counts as sharing for targeted advertising under US state laws. Check this answer.");
    }

    for (i, id) in p.jurisdictions.iter().enumerate() {
        if cat.jurisdiction(id).is_none() {
            let known: Vec<&str> = cat.jurisdictions.iter().map(|j| j.id.as_str()).collect();
            f.error(
                format!("jurisdictions[{i}]"),
                format!(
                    "\"{id}\" is not a region we know. Choose from: {}.",
                    known.join(", ")
                ),
            );
        }
    }
    let has = |id: &str| p.jurisdictions.iter().any(|x| x == id);
    let org_in_eea = cat.countries.get(&country).is_some_and(|c| c.eea);
    if has("eu") && !country.is_empty() && !org_in_eea && o.eu_representative.is_none() {
        f.warn("organisation.eu_representative", "You serve people in the EU from outside it. GDPR Art. 27 usually requires an EU representative: add one.");
    }
    if has("uk") && !country.is_empty() && country != "GB" && o.uk_representative.is_none() {
        f.warn("organisation.uk_representative", "You serve people in the UK from outside it. UK GDPR Art. 27 usually requires a UK representative: add one.");
    }
    if (has("us-ca") || has("us-states"))
        && (p.sale_and_sharing.sells.is_none()
            || p.sale_and_sharing.shares_for_targeted_ads.is_none())
    {
        f.warn("sale_and_sharing", "US state laws require you to say whether you sell personal information or share it for targeted advertising. Answer both questions.");
    }
    let sells_or_shares = p.sale_and_sharing.sells == Some(true)
        || p.sale_and_sharing.shares_for_targeted_ads == Some(true);
    if sells_or_shares {
        f.url(
            "sale_and_sharing.opt_out_url",
            &p.sale_and_sharing.opt_out_url,
        );
        if p.sale_and_sharing
            .opt_out_url
            .as_deref()
            .is_none_or(|u| u.trim().is_empty())
        {
            f.warn("sale_and_sharing.opt_out_url", "You sell or share personal information: add the address of your \"Do Not Sell or Share\" page.");
        }
        if has("us-ca") && !p.cookies.honours_global_privacy_control {
            f.warn("cookies.honours_global_privacy_control", "California requires you to honour Global Privacy Control signals when you sell or share personal information.");
        }
    }
    let special = p
        .data
        .iter()
        .filter_map(|d| cat.category(&d.category))
        .any(|c| c.gdpr_special);
    if special && gdpr_like && !uses_consent {
        f.warn("purposes", "You collect special-category data (such as health data). Under the GDPR this usually needs explicit consent: check the legal basis.");
    }

    let age = p.children.minimum_age;
    if (p.children.directed_at_children || age.is_some_and(|a| a < 13))
        && p.children
            .parental_consent
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        f.warn("children.parental_consent", "Your service is open to children under 13. COPPA requires verified parental consent: describe how parents give it.");
    }
    if age.is_some_and(|a| a > 21) {
        f.warn(
            "children.minimum_age",
            "A minimum age above 21 is unusual. Check the number.",
        );
    }
    if p.automated_decisions.makes_significant_decisions
        && p.automated_decisions
            .description
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        f.warn("automated_decisions.description", "Describe the logic of your automated decisions and what they mean for people. GDPR Art. 13(2)(f) requires it.");
    }
    if p.marketing.sends_emails && !p.purposes.iter().any(|u| u.purpose == "marketing-emails") {
        f.warn("purposes", "You send marketing emails but have no \"Send newsletters and offers\" purpose. Add it.");
    }
    f.url("cookies.cookie_policy_url", &p.cookies.cookie_policy_url);
    f.url("rights.request_form_url", &p.rights.request_form_url);
    let non_essential = p
        .cookies
        .kinds
        .iter()
        .any(|k| *k != crate::model::CookieKind::StrictlyNecessary);
    if non_essential && (has("eu") || has("uk")) && !p.cookies.consent_banner {
        f.warn("cookies.consent_banner", "Analytics and marketing cookies need consent in the EU and UK (ePrivacy rules). Use a consent banner.");
    }
    f.0
}
