//! The exported HTML page's landmarks: the whole page sits in one `<main>`, so screen-reader users
//! can jump to it (axe-core's `landmark-one-main` and `region`); a fragment brings none, since the
//! site it is pasted into has its own.

mod common;

use common::{document, example, html};

/// The text between `<body>` and `</body>`.
fn body(page: &str) -> &str {
    let start = page.find("<body>").expect("a body") + "<body>".len();
    let end = page.rfind("</body>").expect("the body ends");
    &page[start..end]
}

#[test]
fn the_page_has_one_main_landmark_holding_everything_in_the_body() {
    for name in ["saas", "shop", "consumer-app"] {
        let page = html(&document(&example(name)), false);
        assert_eq!(page.matches("<main").count(), 1, "{name}");
        assert_eq!(page.matches("</main>").count(), 1, "{name}");
        let body = body(&page).trim();
        assert!(
            body.starts_with("<main>") && body.ends_with("</main>"),
            "{name}: nothing outside <main>: {:.200}",
            body
        );
        let main = &body["<main>".len()..body.len() - "</main>".len()];
        assert!(
            main.trim_start().starts_with("<article class=\"policy\""),
            "{name}"
        );
        assert!(main.trim_end().ends_with("</article>"), "{name}");
    }
}

#[test]
fn a_fragment_brings_no_main_landmark_of_its_own() {
    let fragment = html(&document(&example("saas")), true);
    assert!(!fragment.contains("<main"), "{fragment:.200}");
    assert!(fragment.trim_start().starts_with("<article"));
}
