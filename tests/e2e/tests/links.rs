//! The window stays on the app: links in the live preview open in the system's browser or mail
//! client (the recording `xdg-open` stands in for it), and the window refuses to navigate away or
//! to open another window, however a link is followed. See `src-tauri/navigation.rs`.
#![cfg(target_os = "linux")]

mod harness;

use std::time::Duration;

use fantoccini::Locator;
use harness::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn links_in_the_preview_open_outside_and_the_window_never_leaves_the_app() {
    within(LIMIT, links_open_outside()).await;
}

/// The app's page as the window shows it, and whether the app is still drawn in it.
async fn still_on_the_app(s: &Session) -> (String, bool) {
    let url = s
        .client()
        .current_url()
        .await
        .map(|u| u.to_string())
        .unwrap_or_default();
    let drawn = s.displayed("#preview section#summary").await.is_some();
    (url, drawn)
}

async fn links_open_outside() {
    let home = Home::new();
    let Some(s) = Session::start("links", &home).await else {
        return;
    };
    let app_url = s
        .client()
        .current_url()
        .await
        .expect("the app's URL")
        .to_string();
    assert!(app_url.starts_with("tauri://localhost"), "{app_url}");
    s.select("select#example", "saas").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    // Unsaved work, which a navigation would put out of sight.
    s.type_into("#field-organisation-legal-name", "Kestrel Unsaved GmbH")
        .await;
    s.wait_for_title("• Untitled").await;

    // A click on the owner's website in the preview: the opener gets exactly that address.
    let web = "#preview section#scope a[href^='https:']";
    let href = s
        .wait_for(web)
        .await
        .prop("href")
        .await
        .expect("href")
        .expect("the link has an address");
    assert_eq!(href, "https://kestrel-metrics.example/");
    s.click(web).await;
    wait_for(
        "the opener to get the link",
        Duration::from_secs(10),
        || !home.opened().is_empty(),
    );
    assert_eq!(home.opened(), [href.as_str()]);
    assert_eq!(still_on_the_app(&s).await, (app_url.clone(), true));
    assert_eq!(
        s.value("#field-organisation-legal-name").await,
        "Kestrel Unsaved GmbH"
    );

    // An email address opens the mail client the same way.
    let mail = "#preview section#who-we-are a[href^='mailto:']";
    s.click(mail).await;
    wait_for(
        "the opener to get the email link",
        Duration::from_secs(10),
        || home.opened().len() == 2,
    );
    assert_eq!(
        home.opened(),
        [href.as_str(), "mailto:privacy@kestrel-metrics.example"]
    );

    // Links the preview's handler never sees (here, outside the preview) are stopped by the
    // window itself: it refuses the navigation, and a link to a new window opens none.
    s.client()
        .execute(
            "const box = document.createElement('div');
             Object.assign(box.style, { position: 'fixed', top: '0', left: '0', zIndex: '9999', background: 'white' });
             for (const [id, target] of [['away', ''], ['popup', '_blank']]) {
               const a = document.createElement('a');
               a.id = id; a.href = `https://example.invalid/${id}`; a.textContent = ` ${id} `;
               if (target) a.target = target;
               box.append(a);
             }
             document.body.append(box);",
            vec![],
        )
        .await
        .expect("add links outside the preview");
    s.click("#away").await;
    s.wait_for_log("refused to leave the app for https://example.invalid/away")
        .await;
    s.click("#popup").await;
    s.wait_for_log("refused to open a window for https://example.invalid/popup")
        .await;
    // Script navigations are refused too.
    s.client()
        .execute(
            "location.href = arguments[0];",
            vec![json!("http://example.invalid/script")],
        )
        .await
        .expect("navigate by script");
    s.wait_for_log("refused to leave the app for http://example.invalid/script")
        .await;
    assert_eq!(still_on_the_app(&s).await, (app_url, true));
    let windows = s.client().windows().await.expect("window handles");
    assert_eq!(windows.len(), 1, "no second window");
    assert_eq!(home.opened().len(), 2, "nothing else was opened");
    assert!(
        s.client()
            .find(Locator::Css("#field-organisation-legal-name"))
            .await
            .is_ok()
    );
    s.finish().await;
}
