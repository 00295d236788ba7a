//! Property tests: whatever an owner types, and whatever combination of answers they give, the
//! policy renders, nothing they typed becomes markup, links, headings or template code, and no
//! broken text appears.

mod common;
mod project_strategy;

use common::{document, example, html, hygiene_problems, library, markdown};
use policywright::Project;
use policywright::model::*;
use project_strategy::generated_project;
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag};

/// Strings built to break things: markup, links, template syntax, bidi and zero-width
/// characters, line breaks, and arbitrary Unicode.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("<script>alert(1)</script>".to_owned()),
        Just("<zzuser onmouseover=alert(1)>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("[click](javascript:alert(1))".to_owned()),
        Just("![img](https://evil.example/x.png)".to_owned()),
        Just("<https://evil.example>".to_owned()),
        Just("https://evil.example/path".to_owned()),
        Just("www.evil.example".to_owned()),
        Just("evil@evil.example".to_owned()),
        Just("\n# Injected heading\n".to_owned()),
        Just("\n\n## Injected\n\n- item\n".to_owned()),
        Just("{{ 7 * 191 }}".to_owned()),
        Just("{% for x in range(3) %}LOOP{% endfor %}".to_owned()),
        Just("{#id} | table | cell |".to_owned()),
        Just("&lt;b&gt; &amp; &#60;".to_owned()),
        Just("\u{202E}evil\u{202C}\u{200B}\u{FEFF}".to_owned()),
        Just("`code` *em* _em_ **strong** ~~strike~~".to_owned()),
        Just("\\".to_owned()),
        Just("1. numbered\n> quote".to_owned()),
        Just("---".to_owned()),
        "\\PC{0,40}",
    ];
    prop::collection::vec(pieces, 1..5).prop_map(|v| v.concat())
}

/// Puts a string into every free-text answer of a complete project.
fn poisoned(s: &str) -> Project {
    let mut p = example("saas");
    let o = &mut p.organisation;
    o.legal_name = s.to_owned();
    o.trading_name = Some(format!("{s} trading"));
    o.phone = Some(s.to_owned());
    o.registration_number = Some(s.to_owned());
    o.address.street = vec![s.to_owned()];
    o.address.city = s.to_owned();
    o.address.region = Some(s.to_owned());
    o.address.postal_code = s.to_owned();
    o.dpo = Some(Contact {
        name: s.to_owned(),
        email: s.to_owned(),
        address: None,
    });
    o.eu_representative = Some(Contact {
        name: s.to_owned(),
        email: "rep@example.com".into(),
        address: Some(o.address.clone()),
    });
    o.website = Some(s.to_owned());
    p.products.push(Product {
        name: s.to_owned(),
        kind: ProductKind::Website,
        url: Some(s.to_owned()),
    });
    for u in &mut p.purposes {
        if u.legal_basis == Some(LegalBasis::LegitimateInterests) {
            u.legitimate_interest = Some(s.to_owned());
        }
    }
    p.data[0].examples = vec![s.to_owned()];
    p.data[5].retention = Some(Retention::Period {
        amount: 3,
        unit: RetentionUnit::Years,
        reason: Some(s.to_owned()),
    });
    p.data[6].retention = Some(Retention::Criteria {
        description: s.to_owned(),
    });
    p.vendors.custom.push(CustomVendor {
        name: s.to_owned(),
        legal_entity: Some(s.to_owned()),
        category: "forms".into(),
        purpose: Some(s.to_owned()),
        data: vec!["name".into()],
        own_use: Some(s.to_owned()),
        locations: vec!["US".into()],
        safeguard: None,
        privacy_url: Some(s.to_owned()),
        opt_out_url: Some(s.to_owned()),
        cookies: Some(CookieKind::Marketing),
    });
    p.style.vendor_detail = VendorDetail::Names;
    p.children = Children {
        minimum_age: None,
        directed_at_children: true,
        parental_consent: Some(s.to_owned()),
        retention_policy: Some(s.to_owned()),
    };
    p.tracking.identifies_locates_or_profiles = true;
    p.tracking.how_to_switch = Some(s.to_owned());
    p.complaints.form_url = Some(s.to_owned());
    p.sensitive.limit_url = Some(s.to_owned());
    p.automated_decisions = AutomatedDecisions {
        makes_significant_decisions: true,
        description: Some(s.to_owned()),
    };
    p.rights.toll_free_phone = Some(s.to_owned());
    p.rights.request_form_url = Some(s.to_owned());
    p.sale_and_sharing = SaleAndSharing {
        sells: Some(true),
        shares_for_targeted_ads: Some(true),
        opt_out_url: Some(s.to_owned()),
    };
    p.cookies.cookie_policy_url = Some(s.to_owned());
    p
}

