//! A proptest strategy that builds random but valid projects: any subset of each catalogue and
//! any combination of the answers, the later optional ones included. Shared by the property tests
//! (`mod project_strategy;` beside `mod common;`).

#![allow(dead_code)]

use policywright::Project;
use policywright::model::*;
use proptest::prelude::*;

use crate::common::library;

pub fn pick<T: Clone + std::fmt::Debug + 'static>(items: Vec<T>) -> impl Strategy<Value = Vec<T>> {
    let n = items.len();
    prop::sample::subsequence(items, 0..=n)
}

/// Random but well-formed projects: any subset of catalogue entries and any combination of the
/// yes/no answers.
pub fn generated_project() -> impl Strategy<Value = Project> {
    let cat = library().catalogues();
    let categories: Vec<String> = cat.categories.iter().map(|c| c.id.clone()).collect();
    let purposes: Vec<String> = cat.purposes.iter().map(|c| c.id.clone()).collect();
    let vendors: Vec<String> = cat.vendors.iter().map(|c| c.id.clone()).collect();
    let jurisdictions: Vec<String> = cat.jurisdictions.iter().map(|c| c.id.clone()).collect();
    (
        pick(categories),
        pick(purposes),
        pick(vendors),
        pick(jurisdictions),
        prop::collection::vec(any::<bool>(), 16),
        prop::option::of(prop::sample::select(vec![13u8, 16, 18])),
        prop::sample::select(vec!["DE", "GB", "US", "CA", "AU", "BR", "CH", "IE"]),
        prop::collection::vec(any::<bool>(), 16),
    )
        .prop_map(|(cats, purps, vends, jurs, b, age, country, more)| {
            let mut p = Project::blank();
            p.effective_date = "2026-05-01".into();
            p.organisation.legal_name = "Example Ltd".into();
            p.organisation.email = "privacy@example.com".into();
            p.organisation.address.country = country.into();
            if b[0] {
                p.organisation.dpo = Some(Contact {
                    name: "A. Person".into(),
                    email: "dpo@example.com".into(),
                    address: None,
                });
            }
            p.data = cats
                .iter()
                .enumerate()
                .map(|(i, c)| CollectedData {
                    category: c.clone(),
                    sources: vec![if i % 2 == 0 {
                        Source::Directly
                    } else {
                        Source::Automatically
                    }],
                    required: b[1] && i % 3 == 0,
                    retention: match i % 4 {
                        0 => None,
                        1 => Some(Retention::Period {
                            amount: 1 + i as u32,
                            unit: RetentionUnit::Months,
                            reason: None,
                        }),
                        2 => Some(Retention::UntilAccountClosed {
                            grace_days: i as u32,
                        }),
                        _ => Some(Retention::Criteria {
                            description: "While the contract lasts".into(),
                        }),
                    },
                    examples: vec![],
                })
                .collect();
            p.purposes = purps
                .iter()
                .enumerate()
                .map(|(i, id)| PurposeUse {
                    purpose: id.clone(),
                    legal_basis: if b[2] && i % 5 == 0 {
                        None
                    } else {
                        library().catalogues().purpose(id).map(|x| x.legal_basis)
                    },
                    legitimate_interest: b[3].then(|| "Keeping things running".to_owned()),
                    categories: cats.iter().take(i % 4).cloned().collect(),
                    special_condition: more[0].then(|| CONDITIONS[i % CONDITIONS.len()]),
                })
                .collect();
            // Each vendor abroad needs a safeguard under every law addressed, or the project has
            // an error; these name one under each.
            p.vendors.adjustments = vends
                .iter()
                .map(|id| VendorAdjustment {
                    vendor: id.clone(),
                    safeguards: vec![
                        TransferSafeguard::StandardContractualClauses,
                        TransferSafeguard::UkIdta,
                        TransferSafeguard::SwissSccs,
                        TransferSafeguard::AnpdStandardClauses,
                    ],
                    ..VendorAdjustment::default()
                })
                .collect();
            p.vendors.catalogue = vends;
            p.jurisdictions = jurs;
            p.processes_customer_data = b[4];
            p.cookies.consent_banner = b[5];
            p.cookies.honours_global_privacy_control = b[6];
            p.cookies.kinds = if b[7] {
                vec![CookieKind::StrictlyNecessary, CookieKind::Analytics]
            } else {
                vec![]
            };
            p.children = Children {
                minimum_age: age,
                directed_at_children: b[8],
                parental_consent: None,
                retention_policy: None,
            };
            p.marketing = Marketing {
                sends_emails: b[9],
                soft_opt_in: b[10],
            };
            p.sale_and_sharing = SaleAndSharing {
                sells: b[11].then_some(b[12]),
                shares_for_targeted_ads: b[11].then_some(b[13]),
                opt_out_url: None,
            };
            p.automated_decisions.makes_significant_decisions = b[14];
            p.style.summary = b[15];
            p.style.definitions = b[15];
            p.style.vendor_detail = if b[12] {
                VendorDetail::Table
            } else {
                VendorDetail::Names
            };
            p.breach.notify_affected_people = b[3];
            p.rights.consent_withdrawal = if b[10] {
                vec![WithdrawalMethod::Email]
            } else {
                vec![]
            };
            later_answers(&mut p, &more);
            p
        })
}

