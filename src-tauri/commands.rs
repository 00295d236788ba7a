//! Tauri commands: read state, call the core, turn its error into a message for the UI.

use policywright::render::HtmlRenderer;
use policywright::{Library, assemble, examples, project_file};

/// Names of the example projects.
#[tauri::command]
pub fn example_names() -> Vec<String> {
    examples::EXAMPLES
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect()
}

/// The HTML fragment of an example's policy, for the preview.
#[tauri::command]
pub fn preview_example(name: String, library: tauri::State<'_, Library>) -> Result<String, String> {
    let text =
        examples::example(&name).ok_or_else(|| format!("there is no example called `{name}`"))?;
    let project =
        project_file::parse(text, std::path::Path::new(&name)).map_err(|e| e.to_string())?;
    let doc = assemble(&project, &library).map_err(|e| e.to_string())?;
    HtmlRenderer { fragment: true }
        .article(&doc, &library)
        .map_err(|e| e.to_string())
}
