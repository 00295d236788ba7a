//! Projects the owner asks the app to open from outside it: a path on the command line
//! (`policywright-app shop.policy.json`, which is also how a file manager on Linux and Windows
//! hands over a double-clicked project), a second start while the app is running (forwarded by
//! tauri-plugin-single-instance with that start's arguments and folder), or macOS's "open
//! documents" event (`RunEvent::Opened`). All three end in [`request_open`].
//!
//! The window decides when to open, because the unsaved-changes guard lives there. So the app
//! only records the request and tells the window:
//!
//! - **Event `open-project-requested`** ([`OPEN_PROJECT_REQUESTED`]), emitted to the main window,
//!   payload: the project's absolute path as a string. The UI runs its unsaved-changes guard, then
//!   calls `open_project` with that path (or does nothing when the owner cancels).
//! - **Command `take_open_request`** → `string | null`: the request not yet opened, if any. The UI
//!   calls it once it is ready, for a request that came before it listened (the command line at
//!   start-up always does).
//!
//! A requested path is granted as if the owner had picked it in the Open dialog: the owner chose
//! it in the file manager or the shell. `open_project` on that path drops the pending request.

use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use policywright::project_file::EXTENSION;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::navigation::MAIN_WINDOW;
use crate::scope::Granted;

/// The event that asks the window to open a project; its payload is the path.
pub const OPEN_PROJECT_REQUESTED: &str = "open-project-requested";

/// The request the window has not opened yet.
#[derive(Debug, Default)]
pub struct OpenRequests(Mutex<Option<PathBuf>>);

impl OpenRequests {
    fn slot(&self) -> std::sync::MutexGuard<'_, Option<PathBuf>> {
        // An Option cannot be left half-changed by a panic elsewhere.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Drops the pending request for `path`: the window opened it.
    pub fn opened(&self, path: &Path) {
        let mut slot = self.slot();
        if slot.as_deref() == Some(path) {
            *slot = None;
        }
    }
}

/// The project a start's arguments name: the first argument (after the program) that is a
/// `.policy.json` path or a `file://` URL of one, made absolute against `cwd`, the folder that
/// start ran in. Options (`--flag`, and the `-psn_…` that old macOS versions add) are skipped,
/// and so is anything that is not a project file: the app opens nothing it was not meant to.
pub fn project_argument(args: &[OsString], cwd: &Path) -> Option<PathBuf> {
    args.iter().skip(1).find_map(|arg| {
        let text = arg.to_str()?;
        if text.starts_with('-') {
            return None;
        }
        let path = if text.starts_with("file://") {
            tauri::Url::parse(text).ok()?.to_file_path().ok()?
        } else if text.contains("://") {
            return None; // a web address, not a file
        } else {
            PathBuf::from(arg)
        };
        let name = path.file_name()?.to_str()?;
        if !name.ends_with(EXTENSION) || name.len() == EXTENSION.len() {
            return None;
        }
        Some(absolute(&path, cwd))
    })
}

/// `path` against `cwd` when relative, without `.` steps. (`..` is kept: removing it by text
/// would be wrong across a symbolic link, and the path still opens.)
fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    joined
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect()
}

/// Records `path` as the project to open, grants it, brings the window forward and tells it.
pub fn request_open<R: Runtime>(app: &AppHandle<R>, path: PathBuf) {
    app.state::<Granted>().project(&path);
    *app.state::<OpenRequests>().slot() = Some(path.clone());
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    let payload = path.to_string_lossy().into_owned();
    if let Err(e) = app.emit_to(MAIN_WINDOW, OPEN_PROJECT_REQUESTED, payload) {
        eprintln!("policywright: could not ask the window to open the project: {e}");
    }
}

/// What a second start of the app forwards: open its project here, or just come forward.
pub fn second_start<R: Runtime>(app: &AppHandle<R>, args: Vec<String>, cwd: String) {
    let args: Vec<OsString> = args.into_iter().map(OsString::from).collect();
    match project_argument(&args, Path::new(&cwd)) {
        Some(path) => request_open(app, path),
        None => {
            if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }
    }
}

/// macOS hands documents over as `file://` URLs in `RunEvent::Opened`, at start-up and later.
#[cfg(any(target_os = "macos", target_os = "ios"))]
pub fn opened_urls<R: Runtime>(app: &AppHandle<R>, urls: &[tauri::Url]) {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut args = vec![OsString::from("policywright-app")];
    args.extend(urls.iter().map(|u| OsString::from(u.as_str())));
    if let Some(path) = project_argument(&args, &cwd) {
        request_open(app, path);
    }
}