/// Link destinations the policy may contain whatever the owner typed: in-page anchors, mailto
/// links of well-formed addresses, and the catalogue's and example's own web addresses. Links to
/// what the owner typed into a URL field are checked separately against that exact URL.
fn allowed_destination(dest: &str) -> bool {
    let web = dest.starts_with("https://") || dest.starts_with("http://");
    dest.starts_with('#')
        || dest
            .strip_prefix("mailto:")
            .and_then(percent_decoded)
            .is_some_and(|address| policywright::text::is_email(&address))
        || web && !dest.contains("evil")
}

/// A mailto address as written, from its percent-encoded form (an address with non-ASCII letters
/// is encoded in the link); `None` when the encoding is broken.
fn percent_decoded(encoded: &str) -> Option<String> {
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = encoded.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The link the owner's text makes in a URL field: the web address it means (`https://` added
/// when it has no scheme, see `policywright::web_address`), as a link destination spells it.
fn typed_link(s: &str) -> Option<url::Url> {
    let meant = policywright::web_address::normalise_url(s).ok()?;
    policywright::text::web_url(&meant.url)
}

/// A URL as our link destinations spell it: `{` and `}` percent-encoded.
fn braces_encoded(url: &str) -> String {
    url.replace('{', "%7B").replace('}', "%7D")
}

fn check_markdown(md: &str, s: &str) -> Result<(), TestCaseError> {
    let mut ours: Vec<String> = library()
        .language("en")
        .unwrap()
        .sections
        .iter()
        .map(|x| x.title.clone())
        .collect();
    ours.extend(templated_titles().iter().cloned());
    let section_ids: Vec<String> = library()
        .language("en")
        .unwrap()
        .sections
        .iter()
        .map(|x| x.id.clone())
        .collect();
    let groups: Vec<String> = library()
        .catalogues()
        .vendor_categories
        .iter()
        .map(|c| c.label.clone())
        .collect();
    let mut in_heading = false;
    let mut heading = String::new();
    for event in Parser::new_ext(
        md,
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES,
    ) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                prop_assert!(
                    allowed_destination(&dest_url)
                        || typed_link(s).is_some_and(|u| braces_encoded(u.as_str()) == *dest_url),
                    "link to {dest_url}"
                );
            }
            Event::Start(Tag::Image { .. }) => prop_assert!(false, "an image appeared"),
            Event::Html(h) | Event::InlineHtml(h) => {
                // Our own heading anchors, `<a id="section-id"></a>`, and the generator comment.
                let anchor = in_heading
                    && (h.as_ref() == "</a>"
                        || section_ids
                            .iter()
                            .any(|id| *h == format!("<a id=\"{id}\">")));
                prop_assert!(
                    anchor || h.starts_with("<!-- Policywright"),
                    "raw HTML appeared: {h}"
                )
            }
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading.clear();
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                in_heading = false;
                let known = heading == "Privacy policy"
                    || heading == "Contents"
                    || heading == "Companies that also use your data for their own purposes"
                    || heading
                        .strip_prefix("If you are in ")
                        .is_some_and(|h| h.ends_with(": where your data goes"))
                    || ours.contains(&heading)
                    || groups.contains(&heading);
                prop_assert!(known, "unexpected heading `{heading}`");
            }
            Event::Text(t) | Event::Code(t) if in_heading => heading.push_str(&t),
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn hostile_text_in_every_field_stays_text(s in hostile()) {
        let project = poisoned(&s);
        let doc = document(&project);
        let md = markdown(&doc);
        let page = html(&doc, false);
        prop_assert!(!page.contains("<zzuser"), "a tag the user typed survived");
        prop_assert!(!page.contains("<script"), "a script tag survived");
        prop_assert!(!page.contains("<img"), "an image tag survived");
        prop_assert!(!page.to_ascii_lowercase().contains("href=\"javascript:"), "a javascript: link survived");
        prop_assert!(!md.contains("1337") && !page.contains("1337"), "user text was evaluated as a template");
        prop_assert!(!md.contains("LOOPLOOP"), "a user loop ran");
        check_markdown(&md, &s)?;
    }
}

