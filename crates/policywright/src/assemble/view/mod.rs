//! The clause context: what templates read. This is an API: `sections.toml` conditions and the
//! clause templates are written against the field names documented here.
//!
//! Every conclusion comes from the [`Facts`]; this module only turns facts and printed answers
//! into labels and sentences-to-be. Owner text stays raw here; the template engine escapes it when
//! printed. Links are built with the `link` and `email` filters, which accept only well-formed
//! addresses. Ids that the catalogues do not know are already left out of the facts.

mod choices;
mod disclosures;
mod law;
mod organisation;
mod parts;
mod practices;
mod sharing;
mod transfers;
mod versions;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalogue::DataCategory;
use crate::facts::Facts;

pub(crate) use choices::{
    AutomatedView, BreachView, ChangesView, ChildrenView, MarketingView, RightsView, SaleView,
    StyleView,
};
pub(crate) use organisation::{Org, ProductView};
pub(crate) use parts::Parts;
pub(crate) use practices::{BasisView, CcpaView, DataView, PurposeView, SourceView};
pub(crate) use sharing::{CookiesView, JurisdictionView, Shared, VendorGroup, VendorValue};
pub(crate) use transfers::TransfersView;

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

/// The language's label for an answer enum: `[group] <kebab-case value>`.
fn label<T: Serialize>(strings: &toml::Table, group: &str, value: &T) -> String {
    string(strings, group, &key(value))
}

