//! End-to-end checks of what an owner used to trip over: a country picked by typing its name, a
//! web address typed without `https://`, a number outside the range the core allows, and an
//! export that remembers its folder per project and asks before it replaces files.
#![cfg(target_os = "linux")]

mod harness;

use harness::*;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread")]
async fn a_country_is_picked_by_typing_its_name_and_a_web_address_needs_no_https() {
    within(LIMIT, country_by_name()).await;
}

async fn country_by_name() {
    let home = Home::new();
    let Some(s) = Session::start("country-by-name", &home).await else {
        return;
    };
    s.click("#new-blank").await;
    let country = "#field-organisation-address-country";
    s.type_into(country, "Ireland").await;
    s.press("\u{E004}").await;
    assert_eq!(s.value(country).await, "Ireland (IE)");
    s.type_into("#field-organisation-legal-name", "Bright Smile Dental Ltd")
        .await;
    s.wait_for_text("section#who-we-are", "Ireland").await;
    // A code keeps working, in any case.
    s.type_into(country, "gb").await;
    s.press("\u{E004}").await;
    assert_eq!(s.value(country).await, "United Kingdom (GB)");

    // The core reads a web address when the box is left.
    let website = "#field-organisation-website";
    s.type_into(website, "www.brightsmile.ie").await;
    s.press("\u{E004}").await;
    let read = async || (s.value(website).await == "https://www.brightsmile.ie").then_some(());
    assert!(
        s.poll(WAIT, read).await.is_ok(),
        "the address was not read as https://www.brightsmile.ie: {}",
        s.value(website).await
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_number_outside_its_range_shows_the_cores_finding_beside_it() {
    within(LIMIT, number_out_of_range()).await;
}

async fn number_out_of_range() {
    let home = Home::new();
    let Some(s) = Session::start("number-out-of-range", &home).await else {
        return;
    };
    s.click("#new-blank").await;
    s.click("#step-choices").await;
    let age = "#field-children-minimum-age";
    let range = s
        .client()
        .execute(
            "const el = document.querySelector(arguments[0]); return [el.min, el.max];",
            vec![Value::from(age)],
        )
        .await
        .expect("the box's range");
    assert_eq!(range, json!(["1", "21"]), "the core's range");
    s.type_into(age, "40").await;
    s.wait_for_text(
        "#field-children-minimum-age-finding",
        "Minimum age must be between 1 and 21; it is 40.",
    )
    .await;
    let invalid = s
        .wait_for(age)
        .await
        .attr("aria-invalid")
        .await
        .expect("aria-invalid");
    assert_eq!(invalid.as_deref(), Some("true"));
    s.press("\u{E004}").await;
    assert_eq!(
        s.value(age).await,
        "40",
        "kept as typed, for the owner to correct"
    );

    s.type_into(age, "16").await;
    // An empty finding slot is not displayed, so it is read rather than waited for.
    let cleared = async || {
        let text = s
            .client()
            .execute(
                "return document.getElementById('field-children-minimum-age-finding').textContent;",
                vec![],
            )
            .await
            .ok()?;
        (text == Value::String(String::new())).then_some(())
    };
    assert!(
        s.poll(WAIT, cleared).await.is_ok(),
        "the finding stayed after the age was corrected"
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn exporting_twice_to_one_folder_asks_before_replacing_and_the_folder_is_remembered() {
    within(LIMIT, export_twice()).await;
}

async fn export_twice() {
    let home = Home::new();
    home.folder("projects");
    let out = home.folder("site");
    let Some(s) = Session::start_from_example("export-twice", &home, "shop").await else {
        return;
    };
    s.wait_for_text(".policy-meta", "Hollybank").await;
    s.save_as(&home, "projects/tea").await;

    s.click("#export").await;
    assert_eq!(s.value("#export-stem").await, "tea", "the core's name");
    assert_eq!(s.value("#export-folder").await, "", "never exported yet");
    s.click("#fmt-md").await;
    s.click("#fmt-pdf").await;
    s.choose_export_folder(&home, &out).await;
    s.type_into("#export-stem", "privacy").await;
    s.click("#do-export").await;
    s.wait_for_text("#export-done", "Exported 1 file(s)").await;
    std::fs::write(out.join("privacy.html"), "the owner's edited copy").expect("edit the export");
    s.click("#close-export").await;
    s.wait_gone("#export-dialog").await;

    // Opened again, the dialog starts where the project was exported, with the same name.
    s.click("#export").await;
    s.wait_for("#export-dialog").await;
    let folder = out.to_string_lossy().into_owned();
    let remembered = async || (s.value("#export-folder").await == folder).then_some(());
    assert!(
        s.poll(WAIT, remembered).await.is_ok(),
        "the folder was not remembered"
    );
    assert_eq!(s.value("#export-stem").await, "privacy");
    s.click("#fmt-md").await;
    s.click("#fmt-pdf").await;
    s.click("#do-export").await;
    s.wait_for_text("#overwrite-guard-message", "privacy.html")
        .await;
    s.click("#overwrite-guard button[data-value='cancel']")
        .await;
    s.wait_for_text("#export-result", "Nothing exported").await;
    let kept = std::fs::read_to_string(out.join("privacy.html")).expect("html");
    assert_eq!(kept, "the owner's edited copy", "cancelling keeps the file");

    s.click("#do-export").await;
    s.click("#overwrite-guard button[data-value='replace']")
        .await;
    s.wait_for_text("#export-done", "Exported 1 file(s)").await;
    let replaced = std::fs::read_to_string(out.join("privacy.html")).expect("html");
    assert!(replaced.contains("Hollybank"), "replaced with the policy");
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_folder_chosen_before_the_first_save_is_remembered_for_the_saved_project() {
    within(LIMIT, export_before_saving()).await;
}

async fn export_before_saving() {
    let home = Home::new();
    home.folder("projects");
    let out = home.folder("site");
    let Some(s) = Session::start_from_example("export-before-saving", &home, "shop").await else {
        return;
    };
    s.wait_for_text(".policy-meta", "Hollybank").await;

    s.click("#export").await;
    s.click("#fmt-md").await;
    s.click("#fmt-pdf").await;
    s.choose_export_folder(&home, &out).await;
    s.type_into("#export-stem", "privacy").await;
    s.click("#do-export").await;
    s.wait_for_text("#export-done", "Exported 1 file(s)").await;
    s.click("#close-export").await;
    s.wait_gone("#export-dialog").await;

    s.save_as(&home, "projects/tea").await;
    // Filed in the app's own settings (its folder under the config home), by the project's path.
    let filed = std::fs::read_dir(home.path("config"))
        .expect("config home")
        .flatten()
        .filter_map(|d| std::fs::read_to_string(d.path().join("export-places.json")).ok())
        .any(|places| places.contains("tea.policy.json"));
    assert!(filed, "the place was not filed under the saved project");

    s.click("#export").await;
    s.wait_for("#export-dialog").await;
    let folder = out.to_string_lossy().into_owned();
    let remembered = async || (s.value("#export-folder").await == folder).then_some(());
    assert!(
        s.poll(WAIT, remembered).await.is_ok(),
        "the folder chosen before saving was not remembered for the saved project"
    );
    assert_eq!(s.value("#export-stem").await, "privacy");
    s.finish().await;
}
