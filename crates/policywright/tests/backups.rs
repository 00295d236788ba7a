//! How long backups are kept: the retention section states the period only when the owner gave
//! one, and an owner who keeps backups for people in the EU or the UK is asked for it.

mod common;

use common::{example, library, policy, section};
use policywright::model::{Backups, SecurityMeasure};
use policywright::{Finding, Project, validate};

const WITH_PERIOD: &str = "Deleted data can stay in our backups for up to 30 days, until those backups are replaced or deleted.";
const WITHOUT_PERIOD: &str =
    "Deleted data can stay in our backups until those backups are replaced.";

fn retention(p: &str) -> &str {
    section(p, "How long we keep it")
}

fn backup_findings(p: &Project) -> Vec<Finding> {
    validate(p, library())
        .into_iter()
        .filter(|f| f.code == "security.backup-period-missing")
        .collect()
}

#[test]
fn an_answered_period_is_stated_in_the_retention_section() {
    let shop = policy("shop", |p| p.backups.kept_days = Some(30));
    assert!(
        retention(&shop).contains(WITH_PERIOD),
        "{}",
        retention(&shop)
    );
    assert!(!shop.contains(WITHOUT_PERIOD));
    let one = policy("shop", |p| p.backups.kept_days = Some(1));
    assert!(
        one.contains("in our backups for up to 1 day, until"),
        "{one}"
    );
}

#[test]
fn without_a_period_no_period_is_stated() {
    let shop = policy("shop", |p| p.backups = Backups::default());
    assert!(retention(&shop).contains(WITHOUT_PERIOD));
    assert!(!shop.contains("for up to"), "{shop}");
    // A period out of range is an error, and no period is printed meanwhile.
    let wrong = policy("shop", |p| p.backups.kept_days = Some(0));
    assert!(wrong.contains(WITHOUT_PERIOD) && !wrong.contains("for up to 0"));
}

#[test]
fn a_period_left_after_unticking_backups_says_nothing_about_backups() {
    let shop = policy("shop", |p| {
        p.security.retain(|m| *m != SecurityMeasure::Backups);
        p.backups.kept_days = Some(30);
    });
    assert!(!shop.contains("backups"), "{shop}");
}

#[test]
fn backups_without_a_period_for_the_eu_or_the_uk_is_a_finding() {
    let mut shop = example("shop");
    shop.backups = Backups::default();
    let found = backup_findings(&shop);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].field, "backups.kept_days");
    assert_eq!(found[0].paths, vec!["backups.kept_days", "security"]);
    assert_eq!(
        found[0].message,
        "You keep backups but have not said for how long. Deleted data stays in them until they are replaced, and GDPR Art. 13(2)(a) and UK GDPR Art. 13(2)(a) ask for the period data is kept or the criteria used to set it."
    );
    shop.jurisdictions = vec!["uk".into()];
    let uk = backup_findings(&shop);
    assert_eq!(uk.len(), 1);
    assert!(
        uk[0]
            .message
            .contains("and UK GDPR Art. 13(2)(a) asks for the period")
            && !uk[0].message.contains(" GDPR Art. 13(2)(a) and"),
        "{}",
        uk[0].message
    );
}

#[test]
fn no_finding_when_answered_without_backups_or_outside_the_gdpr() {
    let shop = example("shop");
    assert_eq!(shop.backups.kept_days, Some(30), "the example answers it");
    assert!(backup_findings(&shop).is_empty());
    let no_backups = {
        let mut p = shop.clone();
        p.security.retain(|m| *m != SecurityMeasure::Backups);
        p.backups = Backups::default();
        p
    };
    assert!(backup_findings(&no_backups).is_empty());
    let elsewhere = {
        let mut p = shop.clone();
        p.backups = Backups::default();
        p.jurisdictions = vec!["us-ca".into(), "ca".into(), "ch".into()];
        p
    };
    assert!(backup_findings(&elsewhere).is_empty());
    // Out of range is number.out-of-range, not "missing" as well.
    let mut wrong = shop.clone();
    wrong.backups.kept_days = Some(4000);
    assert!(backup_findings(&wrong).is_empty());
}
