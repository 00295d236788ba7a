//! Commands that help the wizard fill in answers by the core's rules instead of copies of them:
//! the country list and what a typed country means, what a typed web address means, the data a
//! new purpose starts with, and the export file name.

use std::path::PathBuf;
use std::sync::Arc;

use policywright::catalogue::CountryName;
use policywright::web_address::{self, NormalisedUrl};
use policywright::{Library, Project, defaults, export};
use tauri::State;

use crate::commands::CommandError;

type Shared<'a> = State<'a, Arc<Library>>;

/// Every ISO 3166-1 country, `{code, name}`, sorted by name.
#[tauri::command]
pub fn list_countries(library: Shared<'_>) -> Vec<CountryName> {
    library.catalogues().country_names()
}

/// The code of the country `input` names ("Ireland", "ie", "UK"); `field` (the answer's path)
/// is named in the error when it names none.
#[tauri::command]
pub fn resolve_country(
    input: String,
    field: String,
    library: Shared<'_>,
) -> Result<String, CommandError> {
    library
        .catalogues()
        .resolve_country(&input, &field)
        .map_err(|e| CommandError::new(e.to_string()))
}

/// What a typed web address means: `https://` added when it has no scheme, `insecure` for
/// `http://`. The UI calls it when the owner leaves the field and may save the result.
#[tauri::command]
pub fn normalise_url(url: String) -> Result<NormalisedUrl, CommandError> {
    web_address::normalise_url(&url).map_err(|e| CommandError::new(e.to_string()))
}

/// The data categories a new purpose starts with, from those `project` collects.
#[tauri::command]
pub fn default_purpose_data(
    purpose: String,
    project: Project,
    library: Shared<'_>,
) -> Result<Vec<String>, CommandError> {
    defaults::default_data_for_purpose(&purpose, &project, library.catalogues())
        .map_err(|e| CommandError::new(e.to_string()))
}

/// The file name (without extension) the export dialog suggests for the project saved at
/// `path`, or for an unsaved project when `path` is null.
#[tauri::command]
pub fn export_file_name(path: Option<PathBuf>) -> String {
    export::export_file_name(path.as_deref())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::mock::{call, webview};

    #[test]
    fn the_wizard_s_helpers_answer_by_the_core_s_rules() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview(dir.path());

        let countries = call(&w, "list_countries", json!({})).unwrap();
        let countries = countries.as_array().unwrap();
        assert_eq!(countries.len(), 249);
        assert_eq!(countries[0], json!({ "code": "AF", "name": "Afghanistan" }));
        assert!(countries.contains(&json!({ "code": "IE", "name": "Ireland" })));

        let field = "organisation.address.country";
        for (typed, code) in [("Ireland", "IE"), ("gb", "GB"), ("UK", "GB"), ("USA", "US")] {
            let got = call(
                &w,
                "resolve_country",
                json!({ "input": typed, "field": field }),
            );
            assert_eq!(got.unwrap(), json!(code), "{typed}");
        }
        let err = call(
            &w,
            "resolve_country",
            json!({ "input": "Ir land", "field": field }),
        )
        .unwrap_err();
        assert!(err["message"].as_str().unwrap().starts_with(field), "{err}");

        let url = call(&w, "normalise_url", json!({ "url": "www.brightsmile.ie" })).unwrap();
        assert_eq!(
            url,
            json!({ "url": "https://www.brightsmile.ie", "insecure": false })
        );
        let url = call(&w, "normalise_url", json!({ "url": "http://old.example" })).unwrap();
        assert_eq!(url["insecure"], json!(true));
        let err = call(&w, "normalise_url", json!({ "url": "mailto:a@b.ie" })).unwrap_err();
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("not a web address")
        );

        let mut project = call(&w, "new_project", json!({ "example": "shop" })).unwrap();
        project["data"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "category": "health" }));
        let data = call(
            &w,
            "default_purpose_data",
            json!({ "purpose": "marketing-emails", "project": project }),
        )
        .unwrap();
        assert!(
            data.as_array().unwrap().contains(&json!("contact-details")),
            "{data}"
        );
        assert!(
            !data.as_array().unwrap().contains(&json!("health")),
            "{data}"
        );
        let err = call(
            &w,
            "default_purpose_data",
            json!({ "purpose": "astrology", "project": project }),
        )
        .unwrap_err();
        assert!(err["message"].as_str().unwrap().contains("astrology"));

        let name = call(
            &w,
            "export_file_name",
            json!({ "path": "/x/brightsmile.policy.json" }),
        );
        assert_eq!(name.unwrap(), json!("brightsmile"));
        let name = call(&w, "export_file_name", json!({ "path": null }));
        assert_eq!(name.unwrap(), json!("privacy-policy"));
    }
}
