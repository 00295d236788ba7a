//! End-to-end: the owner's own set-up of a catalogue vendor reaches the policy. Moving Klaviyo
//! (the United States in the catalogue) to Germany in the tea shop's vendor step moves it to the
//! Germany row of the transfer section, and its vendor entry names the region the owner chose.
//! A custom vendor's own use, typed in the app, lists it among the companies that use data for
//! their own purposes; a group company added in the app is named as a recipient, and abroad,
//! with its safeguard. The HubSpot data-sharing question is asked only once HubSpot is chosen,
//! and answering yes lists HubSpot among the companies that use data for their own purposes.
#![cfg(target_os = "linux")]

mod harness;

use harness::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_vendor_moved_to_germany_in_the_app_moves_in_the_transfer_section() {
    within(LIMIT, move_a_vendor()).await;
}

async fn move_a_vendor() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("vendor-adjustment", &home, "shop").await else {
        return;
    };
    s.wait_for_text(".policy-meta", "Hollybank").await;
    s.wait_for_text("section#transfers", "DHL").await;
    let before = s.text_of("section#transfers").await;
    assert!(
        !before.contains("DHL Express and Klaviyo"),
        "Klaviyo is in the United States at first: {before}"
    );

    s.click("#step-vendors").await;
    s.click("#adjust-klaviyo").await;
    // The shop already adjusts Shopify, so Klaviyo's is the second adjustment; its first country
    // is the catalogue's, the United States, until the owner types another.
    let first = "#field-vendors-adjustments-1-locations-0";
    assert_eq!(s.value(first).await, "United States (US)");
    s.type_into(first, "Germany").await;
    s.press("\u{E004}").await;
    assert_eq!(s.value(first).await, "Germany (DE)");
    s.check_accessibility("vendor step with an adjustment open")
        .await;

    s.wait_for_text("section#transfers", "DHL Express and Klaviyo")
        .await;
    s.wait_for_text("section#vendors", "Germany (the region we chose)")
        .await;
    let after = s.text_of("section#transfers").await;
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
async fn a_custom_vendor_s_own_use_lists_it_among_the_companies_that_use_data_themselves() {
    within(LIMIT, custom_vendor_own_use()).await;
}

async fn custom_vendor_own_use() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("custom-vendor-own-use", &home, "shop").await else {
        return;
    };
    s.wait_for_text(
        "section#summary",
        "5 of them also use the data for their own purposes",
    )
    .await;
    s.click("#step-vendors").await;
    s.type_into(
        "#field-vendors-custom-0-own-use",
        "Uses delivery addresses to plan its own routes.",
    )
    .await;
    s.wait_for_text(
        "section#summary",
        "6 of them also use the data for their own purposes",
    )
    .await;
    let vendors = s
        .wait_for_text(
            "section#vendors",
            "Uses delivery addresses to plan its own routes.",
        )
        .await;
    let own_use_part = vendors
        .split("for purposes they decide for themselves")
        .nth(1)
        .unwrap_or_default();
    assert!(
        own_use_part.contains("Yorkshire Fulfilment Co."),
        "the vendor moved to the companies that use data for their own purposes: {vendors}"
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_group_company_added_in_the_app_is_named_as_a_recipient_abroad() {
    within(LIMIT, add_a_group_company()).await;
}

async fn add_a_group_company() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("group-company", &home, "saas").await else {
        return;
    };
    s.wait_for_text(".policy-meta", "Kestrel").await;
    assert!(
        !s.text_of("section#transfers")
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
async fn hubspot_s_data_sharing_answered_in_the_app_lists_it_among_companies_using_data_themselves()
{
    within(LIMIT, hubspot_data_sharing()).await;
}

async fn hubspot_data_sharing() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("hubspot-data-sharing", &home, "saas").await else {
        return;
    };
    s.wait_for_text(
        "section#summary",
        "The company behind one of them also uses the data for its own purposes",
    )
    .await;
    s.click("#step-vendors").await;
    // The SaaS example uses HubSpot, not Google Analytics: only HubSpot's setting is asked.
    s.wait_for("#field-vendors-settings-hubspot-data-sharing-1")
        .await;
    assert!(
        s.displayed("#field-vendors-settings-google-analytics-data-sharing-0")
            .await
            .is_none(),
        "the Google Analytics question waits until Google Analytics is chosen"
    );
    s.click("#field-vendors-settings-hubspot-data-sharing-0")
        .await;
    s.wait_for_text(
        "section#summary",
        "The companies behind 2 of them also use the data for their own purposes",
    )
    .await;
    let vendors = s
        .wait_for_text("section#vendors", "HubSpot's own products")
        .await;
    let own_use_part = vendors
        .split("for purposes they decide for themselves")
        .nth(1)
        .unwrap_or_default();
    assert!(
        own_use_part.contains("HubSpot"),
        "HubSpot moved to the companies that use data for their own purposes: {vendors}"
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes docs/screenshots; run by scripts/screenshots.sh"]
async fn screenshot_of_a_vendor_adjustment() {
    within(LIMIT, adjustment_screenshot()).await;
}

async fn adjustment_screenshot() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("vendor-adjustment-screenshot", &home, "shop").await
    else {
        return;
    };
    s.wait_for_text(".policy-meta", "Hollybank").await;
    s.click("#step-vendors").await;
    s.click("#adjust-klaviyo").await;
    let first = "#field-vendors-adjustments-1-locations-0";
    s.type_into(first, "Germany").await;
    s.press("\u{E004}").await;
    s.wait_for_text("section#transfers", "DHL Express and Klaviyo")
        .await;
    s.client()
        .execute(
            "document.getElementById('field-vendors-adjustments-1').scrollIntoView({ block: 'start' }); \
             document.getElementById('transfers').scrollIntoView({ block: 'start' });",
            vec![],
        )
        .await
        .expect("scroll the adjustment and the transfers into view");
    s.screenshot_to(&workspace().join("docs/screenshots/wizard-vendor-adjustment.png"))
        .await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_map_embed_that_loads_with_the_page_takes_back_quebec_s_off_until_turned_on() {
    within(LIMIT, map_embed_waits_for_consent()).await;
}

/// The hiking app says its Google Maps embed waits for consent (a click-to-load map), so its
/// Canada section may say the functions that locate people are off until they turn them on.
/// Taking the adjustment away (the map loads with the page, and Google places the visitor from
/// the IP address) takes the sentence out and raises the warning; ticking it again brings it back.
async fn map_embed_waits_for_consent() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("map-embed-consent", &home, "consumer-app").await
    else {
        return;
    };
    const OFF: &str = "These functions are off until you turn them on.";
    s.wait_for_text("section#canada", OFF).await;
    s.click("#step-vendors").await;
    s.click("#field-vendors-adjustments-0-remove").await;
    s.wait_without("section#canada", OFF).await;
    assert!(
        s.text_of("section#canada")
            .await
            .contains("Our service uses technology that can identify you"),
        "the notice itself stays"
    );
    // Google Cloud's region stays adjusted, so the new adjustment for the map is the second.
    s.click("#adjust-google-maps").await;
    s.click("#field-vendors-adjustments-1-after-consent").await;
    s.wait_for_text("section#canada", OFF).await;
    s.finish().await;
}
