//! Golden files: the full Markdown and HTML of every example. Any wording change shows up here
//! for review (`cargo insta review`).

mod common;

use common::{document, example, html, markdown};

#[test]
fn saas_example_renders_as_reviewed() {
    let doc = document(&example("saas"));
    insta::assert_snapshot!("saas.md", markdown(&doc));
    insta::assert_snapshot!("saas.fragment.html", html(&doc, true));
}

#[test]
fn shop_example_renders_as_reviewed() {
    let doc = document(&example("shop"));
    insta::assert_snapshot!("shop.md", markdown(&doc));
    insta::assert_snapshot!("shop.fragment.html", html(&doc, true));
}

#[test]
fn consumer_app_example_renders_as_reviewed() {
    let doc = document(&example("consumer-app"));
    insta::assert_snapshot!("consumer-app.md", markdown(&doc));
    insta::assert_snapshot!("consumer-app.fragment.html", html(&doc, true));
}

#[test]
fn markdown_front_matter_is_valid_yaml_shaped_and_quoted() {
    use policywright::render::{MarkdownRenderer, Renderer};
    let mut project = example("shop");
    project.organisation.trading_name = Some("Tea \"&\" Co: ---\nlayout: evil".into());
    let doc = document(&project);
    let md = String::from_utf8(
        MarkdownRenderer { front_matter: true }
            .render(&doc, common::library())
            .unwrap()
            .bytes,
    )
    .unwrap();
    let fm: Vec<&str> = md.split("---\n").nth(1).unwrap().lines().collect();
    insta::assert_snapshot!("front-matter", fm.join("\n"));
    assert!(
        fm.iter().all(|l| l.split_once(": \"").is_some()),
        "every value is a quoted string"
    );
}
