//! End-to-end: how long backups are kept. The shop example keeps backups for 30 days, and its
//! policy says so; clearing the answer brings back the sentence without a period and the
//! warning beside the box; a new answer is stated in the preview; unticking backups takes the
//! question and the sentence away.
#![cfg(target_os = "linux")]

mod harness;

use harness::*;
use serde_json::Value;

const DAYS: &str = "#field-backups-kept-days";
/// "Regular, tested backups", the sixth security measure.
const BACKUPS: &str = "#field-security-5";
const RETENTION: &str = "section#retention";

#[tokio::test(flavor = "multi_thread")]
async fn the_days_a_backup_is_kept_show_in_the_preview() {
    within(LIMIT, backup_period()).await;
}

/// The text of the first element `css` finds, or "gone".
async fn text_of(s: &Session, css: &str) -> String {
    let text = s
        .client()
        .execute(
            "return document.querySelector(arguments[0])?.textContent ?? 'gone';",
            vec![Value::from(css)],
        )
        .await
        .expect("read the text");
    text.as_str().unwrap_or_default().to_owned()
}

/// Waits until the text of `css` no longer contains `text` (or `css` is gone).
async fn wait_without(s: &Session, css: &str, text: &str) {
    let without = async || (!text_of(s, css).await.contains(text)).then_some(());
    if s.poll(WAIT, without).await.is_err() {
        s.fail(format!("`{css}` still shows `{text}`")).await;
    }
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
    wait_without(&s, RETENTION, "for up to").await;
    s.wait_for_text(&format!("{DAYS}-finding"), "have not said for how long")
        .await;

    // A new answer is stated, and the warning clears.
    s.type_into(DAYS, "14").await;
    s.wait_for_text(RETENTION, "in our backups for up to 14 days, until")
        .await;
    wait_without(&s, &format!("{DAYS}-finding"), "have not said").await;

    // Without backups, neither the question nor the sentence.
    s.click(BACKUPS).await;
    s.wait_gone(DAYS).await;
    wait_without(&s, RETENTION, "backups").await;
    s.finish().await;
}
