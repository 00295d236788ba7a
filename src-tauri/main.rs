//! The Policywright desktop app. Every command is a thin wrapper over the `policywright` core.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
#[cfg(test)]
mod ipc_types;

use std::sync::Arc;

/// The app's commands and state on any runtime: the real one, or Tauri's mock in tests.
fn with_commands<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    library: policywright::Library,
) -> tauri::Builder<R> {
    builder
        .manage(Arc::new(library))
        .invoke_handler(tauri::generate_handler![
            commands::example_names,
            commands::new_project,
            commands::open_project,
            commands::save_project,
            commands::preview,
            commands::export_policy,
        ])
}

fn main() {
    let library = match policywright::Library::load() {
        Ok(library) => library,
        Err(error) => {
            eprintln!("policywright: the built-in clause library is broken: {error}");
            std::process::exit(1);
        }
    };
    let result = with_commands(tauri::Builder::default(), library).run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("policywright: the app stopped with an error: {error}");
        std::process::exit(1);
    }
}
