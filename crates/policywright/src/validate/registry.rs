//! The finding registry: every check Policywright makes, with a stable code, its severity and how
//! to fix what it finds. Codes never change meaning once released: an owner's "considered" mark
//! and scripts reading `check --json` refer to them.
//!
//! A finding can only be made from a [`Rule`] here, so every finding is in the registry by
//! construction; the tests check that codes are unique and that every rule can fire.

use super::Severity;

/// One check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable code, `topic.what-is-wrong`.
    pub code: &'static str,
    /// How serious a finding of this rule is.
    pub severity: Severity,
    /// What the owner does about it, in plain words.
    pub fix: &'static str,
}

const fn error(code: &'static str, fix: &'static str) -> Rule {
    Rule {
        code,
        severity: Severity::Error,
        fix,
    }
}

const fn warning(code: &'static str, fix: &'static str) -> Rule {
    Rule {
        code,
        severity: Severity::Warning,
        fix,
    }
}

// Answers that are malformed or name something unknown: the policy cannot be written.
pub(super) const LANGUAGE_UNKNOWN: Rule = error(
    "language.unknown",
    "Choose one of the languages the app offers.",
);
pub(super) const DATE_MISSING: Rule = error(
    "effective-date.missing",
    "Add the date the policy takes effect.",
);
pub(super) const DATE_MALFORMED: Rule = error(
    "effective-date.malformed",
    "Write it as year-month-day, like 2026-03-01.",
);
pub(super) const LEGAL_NAME_MISSING: Rule = error(
    "organisation.legal-name-missing",
    "Add your organisation's legal name, as it is registered.",
);
pub(super) const EMAIL_MISSING: Rule = error(
    "organisation.email-missing",
    "Add an email address people can use for privacy questions.",
);
pub(super) const EMAIL_MALFORMED: Rule = error(
    "email.malformed",
    "Check it for typos, like name@example.com.",
);
pub(super) const URL_MALFORMED: Rule = error(
    "url.malformed",
    "Check it for typos: a web address looks like www.example.com or https://example.com/privacy.",
);
pub(super) const URL_CREDENTIALS: Rule = error(
    "url.credentials",
    "Remove the user name and password, so the address starts with the site's own name.",
);
pub(super) const NUMBER_OUT_OF_RANGE: Rule = error(
    "number.out-of-range",
    "Enter a number in that range, or leave the answer out if it is optional.",
);
pub(super) const COUNTRY_MISSING: Rule = warning(
    "organisation.country-missing",
    "Add the country your organisation is based in.",
);
pub(super) const COUNTRY_UNKNOWN: Rule = error(
    "country.unknown",
    "Pick the country from the list, or use its two-letter code, like DE or US.",
);
pub(super) const CONTACT_NAME_MISSING: Rule = error(
    "contact.name-missing",
    "Add the name, or remove this contact.",
);
pub(super) const PRODUCT_NAME_MISSING: Rule = error(
    "product.name-missing",
    "Give this product a name, or remove it.",
);
pub(super) const DATA_UNKNOWN: Rule = error("data.unknown-category", "Pick one from the list.");
pub(super) const PURPOSE_UNKNOWN: Rule = error("purpose.unknown", "Pick one from the list.");
pub(super) const VENDOR_UNKNOWN: Rule = error(
    "vendor.unknown",
    "Pick it from the list or add it as a custom vendor.",
);
pub(super) const VENDOR_NAME_MISSING: Rule = error(
    "vendor.name-missing",
    "Give this vendor a name, or remove it.",
);
pub(super) const VENDOR_KIND_UNKNOWN: Rule = error(
    "vendor.unknown-kind",
    "Pick a kind of vendor from the list.",
);
pub(super) const VENDOR_DATA_UNKNOWN: Rule = error(
    "vendor.unknown-data",
    "Pick the data this vendor receives from the list.",
);
pub(super) const JURISDICTION_UNKNOWN: Rule =
    error("jurisdiction.unknown", "Choose a region from the list.");
pub(super) const CONSIDERED_ERROR: Rule = error(
    "considered.error",
    "Remove the mark and fix the error: only points worth checking can be marked as considered.",
);

