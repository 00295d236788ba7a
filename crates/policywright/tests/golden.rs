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

/// The organisation's address as the policy prints it, in each country's postal order: one
/// address per country format in the catalogue, plus the default.
#[test]
fn addresses_print_in_each_country_s_postal_order() {
    use policywright::model::PostalAddress;
    let addresses = [
        (
            "IE",
            &["12 Oliver Plunkett Street"][..],
            "Cork",
            Some("Co. Cork"),
            "T12 X2Y3",
        ),
        (
            "GB",
            &["Unit 4", "Mill Lane"][..],
            "Hebden Bridge",
            None,
            "HX7 8AB",
        ),
        (
            "US",
            &["500 Main Street", "Suite 20"][..],
            "Portland",
            Some("OR"),
            "97205",
        ),
        (
            "JP",
            &["1-5-3 Yaesu"][..],
            "Chuo-ku",
            Some("Tokyo"),
            "100-8994",
        ),
        ("DE", &["Oranienstraße 12"][..], "Berlin", None, "10969"),
        ("FR", &["8 rue de la Paix"][..], "Paris", None, "75002"),
    ];
    let mut printed = Vec::new();
    for (country, street, city, region, postcode) in addresses {
        let mut project = example("shop");
        project.organisation.address = PostalAddress {
            street: street.iter().map(|s| (*s).to_owned()).collect(),
            city: city.into(),
            region: region.map(str::to_owned),
            postal_code: postcode.into(),
            country: country.into(),
        };
        let md = markdown(&document(&project));
        let line = md
            .lines()
            .find(|l| l.starts_with("Our postal address is"))
            .unwrap_or_else(|| panic!("{country}: no address sentence"));
        printed.push(format!("{country}: {line}"));
    }
    insta::assert_snapshot!("postal-order", printed.join("\n"));
}
