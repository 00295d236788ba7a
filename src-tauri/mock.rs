//! Tests' stand-in for the app: our plugins, commands and state on Tauri's mock runtime, and a
//! way to call a command as the window would.

use std::path::Path;

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;

/// An app with its config, data and dialog-answer files in `dir`, and its window. Two made with
/// the same `dir` are two apps sharing their folders, as two app processes do.
pub fn webview(dir: &Path) -> tauri::WebviewWindow<MockRuntime> {
    let library = policywright::Library::load().expect("library loads");
    let app = crate::with_commands(
        mock_builder(),
        library,
        crate::dialogs::Dialogs::scripted(dir.join("dialog-answer")),
    )
    .build(mock_context(noop_assets()))
    .expect("app builds");
    crate::session::manage(&app, &dir.join("config"), &dir.join("data"));
    crate::export_places::manage(&app, &dir.join("config"));
    tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window builds")
}

/// Like [`webview`], with the app's real configuration and capability files (and so the same
/// access control as the built app) instead of the mock's allow-everything defaults.
pub fn webview_with_capabilities(dir: &Path) -> tauri::WebviewWindow<MockRuntime> {
    let library = policywright::Library::load().expect("library loads");
    let app = crate::with_commands(
        mock_builder(),
        library,
        crate::dialogs::Dialogs::scripted(dir.join("dialog-answer")),
    )
    .build(tauri::generate_context!("tauri.conf.json", test = true))
    .expect("app builds");
    crate::session::manage(&app, &dir.join("config"), &dir.join("data"));
    crate::export_places::manage(&app, &dir.join("config"));
    tauri::WebviewWindowBuilder::new(&app, crate::navigation::MAIN_WINDOW, Default::default())
        .build()
        .expect("window builds")
}

/// Calls `cmd` as the window's JavaScript would; `Err` holds the error the UI would get.
pub fn call(w: &tauri::WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    call_from(w, "tauri://localhost", cmd, args)
}

/// Calls `cmd` from a page at `url`: the app's own, or one the window should never show.
pub fn call_from(
    w: &tauri::WebviewWindow<MockRuntime>,
    url: &str,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: url.parse().expect("url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_owned(),
    };
    get_ipc_response(w, request).map(|b| b.deserialize::<Value>().expect("json"))
}

/// The recovery files in the app data folder `webview(dir)` uses, as JSON.
pub fn recovery_files(dir: &Path) -> Vec<Value> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("data"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| serde_json::from_slice(&std::fs::read(p).expect("read")).expect("json"))
        .collect()
}

/// Answers the next native dialog with `answer`, then asks for it with `command`
/// (`choose_save_path`, `choose_project_to_open` or `choose_export_folder`), as the owner picking
/// `answer` would. Returns what the dialog gave the window.
pub fn choose(
    w: &tauri::WebviewWindow<MockRuntime>,
    dir: &Path,
    command: &str,
    answer: &Path,
) -> Value {
    std::fs::write(
        dir.join("dialog-answer"),
        answer.to_string_lossy().as_bytes(),
    )
    .expect("dialog answer");
    let args = serde_json::json!({ "suggestedName": "x" });
    call(w, command, args).expect("the dialog answers")
}

/// Saves `project` at `path` as the owner would: "Save as…", picking `path` in the dialog.
pub fn save_as(w: &tauri::WebviewWindow<MockRuntime>, dir: &Path, path: &Path, project: &Value) {
    choose(w, dir, "choose_save_path", path);
    let args = serde_json::json!({ "path": path, "project": project });
    call(w, "save_project", args).expect("the project saves");
}
