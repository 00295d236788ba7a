//! End-to-end: a security certification names its standard. The SaaS example is certified to
//! ISO/IEC 27001 and the security section says so; clearing the standard leaves only "a
//! recognised standard" and shows the warning beside the box; typing another names it.
#![cfg(target_os = "linux")]

mod harness;

use harness::*;

const STANDARD: &str = "#field-certified-to";
const SECURITY: &str = "section#security";

#[tokio::test(flavor = "multi_thread")]
async fn the_certification_names_the_standard_the_owner_types() {
    within(LIMIT, certification()).await;
}

async fn certification() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("security", &home, "saas").await else {
        return;
    };
    s.wait_for_text(SECURITY, "We are certified to ISO/IEC 27001.")
        .await;

    s.click("#step-keeping").await;
    assert_eq!(
        s.value(STANDARD).await,
        "ISO/IEC 27001",
        "the example's answer"
    );
    s.check_accessibility("the certification standard").await;

    s.set_value(STANDARD, "").await;
    s.wait_for_text(SECURITY, "certified against a recognised standard")
        .await;
    s.wait_for_text(&format!("{STANDARD}-finding"), "not to which standard")
        .await;

    s.type_into(STANDARD, "SOC 2 Type II").await;
    s.wait_for_text(SECURITY, "We are certified to SOC 2 Type II.")
        .await;
    s.finish().await;
}
