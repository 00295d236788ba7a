//! The incremental preview equals a full one. Random sequences of edits, as the app sends them,
//! go through `LivePreview`; after each, the preview the UI would hold (every update applied to
//! the first full preview) must equal a full render of the same answers made from scratch, and the
//! answers must equal the project edited directly.

mod common;
mod project_strategy;

use common::library;
use policywright::model::{
    LegalBasis, Product, ProductKind, Project, Retention, RetentionUnit, VendorDetail,
};
use policywright::preview::{Edit, LivePreview, PathKey, PreviewCache, preview};
use policywright::scale::large_project;
use proptest::prelude::*;
use serde_json::{Value, json};

/// One owner action: how it changes the project, and the edit the app sends for it.
#[derive(Debug, Clone)]
enum Action {
    LegalName(String),
    Email(String),
    Required(usize, bool),
    RetentionMonths(usize, Option<u32>),
    LegalBasis(usize, Option<LegalBasis>),
    VendorName(usize, String),
    /// What a custom vendor also uses the data for: moves it between its group's table and the
    /// table of vendors with purposes of their own.
    VendorOwnUse(usize, Option<String>),
    /// One custom vendor made a copy of another: two rows written from equal values.
    VendorCopy(usize, usize),
    /// Vendors as tables or as lists of names.
    VendorTable(bool),
    DropData(usize),
    AddProduct(String),
    Jurisdictions(Vec<&'static str>),
    EffectiveDate(String),
    /// A catalogue vendor dropped: every vendor-wide part of the text.
    DropVendor(usize),
    /// A data entry's category changed (`health` is special-category data).
    DataCategory(usize, &'static str),
    /// Where the organisation is based: which entity each vendor contracts through.
    Country(&'static str),
    /// The policy's language; one the library lacks is refused.
    Language(&'static str),
    /// Not a valid answer: the edit is refused and nothing changes.
    Broken,
}

fn key(k: &str) -> PathKey {
    PathKey::Key(k.to_owned())
}

fn set(path: Vec<PathKey>, value: Value) -> Edit {
    Edit::Set { path, value }
}

impl Action {
    /// Changes `p` directly and returns the edit that says the same; `None` for a refused edit.
    fn apply(&self, p: &mut Project) -> (Edit, bool) {
        let n = p.data.len().max(1);
        match self {
            Action::LegalName(s) => {
                p.organisation.legal_name = s.clone();
                (
                    set(vec![key("organisation"), key("legal_name")], json!(s)),
                    true,
                )
            }
            Action::Email(s) => {
                p.organisation.email = s.clone();
                (set(vec![key("organisation"), key("email")], json!(s)), true)
            }
            Action::Required(i, on) => {
                let i = i % n;
                p.data[i].required = *on;
                let path = vec![key("data"), PathKey::Index(i), key("required")];
                (set(path, json!(on)), true)
            }
            Action::RetentionMonths(i, months) => {
                let i = i % n;
                let path = vec![key("data"), PathKey::Index(i), key("retention")];
                p.data[i].retention = months.map(|amount| Retention::Period {
                    amount,
                    unit: RetentionUnit::Months,
                    reason: None,
                });
                match &p.data[i].retention {
                    Some(r) => (set(path, serde_json::to_value(r).expect("json")), true),
                    None => (Edit::Remove { path }, true),
                }
            }
            Action::LegalBasis(i, basis) => {
                let i = i % p.purposes.len().max(1);
                p.purposes[i].legal_basis = *basis;
                let path = vec![key("purposes"), PathKey::Index(i), key("legal_basis")];
                match basis {
                    Some(b) => (set(path, serde_json::to_value(b).expect("json")), true),
                    None => (Edit::Remove { path }, true),
                }
            }
            Action::VendorName(i, s) => {
                let i = i % p.vendors.custom.len().max(1);
                p.vendors.custom[i].name = s.clone();
                let path = vec![
                    key("vendors"),
                    key("custom"),
                    PathKey::Index(i),
                    key("name"),
                ];
                (set(path, json!(s)), true)
            }
            Action::VendorOwnUse(i, own_use) => {
                let i = i % p.vendors.custom.len().max(1);
                let path = vec![
                    key("vendors"),
                    key("custom"),
                    PathKey::Index(i),
                    key("own_use"),
                ];
                if p.vendors.custom.is_empty() {
                    return (set(path, json!(own_use)), false);
                }
                p.vendors.custom[i].own_use = own_use.clone();
                match own_use {
                    Some(s) => (set(path, json!(s)), true),
                    None => (Edit::Remove { path }, true),
                }
            }
            Action::VendorCopy(from, to) => {
                let n = p.vendors.custom.len().max(1);
                let (from, to) = (from % n, to % n);
                let path = vec![key("vendors"), key("custom"), PathKey::Index(to)];
                let Some(copy) = p.vendors.custom.get(from).cloned() else {
                    return (set(path, json!({})), false);
                };
                let value = serde_json::to_value(&copy).expect("json");
                p.vendors.custom[to] = copy;
                (set(path, value), true)
            }
            Action::VendorTable(table) => {
                p.style.vendor_detail = if *table {
                    VendorDetail::Table
                } else {
                    VendorDetail::Names
                };
                let value = serde_json::to_value(p.style.vendor_detail).expect("json");
                (set(vec![key("style"), key("vendor_detail")], value), true)
            }
            Action::DropData(i) => {
                if !p.data.is_empty() {
                    p.data.remove(i % n);
                }
                let value = serde_json::to_value(&p.data).expect("json");
                (set(vec![key("data")], value), true)
            }
            Action::AddProduct(name) => {
                p.products.push(Product {
                    name: name.clone(),
                    kind: ProductKind::Website,
                    url: None,
                });
                let value = serde_json::to_value(&p.products).expect("json");
                (set(vec![key("products")], value), true)
            }
            Action::Jurisdictions(ids) => {
                p.jurisdictions = ids.iter().map(|s| (*s).to_owned()).collect();
                (set(vec![key("jurisdictions")], json!(ids)), true)
            }
            Action::EffectiveDate(s) => {
                p.effective_date = s.clone();
                (set(vec![key("effective_date")], json!(s)), true)
            }
            Action::DropVendor(i) => {
                if !p.vendors.catalogue.is_empty() {
                    let i = i % p.vendors.catalogue.len();
                    p.vendors.catalogue.remove(i);
                }
                let path = vec![key("vendors"), key("catalogue")];
                (set(path, json!(p.vendors.catalogue)), true)
            }
            Action::DataCategory(i, id) => {
                let i = i % n;
                let path = vec![key("data"), PathKey::Index(i), key("category")];
                if p.data.is_empty() {
                    return (set(path, json!(id)), false);
                }
                p.data[i].category = (*id).to_owned();
                (set(path, json!(id)), true)
            }
            Action::Country(code) => {
                p.organisation.address.country = (*code).to_owned();
                let path = vec![key("organisation"), key("address"), key("country")];
                (set(path, json!(code)), true)
            }
            // A language the library lacks is refused by assembly, so what counts is the
            // language the whole batch leaves (`xx` then `en` is fine); see the batch loop.
            Action::Language(language) => {
                p.language = (*language).to_owned();
                (set(vec![key("language")], json!(language)), true)
            }
            Action::Broken => (set(vec![key("children")], json!("many")), false),
        }
    }
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Wren & Co <Ltd>".to_owned()),
        Just("privacy@wren.example".to_owned()),
        "[a-zA-Z .@]{0,20}",
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let basis = prop_oneof![
        Just(None),
        Just(Some(LegalBasis::Consent)),
        Just(Some(LegalBasis::LegitimateInterests)),
        Just(Some(LegalBasis::Contract)),
    ];
    let places = prop::sample::subsequence(vec!["eu", "uk", "us-ca", "br", "ca", "au"], 0..4);
    prop_oneof![
        text().prop_map(Action::LegalName),
        text().prop_map(Action::Email),
        (any::<usize>(), any::<bool>()).prop_map(|(i, b)| Action::Required(i, b)),
        (any::<usize>(), prop::option::of(1u32..60))
            .prop_map(|(i, m)| Action::RetentionMonths(i, m)),
        (any::<usize>(), basis).prop_map(|(i, b)| Action::LegalBasis(i, b)),
        (any::<usize>(), text()).prop_map(|(i, s)| Action::VendorName(i, s)),
        (any::<usize>(), prop::option::of(text())).prop_map(|(i, s)| Action::VendorOwnUse(i, s)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Action::VendorCopy(i, j)),
        any::<bool>().prop_map(Action::VendorTable),
        any::<usize>().prop_map(Action::DropData),
        text().prop_map(Action::AddProduct),
        places.prop_map(Action::Jurisdictions),
        prop_oneof![Just("2026-03-01"), Just("2026-13-40"), Just("")]
            .prop_map(|s| Action::EffectiveDate(s.to_owned())),
        any::<usize>().prop_map(Action::DropVendor),
        (
            any::<usize>(),
            prop::sample::select(vec![
                "health",
                "contact-details",
                "precise-location",
                "no-such"
            ])
        )
            .prop_map(|(i, id)| Action::DataCategory(i, id)),
        prop::sample::select(vec!["DE", "GB", "US", "BR", "FR"]).prop_map(Action::Country),
        prop::sample::select(vec!["en", "xx"]).prop_map(Action::Language),
        Just(Action::Broken),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn incremental_preview_equals_a_full_render(
        actions in prop::collection::vec(prop::collection::vec(action(), 1..3), 1..8)
    ) {
        let library = library();
        let mut expected = large_project(library, 12);
        let (mut live, mut shown) = LivePreview::open(expected.clone(), library).expect("opens");
        for batch in actions {
            let mut edited = expected.clone();
            let mut edits = Vec::new();
            let mut valid = true;
            for action in &batch {
                let (edit, ok) = action.apply(&mut edited);
                edits.push(edit);
                valid &= ok;
            }
            valid &= edited.language == "en";
            match live.edit(&edits, library) {
                Ok(update) => {
                    prop_assert!(valid, "a broken edit was accepted: {batch:?}");
                    expected = edited;
                    let full = preview(&expected, library).expect("previews");
                    for s in &update.changed {
                        prop_assert!(!shown.sections.contains(s), "unchanged section {} was sent", s.id);
                    }
                    for s in &update.spliced {
                        let old = shown.sections.iter().find(|o| o.id == s.id);
                        prop_assert!(old.is_some(), "a splice of section {} not shown", s.id);
                    }
                    shown = update.apply_to(&shown);
                    prop_assert_eq!(&shown, &full);
                }
                Err(error) => prop_assert!(!valid, "{batch:?} refused: {error}"),
            }
            prop_assert_eq!(live.project(), &expected);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// The section memo remembers what each section read, down to one key of a top-level map
    /// (`org.email`). Between two unrelated random projects almost every input differs in some
    /// way, so whatever the memo keeps must still be what a full render writes.
    #[test]
    fn a_preview_after_any_other_project_equals_a_full_render(
        first in project_strategy::generated_project(),
        second in project_strategy::generated_project(),
    ) {
        let library = library();
        let mut cache = PreviewCache::default();
        cache.preview(&first, library).expect("previews");
        let incremental = cache.preview(&second, library).expect("previews");
        prop_assert_eq!(incremental, preview(&second, library).expect("previews"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// The preview renders a section's Markdown block by block (cut before headings); joined,
    /// the blocks are exactly the HTML of the whole Markdown, for any project.
    #[test]
    fn a_section_rendered_block_by_block_is_its_html_as_a_whole(
        project in project_strategy::generated_project(),
    ) {
        let library = library();
        let doc = policywright::assemble(&project, library).expect("assembles");
        let shown = preview(&project, library).expect("previews");
        prop_assert_eq!(doc.sections.len(), shown.sections.len());
        for (s, p) in doc.sections.iter().zip(&shown.sections) {
            prop_assert_eq!(&s.id, &p.id);
            prop_assert_eq!(&policywright::render::body_html(&s.body), &p.html, "{}", s.id);
        }
    }
}

#[test]
fn the_first_preview_is_the_full_one() {
    let library = library();
    let project = large_project(library, 5);
    let (live, shown) = LivePreview::open(project.clone(), library).expect("opens");
    assert_eq!(shown, preview(&project, library).expect("previews"));
    assert_eq!(live.project(), &project);
}

/// A keystroke in one vendor's name on a large project sends a few kilobytes: the vendor
/// section (a table row per vendor) and the transfers table change only in that vendor's name,
/// and only that part of their HTML is sent.
#[test]
fn a_vendor_name_keystroke_sends_only_what_changed() {
    let library = library();
    let project = large_project(library, 200);
    let (mut live, shown) = LivePreview::open(project, library).expect("opens");
    let vendors = shown.sections.iter().find(|s| s.id == "vendors");
    let whole = vendors.map_or(0, |s| s.html.len());
    assert!(whole > 50_000, "{whole} bytes of vendors");
    let path = vec![
        PathKey::Key("vendors".into()),
        PathKey::Key("custom".into()),
        PathKey::Index(7),
        PathKey::Key("name".into()),
    ];
    let edit = set(path, json!("Vendor number 7 Ltd, renamed"));
    let update = live.edit(&[edit], library).expect("edits");
    assert!(update.spliced.iter().any(|s| s.id == "vendors"));
    let sent = serde_json::to_string(&update).expect("serialises").len();
    assert!(sent < 8_000, "{sent} bytes sent for one vendor's name");
    let full = preview(live.project(), library).expect("previews");
    assert_eq!(update.apply_to(&shown), full);
}