/// The project the window was asked to open and has not opened yet, if any.
#[tauri::command]
pub fn take_open_request(requests: State<'_, OpenRequests>) -> Option<PathBuf> {
    requests.slot().take()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    #[cfg(unix)]
    fn the_first_project_argument_is_taken_and_made_absolute() {
        let cwd = Path::new("/home/aoife/Documents");
        let cases: &[(&[&str], Option<&str>)] = &[
            (&["policywright-app"], None),
            (
                &["policywright-app", "shop.policy.json"],
                Some("/home/aoife/Documents/shop.policy.json"),
            ),
            (
                &["policywright-app", "./sub/shop.policy.json"],
                Some("/home/aoife/Documents/sub/shop.policy.json"),
            ),
            (
                &[
                    "policywright-app",
                    "/tmp/a.policy.json",
                    "/tmp/b.policy.json",
                ],
                Some("/tmp/a.policy.json"),
            ),
            (
                &[
                    "policywright-app",
                    "-psn_0_12345",
                    "--verbose",
                    "x.policy.json",
                ],
                Some("/home/aoife/Documents/x.policy.json"),
            ),
            (
                &[
                    "policywright-app",
                    "file:///home/aoife/My%20Shop.policy.json",
                ],
                Some("/home/aoife/My Shop.policy.json"),
            ),
            (&["policywright-app", "notes.txt", "report.json"], None),
            (&["policywright-app", ".policy.json"], None),
            (
                &["policywright-app", "https://evil.example/a.policy.json"],
                None,
            ),
        ];
        for (list, expected) in cases {
            assert_eq!(
                project_argument(&args(list), cwd),
                expected.map(PathBuf::from),
                "{list:?}"
            );
        }
    }

    #[test]
    fn a_requested_project_waits_for_the_window_and_may_be_opened_without_a_dialog() {
        use serde_json::{Value, json};
        use tauri::Manager;

        let dir = tempfile::tempdir().unwrap();
        let w = crate::mock::webview(dir.path());
        let shop = policywright::examples::example("shop").unwrap();
        let path = dir.path().join("shop.policy.json");
        std::fs::write(&path, shop).unwrap();
        let call = |cmd: &str, args: Value| crate::mock::call(&w, cmd, args);

        assert_eq!(call("take_open_request", json!({})).unwrap(), Value::Null);
        request_open(w.app_handle(), path.clone());
        assert_eq!(call("take_open_request", json!({})).unwrap(), json!(path));
        assert_eq!(
            call("take_open_request", json!({})).unwrap(),
            Value::Null,
            "taken once"
        );

        // Granted as if picked in the Open dialog; opening it ends the request.
        request_open(w.app_handle(), path.clone());
        let project = call("open_project", json!({ "path": path })).unwrap();
        assert_eq!(
            project["organisation"]["legal_name"],
            "Hollybank Tea Company Ltd"
        );
        assert_eq!(call("take_open_request", json!({})).unwrap(), Value::Null);

        // A second start with no project only brings the window forward.
        second_start(w.app_handle(), vec!["policywright-app".into()], "/".into());
        assert_eq!(call("take_open_request", json!({})).unwrap(), Value::Null);
        let cwd = dir.path().to_string_lossy().into_owned();
        let args = vec!["policywright-app".into(), "shop.policy.json".into()];
        second_start(w.app_handle(), args, cwd);
        assert_eq!(call("take_open_request", json!({})).unwrap(), json!(path));
    }

    /// The three places that make a double-click open a project agree: the bundle's file
    /// association, the MIME type file the Linux packages install, and the desktop entry that
    /// passes the file to the app.
    #[test]
    fn the_packages_register_the_project_type_the_app_opens() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).expect("tauri.conf.json");
        let association = &config["bundle"]["fileAssociations"][0];
        assert_eq!(association["ext"], serde_json::json!(["policy.json"]));
        assert_eq!(
            format!(".{}", association["ext"][0].as_str().unwrap()),
            EXTENSION
        );
        let mime = association["mimeType"].as_str().expect("a MIME type");
        assert_eq!(association["role"], "Editor");

        for format in ["deb", "rpm"] {
            let linux = &config["bundle"]["linux"][format];
            let files = linux["files"].as_object().expect("files");
            let source = files["/usr/share/mime/packages/policywright.xml"]
                .as_str()
                .unwrap();
            let xml = std::fs::read_to_string(root.join(source)).expect("the MIME file");
            assert!(
                xml.contains(&format!("<mime-type type=\"{mime}\">")),
                "{format}"
            );
            assert!(xml.contains("<glob pattern=\"*.policy.json\""), "{format}");
            let template = linux["desktopTemplate"]
                .as_str()
                .expect("a desktop template");
            let desktop = std::fs::read_to_string(root.join(template)).expect("the template");
            let exec = desktop
                .lines()
                .find(|l| l.starts_with("Exec="))
                .expect("Exec=");
            assert!(
                exec.ends_with(" %F"),
                "{format}: the file reaches the app: {exec}"
            );
            assert!(desktop.contains("MimeType={{mime_type}}"), "{format}");
        }

        let bundle: serde_json::Value =
            serde_json::from_str(include_str!("bundle-cli.conf.json")).expect("bundle config");
        assert_eq!(
            bundle["bundle"]["externalBin"],
            serde_json::json!(["target/cli/policywright"]),
            "scripts/bundle.sh stages the CLI there"
        );
        let script = std::fs::read_to_string(root.join("scripts/bundle.sh")).expect("script");
        assert!(script.contains("target/cli/policywright-$triple"));
    }
}
