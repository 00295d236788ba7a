//! The Policywright desktop app. Every command is a thin wrapper over the `policywright` core.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

fn main() {
    let library = match policywright::Library::load() {
        Ok(library) => library,
        Err(error) => {
            eprintln!("policywright: the built-in clause library is broken: {error}");
            std::process::exit(1);
        }
    };
    let result = tauri::Builder::default()
        .manage(library)
        .invoke_handler(tauri::generate_handler![
            commands::example_names,
            commands::preview_example
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("policywright: the app stopped with an error: {error}");
        std::process::exit(1);
    }
}
