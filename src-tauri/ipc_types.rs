//! The UI's TypeScript types are generated from the Rust types (ts-rs) into `ui/src/generated/`.
//! This test fails when they are stale; `UPDATE_IPC_TYPES=1 cargo test -p policywright-app`
//! rewrites them.

use std::collections::BTreeMap;
use std::path::Path;

use ts_rs::{Config, TS};

fn generate(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir);
    policywright::Project::export_all(&cfg).expect("Project");
    policywright::preview::Preview::export_all(&cfg).expect("Preview");
    policywright::preview::PreviewUpdate::export_all(&cfg).expect("PreviewUpdate");
    policywright::preview::Edit::export_all(&cfg).expect("Edit");
    policywright::export::ExportOptions::export_all(&cfg).expect("ExportOptions");
    policywright::export::ExportReport::export_all(&cfg).expect("ExportReport");
    crate::commands::CommandError::export_all(&cfg).expect("CommandError");
    crate::commands::ExampleChoice::export_all(&cfg).expect("ExampleChoice");
    policywright::catalogue::Catalogues::export_all(&cfg).expect("Catalogues");
    policywright::recent::RecentProject::export_all(&cfg).expect("RecentProject");
    policywright::recovery::Recovery::export_all(&cfg).expect("Recovery");
    policywright::catalogue::CountryName::export_all(&cfg).expect("CountryName");
    policywright::web_address::NormalisedUrl::export_all(&cfg).expect("NormalisedUrl");
    policywright::export_places::ExportPlace::export_all(&cfg).expect("ExportPlace");
    crate::versions::PublishOutcome::export_all(&cfg).expect("PublishOutcome");
    crate::versions::VersionRow::export_all(&cfg).expect("VersionRow");
    crate::versions::Changes::export_all(&cfg).expect("Changes");
    policywright::versions::diff::PolicyDiff::export_all(&cfg).expect("PolicyDiff");
    policywright::project_file::FileStamp::export_all(&cfg).expect("FileStamp");
}

fn read_all(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".ts") {
            files.insert(
                name,
                std::fs::read_to_string(entry.path()).unwrap_or_default(),
            );
        }
    }
    files
}

#[test]
fn generated_ipc_types_are_current() {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/generated");
    let fresh = tempfile::tempdir().expect("temp dir");
    generate(fresh.path());
    if std::env::var_os("UPDATE_IPC_TYPES").is_some() {
        let _ = std::fs::remove_dir_all(&target);
        std::fs::create_dir_all(&target).expect("create ui/src/generated");
        generate(&target);
    }
    let expected = read_all(fresh.path());
    assert!(
        expected.contains_key("Project.ts") && expected.contains_key("Preview.ts"),
        "{:?}",
        expected.keys()
    );
    assert!(
        read_all(&target) == expected,
        "ui/src/generated is stale: run `UPDATE_IPC_TYPES=1 cargo test -p policywright-app`"
    );
}