#[test]
fn a_hundred_kilobyte_answer_renders() {
    let s = "<b>x</b> [a](b) ".repeat(100 * 1024 / 16);
    let doc = document(&poisoned(&s));
    let page = html(&doc, false);
    assert!(page.len() > 100 * 1024);
    assert!(!page.contains("<b>x</b>"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_combination_of_answers_reads_cleanly(project in generated_project()) {
        let doc = document(&project);
        let md = markdown(&doc);
        let problems = hygiene_problems(&md);
        prop_assert!(problems.is_empty(), "{}", problems.join("\n"));
        let page = html(&doc, false);
        prop_assert!(page.contains("</article>"));
        prop_assert!(policywright::validate(&project, library()).iter().all(|f| f.severity == policywright::Severity::Warning),
            "generated projects are valid: {:?}", policywright::validate(&project, library()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn hostile_text_renders_to_a_pdf(s in hostile()) {
        use policywright::render::{PdfRenderer, Renderer};
        let doc = document(&poisoned(&s));
        let rendered = PdfRenderer.render(&doc, library()).expect("renders");
        prop_assert!(rendered.bytes.starts_with(b"%PDF-"));
        prop_assert!(rendered.bytes.ends_with(b"%%EOF") || rendered.bytes.ends_with(b"%%EOF\n"));
    }
}

/// A link whose address hides its real host behind a user name (`https://trusted.example@evil`)
/// or carries a password is an error in validation, like any other text that is not a web
/// address, so it can never be exported as a link.
#[test]
fn urls_with_user_names_or_passwords_are_refused() {
    for url in [
        "https://trusted-bank.example@evil.example/login",
        "https://user:pass@evil.example/",
    ] {
        let mut p = example("saas");
        p.cookies.cookie_policy_url = Some(url.to_owned());
        let findings = policywright::validate(&p, library());
        let finding = findings
            .iter()
            .find(|f| f.field == "cookies.cookie_policy_url")
            .unwrap_or_else(|| panic!("{url} was accepted"));
        assert_eq!(finding.severity, policywright::Severity::Error);
        assert_eq!(finding.code, "url.credentials");
        assert!(
            finding.message.contains("user name or password"),
            "{}",
            finding.message
        );
    }
}

/// Owner text laced with bidirectional embeddings, overrides and isolates, between arbitrary
/// text and the marks U+200E/U+200F.
fn with_bidi_controls() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        prop::sample::select(vec![
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}',
        ])
        .prop_map(String::from),
        "\\PC{0,12}",
    ];
    prop::collection::vec(pieces, 1..8).prop_map(|v| v.concat())
}

/// Markdown with front matter, the HTML page and the HTML fragment of a document.
fn all_text_outputs(doc: &policywright::PolicyDocument) -> [(&'static str, String); 3] {
    use policywright::render::{MarkdownRenderer, Renderer};
    let md = MarkdownRenderer { front_matter: true }
        .render(doc, library())
        .expect("renders")
        .bytes;
    [
        ("markdown", String::from_utf8(md).expect("utf-8")),
        ("page", html(doc, false)),
        ("fragment", html(doc, true)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn bidi_controls_never_reach_an_output(s in with_bidi_controls()) {
        let doc = document(&poisoned(&s));
        for (name, out) in all_text_outputs(&doc) {
            let found = out.chars().find(|&c| policywright::text::is_bidi_control(c));
            prop_assert!(found.is_none(), "{name} has U+{:04X}", found.map_or(0, u32::from));
        }
    }
}

#[test]
fn bidi_marks_stay() {
    let doc = document(&poisoned("Kestrel \u{200F}עברית\u{200E} GmbH"));
    for (name, out) in all_text_outputs(&doc) {
        assert!(
            out.contains("\u{200F}עברית\u{200E}"),
            "{name} lost the marks"
        );
    }
}

/// Template syntax of Liquid (Jekyll, Eleventy), Nunjucks and Hugo, whole and in pieces, between
/// arbitrary text.
fn template_syntax() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        prop::sample::select(vec![
            "{{",
            "}}",
            "{%",
            "%}",
            "{#",
            "#}",
            "{{-",
            "{%-",
            "{{<",
            "{{%",
            "{",
            "}",
            "%",
            "#",
            "{{7|plus:1330}}",
            "{{ site.title }}",
            "{% raw %}",
            "{% comment",
            "{#id}",
        ])
        .prop_map(String::from),
        "\\PC{0,8}",
    ];
    prop::collection::vec(pieces, 1..8).prop_map(|v| v.concat())
}

/// `s` in every free-text field, and in the query and fragment of every URL field.
fn poisoned_with_urls(s: &str) -> Project {
    let mut p = poisoned(s);
    let url = |n: &str| Some(format!("https://{n}.example/p?q={s}#{s}"));
    p.organisation.website = url("website");
    p.products[0].url = url("product");
    p.rights.request_form_url = url("request-form");
    p.sale_and_sharing.opt_out_url = url("opt-out");
    p.cookies.cookie_policy_url = url("cookie-policy");
    if let Some(v) = p.vendors.custom.last_mut() {
        v.privacy_url = url("vendor-privacy");
        v.opt_out_url = url("vendor-opt-out");
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// No `{{`, `{%` or `{#` anywhere in the Markdown (front matter included), the HTML page or
    /// the fragment, so Liquid and Nunjucks find nothing to run; and the Markdown still shows
    /// every brace the owner typed.
    #[test]
    fn no_template_delimiter_reaches_an_output(s in template_syntax()) {
        let doc = document(&poisoned_with_urls(&s));
        for (name, out) in all_text_outputs(&doc) {
            for delimiter in ["{{", "{%", "{#"] {
                prop_assert!(!out.contains(delimiter), "{name} contains {delimiter}");
            }
        }
        let text: String = Parser::new(&markdown(&doc))
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.into_string()),
                _ => None,
            })
            .collect();
        let typed = s.chars().filter(|&c| c == '{').count();
        prop_assert!(
            text.matches('{').count() >= typed,
            "braces the owner typed are missing from the rendered Markdown"
        );
    }
}

/// Headings written from a template ("If you are in the EEA or the UK"), as benign answers
/// render them for every choice of regions they depend on.
fn templated_titles() -> &'static [String] {
    static TITLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TITLES.get_or_init(render_templated_titles)
}

