//! Exports on a full disk, over symlinks and over old exports.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::atomic::tests::{FullDisk, names};

fn saas() -> (Project, Library) {
    let text = crate::examples::example("saas").expect("the saas example");
    let project = crate::project_file::parse(text, Path::new("saas.policy.json")).expect("parses");
    (project, Library::load().expect("library"))
}

const ALL: ExportOptions = ExportOptions {
    format: Format::All,
    fragment: false,
    front_matter: true,
};

/// Files written so far through [`fills_up`] (only one test uses it): the disk takes the first
/// file whole and fills up a kilobyte into the second.
static FILES: AtomicUsize = AtomicUsize::new(0);

fn fills_up(file: &mut File) -> Box<dyn Write + '_> {
    let room = match FILES.fetch_add(1, Ordering::SeqCst) {
        0 => usize::MAX,
        _ => 1_024,
    };
    Box::new(FullDisk { file, room })
}

#[test]
fn a_full_disk_leaves_every_previous_export_as_it_was() {
    let (project, lib) = saas();
    let dir = tempfile::tempdir().unwrap();
    let first = export(&project, &lib, &ALL, dir.path(), "saas").unwrap();
    assert_eq!(first.files.len(), 3);
    let before: Vec<Vec<u8>> = first.files.iter().map(|f| fs::read(f).unwrap()).collect();

    let mut changed = project.clone();
    changed.organisation.legal_name = "Kestrel Metrics Renamed GmbH".into();
    let options = Options {
        new_file: atomic::NewFile::Document,
        writer: Some(&fills_up),
    };
    let err = export_with(&changed, &lib, &ALL, dir.path(), "saas", &options)
        .expect_err("the disk fills up in the HTML");
    let message = err.to_string();
    assert!(message.contains("saas.html"), "{message}");
    assert!(!message.contains(atomic::TEMP_MARK), "{message}");
    let after: Vec<Vec<u8>> = first.files.iter().map(|f| fs::read(f).unwrap()).collect();
    assert!(
        before == after,
        "no export changed, not even the Markdown written before"
    );
    assert_eq!(names(dir.path()), ["saas.html", "saas.md", "saas.pdf"]);
}

#[test]
fn exporting_again_overwrites_every_file_and_leaves_nothing_else() {
    let (mut project, lib) = saas();
    let dir = tempfile::tempdir().unwrap();
    export(&project, &lib, &ALL, dir.path(), "saas").unwrap();
    project.organisation.legal_name = "Kestrel Metrics Renamed GmbH".into();
    let report = export(&project, &lib, &ALL, dir.path(), "saas").unwrap();
    for file in &report.files {
        let bytes = fs::read(file).unwrap();
        if !file.to_string_lossy().ends_with(".pdf") {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains("Renamed"), "{}", file.display());
        }
    }
    assert_eq!(names(dir.path()), ["saas.html", "saas.md", "saas.pdf"]);
}

#[test]
fn a_file_as_the_folder_is_a_clear_error() {
    let (project, lib) = saas();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("afile");
    fs::write(&file, "mine").unwrap();
    let err = export(&project, &lib, &ALL, &file, "saas").unwrap_err();
    assert!(matches!(err, ExportError::NotAFolder(_)), "{err}");
    assert!(err.to_string().contains("not a folder"), "{err}");
    assert_eq!(fs::read(&file).unwrap(), b"mine");
}

#[cfg(unix)]
#[test]
fn a_symlink_at_a_target_is_replaced_and_its_target_untouched() {
    let (project, lib) = saas();
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "IMPORTANT").unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink(&victim, out.join("saas.html")).unwrap();
    let html = ExportOptions {
        format: Format::Html,
        ..ALL
    };
    export(&project, &lib, &html, &out, "saas").unwrap();
    assert_eq!(fs::read(&victim).unwrap(), b"IMPORTANT");
    let meta = fs::symlink_metadata(out.join("saas.html")).unwrap();
    assert!(meta.is_file(), "the link was replaced by the export");
}

#[test]
fn the_files_already_there_are_named_before_an_export_overwrites_them() {
    let (project, lib) = saas();
    let dir = tempfile::tempdir().unwrap();
    let html = ExportOptions {
        format: Format::Html,
        fragment: false,
        front_matter: false,
    };
    let pdf = ExportOptions {
        format: Format::Pdf,
        ..html
    };
    assert_eq!(
        file_paths(&ALL, dir.path(), "p"),
        ["p.md", "p.html", "p.pdf"].map(|n| dir.path().join(n))
    );
    assert!(existing_files(&[html, pdf], dir.path(), "p").is_empty());
    export(&project, &lib, &html, dir.path(), "p").unwrap();
    assert_eq!(
        existing_files(&[html, pdf, ALL], dir.path(), "p"),
        [dir.path().join("p.html")],
        "each file once, and only those there"
    );
    assert!(existing_files(&[html], dir.path(), "other").is_empty());
}
