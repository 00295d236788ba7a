//! The finding registry and the facts behind it: every rule can fire, every finding carries a
//! registered code, and a check and the policy text draw on the same fact.

mod common;

use std::collections::BTreeSet;

use common::{document, example, finding, library, markdown};
use policywright::model::*;
use policywright::validate::registry::{RULES, rule};
use policywright::{Facts, Finding, Project, Severity, validate};

fn codes(p: &Project) -> BTreeSet<String> {
    validate(p, library()).into_iter().map(|f| f.code).collect()
}

fn blank_named() -> Project {
    let mut p = example("shop");
    p.jurisdictions = vec!["uk".into(), "eu".into()];
    p
}

/// For each rule, a change to an example that must make it fire.
fn cases() -> Vec<(&'static str, Project)> {
    let shop = example("shop");
    let app = example("consumer-app");
    let saas = example("saas");
    let with = |base: &Project, change: &dyn Fn(&mut Project)| {
        let mut p = base.clone();
        change(&mut p);
        p
    };
    let custom = CustomVendor {
        name: "Acme".into(),
        legal_entity: None,
        category: "hosting".into(),
        purpose: None,
        data: vec![],
        own_use: None,
        locations: vec![],
        safeguard: None,
        privacy_url: None,
        opt_out_url: None,
        cookies: None,
    };
    vec![
        (
            "language.unknown",
            with(&shop, &|p| p.language = "xx".into()),
        ),
        (
            "effective-date.missing",
            with(&shop, &|p| p.effective_date.clear()),
        ),
        (
            "effective-date.malformed",
            with(&shop, &|p| p.effective_date = "1/2/26".into()),
        ),
        (
            "organisation.legal-name-missing",
            with(&shop, &|p| p.organisation.legal_name.clear()),
        ),
        (
            "organisation.email-missing",
            with(&shop, &|p| p.organisation.email.clear()),
        ),
        (
            "email.malformed",
            with(&shop, &|p| p.organisation.email = "a at b".into()),
        ),
        (
            "url.malformed",
            with(&shop, &|p| p.organisation.website = Some("ftp://x".into())),
        ),
        (
            "url.credentials",
            with(&shop, &|p| {
                p.organisation.website = Some("https://shop.example@evil.example/".into())
            }),
        ),
        (
            "organisation.country-missing",
            with(&shop, &|p| p.organisation.address.country.clear()),
        ),
        (
            "country.unknown",
            with(&shop, &|p| p.organisation.address.country = "XX".into()),
        ),
        (
            "contact.name-missing",
            with(&shop, &|p| {
                p.organisation.dpo = Some(Contact {
                    name: " ".into(),
                    email: String::new(),
                    address: None,
                })
            }),
        ),
        (
            "product.name-missing",
            with(&shop, &|p| p.products[0].name.clear()),
        ),
        (
            "data.unknown-category",
            with(&shop, &|p| p.data[0].category = "thoughts".into()),
        ),
        (
            "number.out-of-range",
            with(&shop, &|p| {
                p.data[0].retention = Some(Retention::Period {
                    amount: 0,
                    unit: RetentionUnit::Days,
                    reason: None,
                })
            }),
        ),
        (
            "purpose.unknown",
            with(&shop, &|p| p.purposes[0].purpose = "world-peace".into()),
        ),
        (
            "vendor.unknown",
            with(&shop, &|p| p.vendors.catalogue.push("no-such".into())),
        ),
        (
            "marketing.soft-opt-in-on-consent",
            with(&shop, &|p| {
                for u in &mut p.purposes {
                    if u.purpose == "marketing-emails" {
                        u.legitimate_interest = None;
                    }
                }
            }),
        ),
        (
            "purpose.contract-for-others",
            with(&saas, &|p| {
                for u in &mut p.purposes {
                    if u.purpose == "collaboration" {
                        u.legal_basis = Some(LegalBasis::Contract);
                    }
                }
            }),
        ),
        (
            "sensitive.us-without-opt-in",
            with(&app, &|p| p.sensitive.opt_in_consent = None),
        ),
        (
            "tracking.on-without-consent",
            with(&app, &|p| {
                for u in &mut p.purposes {
                    if u.purpose == "advertising" {
                        u.legal_basis = Some(LegalBasis::LegitimateInterests);
                    }
                }
            }),
        ),
        (
            "sensitive.no-way-to-limit",
            with(&app, &|p| p.sensitive.limit_url = None),
        ),
        (
            "children.minors-unanswered",
            with(&app, &|p| p.minors = Minors::default()),
        ),
        (
            "children.minors-under-18-states",
            with(&app, &|p| p.minors.excluded_under = Some(16)),
        ),
        (
            "children.quebec-under-14-consent",
            with(&app, &|p| p.children.minimum_age = Some(13)),
        ),
        (
            "governance.quebec-unpublished",
            with(&app, &|p| p.governance = Default::default()),
        ),
        (
            "governance.quebec-transfer-assessment",
            with(&app, &|p| p.governance.outside_quebec_assessed = None),
        ),
        (
            "canada.person-in-charge-unnamed",
            with(&app, &|p| p.organisation.dpo = None),
        ),
        (
            "children.brazil-profiling-ads",
            with(&app, &|p| p.minors.excluded_under = Some(16)),
        ),
        (
            "sensitive.washington-health-policy-missing",
            with(&app, &|p| p.sensitive.health_data_policy_url = None),
        ),
        (
            "purpose.cookie-analytics-on-legitimate-interests",
            with(&saas, &|p| {
                for u in &mut p.purposes {
                    if u.purpose == "product-analytics" {
                        u.legal_basis = Some(LegalBasis::LegitimateInterests);
                        u.legitimate_interest = Some("Improving features".into());
                    }
                }
            }),
        ),
        (
            "organisation.brazil-no-channel",
            with(&app, &|p| {
                p.organisation.dpo = None;
                p.organisation.email.clear();
                p.rights.request_form_url = None;
            }),
        ),
        (
            "data.retention-shorter-than-law",
            with(&saas, &|p| {
                p.data[0].retention = Some(Retention::UntilAccountClosed { grace_days: 30 })
            }),
        ),
        (
            "ai.training-unanswered",
            with(&app, &|p| p.ai = Ai::default()),
        ),
        (
            "tracking.quebec-unanswered",
            with(&app, &|p| p.tracking = Tracking::default()),
        ),
        (
            "tracking.how-to-switch-missing",
            with(&app, &|p| p.tracking.how_to_switch = None),
        ),
        (
            "children.retention-policy-missing",
            with(&shop, &|p| p.children.directed_at_children = true),
        ),
        (
            "organisation.region-for-authority",
            with(&saas, &|p| {
                p.organisation.address.city = "Munich".into();
                p.organisation.address.region = None;
            }),
        ),
        (
            "vendors.adjustment-unknown",
            with(&shop, &|p| {
                p.vendors.adjustments.push(VendorAdjustment {
                    vendor: "no-such-vendor".into(),
                    ..VendorAdjustment::default()
                })
            }),
        ),
        (
            "security.backup-period-missing",
            with(&shop, &|p| p.backups = Backups::default()),
        ),
        (
            "vendors.always-received-not-collected",
            with(&shop, &|p| p.data.retain(|d| d.category != "ip-address")),
        ),
        (
            "vendors.data-without-purpose",
            with(&shop, &|p| {
                for u in &mut p.purposes {
                    if u.purpose == "marketing-emails" {
                        u.categories.retain(|c| c != "purchase-history");
                    }
                }
            }),
        ),
        (
            "vendors.setting-unanswered",
            with(&shop, &|p| {
                p.vendors.settings.google_analytics_data_sharing = None
            }),
        ),
        (
            "transfers.recipient-without-safeguard",
            // Shopify in the United States, with no safeguard under UK law.
            with(&shop, &|p| {
                p.vendors.adjustments = vec![VendorAdjustment {
                    vendor: "shopify".into(),
                    locations: Some(vec!["US".into()]),
                    ..VendorAdjustment::default()
                }];
            }),
        ),
        (
            "transfers.adequacy-unconfirmed",
            // A Brazilian company: Brazil's list, as our law data has it, does not settle the
            // United States.
            with(&app, &|p| p.organisation.address.country = "BR".into()),
        ),
        (
            "transfers.brazil-portuguese-notice",
            with(&app, &|p| {
                p.vendors.adjustments.push(VendorAdjustment {
                    vendor: "stripe".into(),
                    safeguards: vec![TransferSafeguard::AnpdStandardClauses],
                    ..VendorAdjustment::default()
                })
            }),
        ),
        (
            "transfers.unassigned-safeguards",
            with(&shop, &|p| {
                p.transfers.unassigned_safeguards = vec![TransferSafeguard::UkIdta]
            }),
        ),
        (
            "versions.review-overdue",
            policywright::versions::publish(
                &shop,
                library(),
                policywright::assemble::parse_date("2020-01-01").expect("date"),
                "",
            )
            .expect("publishes")
            .project,
        ),
        (
            "vendor.region-unanswered",
            with(&saas, &|p| {
                p.vendors.adjustments.retain(|a| a.vendor != "auth0")
            }),
        ),
        (
            "security.certification-unnamed",
            with(&saas, &|p| p.certified_to = "  ".into()),
        ),
        (
            "versions.unpublished-changes",
            with(
                &policywright::versions::publish(
                    &shop,
                    library(),
                    policywright::assemble::parse_date("2026-02-01").expect("date"),
                    "",
                )
                .expect("publishes")
                .project,
                &|p| p.organisation.email = "privacy@example.org".into(),
            ),
        ),
        (
            "vendor.name-missing",
            with(&shop, &|p| p.vendors.custom[0].name.clear()),
        ),
        (
            "vendor.unknown-kind",
            with(&shop, &|p| p.vendors.custom[0].category = "magic".into()),
        ),
        (
            "vendor.unknown-data",
            with(&shop, &|p| p.vendors.custom[0].data.push("thoughts".into())),
        ),
        (
            "jurisdiction.unknown",
            with(&shop, &|p| p.jurisdictions.push("atlantis".into())),
        ),
        (
            "data.duplicate",
            with(&shop, &|p| p.data.push(p.data[0].clone())),
        ),
        (
            "data.sources-missing",
            with(&shop, &|p| p.data[0].sources.clear()),
        ),
        (
            "data.retention-missing",
            with(&shop, &|p| p.data[0].retention = None),
        ),
        (
            "data.retention-criteria-empty",
            with(&shop, &|p| {
                p.data[0].retention = Some(Retention::Criteria {
                    description: " ".into(),
                })
            }),
        ),
        (
            "data.unused",
            with(&shop, &|p| {
                for u in &mut p.purposes {
                    u.categories.retain(|c| *c != p.data[0].category);
                }
            }),
        ),
        (
            "purpose.duplicate",
            with(&shop, &|p| p.purposes.push(p.purposes[0].clone())),
        ),
        (
            "purpose.legal-basis-missing",
            with(&shop, &|p| p.purposes[0].legal_basis = None),
        ),
        (
            "purpose.legitimate-interest-missing",
            with(&shop, &|p| {
                p.purposes[0].legal_basis = Some(LegalBasis::LegitimateInterests);
                p.purposes[0].legitimate_interest = None;
            }),
        ),
        (
            "purpose.data-not-collected",
            with(&shop, &|p| p.purposes[0].categories.push("health".into())),
        ),
        (
            "purpose.special-category-without-consent",
            with(&shop, &|p| {
                p.data.push(CollectedData {
                    category: "health".into(),
                    sources: vec![Source::Directly],
                    required: false,
                    retention: None,
                    examples: vec![],
                });
                // The shop's newsletter rests on consent; that must not hide this purpose.
                p.purposes[0].categories.push("health".into());
                p.purposes[0].legal_basis = Some(LegalBasis::Contract);
            }),
        ),
        (
            "rights.consent-withdrawal-missing",
            with(&shop, &|p| p.rights.consent_withdrawal.clear()),
        ),
        (
            "vendors.payments-without-payment-data",
            with(&shop, &|p| {
                p.data.retain(|d| {
                    !["payment-card", "billing", "bank-account"].contains(&d.category.as_str())
                });
            }),
        ),
        (
            "sale.advertising-vendor-without-sharing",
            with(&shop, &|p| {
                p.vendors.catalogue.push("google-ads".into());
                p.sale_and_sharing.shares_for_targeted_ads = Some(false);
            }),
        ),
        (
            "organisation.eu-representative-missing",
            with(&app, &|p| p.jurisdictions.push("eu".into())),
        ),
        (
            "organisation.uk-representative-missing",
            with(&app, &|p| p.jurisdictions.push("uk".into())),
        ),
        (
            "sale.unanswered",
            with(&app, &|p| p.sale_and_sharing.sells = None),
        ),
        (
            "sale.opt-out-url-missing",
            with(&app, &|p| p.sale_and_sharing.opt_out_url = None),
        ),
        (
            "sale.global-privacy-control-not-honoured",
            with(&app, &|p| p.cookies.honours_global_privacy_control = false),
        ),
        (
            "cookies.non-essential-without-consent",
            with(&shop, &|p| p.cookies.consent_banner = false),
        ),
        (
            "cookies.vendor-kind-undeclared",
            with(&shop, &|p| {
                p.cookies.kinds.retain(|k| *k != CookieKind::Analytics)
            }),
        ),
        (
            "children.parental-consent-missing",
            with(&shop, &|p| p.children.minimum_age = Some(12)),
        ),
        (
            "automated-decisions.description-missing",
            with(&shop, &|p| {
                p.automated_decisions.makes_significant_decisions = true
            }),
        ),
        (
            "marketing.emails-without-purpose",
            with(&shop, &|p| {
                p.purposes.retain(|u| u.purpose != "marketing-emails")
            }),
        ),
        (
            "vendor.name-missing",
            with(&blank_named(), &|p| {
                p.vendors.custom.push(CustomVendor {
                    name: String::new(),
                    ..custom.clone()
                })
            }),
        ),
        (
            "url.insecure",
            with(&shop, &|p| {
                p.organisation.website = Some("http://hollybank.example".into())
            }),
        ),
        (
            "considered.error",
            with(&shop, &|p| {
                p.considered = vec![mark("email.malformed", "x")]
            }),
        ),
        (
            "considered.unknown-code",
            with(&shop, &|p| p.considered = vec![mark("cookies.tasty", "x")]),
        ),
        (
            "considered.reason-missing",
            with(&shop, &|p| {
                p.considered = vec![mark("organisation.uk-representative-missing", " ")]
            }),
        ),
    ]
}

