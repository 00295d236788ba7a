//! The `policywright` version commands, run as a user would: publish, history, changes, diff,
//! and export of a past version.

mod cli_support;

use cli_support::{ok, run, stderr, write_example};

/// Adds a catalogue vendor to the project file, as the wizard would.
fn add_vendor(file: &str, id: &str) {
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    json["vendors"]["catalogue"]
        .as_array_mut()
        .unwrap()
        .push(id.into());
    std::fs::write(file, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
}

#[test]
fn publish_change_diff_publish_again_and_export_the_first_version_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_example(dir.path(), "shop");
    let out = ok(&[
        "publish",
        &file,
        "--summary",
        "First version.",
        "--date",
        "2026-02-01",
    ]);
    assert!(out.contains("published version 1 (2026-02-01)"), "{out}");
    let v1 = dir.path().join("v1");
    ok(&[
        "export",
        &file,
        "--version",
        "1",
        "--format",
        "md",
        "--out",
        v1.to_str().unwrap(),
    ]);
    let original = std::fs::read(v1.join("shop-v1.md")).unwrap();

    add_vendor(&file, "intercom");
    let changes = ok(&["changes", &file]);
    assert!(
        changes.contains("- Added vendor: Intercom (customer support)."),
        "{changes}"
    );
    assert!(
        changes.contains("Changed on our side: nothing"),
        "{changes}"
    );
    let diff = ok(&["diff", &file]);
    assert!(
        diff.starts_with("Changes from version 1 (2026-02-01) to the current answers"),
        "{diff}"
    );
    assert!(diff.contains("{+") && diff.contains("Intercom"), "{diff}");

    let out = ok(&["publish", &file, "--date", "2026-06-01"]);
    assert!(out.contains("published version 2 (2026-06-01)"), "{out}");
    assert!(
        out.contains("summary: Added vendor: Intercom (customer support)."),
        "{out}"
    );
    let history = ok(&["history", &file]);
    assert_eq!(
        history,
        "version 1  2026-02-01  First version.\nversion 2  2026-06-01  Added vendor: Intercom (customer support).\n"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&["history", &file, "--json"])).unwrap();
    assert_eq!(json[1]["number"], 2);
    assert_eq!(json[0]["intact"], true);

    let again = dir.path().join("again");
    ok(&[
        "export",
        &file,
        "--version",
        "1",
        "--format",
        "all",
        "--out",
        again.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(again.join("shop-v1.md")).unwrap(), original);
    assert!(
        std::fs::read(again.join("shop-v1.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    let html = std::fs::read_to_string(again.join("shop-v1.html")).unwrap();
    assert!(!html.contains("Intercom"), "version 1 had no Intercom");

    let between = ok(&[
        "diff", &file, "--from", "1", "--to", "2", "--format", "html",
    ]);
    assert!(
        between.starts_with("<!DOCTYPE html>") && between.contains("<ins>"),
        "{between}"
    );
    let md = ok(&["diff", &file, "--from", "1", "--to", "2", "--format", "md"]);
    assert!(md.starts_with("# Changes from version 1"), "{md}");
    // The project still checks clean, with its history.
    assert!(run(&["check", &file]).status.success());
}

#[test]
fn version_commands_name_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_example(dir.path(), "shop");
    let out = run(&["diff", &file]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no published version yet"),
        "{}",
        stderr(&out)
    );
    let out = run(&["publish", &file, "--date", "1 March"]);
    assert!(
        stderr(&out).contains("--date 1 March: not a date"),
        "{}",
        stderr(&out)
    );
    ok(&["publish", &file, "--date", "2026-02-01"]);
    let out = run(&["publish", &file, "--date", "2026-01-01"]);
    assert!(
        stderr(&out).contains("before version 1's date"),
        "{}",
        stderr(&out)
    );
    let out = run(&[
        "export",
        &file,
        "--version",
        "4",
        "--format",
        "md",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(
        stderr(&out).contains("there is no version 4; the versions are 1"),
        "{}",
        stderr(&out)
    );
    let out = run(&["diff", &file, "--to", "latest"]);
    assert!(
        stderr(&out).contains("--to latest: give a version number"),
        "{}",
        stderr(&out)
    );
    assert_eq!(ok(&["history", &file]).lines().count(), 1);
    // A failed publish leaves the file as it was.
    let before = std::fs::read(&file).unwrap();
    let mut json: serde_json::Value = serde_json::from_slice(&before).unwrap();
    json["organisation"]["email"] = "nobody".into();
    std::fs::write(&file, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    let broken = std::fs::read(&file).unwrap();
    let out = run(&["publish", &file, "--date", "2026-03-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("organisation.email"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&file).unwrap(), broken);
}

/// `diff --format text` on the shop example after adding a vendor: the reader's words, the new
/// table row as a line of cells with its privacy page's address, no Markdown marks.
#[test]
fn diff_as_text_shows_the_reader_s_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_example(dir.path(), "shop");
    ok(&["publish", &file, "--date", "2026-02-01"]);
    add_vendor(&file, "intercom");
    let text = ok(&["diff", &file, "--format", "text"]);
    for mark in ["**", "](", "\n| ", "|---", "## ", "<a id"] {
        assert!(!text.contains(mark), "{mark:?} in\n{text}");
    }
    insta::assert_snapshot!("shop-diff.txt", text);
    let source = ok(&["diff", &file, "--format", "text", "--source"]);
    assert!(
        source.starts_with("Changes in the Markdown source from version 1")
            && source.contains("| **Intercom**"),
        "{source}"
    );
}
