//! The export and preview entry points the CLI and the desktop app share.

mod common;

use common::{document, example, library};
use policywright::Project;
use policywright::export::{ExportError, ExportOptions, Format, export, file_stem, text};
use policywright::preview::preview;

fn options(format: Format) -> ExportOptions {
    ExportOptions {
        format,
        fragment: false,
        front_matter: false,
    }
}

#[test]
fn export_all_writes_three_named_files() {
    let dir = tempfile::tempdir().unwrap();
    let report = export(
        &example("shop"),
        library(),
        &options(Format::All),
        dir.path(),
        "shop",
    )
    .unwrap();
    let names: Vec<String> = report
        .files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["shop.md", "shop.html", "shop.pdf"]);
    assert!(report.warnings.is_empty() && report.findings.is_empty());
    assert!(
        std::fs::read(dir.path().join("shop.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
}

#[test]
fn export_refuses_a_project_with_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    match export(
        &Project::blank(),
        library(),
        &options(Format::Html),
        dir.path(),
        "x",
    ) {
        Err(ExportError::Invalid(findings)) => {
            assert!(findings.iter().any(|f| f.field == "organisation.email"))
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn export_reports_renderer_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = example("shop");
    project.organisation.trading_name = Some("Tea 漢".into());
    let report = export(
        &project,
        library(),
        &options(Format::Pdf),
        dir.path(),
        "shop",
    )
    .unwrap();
    assert_eq!(report.warnings.len(), 1);
    assert!(
        report.warnings[0].starts_with("pdf: "),
        "{:?}",
        report.warnings
    );
}

#[test]
fn file_stems_drop_the_project_extension() {
    assert_eq!(
        file_stem(std::path::Path::new("a/b/shop.policy.json")),
        "shop"
    );
    assert_eq!(file_stem(std::path::Path::new("notes.json")), "notes");
    assert_eq!(
        file_stem(std::path::Path::new(".policy.json")),
        "privacy-policy"
    );
    assert_eq!(
        file_stem(std::path::Path::new("..policy.json")),
        "privacy-policy",
        "a hidden name is not offered"
    );
}

#[test]
fn the_export_dialog_s_name_comes_from_the_project_file() {
    use policywright::export::export_file_name;
    let saved = std::path::Path::new("/home/aoife/brightsmile.policy.json");
    assert_eq!(export_file_name(Some(saved)), "brightsmile");
    assert_eq!(export_file_name(None), "privacy-policy");
}

#[test]
fn preview_has_each_section_by_id_with_html_and_findings() {
    let project = example("consumer-app");
    let p = preview(&project, library()).unwrap();
    let doc = document(&project);
    let ids: Vec<&str> = p.sections.iter().map(|s| s.id.as_str()).collect();
    let expected: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, expected);
    // The hiking app's organisation is in the US, so the core picks Letter for the export dialog.
    assert_eq!(p.paper, policywright::model::Paper::Letter);
    assert_eq!(
        preview(&example("shop"), library()).unwrap().paper,
        policywright::model::Paper::A4
    );
    assert!(
        p.sections
            .iter()
            .all(|s| !s.html.is_empty() && !s.reasons.is_empty())
    );
    assert_eq!(
        p.last_updated.as_deref(),
        Some("Effective date: 30 June 2026 · Last updated: 30 June 2026")
    );
    assert!(p.findings.is_empty());
    let mut broken = project.clone();
    broken.organisation.email = "nope".into();
    broken.organisation.trading_name = Some("<b>Bold</b>".into());
    let p = preview(&broken, library()).unwrap();
    assert!(p.findings.iter().any(|f| f.field == "organisation.email"));
    assert!(p.sections.iter().all(|s| !s.html.contains("<b>Bold")));
}

#[test]
fn clipboard_text_is_the_same_as_the_exported_file() {
    let dir = tempfile::tempdir().unwrap();
    let project = example("saas");
    for (format, fragment, ext) in [(Format::Md, false, "md"), (Format::Html, true, "html")] {
        let opts = ExportOptions {
            fragment,
            ..options(format)
        };
        let copied = text(&project, library(), &opts).unwrap();
        export(&project, library(), &opts, dir.path(), "p").unwrap();
        let file = std::fs::read_to_string(dir.path().join(format!("p.{ext}"))).unwrap();
        assert_eq!(copied, file, "{ext}");
    }
    assert!(matches!(
        text(&project, library(), &options(Format::Pdf)),
        Err(ExportError::NotText(Format::Pdf))
    ));
    assert!(matches!(
        text(&Project::blank(), library(), &options(Format::Md)),
        Err(ExportError::Invalid(_))
    ));
}
