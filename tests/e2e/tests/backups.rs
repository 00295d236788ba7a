//! End-to-end: how long backups are kept. The shop example keeps backups for 30 days, and its
//! policy says so; clearing the answer brings back the sentence without a period and the
//! warning beside the box; a new answer is stated in the preview; unticking backups takes the
//! question and the sentence away.
#![cfg(target_os = "linux")]

mod harness;

use harness::*;

const DAYS: &str = "#field-backups-kept-days";
/// "Regular, tested backups", the sixth security measure.
const BACKUPS: &str = "#field-security-5";
const RETENTION: &str = "section#retention";

#[tokio::test(flavor = "multi_thread")]
async fn the_days_a_backup_is_kept_show_in_the_preview() {
    within(LIMIT, backup_period()).await;
}

async fn backup_period() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("backup-period", &home, "shop").await else {
        return;
    };
    s.wait_for_text(".policy-meta", "Hollybank Tea").await;
    s.wait_for_text(
        RETENTION,
        "in our backups for up to 30 days, until those backups are replaced or deleted.",
    )
    .await;

    s.click("#step-keeping").await;
    assert_eq!(s.value(DAYS).await, "30", "the example's answer");
    s.check_accessibility("the backups question").await;

    // Unanswered: no period, the sentence without one, and the warning beside the box.
    s.set_value(DAYS, "").await;
    s.wait_for_text(
        RETENTION,
        "Deleted data can stay in our backups until those backups are replaced.",
    )
    .await;
    s.wait_without(RETENTION, "for up to").await;
    s.wait_for_text(&format!("{DAYS}-finding"), "have not said for how long")
        .await;

    // A new answer is stated, and the warning clears.
    s.type_into(DAYS, "14").await;
    s.wait_for_text(RETENTION, "in our backups for up to 14 days, until")
        .await;
    s.wait_without(&format!("{DAYS}-finding"), "have not said")
        .await;

    // Without backups, neither the question nor the sentence.
    s.click(BACKUPS).await;
    s.wait_gone(DAYS).await;
    s.wait_without(RETENTION, "backups").await;
    s.finish().await;
}
