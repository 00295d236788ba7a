//! End-to-end: a purpose that uses special-category data asks for its Art. 9 condition beside
//! it. Health data ticked for bookings in the software example gives a finding there; choosing
//! health care clears it, and the policy's legal-bases section states the condition. The owner's
//! own examples of the health data replace the catalogue's in the policy.
#![cfg(target_os = "linux")]

mod harness;

use harness::*;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn health_data_for_bookings_asks_the_art_9_condition_beside_it() {
    within(LIMIT, art_9_condition()).await;
}

/// The id of the element `css` finds inside the purpose `purpose`'s row, once it is there.
async fn in_purpose(s: &Session, purpose: &str, css: &str) -> String {
    let find = async || {
        let id = s
            .client()
            .execute(
                "const row = document.getElementById('field-purpose-' + arguments[0])?.closest('.catalogue-item'); \
                 return row?.querySelector(arguments[1])?.id ?? '';",
                vec![Value::from(purpose), Value::from(css)],
            )
            .await
            .ok()?;
        id.as_str()
            .filter(|id| !id.is_empty())
            .map(|id| format!("#{id}"))
    };
    match s.poll(WAIT, find).await {
        Ok(id) => id,
        Err(Elapsed) => {
            s.fail(format!("no `{css}` beside the purpose {purpose}"))
                .await
        }
    }
}

async fn art_9_condition() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("art-9-condition", &home, "saas").await else {
        return;
    };
    s.wait_for_text(".policy-meta", "Kestrel").await;

    s.click("#step-data").await;
    s.click("#field-data-health").await;
    // The owner's own examples replace the catalogue's in the policy. The software example
    // collects 16 kinds of data, so health data is the 17th.
    s.type_into("#field-data-16-examples", "step counts\u{E007}heart rate")
        .await;
    s.wait_for_text(
        "section#what-we-collect",
        "Health data, such as step counts and heart rate.",
    )
    .await;
    s.click("#step-purposes").await;
    s.click("#field-purpose-bookings").await;
    let uses_health = in_purpose(&s, "bookings", "input[id$='-uses-health']").await;
    s.wait_for(&uses_health).await;
    let asked_early = s
        .client()
        .execute(
            "return document.getElementById('field-purpose-bookings').closest('.catalogue-item').querySelector('[id$=\"-special-condition\"]') !== null;",
            vec![],
        )
        .await
        .expect("look for the condition");
    assert_eq!(
        asked_early,
        Value::Bool(false),
        "no special-category data yet, so no Art. 9 question"
    );
    s.click(&uses_health).await;

    let condition = in_purpose(&s, "bookings", "select[id$='-special-condition']").await;
    let finding = format!("{condition}-finding");
    s.wait_for_text(&finding, "no Art. 9 condition covers it")
        .await;
    s.select(&condition, "health-care").await;
    // An empty finding slot is hidden, so its text is read rather than waited for.
    let cleared = async || {
        let text = s
            .client()
            .execute(
                "return document.querySelector(arguments[0])?.textContent ?? 'gone';",
                vec![Value::from(finding.as_str())],
            )
            .await
            .ok()?;
        text.as_str()?.trim().is_empty().then_some(())
    };
    assert!(
        s.poll(WAIT, cleared).await.is_ok(),
        "the finding beside the condition did not clear"
    );
    s.wait_for_text(
        "section#legal-bases",
        "Handle bookings: providing health or social care, by professionals bound to confidentiality",
    )
    .await;
    s.finish().await;
}