fn mark(code: &str, reason: &str) -> Considered {
    Considered {
        code: code.into(),
        path: None,
        reason: reason.into(),
    }
}

/// A project whose consent-withdrawal warning fires, with one mark given.
fn with_warnings(considered: Vec<Considered>) -> Vec<Finding> {
    let mut p = example("shop");
    p.cookies.consent_banner = false;
    p.data.iter_mut().take(2).for_each(|d| d.retention = None);
    p.considered = considered;
    validate(&p, library())
}

#[test]
fn a_considered_warning_keeps_its_place_and_carries_the_reason() {
    let before = with_warnings(vec![]);
    let retention: Vec<&Finding> = before
        .iter()
        .filter(|f| f.code == "data.retention-missing")
        .collect();
    assert_eq!(retention.len(), 2, "{before:#?}");
    assert!(before.iter().all(|f| f.considered.is_none()));

    // Marked by code and path: only that one of the two.
    let one = retention[0].paths[0].clone();
    let after = with_warnings(vec![Considered {
        path: Some(one.clone()),
        ..mark("data.retention-missing", "  Kept as the tax office says.  ")
    }]);
    assert_eq!(after.len(), before.len(), "still listed, still counted");
    let marked: Vec<&Finding> = after.iter().filter(|f| f.considered.is_some()).collect();
    assert_eq!(marked.len(), 1, "{after:#?}");
    assert_eq!(marked[0].paths[0], one);
    assert_eq!(
        marked[0].considered.as_deref(),
        Some("Kept as the tax office says.")
    );
    assert_eq!(marked[0].severity, Severity::Warning);

    // Without a path: every finding of the code.
    let after = with_warnings(vec![mark("data.retention-missing", "All on purpose.")]);
    let marked = after.iter().filter(|f| f.considered.is_some()).count();
    assert_eq!(marked, 2);

    // No reason: not considered, and said so.
    let after = with_warnings(vec![mark("data.retention-missing", "")]);
    assert!(after.iter().all(|f| f.considered.is_none()));
    assert!(
        after
            .iter()
            .any(|f| f.code == "considered.reason-missing" && f.field == "considered[0].reason")
    );
}

