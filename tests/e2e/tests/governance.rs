//! End-to-end: Quebec's governance policies (P-39.1 s.3.2). The consumer app serves Canada and
//! links to the page about its governance policies, and the Canada section says so. Clearing the
//! answer takes the sentence away and shows the warning beside the box; a description in the
//! owner's words is printed instead, and the warning clears.
#![cfg(target_os = "linux")]

mod harness;

use harness::*;

const URL: &str = "#field-governance-url";
const DESCRIPTION: &str = "#field-governance-description";
const CANADA: &str = "section#canada";
const SENTENCE: &str = "Our policies and practices for governing personal information";

#[tokio::test(flavor = "multi_thread")]
async fn the_governance_answer_decides_the_canada_sentence_and_the_warning() {
    within(LIMIT, governance()).await;
}

async fn governance() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("governance", &home, "consumer-app").await else {
        return;
    };
    s.wait_for_text(
        CANADA,
        "Our policies and practices for governing personal information are described at lumentrails.example/privacy/governance.",
    )
    .await;

    s.click("#step-where").await;
    assert_eq!(
        s.value(URL).await,
        "https://lumentrails.example/privacy/governance",
        "the example's answer"
    );
    s.check_accessibility("the governance questions").await;

    // Unanswered: no sentence about governance policies, and the warning beside the box.
    s.set_value(URL, "").await;
    s.wait_without(CANADA, SENTENCE).await;
    s.wait_for_text(
        &format!("{URL}-finding"),
        "Your answers give no page and no description",
    )
    .await;

    // The owner's own words are printed, and the warning clears.
    s.type_into(DESCRIPTION, "Our founder approves who may see what.")
        .await;
    s.wait_for_text(CANADA, "in our own words:").await;
    s.wait_for_text(CANADA, "Our founder approves who may see what.")
        .await;
    s.wait_without(&format!("{URL}-finding"), "no page").await;
    s.finish().await;
}
