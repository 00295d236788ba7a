//! The CLI's export as a file owner sees it: `--out` must be a folder, and exporting again
//! replaces the files whole, leaving no temporary files behind.

use std::path::Path;
use std::process::{Command, Output};

fn policywright(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policywright"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn example_file(dir: &Path) -> String {
    let path = dir.join("shop.policy.json");
    std::fs::write(&path, policywright::examples::example("shop").unwrap()).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn out_naming_a_file_is_a_clear_error_and_the_file_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let project = example_file(dir.path());
    let afile = dir.path().join("afile");
    std::fs::write(&afile, "mine").unwrap();
    let out = policywright(&["export", &project, "--out", afile.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--out") && stderr.contains("this is a file"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&afile).unwrap(), b"mine");
}

#[test]
fn exporting_again_replaces_the_files_and_leaves_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let project = example_file(dir.path());
    let site = dir.path().join("site");
    let site_arg = site.to_str().unwrap();
    for _ in 0..2 {
        let out = policywright(&["export", &project, "--format", "all", "--out", site_arg]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["shop.html", "shop.md", "shop.pdf"]);
}
