//! A proptest strategy for random but well-formed projects, shared by the property tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use policywright::Project;
use policywright::model::*;
use proptest::prelude::*;

use super::common::library;

fn pick<T: Clone + std::fmt::Debug + 'static>(items: Vec<T>) -> impl Strategy<Value = Vec<T>> {
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
        prop::sample::select(vec!["DE", "GB", "US", "CA", "AU", "BR", "CH"]),
    )
        .prop_map(|(cats, purps, vends, jurs, b, age, country)| {
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
                    examples: Default::default(),
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
                    special_condition: Default::default(),
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
                retention_policy: Default::default(),
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
            p
        })
}