#[test]
fn an_error_cannot_be_considered() {
    let mut p = example("shop");
    p.organisation.email = "hello at example".into();
    p.considered = vec![mark("email.malformed", "It is fine.")];
    let found = validate(&p, library());
    let email = found.iter().find(|f| f.code == "email.malformed").unwrap();
    assert_eq!(email.considered, None);
    let refused = found.iter().find(|f| f.code == "considered.error").unwrap();
    assert_eq!(refused.severity, Severity::Error);
    assert_eq!(refused.field, "considered[0].code");
    assert_eq!(refused.paths, ["considered[code=email.malformed].code"]);
}

#[test]
fn countries_in_every_country_answer_are_checked() {
    let mut p = example("shop");
    p.organisation.address.country = "Ireland".into();
    p.organisation.dpo = Some(Contact {
        name: "Aoife".into(),
        email: String::new(),
        address: Some(PostalAddress {
            country: "Atlantis".into(),
            ..PostalAddress::default()
        }),
    });
    let found = validate(&p, library());
    let unknown: Vec<(&str, &str)> = found
        .iter()
        .filter(|f| f.code == "country.unknown")
        .map(|f| (f.field.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(
        unknown,
        [
            (
                "organisation.address.country",
                "\"Ireland\" is a country name; the answer needs its code, IE."
            ),
            (
                "organisation.dpo.address.country",
                "\"Atlantis\" is not a country we know."
            ),
        ]
    );
    p.organisation.address.country = "ie".into();
    p.organisation.dpo = None;
    assert!(!codes(&p).contains("country.unknown"), "a code in any case");
}

#[test]
fn every_rule_fires_and_every_finding_is_registered() {
    let mut fired = BTreeSet::new();
    for (code, project) in cases() {
        let found = codes(&project);
        assert!(found.contains(code), "{code} did not fire; found {found:?}");
        for c in &found {
            assert!(rule(c).is_some(), "finding {c} is not in the registry");
        }
        fired.insert(code);
    }
    let registered: BTreeSet<&str> = RULES.iter().map(|r| r.code).collect();
    let never: Vec<_> = registered.difference(&fired).collect();
    assert!(never.is_empty(), "rules with no test case: {never:?}");
}

#[test]
fn the_examples_have_no_findings() {
    for name in ["saas", "shop", "consumer-app"] {
        let found = codes(&example(name));
        assert!(found.is_empty(), "{name}: {found:?}");
    }
}

#[test]
fn findings_name_list_items_by_id_not_position() {
    let mut p = example("shop");
    p.data[2].retention = None;
    let id = p.data[2].category.clone();
    let f = finding(&p, "data.retention-missing");
    assert_eq!(f.field, "data[2].retention");
    assert_eq!(f.paths, vec![format!("data[category={id}].retention")]);
    assert!(!f.fix.is_empty() && f.message.ends_with('.'));
}

/// The drift the code review found: a vendor's analytics cookies, EU and UK users and no
/// consent banner. The policy said the analytics cookies are set; `check` said nothing.
#[test]
fn vendor_cookies_without_a_banner_are_found_and_printed_from_one_fact() {
    let mut p = example("shop");
    p.cookies.kinds = vec![CookieKind::StrictlyNecessary];
    p.cookies.consent_banner = false;
    // reCAPTCHA's cookie, of no settled kind, would keep the banner sentence out.
    p.vendors.catalogue.retain(|v| v != "recaptcha");
    assert!(p.vendors.catalogue.iter().any(|v| v == "google-analytics"));

    let facts = Facts::derive(&p, library().catalogues());
    assert!(facts.cookies.non_essential);
    assert!(
        facts
            .cookies
            .non_essential_setters
            .contains(&"Google Analytics")
    );

    let finding = finding(&p, "cookies.non-essential-without-consent");
    assert!(
        finding.message.contains("Google Analytics"),
        "{}",
        finding.message
    );

    let text = markdown(&document(&p));
    let cookies = text
        .split("Cookies and tracking\n")
        .nth(1)
        .expect("cookie section");
    assert!(cookies.contains("Google Analytics"));
    assert!(cookies.contains("block or delete cookies in your browser"));

    // With the banner, the text says so and the check is satisfied: both follow the answer.
    p.cookies.consent_banner = true;
    assert!(!codes(&p).contains("cookies.non-essential-without-consent"));
    let text = markdown(&document(&p));
    assert!(text.contains("until you say yes to the others in our cookie banner"));
}

/// Only strictly necessary cookies everywhere: no consent needed, no finding, no consent text.
#[test]
fn strictly_necessary_cookies_need_no_banner() {
    let mut p = example("shop");
    p.cookies.kinds = vec![CookieKind::StrictlyNecessary];
    p.cookies.consent_banner = false;
    // reCAPTCHA's cookie is not called strictly necessary, so it goes too.
    p.vendors
        .catalogue
        .retain(|v| v != "google-analytics" && v != "recaptcha");
    let facts = Facts::derive(&p, library().catalogues());
    if facts.cookies.non_essential {
        // Another vendor in the example sets non-essential cookies: the finding must name it.
        let setters = facts.cookies.non_essential_setters.clone();
        let finding = finding(&p, "cookies.non-essential-without-consent");
        for s in setters {
            assert!(finding.message.contains(s));
        }
    } else {
        assert!(!codes(&p).contains("cookies.non-essential-without-consent"));
    }
}

/// The second lawyer read: the software example's policy listed HubSpot's analytics cookies
/// while the owner's cookie answers had none, and `check` said nothing.
#[test]
fn a_vendor_cookie_kind_the_cookie_answers_leave_out_is_a_finding_naming_the_vendor() {
    let mut p = example("saas");
    p.cookies.kinds.retain(|k| *k != CookieKind::Analytics);
    // HubSpot's analytics cookies are not in the answers.
    let finding = finding(&p, "cookies.vendor-kind-undeclared");
    assert_eq!(
        finding.message,
        "HubSpot sets analytics cookies, which your answers in the cookies step do not list."
    );
    assert_eq!(finding.field, "cookies.kinds");
    // Declared, or set by no vendor: nothing to say.
    assert!(!codes(&example("saas")).contains("cookies.vendor-kind-undeclared"));
    p.vendors.catalogue.retain(|v| v != "hubspot");
    assert!(!codes(&p).contains("cookies.vendor-kind-undeclared"));
}