/// Every Art. 9(2) condition an owner can choose.
const CONDITIONS: &[SpecialCondition] = &[
    SpecialCondition::ExplicitConsent,
    SpecialCondition::Employment,
    SpecialCondition::VitalInterests,
    SpecialCondition::MadePublic,
    SpecialCondition::LegalClaims,
    SpecialCondition::HealthCare,
];

/// The answers only some owners give (minors, sensitive data, AI, Quebec, governance,
/// complaints, breach channels, the German state, backups), each set or left unanswered by one of `b`.
fn later_answers(p: &mut Project, b: &[bool]) {
    let yes_no = |set: bool, value: bool| set.then_some(value);
    p.organisation.address.region = b[1].then(|| "Bayern".to_owned());
    p.organisation.address.city = if b[2] { "Berlin" } else { "Springfield" }.to_owned();
    p.minors = Minors {
        excluded_under: b[3].then_some(if b[4] { 16 } else { 18 }),
        opt_in_before_sale: b[5],
    };
    p.sensitive = Sensitive {
        opt_in_consent: yes_no(b[6], b[7]),
        limit_url: b[8].then(|| "https://example.com/limit".to_owned()),
        health_data_policy_url: b[2].then(|| "https://example.com/health".to_owned()),
    };
    p.ai = Ai {
        provider_keeps_content: yes_no(b[9], b[10]),
        provider_keeps_days: b[10].then_some(30),
        provider_trains: yes_no(b[11], b[12]),
        trains_own_models: yes_no(b[13], b[14]),
    };
    p.tracking = Tracking {
        identifies_locates_or_profiles: b[15],
        off_by_default: b[4],
        how_to_switch: b[7].then(|| "In the settings.".to_owned()),
    };
    p.complaints.form_url = b[12].then(|| "https://example.com/complain".to_owned());
    p.governance = Governance {
        url: b[8].then(|| "https://example.com/governance".to_owned()),
        description: b[11].then(|| "Our privacy officer approves who may see what.".to_owned()),
        outside_quebec_assessed: b[10].then_some(b[9]),
    };
    p.breach.channels = if b[13] {
        vec![BreachChannel::Email, BreachChannel::WebsiteNotice]
    } else {
        vec![]
    };
    p.children.retention_policy = b[14].then(|| "A year after the last sign-in.".to_owned());
    // Backups with or without a period, and a period left over after backups are unticked.
    p.security = if b[5] {
        vec![SecurityMeasure::AccessControl, SecurityMeasure::Backups]
    } else {
        vec![SecurityMeasure::AccessControl]
    };
    p.backups.kept_days = b[6].then_some(35);
    if p.marketing.soft_opt_in && b[1] {
        for u in &mut p.purposes {
            if u.purpose == "marketing-emails" {
                u.legitimate_interest = Some("Telling customers about similar products".into());
            }
        }
    }
}
