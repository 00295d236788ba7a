//! The `policywright` command line, run as a user would.

mod cli_support;

use cli_support::{run, stderr, stdout, write_example};

#[test]
fn new_check_and_export_work_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_example(dir.path(), "shop");
    let check = run(&["check", &file]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(stdout(&check).contains("0 error(s), 0 warning(s)"));

    let out = dir.path().join("site");
    let export = run(&[
        "export",
        &file,
        "--format",
        "all",
        "--front-matter",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(export.status.success(), "{}", stderr(&export));
    let md = std::fs::read_to_string(out.join("shop.md")).unwrap();
    assert!(md.starts_with("---\n") && md.contains("# Privacy policy"));
    let html = std::fs::read_to_string(out.join("shop.html")).unwrap();
    assert!(html.contains("<h1>Privacy policy</h1>"));

    let fragment = run(&[
        "export",
        &file,
        "--format",
        "html",
        "--fragment",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(fragment.status.success());
    assert!(
        std::fs::read_to_string(dir.path().join("shop.html"))
            .unwrap()
            .starts_with("<article")
    );
}

#[test]
fn check_exits_1_on_errors_and_names_fields() {
    let dir = tempfile::tempdir().unwrap();
    let blank = run(&["new"]);
    let path = dir.path().join("blank.policy.json");
    std::fs::write(&path, &blank.stdout).unwrap();
    let check = run(&["check", path.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stderr(&check).contains("error: organisation.legal_name:"));
    let export = run(&[
        "export",
        path.to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(export.status.code(), Some(2));
    assert!(stderr(&export).contains("fix the errors above before exporting"));
}

#[test]
fn explain_prints_each_section_with_its_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_example(dir.path(), "consumer-app");
    let out = run(&["explain", &file]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("If you live in California (#california)"));
    assert!(text.contains("Your users include people in California. [jurisdictions]"));
}

#[test]
fn pdf_export_writes_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_example(dir.path(), "saas");
    let out = run(&[
        "export",
        &file,
        "--format",
        "pdf",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(dir.path().join("saas.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn broken_files_give_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.policy.json");
    std::fs::write(&path, "{\"schema_version\": 1,").unwrap();
    let out = run(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: ") && err.contains("line 1, column"),
        "{err}"
    );
    let unknown = run(&["new", "--example", "bakery"]);
    assert!(stderr(&unknown).contains("choose one of: saas, shop, consumer-app"));
}

#[test]
fn check_json_prints_each_finding_with_its_code_paths_and_fix() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_example(dir.path(), "shop");
    let mut project: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    project["cookies"]["consent_banner"] = serde_json::Value::Bool(false);
    project["organisation"]["email"] = "hello at example".into();
    std::fs::write(&path, project.to_string()).unwrap();

    let check = run(&["check", "--json", &path]);
    assert_eq!(check.status.code(), Some(1), "errors still exit 1");
    let findings: Vec<serde_json::Value> = serde_json::from_str(&stdout(&check)).unwrap();
    let by_code = |code: &str| {
        findings
            .iter()
            .find(|f| f["code"] == code)
            .unwrap_or_else(|| panic!("no {code} in {findings:#?}"))
    };
    let email = by_code("email.malformed");
    assert_eq!(email["severity"], "error");
    assert_eq!(email["paths"][0], "organisation.email");
    assert!(email["fix"].as_str().unwrap().contains("name@example.com"));
    let cookies = by_code("cookies.non-essential-without-consent");
    assert_eq!(cookies["severity"], "warning");
    assert!(
        cookies["message"]
            .as_str()
            .unwrap()
            .contains("Google Analytics")
    );
    assert!(stderr(&check).is_empty(), "JSON mode prints nothing else");
}

#[test]
fn check_lists_considered_warnings_with_the_reason_and_keeps_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_example(dir.path(), "shop");
    let mut project: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    project["cookies"]["consent_banner"] = serde_json::Value::Bool(false);
    project["considered"] = serde_json::json!([{
        "code": "cookies.non-essential-without-consent",
        "path": "cookies.consent_banner",
        "reason": "Our site \u{1b}[31mhas no visitors in the EU."
    }]);
    std::fs::write(&path, project.to_string()).unwrap();

    let check = run(&["check", &path]);
    assert_eq!(check.status.code(), Some(0), "warnings never fail check");
    let err = stderr(&check);
    let line = err
        .lines()
        .find(|l| l.contains("consent"))
        .unwrap_or_else(|| panic!("not listed: {err}"));
    assert!(line.starts_with("warning: "), "{line}");
    assert!(
        line.ends_with("(considered: Our site  [31mhas no visitors in the EU.)"),
        "the reason, without the terminal escape: {line}"
    );
    assert!(stdout(&check).contains("0 error(s), 1 warning(s) (1 considered)"));

    let json = run(&["check", "--json", &path]);
    assert_eq!(json.status.code(), Some(0));
    let findings: Vec<serde_json::Value> = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(
        findings[0]["considered"]
            .as_str()
            .unwrap()
            .contains("no visitors")
    );
}