fn render_templated_titles() -> Vec<String> {
    let regions = ["eu", "uk", "ch"];
    let mut titles = Vec::new();
    for mask in 1..(1 << regions.len()) {
        let mut p = example("saas");
        p.jurisdictions = regions
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, r)| (*r).to_owned())
            .collect();
        let doc = policywright::assemble(&p, library()).expect("assembles");
        titles.extend(doc.sections.into_iter().map(|s| s.title));
    }
    // The privacy contacts' heading names who there is: a data protection officer and a UK
    // representative (the SaaS example's), an EU representative (the shop's).
    let saas = example("saas").organisation;
    let (dpo, uk) = (saas.dpo, saas.uk_representative);
    let eu = example("shop").organisation.eu_representative;
    assert!(dpo.is_some() && eu.is_some() && uk.is_some());
    for mask in 1..8 {
        let mut p = example("saas");
        p.organisation.dpo = dpo.clone().filter(|_| mask & 1 != 0);
        p.organisation.eu_representative = eu.clone().filter(|_| mask & 2 != 0);
        p.organisation.uk_representative = uk.clone().filter(|_| mask & 4 != 0);
        let doc = policywright::assemble(&p, library()).expect("assembles");
        titles.extend(doc.sections.into_iter().map(|s| s.title));
    }
    titles
}

/// An address ending in a non-ASCII letter is a valid address, and its link carries it
/// percent-encoded; the check reads it back (this once failed the property test by chance).
#[test]
fn a_mailto_link_with_non_ascii_letters_is_recognised() {
    let link = policywright::text::email_link("owner@example.café");
    assert!(link.contains("<mailto:owner@example.caf%C3%A9>"), "{link}");
    assert!(allowed_destination("mailto:owner@example.caf%C3%A9"));
    assert!(!allowed_destination("mailto:owner%40evil"));
}
