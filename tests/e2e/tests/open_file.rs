//! Projects opened from outside the app: `policywright-app shop.policy.json`, which is also how
//! a file manager hands over a double-clicked project. See src-tauri/open_requests.rs.
#![cfg(target_os = "linux")]

mod harness;

use harness::*;
use serde_json::{Value, json};

/// Calls an app command from the page, as the UI would, and returns `{ok}` or `{err}`.
async fn invoke(s: &Session, cmd: &str, args: Value) -> Value {
    s.client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
               .then((ok) => done({ ok }), (err) => done({ err }));",
            vec![json!(cmd), args],
        )
        .await
        .expect("the command answers")
}

/// The app's half, whatever the UI does with the request: a project named on the command line
/// may be opened without the Open dialog, and only that one.
#[tokio::test(flavor = "multi_thread")]
async fn a_project_named_on_the_command_line_is_granted_to_the_window() {
    within(LIMIT, granted_from_the_command_line()).await;
}

async fn granted_from_the_command_line() {
    let home = Home::new();
    let text = policywright::examples::example("shop").expect("the shop example");
    let named = home.path("named.policy.json");
    let other = home.path("other.policy.json");
    for path in [&named, &other] {
        std::fs::write(path, text).expect("project file");
    }
    let arg = named.to_str().expect("a UTF-8 temp path");
    let Some(s) = Session::start_with_args("open-file-grant", &home, &[], &[arg]).await else {
        return;
    };
    let opened = invoke(&s, "open_project", json!({ "path": named })).await;
    assert_eq!(
        opened["ok"]["organisation"]["legal_name"], "Hollybank Tea Company Ltd",
        "{opened}"
    );
    let refused = invoke(&s, "open_project", json!({ "path": other })).await;
    assert!(
        refused["err"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("did not offer"),
        "{refused}"
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
// The app's half (the request, the grant and `take_open_request`) is in src-tauri; the window's
// half (asking for the request once ready, and the `open-project-requested` event behind the
// unsaved-changes guard) is in ui/src/components/App.svelte.
async fn starting_the_app_with_a_project_path_opens_that_project() {
    within(LIMIT, opens_the_project_on_the_command_line()).await;
}

async fn opens_the_project_on_the_command_line() {
    let home = Home::new();
    let project = home.path("brightsmile.policy.json");
    let text = policywright::examples::example("shop").expect("the shop example");
    let text = text.replace("Hollybank Tea Company Ltd", "Brightsmile Dental Limited");
    std::fs::write(&project, text).expect("project file");
    let arg = project.to_str().expect("a UTF-8 temp path");
    let Some(s) = Session::start_with_args("open-file", &home, &[], &[arg]).await else {
        return;
    };
    s.wait_for_title("brightsmile.policy.json").await;
    assert_eq!(
        s.value("#field-organisation-legal-name").await,
        "Brightsmile Dental Limited"
    );
    assert!(
        !s.title().await.contains('•'),
        "opened, not changed: nothing to save"
    );
    // It is now on the recent list, like a project opened in the Open dialog.
    s.click("#home").await;
    s.wait_for_text("#recent-list", "brightsmile.policy.json")
        .await;
    s.finish().await;
}

/// A private D-Bus session bus, as a desktop session has: how tauri-plugin-single-instance finds
/// the running app. Ends with the test.
struct SessionBus {
    daemon: std::process::Child,
    address: String,
}

impl SessionBus {
    fn start() -> Option<SessionBus> {
        if !found("dbus-daemon") {
            assert!(
                std::env::var_os("CI").is_none(),
                "dbus-daemon is not installed, and CI is set"
            );
            eprintln!("skipping: dbus-daemon is not installed");
            return None;
        }
        let mut daemon = spawn(
            std::process::Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1"])
                .stdout(std::process::Stdio::piped()),
        );
        let stdout = daemon.stdout.take().expect("the daemon's output");
        let mut address = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut address)
            .expect("the bus address");
        Some(SessionBus {
            daemon,
            address: address.trim().to_owned(),
        })
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        terminate(&mut self.daemon);
    }
}

/// A second start with a project hands it to the running app and ends; the running app may then
/// open that project (the window's half, asking about unsaved changes first, is the UI's).
#[tokio::test(flavor = "multi_thread")]
async fn a_second_start_hands_its_project_to_the_running_app() {
    within(LIMIT, second_start_hands_over()).await;
}

async fn second_start_hands_over() {
    let Some(bus) = SessionBus::start() else {
        return;
    };
    let home = Home::new();
    let text = policywright::examples::example("shop").expect("the shop example");
    let project = home.path("handed.policy.json");
    std::fs::write(&project, text).expect("project file");
    let env = [("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str())];
    let Some(s) = Session::start_with_args("open-file-second", &home, &env, &[]).await else {
        return;
    };
    let before = invoke(&s, "open_project", json!({ "path": project })).await;
    assert!(before["err"].is_object(), "not granted yet: {before}");

    let app = workspace().join("target/debug/policywright-app");
    let mut second = spawn(
        std::process::Command::new(app)
            .arg(&project)
            .env("DISPLAY", s.display())
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .env("XDG_CONFIG_HOME", home.path("config"))
            .env("XDG_DATA_HOME", home.path("data"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null()),
    );
    // Not `wait`: a second start that failed to hand over would run on as an app of its own.
    let mut status = None;
    for _ in 0..200 {
        status = second.try_wait().expect("the second start");
        if status.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    if status.is_none() {
        terminate(&mut second);
    }
    assert!(
        status.is_some_and(|s| s.success()),
        "the second start hands over and ends within 10 s: {status:?}"
    );
    let after = invoke(&s, "open_project", json!({ "path": project })).await;
    assert_eq!(
        after["ok"]["organisation"]["legal_name"], "Hollybank Tea Company Ltd",
        "{after}"
    );
    s.finish().await;
}
