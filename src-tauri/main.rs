//! The Policywright desktop app. Every command is a thin wrapper over the `policywright` core.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod answers;
mod commands;
mod dialogs;
mod disk;
mod export_places;
#[cfg(test)]
mod ipc_types;
mod live;
#[cfg(test)]
mod mock;
mod navigation;
mod open_requests;
mod scope;
mod session;
mod versions;

use std::sync::Arc;

use tauri::Manager;

use dialogs::Dialogs;

/// The app's plugins, commands and state on any runtime: the real one, or Tauri's mock in tests.
/// The state in [`session::manage`] is added by the caller, once the app's folders are known.
fn with_commands<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    library: policywright::Library,
    dialogs: Dialogs,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        // The plugin's own link-click script would call its `open_url`, which the window may not
        // call; links in the preview go through our `open_link` instead.
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(Arc::new(library))
        .manage(dialogs)
        .manage(scope::Granted::default())
        .manage(live::LivePreviews::default())
        .manage(open_requests::OpenRequests::default())
        .manage(versions::OpenedFiles::default())
        .invoke_handler(tauri::generate_handler![
            commands::examples,
            commands::new_project,
            commands::save_project,
            live::preview_open,
            live::preview_edit,
            commands::export_policy,
            commands::catalogue,
            commands::copy_policy,
            session::open_project,
            session::recent_projects,
            session::forget_recent,
            session::autosave,
            session::pending_recovery,
            session::restore_recovery,
            session::discard_recovered,
            session::discard_recovery,
            dialogs::choose_project_to_open,
            dialogs::choose_save_path,
            dialogs::choose_export_folder,
            dialogs::open_exported,
            dialogs::show_exported,
            navigation::open_link,
            open_requests::take_open_request,
            answers::list_countries,
            answers::resolve_country,
            answers::normalise_url,
            answers::default_purpose_data,
            answers::export_file_name,
            export_places::export_place,
            export_places::remember_export_place,
            export_places::existing_exports,
            versions::publish_version,
            versions::version_history,
            versions::change_summary,
            versions::version_diff,
            versions::export_version,
            disk::disk_change,
            disk::keep_mine,
        ])
}

/// The app's own files, in its folders from Tauri's path API (right on every platform).
fn manage_files<R: tauri::Runtime>(app: &tauri::App<R>) -> tauri::Result<()> {
    let paths = app.path();
    session::manage(app, &paths.app_config_dir()?, &paths.app_data_dir()?);
    export_places::manage(app, &paths.app_config_dir()?);
    Ok(())
}

fn main() {
    let library = match policywright::Library::load() {
        Ok(library) => library,
        Err(error) => {
            eprintln!("policywright: the built-in clause library is broken: {error}");
            std::process::exit(1);
        }
    };
    // First, as the plugin asks: a second start hands its arguments to this app and exits
    // before anything else of it starts (see `open_requests`).
    let builder = tauri::Builder::default().plugin(tauri_plugin_single_instance::init(
        open_requests::second_start,
    ));
    let builder = with_commands(builder, library, Dialogs::from_env()).setup(|app| {
        manage_files(app)?;
        navigation::create_main_window(app.handle())?;
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let cwd = std::env::current_dir().unwrap_or_default();
        if let Some(path) = open_requests::project_argument(&args, &cwd) {
            open_requests::request_open(app.handle(), path);
        }
        Ok(())
    });
    let app = match builder.build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(error) => {
            eprintln!("policywright: the app could not start: {error}");
            std::process::exit(1);
        }
    };
    app.run(|_app, _event| {
        // macOS opens documents (a double-click in Finder, a drop on the Dock icon) with an
        // event instead of arguments; it goes where a command-line path goes.
        #[cfg(any(target_os = "macos", target_os = "ios"))]
        if let tauri::RunEvent::Opened { urls } = &_event {
            open_requests::opened_urls(_app, urls);
        }
    });
}