// Answers that leave something out, repeat themselves or contradict each other: the policy can
// be written, but probably says something wrong or leaves something out.
pub(super) const CONSIDERED_UNKNOWN: Rule = warning(
    "considered.unknown-code",
    "Remove the mark, or correct the code to the one the finding shows.",
);
pub(super) const CONSIDERED_REASON_MISSING: Rule = warning(
    "considered.reason-missing",
    "Write why you are content with this point, or remove the mark.",
);
pub(super) const URL_INSECURE: Rule = warning(
    "url.insecure",
    "Use the https:// address if the site has one, so the page reaches readers encrypted.",
);
pub(super) const DATA_DUPLICATE: Rule = warning(
    "data.duplicate",
    "Remove the second entry; only the first one is used.",
);
pub(super) const DATA_SOURCES_MISSING: Rule = warning(
    "data.sources-missing",
    "Say where this data comes from: from the person, automatically or from others.",
);
pub(super) const RETENTION_MISSING: Rule = warning(
    "data.retention-missing",
    "Say how long you keep this data: a period, until the account is closed, or how you decide.",
);
pub(super) const RETENTION_CRITERIA_EMPTY: Rule = warning(
    "data.retention-criteria-empty",
    "Describe how you decide how long to keep this data.",
);
pub(super) const BACKUP_PERIOD_MISSING: Rule = warning(
    "security.backup-period-missing",
    "Say how many days a backup is kept before it is replaced or deleted (in the security questions).",
);
pub(super) const DATA_UNUSED: Rule = warning(
    "data.unused",
    "Link it to a purpose, or stop collecting it.",
);
pub(super) const PURPOSE_DUPLICATE: Rule = warning(
    "purpose.duplicate",
    "Remove the second entry; only the first one is used.",
);
pub(super) const LEGAL_BASIS_MISSING: Rule = warning(
    "purpose.legal-basis-missing",
    "Choose a legal basis for this purpose.",
);
pub(super) const LEGITIMATE_INTEREST_MISSING: Rule = warning(
    "purpose.legitimate-interest-missing",
    "Say in a sentence what your legitimate interest is, such as \"keeping accounts safe from fraud\".",
);
pub(super) const PURPOSE_DATA_NOT_COLLECTED: Rule = warning(
    "purpose.data-not-collected",
    "Add it to the data you collect, or remove it from this purpose.",
);
pub(super) const SPECIAL_CATEGORY_WITHOUT_CONSENT: Rule = warning(
    "purpose.special-category-without-consent",
    "Choose the ground this purpose rests on for sensitive data: usually explicit consent, or another Art. 9 condition such as health care.",
);
pub(super) const WITHDRAWAL_MISSING: Rule = warning(
    "rights.consent-withdrawal-missing",
    "Pick at least one way people can withdraw consent.",
);
pub(super) const PAYMENTS_WITHOUT_PAYMENT_DATA: Rule = warning(
    "vendors.payments-without-payment-data",
    "Add the payment data you handle to the data you collect.",
);
pub(super) const ADVERTISING_BUT_NO_SHARING: Rule = warning(
    "sale.advertising-vendor-without-sharing",
    "Check your answer about sharing for targeted advertising.",
);
pub(super) const EU_REPRESENTATIVE_MISSING: Rule = warning(
    "organisation.eu-representative-missing",
    "Add your EU representative.",
);
pub(super) const UK_REPRESENTATIVE_MISSING: Rule = warning(
    "organisation.uk-representative-missing",
    "Add your UK representative.",
);
pub(super) const SALE_UNANSWERED: Rule = warning(
    "sale.unanswered",
    "Answer both questions: do you sell personal information, and do you share it for targeted advertising?",
);
pub(super) const OPT_OUT_URL_MISSING: Rule = warning(
    "sale.opt-out-url-missing",
    "Add the address of your \"Do Not Sell or Share\" page.",
);
pub(super) const GPC_NOT_HONOURED: Rule = warning(
    "sale.global-privacy-control-not-honoured",
    "Honour Global Privacy Control signals, and say so in the cookies step.",
);
pub(super) const COOKIES_WITHOUT_CONSENT: Rule = warning(
    "cookies.non-essential-without-consent",
    "Ask for consent with a cookie banner before setting them, and say so in the cookies step.",
);
pub(super) const COOKIE_KIND_UNDECLARED: Rule = warning(
    "cookies.vendor-kind-undeclared",
    "Tick that kind in the cookies step if the vendor's cookies are on your site; the policy already lists them under the vendor. Remove the vendor if it sets none.",
);
pub(super) const PARENTAL_CONSENT_MISSING: Rule = warning(
    "children.parental-consent-missing",
    "Describe how parents give verified consent.",
);
pub(super) const AUTOMATED_DESCRIPTION_MISSING: Rule = warning(
    "automated-decisions.description-missing",
    "Describe the logic of your automated decisions and what they mean for people.",
);
pub(super) const MARKETING_WITHOUT_PURPOSE: Rule = warning(
    "marketing.emails-without-purpose",
    "Add the purpose \"Send newsletters and offers\".",
);
// Vendors' roles and data, and where data goes (issue 12).
pub(super) const ADJUSTMENT_VENDOR_UNKNOWN: Rule = error(
    "vendors.adjustment-unknown",
    "Correct the vendor id (the file may have a typo), or remove this adjustment.",
);
pub(super) const ALWAYS_RECEIVED_NOT_COLLECTED: Rule = warning(
    "vendors.always-received-not-collected",
    "Add it to what you collect, or adjust this vendor if your set-up does not send it.",
);
pub(super) const VENDOR_DATA_WITHOUT_PURPOSE: Rule = warning(
    "vendors.data-without-purpose",
    "Add the data to the purpose this vendor serves (in the purposes step), or adjust what the vendor receives if your set-up does not send it.",
);
pub(super) const VENDOR_SETTING_UNANSWERED: Rule = warning(
    "vendors.setting-unanswered",
    "Check the setting in your account with the vendor and answer the question in the vendors step.",
);
// An error, not a warning: a published "no safeguard named yet" tells readers a transfer the law
// restricts has no protection, which owners publishing without a lawyer must not do by accident.
pub(super) const TRANSFER_WITHOUT_SAFEGUARD: Rule = error(
    "transfers.recipient-without-safeguard",
    "Find the safeguard in your contract with this recipient (its data processing terms usually name one) and choose it for the recipient, or correct where it processes data.",
);
pub(super) const TRANSFER_ADEQUACY_UNCONFIRMED: Rule = warning(
    "transfers.adequacy-unconfirmed",
    "Check whether that law recognises the country (the authority publishes its list); if your contract with the recipient names a safeguard that law accepts, choose it for the recipient.",
);
pub(super) const BRAZIL_PORTUGUESE_NOTICE: Rule = warning(
    "transfers.brazil-portuguese-notice",
    "If your clauses name you to publish it (Clause 4), put a page in Portuguese on your website, or a prominent part of this policy, saying how, for how long and why the data goes abroad, to which country, who you are and how to reach you, who shares it and why, each party's responsibilities, people's rights and how to use them (including petitioning the ANPD), and any onward transfers (Res. CD/ANPD 19/2024, Annex II, Clauses 14.1, 14.2 and 14.4).",
);
pub(super) const UNASSIGNED_SAFEGUARDS: Rule = warning(
    "transfers.unassigned-safeguards",
    "Choose each safeguard for the recipients it covers (on the vendor), then remove it from this list.",
);

