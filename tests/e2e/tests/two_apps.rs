//! Two app processes sharing one user's folders, as when the owner starts Policywright twice:
//! each keeps its own recovery file, discarding in one leaves the other's alone, and after one is
//! killed the next start offers only the killed one's answers. See `policywright::recovery`.
#![cfg(target_os = "linux")]

mod harness;

use std::time::Duration;

use harness::*;

#[tokio::test(flavor = "multi_thread")]
async fn two_apps_keep_their_own_recovery_and_a_restart_offers_only_the_crashed_one() {
    within(LIMIT, two_apps()).await;
}

/// The organisation names in the recovery files of `home`, sorted.
fn recovered_names(home: &Home) -> Vec<String> {
    let dir = home.path("data/app.policywright.desktop");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .map(|r| {
            r["project"]["organisation"]["legal_name"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    names.sort();
    names
}

fn wait_for_names(home: &Home, expected: &[&str]) {
    let what = format!("recovery files holding {expected:?}");
    wait_for(&what, Duration::from_secs(15), || {
        recovered_names(home) == expected
    });
}

const INSTANCE: &str = "POLICYWRIGHT_E2E_INSTANCE";

async fn start(name: &str, home: &Home, instance: &str) -> Option<Session> {
    Session::start_with(name, home, &[(INSTANCE, instance)]).await
}

async fn type_name(s: &Session, name: &str) {
    s.click("#new-blank").await;
    s.type_into("#field-organisation-legal-name", name).await;
    s.wait_for_title("• Untitled").await;
}

async fn two_apps() {
    let home = Home::new();
    let Some(a) = start("two-apps-a", &home, "a").await else {
        return;
    };
    type_name(&a, "Alpha Ltd").await;
    wait_for_names(&home, &["Alpha Ltd"]);

    let Some(b) = start("two-apps-b", &home, "b").await else {
        return;
    };
    assert!(
        b.displayed("#recovery").await.is_none(),
        "A is running: B must not offer A's answers"
    );
    type_name(&b, "Bravo Ltd").await;
    wait_for_names(&home, &["Alpha Ltd", "Bravo Ltd"]);

    // B closes its project without saving: its own file goes, A's stays.
    b.click("#home").await;
    b.wait_for("#unsaved-guard").await;
    b.click("#unsaved-guard button[data-value='discard']").await;
    b.wait_for("#new-blank").await;
    wait_for_names(&home, &["Alpha Ltd"]);
    // A keeps its protection without editing again.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(recovered_names(&home), ["Alpha Ltd"]);

    type_name(&b, "Bravo Again Ltd").await;
    wait_for_names(&home, &["Alpha Ltd", "Bravo Again Ltd"]);

    // A crashes.
    let a_pids = app_pids_with(&format!("{INSTANCE}=a"));
    assert_eq!(a_pids.len(), 1, "found A: {a_pids:?}");
    unsafe {
        libc::kill(a_pids[0], libc::SIGKILL);
    }
    wait_for("A to be gone", Duration::from_secs(10), || {
        app_pids_with(&format!("{INSTANCE}=a")).is_empty()
    });
    drop(a);

    // The next start offers A's answers, and only those: B is still running.
    let Some(c) = start("two-apps-c", &home, "c").await else {
        return;
    };
    c.wait_for_text("#recovery-message", "an unsaved project")
        .await;
    c.click("#restore").await;
    c.wait_for_text(".policy-meta", "Alpha Ltd").await;
    assert_eq!(c.value("#field-organisation-legal-name").await, "Alpha Ltd");
    assert_eq!(
        b.value("#field-organisation-legal-name").await,
        "Bravo Again Ltd"
    );
    // Alpha's answers are C's now (kept on disk throughout); B's are untouched.
    assert_eq!(recovered_names(&home), ["Alpha Ltd", "Bravo Again Ltd"]);
    b.finish().await;
    c.finish().await;
}