/// The trimmed text, or nothing when it is blank.
fn filled(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// The address as the policy prints it (`https://` added when the owner left it out), or
/// nothing when it is blank or not a web address.
fn web(s: &Option<String>) -> Option<String> {
    crate::web_address::printable(s)
}

/// The clause context.
#[derive(Serialize, PartialEq)]
pub(crate) struct View {
    /// Who is responsible: names, address, contacts, privacy officer and representatives.
    pub org: Org,
    /// The effective date spelt out ("1 March 2026"), when the answer is a date.
    pub effective_date: Option<String>,
    /// The effective date as `YYYY-MM-DD`.
    pub effective_date_iso: Option<String>,
    /// The latest published version's date spelt out, when there is one.
    pub last_updated: Option<String>,
    /// The latest published version's date as `YYYY-MM-DD`.
    pub last_updated_iso: Option<String>,
    /// The published versions, newest first, for the list in "Changes to this policy".
    versions: Vec<versions::VersionView>,
    /// The products the policy covers (those with a name).
    products: Vec<ProductView>,
    /// The owner also processes data for business customers (as their processor).
    processes_customer_data: bool,
    /// Each data category collected, with its examples and retention.
    data: Vec<DataView>,
    /// Ids of the collected categories, for conditions such as `'contacts' in collected`.
    collected: BTreeMap<String, bool>,
    /// A GDPR special category (Art. 9) is collected.
    has_special: bool,
    /// Labels of the collected GDPR special categories, in the owner's order.
    special_data: Vec<String>,
    /// Labels of the categories the CCPA counts as sensitive personal information.
    sensitive_pi: Vec<String>,
    /// Labels of the categories people must give to use the service.
    required: Vec<String>,
    /// Labels of the required categories a law requires (used by a purpose resting on a legal
    /// obligation), for GDPR Art. 13(2)(e).
    required_by_law: Vec<String>,
    /// What the law requires it for: descriptions of the purposes resting on a legal obligation
    /// that use it ("keep invoices … for tax and accounting").
    required_by_law_for: Vec<String>,
    /// Labels of the categories people may choose not to give.
    optional: Vec<String>,
    /// Each source of data, with the categories from it.
    sources: Vec<SourceView>,
    /// Some data comes from other companies or public sources.
    from_others: bool,
    /// The CCPA's categories collected, with recipients and whether sold or shared.
    ccpa_categories: Vec<CcpaView>,
    /// Each purpose, with its legal basis and the data it uses.
    purposes: Vec<PurposeView>,
    /// Each legal basis in use, with the purposes resting on it.
    bases: Vec<BasisView>,
    /// Some purpose rests on consent.
    uses_consent: bool,
    /// Some purpose rests on legitimate interests.
    uses_legitimate_interests: bool,
    /// Some purpose is direct marketing.
    direct_marketing: bool,
    /// Every vendor, catalogue ones first.
    vendors: Vec<Shared>,
    /// Vendors that use data only for us, grouped by kind, in the catalogue's order of kinds.
    vendor_groups: Vec<VendorGroup>,
    /// Vendors that also use the data for their own purposes, listed apart.
    own_purpose_vendors: Vec<Shared>,
    /// What third parties (under US state laws) receive, and their kinds.
    third_parties: sharing::ThirdPartiesView,
    /// Companies in our group that receive data: "Name, in Country".
    group_companies: Vec<String>,
    /// A purpose is keeping tax and accounting records, which tax authorities may inspect.
    tax_records: bool,
    /// The owner asked for vendors as a table rather than a list.
    vendor_table: bool,
    /// Cookies set by the owner and its vendors.
    cookies: CookiesView,
    /// For every region the catalogue knows, by id: whether the owner addresses it
    /// (`in_jurisdiction.br`, `in_jurisdiction['us-ca']`).
    in_jurisdiction: BTreeMap<String, bool>,
    /// The EEA, the UK or Switzerland is addressed.
    europe: bool,
    /// California or another US state with a privacy law is addressed.
    us: bool,
    /// The addressed regions, in the catalogue's order.
    jurisdictions: Vec<JurisdictionView>,
    /// Children and minimum age.
    children: ChildrenView,
    /// Marketing emails.
    marketing: MarketingView,
    /// Selling and sharing for targeted advertising.
    sale: SaleView,
    /// Significant automated decisions.
    automated: AutomatedView,
    /// Where data goes, per law addressed.
    transfers: TransfersView,
    /// Labels of the security measures, in a fixed order.
    security: Vec<String>,
    /// Backups (a security measure), where deleted data can linger, and for how long.
    backups: practices::BackupsView,
    /// What happens after a breach.
    breach: BreachView,
    /// How people use their rights.
    rights: RightsView,
    /// How people hear about changes to the policy.
    changes: ChangesView,
    /// Presentation choices.
    style: StyleView,
    /// Names of the AI vendors in use.
    ai: Vec<String>,
    /// For each claim of `claims.toml`, whether its license holds; templates ask through
    /// `claim("id")`.
    claims: BTreeMap<String, bool>,
    /// The facts of law the text states, by id (`law['gdpr.response-time'].months_word`).
    law: BTreeMap<String, law::LawView>,
    /// Answers only some owners give: `own_authority`, `special_conditions`, `sensitive`,
    /// `minors`, `ai_answers`, `tracking`, `governance`, `complaint_form_url`, `breach_channels`,
    /// `profiling`, `based_in_brazil` (see `disclosures.rs`).
    #[serde(flatten)]
    disclosures: disclosures::Disclosures,
}

impl View {
    /// Builds the context from the facts, with labels from the language's strings.
    pub(crate) fn build(
        facts: &Facts<'_>,
        laws: &crate::law::LawFacts,
        claims: &crate::claims::Claims,
        s: &toml::Table,
    ) -> View {
        let p = facts.answers();
        let data = practices::Data::build(facts, s);
        let vendors = sharing::vendors(facts, s);
        View {
            org: organisation::org(facts),
            effective_date: practices::effective_date(p, s),
            effective_date_iso: super::parse_date(&p.effective_date).map(|d| d.to_string()),
            last_updated: versions::last_updated(p, s),
            last_updated_iso: versions::last_updated_iso(p),
            versions: versions::list(p, s),
            products: organisation::products(p, s),
            processes_customer_data: p.processes_customer_data,
            data: data.data,
            collected: data.collected,
            has_special: facts.data.special_category,
            special_data: DataCategory::labels(&facts.data.special),
            sensitive_pi: data.sensitive_pi,
            required: data.required,
            required_by_law: data.required_by_law,
            required_by_law_for: data.required_by_law_for,
            optional: data.optional,
            sources: data.sources,
            from_others: facts.data.from_others,
            ccpa_categories: practices::ccpa(facts, s),
            purposes: practices::purposes(facts, s),
            bases: practices::bases(facts, s),
            uses_consent: facts.purposes.uses_consent,
            uses_legitimate_interests: facts.purposes.uses_legitimate_interests,
            direct_marketing: facts.purposes.direct_marketing,
            vendor_groups: sharing::groups(facts, &vendors),
            own_purpose_vendors: sharing::own_purposes(&vendors),
            group_companies: sharing::group_companies(facts),
            third_parties: sharing::third_parties(facts),
            tax_records: facts.purposes.has("tax-accounting"),
            vendors: vendors.into_iter().map(|(_, v)| v).collect(),
            vendor_table: p.style.vendor_detail == crate::model::VendorDetail::Table,
            cookies: sharing::cookies(facts, s),
            in_jurisdiction: facts
                .catalogues()
                .jurisdictions
                .iter()
                .map(|j| (j.id.clone(), facts.regions.has(&j.id)))
                .collect(),
            europe: facts.regions.europe,
            us: facts.regions.us,
            jurisdictions: sharing::jurisdictions(facts),
            children: choices::children(facts),
            marketing: choices::marketing(p),
            sale: choices::sale(facts),
            automated: choices::automated(p),
            transfers: transfers::transfers(facts, s),
            security: choices::security(p, facts.certification.standard, s),
            backups: practices::backups(facts, s),
            breach: choices::breach(p, &facts.regions),
            rights: choices::rights(p, s),
            changes: choices::changes(p),
            style: choices::style(p),
            ai: facts
                .vendors
                .of_kind("ai")
                .map(|v| v.name.to_owned())
                .collect(),
            claims: claims.licensed(facts, laws),
            law: law::law(laws, s),
            disclosures: disclosures::build(facts, s),
        }
    }
}