// Answers that contradict each other or leave out what the text needs (the clashes of the issue
// "Every claim licensed"); each names the answers involved.
pub(super) const SOFT_OPT_IN_ON_CONSENT: Rule = warning(
    "marketing.soft-opt-in-on-consent",
    "On the marketing purpose, say in a sentence your interest in emailing customers, such as \"telling customers about products like those they bought\". The policy then gives legitimate interests for customers and consent for everyone else.",
);
pub(super) const CONTRACT_FOR_OTHERS: Rule = warning(
    "purpose.contract-for-others",
    "Choose legitimate interests for this purpose and say your interest (such as \"letting customers bring in the people they work with\"), or take the other people's data out of it.",
);
pub(super) const SENSITIVE_WITHOUT_OPT_IN: Rule = warning(
    "sensitive.us-without-opt-in",
    "Ask people to opt in before you use their sensitive data, and say so in the sensitive-data question.",
);
pub(super) const SENSITIVE_NO_WAY_TO_LIMIT: Rule = warning(
    "sensitive.no-way-to-limit",
    "Add a \"Limit the Use of My Sensitive Personal Information\" page, or use sensitive data only to provide your service and keep it secure.",
);
pub(super) const MINORS_UNANSWERED: Rule = warning(
    "children.minors-unanswered",
    "Say whether people under 16 (or 18) are left out of selling, sharing, targeted ads and profiling, or asked to opt in.",
);
pub(super) const MINORS_UNDER_18_STATES: Rule = warning(
    "children.minors-under-18-states",
    "Leave people you know to be under 18 out of selling, sharing, targeted ads and profiling (answer 18). Connecticut and Maryland allow no consent for selling or targeted ads to under-18s; only Colorado lets you ask the minor's consent first (a parent's for under-13s).",
);
pub(super) const QUEBEC_UNDER_14_CONSENT: Rule = warning(
    "children.quebec-under-14-consent",
    "Describe how a parent or tutor consents before you collect information from a child under 14, or set a minimum age of 14 or more.",
);
pub(super) const QUEBEC_GOVERNANCE_UNPUBLISHED: Rule = warning(
    "governance.quebec-unpublished",
    "Publish detailed information about your governance policies for personal information on your website (how you keep and destroy it, who on your staff is responsible for what, and how you handle complaints) and give the page's address, or describe them in your own words for the policy to print.",
);
pub(super) const QUEBEC_TRANSFER_ASSESSMENT: Rule = warning(
    "governance.quebec-transfer-assessment",
    "For each recipient outside Quebec (your vendors, and you if you are based elsewhere), assess the privacy impact and put the communication in a written agreement (a vendor's data processing terms can be that agreement), then answer the question in the jurisdictions step.",
);
pub(super) const CANADA_PERSON_IN_CHARGE_UNNAMED: Rule = warning(
    "canada.person-in-charge-unnamed",
    "If someone other than the head of your organisation has the role (delegated in writing), name them as your privacy officer in the organisation step, with a way to reach them; the policy then names them.",
);
pub(super) const BRAZIL_PROFILING_ADS: Rule = warning(
    "children.brazil-profiling-ads",
    "Leave people under 18 out of targeted advertising and profiling (answer 18 to the question on minors), set a minimum age of 18, or stop profiling-based advertising for people in Brazil.",
);
pub(super) const WASHINGTON_HEALTH_POLICY_MISSING: Rule = warning(
    "sensitive.washington-health-policy-missing",
    "Publish a separate Consumer Health Data Privacy Policy that meets Washington's and Nevada's laws, link to it from your homepage, and give its address here.",
);
pub(super) const ANALYTICS_COOKIES_ON_LEGITIMATE_INTERESTS: Rule = warning(
    "purpose.cookie-analytics-on-legitimate-interests",
    "Base cookie-based analytics on consent, or use analytics that set no cookies.",
);
pub(super) const BRAZIL_NO_CHANNEL: Rule = warning(
    "organisation.brazil-no-channel",
    "Name an encarregado (data protection officer), or give an email address or request form people in Brazil can use.",
);
pub(super) const RETENTION_SHORTER_THAN_LAW: Rule = warning(
    "data.retention-shorter-than-law",
    "Say that records the law makes you keep, such as invoices, are kept longer: give this data a period or describe how you decide.",
);
pub(super) const LLM_STATEMENT_MISSING: Rule = warning(
    "ai.training-unanswered",
    "Say whether you use personal data to train your own AI models, and whether your AI provider may train on it.",
);
pub(super) const TRACKING_UNANSWERED: Rule = warning(
    "tracking.quebec-unanswered",
    "Say whether your service can identify, locate or profile people, and how they turn those functions on.",
);
pub(super) const TRACKING_HOW_MISSING: Rule = warning(
    "tracking.how-to-switch-missing",
    "Describe how people turn these functions on or off.",
);
pub(super) const TRACKING_ON_WITHOUT_CONSENT: Rule = warning(
    "tracking.on-without-consent",
    "Ask for consent before these uses (and choose consent as their basis; load vendors that locate or profile people only after they agree), or say the functions are on from the start.",
);
pub(super) const CHILDREN_RETENTION_POLICY_MISSING: Rule = warning(
    "children.retention-policy-missing",
    "Describe your written policy on how long you keep children's data and why.",
);
pub(super) const AUTHORITY_REGION_UNKNOWN: Rule = warning(
    "organisation.region-for-authority",
    "Add your federal state to the address, such as Berlin or Bayern.",
);
pub(crate) const REVIEW_OVERDUE: Rule = warning(
    "versions.review-overdue",
    "Go through the answers, change what is no longer true, and publish a new version: publishing records the date of the review.",
);

