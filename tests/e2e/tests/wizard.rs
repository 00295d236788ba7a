//! End-to-end checks of the wizard's components in the real app (see app.rs for the set-up):
//! the strict CSP holds on every step, and a finding chosen in the review is brought into view
//! beside its field.
#![cfg(target_os = "linux")]

mod harness;

use harness::*;
use serde_json::Value;

/// The CSP violations the page counted (ui/src/main.ts records them), with the last one.
async fn violations(s: &Session) -> (u64, String) {
    let v = s
        .client()
        .execute(
            "const d = document.documentElement.dataset; return [Number(d.cspViolations ?? 0), d.cspLast ?? ''];",
            vec![],
        )
        .await
        .expect("read the CSP violations");
    let count = v.get(0).and_then(Value::as_u64).unwrap_or(0);
    let last = v.get(1).and_then(Value::as_str).unwrap_or_default();
    (count, last.to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn no_step_and_no_dialog_needs_what_the_csp_blocks() {
    within(LIMIT, csp_holds()).await;
}

async fn csp_holds() {
    let home = Home::new();
    let Some(s) = Session::start_from_example("csp", &home, "saas").await else {
        return;
    };
    s.wait_for_text(".policy-meta", "Kestrel").await;
    for step in [
        "organisation",
        "offer",
        "data",
        "purposes",
        "vendors",
        "cookies",
        "where",
        "keeping",
        "choices",
        "review",
    ] {
        s.click(&format!("#step-{step}")).await;
        s.wait_for(&format!("#step-{step}[aria-current='step']"))
            .await;
    }
    s.click("#step-data").await;
    s.type_into("#data-search", "mail").await;
    s.click("#export").await;
    s.wait_for("#export-dialog").await;
    s.click("#close-export").await;
    s.click("#home").await;
    s.wait_for("#new-blank").await;
    let (count, last) = violations(&s).await;
    assert_eq!(count, 0, "the CSP blocked something: {last}");

    // The check can fail: an inline style is blocked and counted.
    s.client()
        .execute(
            "const p = document.createElement('p'); p.setAttribute('style', 'color: red'); document.body.append(p);",
            vec![],
        )
        .await
        .expect("add an inline style");
    let counted = async || (violations(&s).await.0 > 0).then_some(());
    assert!(
        s.poll(WAIT, counted).await.is_ok(),
        "an inline style was not reported as a CSP violation"
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_finding_chosen_in_the_review_shows_beside_its_field_in_view() {
    within(LIMIT, finding_in_view()).await;
}

/// Where the element is against the wizard pane's visible part: true when it is inside it.
const IN_VIEW: &str = "
    const el = document.querySelector(arguments[0]);
    const pane = document.getElementById('wizard-pane').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= pane.top && r.bottom <= pane.bottom;
";

async fn finding_in_view() {
    let home = Home::new();
    let Some(s) = Session::start("finding-in-view", &home).await else {
        return;
    };
    s.click("#new-blank").await;
    s.click("#step-vendors").await;
    s.click("#add-custom-vendor").await;
    s.type_into("#field-vendors-custom-0-name", "Wix").await;
    s.type_into("#field-vendors-custom-0-locations", "Narnia")
        .await;
    s.wait_for_text("#field-vendors-custom-0-locations-finding", "NARNIA")
        .await;
    assert_eq!(
        s.client()
            .execute(
                "return document.getElementById('step-findings').textContent;",
                vec![]
            )
            .await
            .expect("step findings"),
        Value::String(String::new()),
        "the finding is beside its field, not at the top of the step"
    );

    s.click("#step-review").await;
    s.wait_for_text("#review", "NARNIA").await;
    s.client()
        .execute(
            "[...document.querySelectorAll('.review-list li')].find((li) => li.textContent.includes('NARNIA')).querySelector('button').click();",
            vec![],
        )
        .await
        .expect("choose the finding");
    s.wait_for("#step-vendors[aria-current='step']").await;
    let field = "#field-vendors-custom-0-locations";
    let shown = async || {
        let v = s
            .client()
            .execute(IN_VIEW, vec![Value::from(field)])
            .await
            .ok()?;
        v.as_bool().filter(|b| *b).map(|_| ())
    };
    assert!(
        s.poll(WAIT, shown).await.is_ok(),
        "the chosen finding's field is not in view"
    );
    assert_eq!(s.focused_id().await, "field-vendors-custom-0-locations");
    let slot = s
        .client()
        .execute(IN_VIEW, vec![Value::from(format!("{field}-finding"))])
        .await
        .expect("finding in view");
    assert_eq!(
        slot,
        Value::Bool(true),
        "the finding is in view beside its field"
    );
    s.finish().await;
}
