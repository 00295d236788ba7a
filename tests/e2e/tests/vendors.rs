//! End-to-end: the owner's own set-up of a catalogue vendor reaches the policy. Moving Klaviyo
//! (the United States in the catalogue) to Germany in the tea shop's vendor step moves it to the
//! Germany row of the transfer section, and its vendor entry names the region the owner chose.
//! A group company added in the app is named as a recipient, and abroad, with its safeguard.
#![cfg(target_os = "linux")]

mod harness;

use harness::*;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn a_vendor_moved_to_germany_in_the_app_moves_in_the_transfer_section() {
    within(LIMIT, move_a_vendor()).await;
}

/// The text of the preview's section `id`.
async fn section(s: &Session, id: &str) -> String {
    let text = s
        .client()
        .execute(
            "return document.getElementById(arguments[0])?.textContent ?? '';",
            vec![Value::from(id)],
        )
        .await
        .expect("section text");
    text.as_str().unwrap_or_default().to_owned()
}

async fn move_a_vendor() {
    let home = Home::new();
    let Some(s) = Session::start("vendor-adjustment", &home).await else {
        return;
    };
    s.select("select#example", "shop").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Hollybank").await;
    s.wait_for_text("section#transfers", "DHL").await;
    let before = section(&s, "transfers").await;
    assert!(
        !before.contains("DHL and Klaviyo"),
        "Klaviyo is in the United States at first: {before}"
    );

    s.click("#step-vendors").await;
    s.click("#adjust-klaviyo").await;
    // The shop already adjusts Shopify and PayPal, so Klaviyo's is the third adjustment; its first
    // country is the catalogue's, the United States, until the owner types another.
    let first = "#field-vendors-adjustments-2-locations-0";
    assert_eq!(s.value(first).await, "United States (US)");
    s.type_into(first, "Germany").await;
    s.press("\u{E004}").await;
    assert_eq!(s.value(first).await, "Germany (DE)");
    s.check_accessibility("vendor step with an adjustment open")
        .await;

    s.wait_for_text("section#transfers", "DHL and Klaviyo")
        .await;
    s.wait_for_text("section#vendors", "Germany (the region we chose)")
        .await;
    let after = section(&s, "transfers").await;
    let us_row = after
        .split("The United States")
        .nth(1)
        .and_then(|rest| rest.split("Germany").next())
        .unwrap_or_default()
        .to_owned();
    assert!(
        !us_row.is_empty() && !us_row.contains("Klaviyo"),
        "Klaviyo left the United States row: {after}"
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_group_company_added_in_the_app_is_named_as_a_recipient_abroad() {
    within(LIMIT, add_a_group_company()).await;
}

async fn add_a_group_company() {
    let home = Home::new();
    let Some(s) = Session::start("group-company", &home).await else {
        return;
    };
    s.select("select#example", "saas").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    assert!(
        !section(&s, "transfers")
            .await
            .contains("Kestrel Metrics Inc."),
        "no group company at first"
    );
    s.click("#step-vendors").await;
    s.click("#add-group-company").await;
    s.type_into(
        "#field-vendors-group-companies-0-name",
        "Kestrel Metrics Inc.",
    )
    .await;
    s.type_into("#field-vendors-group-companies-0-country", "United States")
        .await;
    s.click("#field-vendors-group-companies-0-safeguards-standard-contractual-clauses")
        .await;
    s.wait_for_text(
        "#preview",
        "With companies in our group: Kestrel Metrics Inc., in the United States.",
    )
    .await;
    s.wait_for_text(
        "section#transfers",
        "Postmark, Sentry, OpenAI API and Kestrel Metrics Inc.: the European Commission's Standard Contractual Clauses",
    )
    .await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes docs/screenshots; run by scripts/screenshots.sh"]
async fn screenshot_of_a_vendor_adjustment() {
    within(LIMIT, adjustment_screenshot()).await;
}

async fn adjustment_screenshot() {
    let home = Home::new();
    let Some(s) = Session::start("vendor-adjustment-screenshot", &home).await else {
        return;
    };
    s.select("select#example", "shop").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Hollybank").await;
    s.click("#step-vendors").await;
    s.click("#adjust-klaviyo").await;
    let first = "#field-vendors-adjustments-2-locations-0";
    s.type_into(first, "Germany").await;
    s.press("\u{E004}").await;
    s.wait_for_text("section#transfers", "DHL and Klaviyo")
        .await;
    s.client()
        .execute(
            "document.getElementById('field-vendors-adjustments-2').scrollIntoView({ block: 'start' }); \
             document.getElementById('transfers').scrollIntoView({ block: 'start' });",
            vec![],
        )
        .await
        .expect("scroll the adjustment and the transfers into view");
    s.screenshot_to(&workspace().join("docs/screenshots/wizard-vendor-adjustment.png"))
        .await;
    s.finish().await;
}