pub(super) const CERTIFICATION_UNNAMED: Rule = warning(
    "security.certification-unnamed",
    "Name the standard, such as ISO/IEC 27001, so readers can check the claim; or untick \"Certified\" if your security is not certified.",
);
pub(super) const REGION_UNANSWERED: Rule = warning(
    "vendor.region-unanswered",
    "Open \"Adjust\" for this vendor and give the countries of the regions you chose, so the policy can say where the data is and the transfer section can name it.",
);
pub(crate) const UNPUBLISHED_CHANGES: Rule = warning(
    "versions.unpublished-changes",
    "Publish a new version (the Versions step, or `policywright publish`) before you put this text where people read it. The new version's date then shows as the date the policy was last updated.",
);

/// Every rule, in the order the checks run.
pub const RULES: &[Rule] = &[
    LANGUAGE_UNKNOWN,
    DATE_MISSING,
    DATE_MALFORMED,
    LEGAL_NAME_MISSING,
    EMAIL_MISSING,
    EMAIL_MALFORMED,
    URL_MALFORMED,
    URL_CREDENTIALS,
    NUMBER_OUT_OF_RANGE,
    COUNTRY_MISSING,
    COUNTRY_UNKNOWN,
    CONTACT_NAME_MISSING,
    PRODUCT_NAME_MISSING,
    DATA_UNKNOWN,
    PURPOSE_UNKNOWN,
    VENDOR_UNKNOWN,
    VENDOR_NAME_MISSING,
    VENDOR_KIND_UNKNOWN,
    VENDOR_DATA_UNKNOWN,
    JURISDICTION_UNKNOWN,
    CONSIDERED_ERROR,
    CONSIDERED_UNKNOWN,
    CONSIDERED_REASON_MISSING,
    URL_INSECURE,
    DATA_DUPLICATE,
    DATA_SOURCES_MISSING,
    RETENTION_MISSING,
    RETENTION_CRITERIA_EMPTY,
    DATA_UNUSED,
    PURPOSE_DUPLICATE,
    LEGAL_BASIS_MISSING,
    LEGITIMATE_INTEREST_MISSING,
    PURPOSE_DATA_NOT_COLLECTED,
    SPECIAL_CATEGORY_WITHOUT_CONSENT,
    WITHDRAWAL_MISSING,
    BACKUP_PERIOD_MISSING,
    PAYMENTS_WITHOUT_PAYMENT_DATA,
    VENDOR_DATA_WITHOUT_PURPOSE,
    ADVERTISING_BUT_NO_SHARING,
    EU_REPRESENTATIVE_MISSING,
    UK_REPRESENTATIVE_MISSING,
    SALE_UNANSWERED,
    OPT_OUT_URL_MISSING,
    GPC_NOT_HONOURED,
    COOKIES_WITHOUT_CONSENT,
    COOKIE_KIND_UNDECLARED,
    PARENTAL_CONSENT_MISSING,
    AUTOMATED_DESCRIPTION_MISSING,
    MARKETING_WITHOUT_PURPOSE,
    SOFT_OPT_IN_ON_CONSENT,
    CONTRACT_FOR_OTHERS,
    SENSITIVE_WITHOUT_OPT_IN,
    SENSITIVE_NO_WAY_TO_LIMIT,
    MINORS_UNANSWERED,
    MINORS_UNDER_18_STATES,
    QUEBEC_UNDER_14_CONSENT,
    QUEBEC_GOVERNANCE_UNPUBLISHED,
    CANADA_PERSON_IN_CHARGE_UNNAMED,
    QUEBEC_TRANSFER_ASSESSMENT,
    BRAZIL_PROFILING_ADS,
    WASHINGTON_HEALTH_POLICY_MISSING,
    ANALYTICS_COOKIES_ON_LEGITIMATE_INTERESTS,
    BRAZIL_NO_CHANNEL,
    RETENTION_SHORTER_THAN_LAW,
    LLM_STATEMENT_MISSING,
    TRACKING_UNANSWERED,
    TRACKING_HOW_MISSING,
    TRACKING_ON_WITHOUT_CONSENT,
    CHILDREN_RETENTION_POLICY_MISSING,
    AUTHORITY_REGION_UNKNOWN,
    ADJUSTMENT_VENDOR_UNKNOWN,
    ALWAYS_RECEIVED_NOT_COLLECTED,
    VENDOR_SETTING_UNANSWERED,
    TRANSFER_WITHOUT_SAFEGUARD,
    TRANSFER_ADEQUACY_UNCONFIRMED,
    BRAZIL_PORTUGUESE_NOTICE,
    UNASSIGNED_SAFEGUARDS,
    REVIEW_OVERDUE,
    UNPUBLISHED_CHANGES,
    CERTIFICATION_UNNAMED,
    REGION_UNANSWERED,
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = BTreeSet::new();
        for r in RULES {
            assert!(seen.insert(r.code), "{} is registered twice", r.code);
            let (topic, what) = r.code.split_once('.').expect("topic.what");
            for part in [topic, what] {
                assert!(
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{} is not topic.kebab-case",
                    r.code
                );
            }
            assert!(r.fix.ends_with('.') || r.fix.ends_with('?'), "{}", r.code);
        }
    }
}
