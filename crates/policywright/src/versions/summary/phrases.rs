//! The phrase for every answer of the project schema: how a change to it reads in the change
//! summary. The test `every_field_of_the_schema_has_a_phrase` walks the JSON Schema and fails
//! for any answer without one, so a new field cannot be added without saying how its change
//! reads.

/// How ids in a list are named for the owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Names {
    /// As written (owner text).
    Plain,
    /// A catalogue vendor: its name and kind.
    Vendor,
    /// A data category's label.
    Category,
    /// A purpose's label.
    Purpose,
    /// A region's name.
    Region,
    /// A fixed choice, spelt out (`encryption-at-rest` → "encryption at rest").
    Spelled,
}

/// How a change to one answer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// Not an answer (format, save stamp, history): never summarised.
    Ignore,
    /// Free text: "Changed the legal name from “A” to “B”."
    Text(&'static str),
    /// A yes/no answer: the phrase when it becomes yes, and when it becomes no.
    Flag(&'static str, &'static str),
    /// A choice, number or date: "Changed the minimum age from 13 to 16."
    Choice(&'static str),
    /// A group of answers read as one: "Changed the postal address."
    Whole(&'static str),
    /// A list of ids: phrases with `{}` for the added and the removed one's name.
    Ids(&'static str, &'static str, Names),
    /// A list of entries matched by `key`: added, removed, or changed in the parts listed.
    Keyed {
        /// The field that names an entry.
        key: &'static str,
        /// What an entry is ("data category").
        noun: &'static str,
        /// How the key is named.
        names: Names,
    },
    /// One answer inside a keyed entry, named in "Changed data category X: how long it is kept."
    Part(&'static str),
}

use Names::*;
use Rule::*;

/// Every answer path (`[]` for a list's entries), in the order the wizard asks, so the summary
/// reads in that order too.
pub(super) const PHRASES: &[(&str, Rule)] = &[
    ("schema_version", Ignore),
    ("saved_with", Ignore),
    ("history", Ignore),
    // The owner's notes on findings: about the check, not about what the policy says.
    ("considered", Ignore),
    ("language", Choice("the policy's language")),
    ("effective_date", Choice("the effective date")),
    ("organisation.legal_name", Text("the legal name")),
    ("organisation.trading_name", Text("the trading name")),
    ("organisation.address", Whole("the postal address")),
    ("organisation.email", Text("the privacy email address")),
    ("organisation.phone", Text("the phone number")),
    ("organisation.website", Text("the website address")),
    (
        "organisation.registration_number",
        Text("the registration number"),
    ),
    ("organisation.dpo", Whole("the data protection officer")),
    (
        "organisation.eu_representative",
        Whole("the EU representative"),
    ),
    (
        "organisation.uk_representative",
        Whole("the UK representative"),
    ),
    (
        "products",
        Keyed {
            key: "name",
            noun: "product",
            names: Plain,
        },
    ),
    ("products[].name", Part("name")),
    ("products[].kind", Part("kind")),
    ("products[].url", Part("address")),
    (
        "processes_customer_data",
        Flag(
            "Now handles data for business customers, as their processor",
            "No longer handles data for business customers as their processor",
        ),
    ),
    (
        "data",
        Keyed {
            key: "category",
            noun: "data category",
            names: Category,
        },
    ),
    ("data[].category", Part("category")),
    ("data[].sources", Part("where it comes from")),
    ("data[].required", Part("whether people must give it")),
    ("data[].retention", Part("how long it is kept")),
    ("data[].examples", Part("the examples shown")),
    (
        "purposes",
        Keyed {
            key: "purpose",
            noun: "purpose",
            names: Purpose,
        },
    ),
    ("purposes[].purpose", Part("purpose")),
    ("purposes[].legal_basis", Part("legal basis")),
    (
        "purposes[].legitimate_interest",
        Part("legitimate interest"),
    ),
    ("purposes[].categories", Part("the data it uses")),
    (
        "purposes[].special_condition",
        Part("the condition for special-category data"),
    ),
    (
        "vendors.catalogue",
        Ids("Added vendor: {}", "Removed vendor: {}", Vendor),
    ),
    (
        "vendors.custom",
        Keyed {
            key: "name",
            noun: "vendor",
            names: Plain,
        },
    ),
    ("vendors.custom[].name", Part("name")),
    ("vendors.custom[].legal_entity", Part("legal entity")),
    ("vendors.custom[].category", Part("kind of service")),
    ("vendors.custom[].purpose", Part("what it does")),
    ("vendors.custom[].data", Part("the data it receives")),
    (
        "vendors.custom[].locations",
        Part("where it processes data"),
    ),
    ("vendors.custom[].safeguard", Part("transfer safeguard")),
    (
        "vendors.custom[].privacy_url",
        Part("privacy policy address"),
    ),
    ("vendors.custom[].opt_out_url", Part("opt-out address")),
    ("vendors.custom[].cookies", Part("cookies")),
    (
        "vendors.custom[].own_use",
        Part("what it also uses the data for"),
    ),
    (
        "vendors.adjustments",
        Keyed {
            key: "vendor",
            noun: "vendor adjustment",
            names: Vendor,
        },
    ),
    ("vendors.adjustments[].vendor", Part("vendor")),
    (
        "vendors.adjustments[].locations",
        Part("where it processes data"),
    ),
    ("vendors.adjustments[].data", Part("the data it receives")),
    (
        "vendors.adjustments[].safeguards",
        Part("transfer safeguards"),
    ),
    (
        "vendors.adjustments[].loads_after_consent",
        Part("whether it waits for consent"),
    ),
    (
        "vendors.settings.google_analytics_data_sharing",
        Choice("the Google Analytics data-sharing setting"),
    ),
    (
        "vendors.settings.hubspot_data_sharing",
        Choice("the HubSpot data-sharing setting"),
    ),
    (
        "vendors.group_companies",
        Keyed {
            key: "name",
            noun: "group company",
            names: Plain,
        },
    ),
    ("vendors.group_companies[].name", Part("name")),
    ("vendors.group_companies[].country", Part("country")),
    (
        "vendors.group_companies[].safeguards",
        Part("transfer safeguards"),
    ),
    (
        "cookies.kinds",
        Ids("Added cookie type: {}", "Removed cookie type: {}", Spelled),
    ),
    (
        "cookies.consent_banner",
        Flag(
            "Now asks for consent to cookies",
            "No longer asks for consent to cookies",
        ),
    ),
    (
        "cookies.do_not_track",
        Choice("the response to Do Not Track signals"),
    ),
    (
        "cookies.honours_global_privacy_control",
        Flag(
            "Now honours Global Privacy Control",
            "No longer honours Global Privacy Control",
        ),
    ),
    (
        "cookies.cookie_policy_url",
        Text("the cookie policy address"),
    ),
    (
        "jurisdictions",
        Ids("Now covers {}", "No longer covers {}", Region),
    ),
    ("children.minimum_age", Choice("the minimum age")),
    (
        "children.retention_policy",
        Text("how long children's data is kept"),
    ),
    (
        "minors.excluded_under",
        Choice("the age under which people are left out of selling and profiling"),
    ),
    (
        "minors.opt_in_before_sale",
        Flag(
            "Now asks minors to opt in before selling or sharing.",
            "No longer asks minors to opt in before selling or sharing.",
        ),
    ),
    (
        "sensitive.opt_in_consent",
        Choice("whether sensitive data is used only with consent"),
    ),
    (
        "sensitive.limit_url",
        Text("the page for limiting the use of sensitive data"),
    ),
    (
        "sensitive.health_data_policy_url",
        Text("the address of the consumer health data privacy policy"),
    ),
    (
        "ai.provider_keeps_content",
        Choice("whether the AI provider keeps content"),
    ),
    (
        "ai.provider_keeps_days",
        Choice("how long the AI provider keeps content"),
    ),
    (
        "ai.provider_trains",
        Choice("whether the AI provider trains on content"),
    ),
    (
        "ai.trains_own_models",
        Choice("whether you train your own AI models"),
    ),
    (
        "tracking.identifies_locates_or_profiles",
        Flag(
            "Now says the service can identify, locate or profile people.",
            "No longer says the service can identify, locate or profile people.",
        ),
    ),
    (
        "tracking.off_by_default",
        Flag(
            "Those functions are now off until people turn them on.",
            "Those functions are no longer off until people turn them on.",
        ),
    ),
    (
        "tracking.how_to_switch",
        Text("how people turn those functions on or off"),
    ),
    ("complaints.form_url", Text("the complaint form")),
    (
        "governance.url",
        Text("the page about your governance policies"),
    ),
    (
        "governance.description",
        Text("the description of your governance policies"),
    ),
    (
        "governance.outside_quebec_assessed",
        Choice("whether you assessed data leaving Quebec"),
    ),
    (
        "children.directed_at_children",
        Flag("Now meant for children", "No longer meant for children"),
    ),
    (
        "children.parental_consent",
        Text("how parental consent is obtained"),
    ),
    (
        "marketing.sends_emails",
        Flag(
            "Now sends marketing emails",
            "No longer sends marketing emails",
        ),
    ),
    (
        "marketing.soft_opt_in",
        Flag(
            "Now emails customers about similar products unless they opt out",
            "No longer emails customers about similar products without asking first",
        ),
    ),
    (
        "sale_and_sharing.sells",
        Choice("the answer on selling personal information"),
    ),
    (
        "sale_and_sharing.shares_for_targeted_ads",
        Choice("the answer on sharing for targeted advertising"),
    ),
    ("sale_and_sharing.opt_out_url", Text("the opt-out page")),
    (
        "automated_decisions.makes_significant_decisions",
        Flag(
            "Now makes significant decisions by automated means",
            "No longer makes significant decisions by automated means",
        ),
    ),
    (
        "automated_decisions.description",
        Text("the description of automated decisions"),
    ),
    (
        "transfers.unassigned_safeguards",
        Ids(
            "Added transfer safeguard: {}",
            "Removed transfer safeguard: {}",
            Spelled,
        ),
    ),
    (
        "security",
        Ids(
            "Added security measure: {}",
            "Removed security measure: {}",
            Spelled,
        ),
    ),
    (
        "certified_to",
        Text("the security standard you are certified to"),
    ),
    ("backups.kept_days", Choice("the days a backup is kept")),
    (
        "breach.notify_affected_people",
        Flag(
            "Now tells affected people about a breach",
            "No longer says affected people are told about a breach",
        ),
    ),
    (
        "breach.authority_within_hours",
        Choice("the hours within which the authority hears of a breach"),
    ),
    (
        "breach.channels",
        Ids(
            "Now tells people of a breach {}",
            "No longer tells people of a breach {}",
            Spelled,
        ),
    ),
    ("rights.request_form_url", Text("the request form address")),
    ("rights.toll_free_phone", Text("the toll-free number")),
    (
        "rights.consent_withdrawal",
        Ids(
            "Added a way to withdraw consent: {}",
            "Removed a way to withdraw consent: {}",
            Spelled,
        ),
    ),
    (
        "policy_changes.email",
        Flag(
            "Now announces important changes by email",
            "No longer announces changes by email",
        ),
    ),
    (
        "policy_changes.in_app",
        Flag(
            "Now announces important changes in the service",
            "No longer announces changes in the service",
        ),
    ),
    (
        "policy_changes.list_versions",
        Flag("Now lists its versions", "No longer lists its versions"),
    ),
    (
        "style.summary",
        Flag(
            "Now starts with a short summary",
            "No longer starts with a short summary",
        ),
    ),
    (
        "style.table_of_contents",
        Flag(
            "Now has a table of contents",
            "No longer has a table of contents",
        ),
    ),
    (
        "style.definitions",
        Flag(
            "Now explains the legal terms it uses",
            "No longer has a section of definitions",
        ),
    ),
    ("style.vendor_detail", Choice("how vendors are shown")),
    ("style.paper", Choice("the PDF's paper size")),
];

/// The rule for `path` and its position in [`PHRASES`].
pub(super) fn rule(path: &str) -> Option<(usize, Rule)> {
    PHRASES
        .iter()
        .position(|(p, _)| *p == path)
        .map(|i| (i, PHRASES[i].1))
}
