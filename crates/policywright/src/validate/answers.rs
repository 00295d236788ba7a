//! Is each answer well formed? Emails, web addresses, dates, names, and ids that the catalogues
//! know. These checks read the raw answers: they judge the answers themselves, not what the
//! answers add up to (that is the topic modules' job, from the facts).

use std::collections::BTreeSet;

use super::registry::*;
use super::{At, Finding, Findings};
use crate::catalogue::Catalogues;
use crate::library::Library;
use crate::model::bounds::{self, Bound};
use crate::model::{CollectedData, Contact, CustomVendor, Project, PurposeUse, Retention};
use crate::text;
use crate::web_address::{UrlError, normalise_url};

/// The findings of the per-entry checks of the long lists (data, purposes and regions; vendors),
/// each kept with the answers it came from, so an edit elsewhere (a keystroke in the legal name)
/// does not check a thousand entries again. These checks read only those answers and the
/// catalogues, so equal answers give equal findings; the catalogues are told apart by address
/// (one memo serves one library, as the live preview's does).
///
/// Each custom vendor's findings are kept with that vendor at its position, so a keystroke in
/// one vendor checks that vendor alone. No check here compares one custom vendor with another
/// (checks across vendors read the facts and run every time, in the topic modules), and a
/// finding names its vendor by position and name, both part of what is compared.
#[derive(Debug, Default, Clone)]
pub struct FormMemo {
    lists: Option<Memo<ListAnswers>>,
    catalogue_vendors: Option<Memo<Vec<String>>>,
    custom_vendors: EntryMemo<CustomVendor>,
}

/// Per-entry findings of one list, by position: each entry with the findings it gave there.
#[derive(Debug, Clone)]
struct EntryMemo<T> {
    catalogues: usize,
    entries: Vec<(T, Vec<Finding>)>,
}

impl<T> Default for EntryMemo<T> {
    fn default() -> Self {
        EntryMemo {
            catalogues: 0,
            entries: Vec::new(),
        }
    }
}

impl<T: Clone + PartialEq> EntryMemo<T> {
    /// Adds the findings `check` makes for each of `list` to `f`: those remembered for an equal
    /// entry at the same position with the same catalogues, otherwise new ones, then kept.
    fn check(
        &mut self,
        list: &[T],
        cat: &Catalogues,
        check: impl Fn(usize, &T, &mut Findings),
        f: &mut Findings,
    ) {
        let catalogues = std::ptr::from_ref(cat) as usize;
        if self.catalogues != catalogues {
            self.catalogues = catalogues;
            self.entries.clear();
        }
        self.entries.truncate(list.len());
        for (i, entry) in list.iter().enumerate() {
            if let Some((kept, found)) = self.entries.get(i)
                && kept == entry
            {
                f.0.extend(found.iter().cloned());
                continue;
            }
            let mut found = Findings(Vec::new());
            check(i, entry, &mut found);
            f.0.extend(found.0.iter().cloned());
            let fresh = (entry.clone(), found.0);
            match self.entries.get_mut(i) {
                Some(slot) => *slot = fresh,
                None => self.entries.push(fresh),
            }
        }
    }
}

/// The answers [`lists`] checks: data, purposes and regions.
type ListAnswers = (Vec<CollectedData>, Vec<PurposeUse>, Vec<String>);

#[derive(Debug, Clone)]
struct Memo<K> {
    catalogues: usize,
    key: K,
    found: Vec<Finding>,
}

/// Adds the findings `check` makes to `f`: those remembered in `slot` when its answers are the
/// same (`same`) and it was made with `cat`, otherwise new ones, which `slot` then keeps.
fn memoised<K>(
    slot: &mut Option<Memo<K>>,
    cat: &Catalogues,
    same: impl FnOnce(&K) -> bool,
    key: impl FnOnce() -> K,
    check: impl FnOnce(&mut Findings),
    f: &mut Findings,
) {
    let catalogues = std::ptr::from_ref(cat) as usize;
    if let Some(memo) = slot.as_ref()
        && memo.catalogues == catalogues
        && same(&memo.key)
    {
        f.0.extend(memo.found.iter().cloned());
        return;
    }
    let mut found = Findings(Vec::new());
    check(&mut found);
    f.0.extend(found.0.iter().cloned());
    *slot = Some(Memo {
        catalogues,
        key: key(),
        found: found.0,
    });
}

pub(super) fn check(p: &Project, library: &Library, memo: &mut FormMemo, f: &mut Findings) {
    let cat = library.catalogues();
    if library.language(&p.language).is_none() {
        let known: Vec<&str> = library.languages().collect();
        f.add(
            &LANGUAGE_UNKNOWN,
            At::field("language"),
            format!(
                "The policy language \"{}\" is not available; the app offers {}.",
                p.language,
                known.join(", ")
            ),
        );
    }
    if p.effective_date.trim().is_empty() {
        f.add(
            &DATE_MISSING,
            At::field("effective_date"),
            "The policy has no date.",
        );
    } else if crate::assemble::parse_date(&p.effective_date).is_none() {
        f.add(
            &DATE_MALFORMED,
            At::field("effective_date"),
            format!("\"{}\" is not a date.", p.effective_date),
        );
    }
    organisation(p, cat, f);
    numbers(p, f);
    memoised(
        &mut memo.lists,
        cat,
        |(data, purposes, regions)| {
            data == &p.data && purposes == &p.purposes && regions == &p.jurisdictions
        },
        || (p.data.clone(), p.purposes.clone(), p.jurisdictions.clone()),
        |found| lists(p, cat, found),
        f,
    );
    memoised(
        &mut memo.catalogue_vendors,
        cat,
        |catalogue| catalogue == &p.vendors.catalogue,
        || p.vendors.catalogue.clone(),
        |found| catalogue_vendors(p, cat, found),
        f,
    );
    memo.custom_vendors.check(
        &p.vendors.custom,
        cat,
        |i, v, found| custom_vendor(i, v, cat, found),
        f,
    );
    url(
        f,
        At::field("cookies.cookie_policy_url"),
        &p.cookies.cookie_policy_url,
    );
    url(
        f,
        At::field("rights.request_form_url"),
        &p.rights.request_form_url,
    );
    url(
        f,
        At::field("sale_and_sharing.opt_out_url"),
        &p.sale_and_sharing.opt_out_url,
    );
    url(
        f,
        At::field("sensitive.health_data_policy_url"),
        &p.sensitive.health_data_policy_url,
    );
    url(f, At::field("governance.url"), &p.governance.url);
}

/// Every number the owner typed is in its range ([`bounds`]).
fn numbers(p: &Project, f: &mut Findings) {
    let mut check = |bound: &Bound, at: At, value: u32| {
        if let Some(message) = bound.problem(value) {
            f.add(&NUMBER_OUT_OF_RANGE, at, message);
        }
    };
    let answers = [
        (
            &bounds::BREACH_AUTHORITY_HOURS,
            p.breach.authority_within_hours,
        ),
        (&bounds::MINIMUM_AGE, p.children.minimum_age.map(u32::from)),
        (
            &bounds::MINORS_EXCLUDED_UNDER,
            p.minors.excluded_under.map(u32::from),
        ),
        (&bounds::AI_PROVIDER_KEEPS_DAYS, p.ai.provider_keeps_days),
        (&bounds::BACKUP_KEPT_DAYS, p.backups.kept_days),
    ];
    for (bound, value) in answers {
        if let Some(v) = value {
            check(bound, At::field(bound.path), v);
        }
    }
    for (i, d) in p.data.iter().enumerate() {
        let (bound, value) = match d.retention {
            Some(Retention::Period { amount, .. }) => (&bounds::RETENTION_AMOUNT, amount),
            Some(Retention::UntilAccountClosed { grace_days }) => {
                (&bounds::RETENTION_GRACE_DAYS, grace_days)
            }
            _ => continue,
        };
        let field = bound.path.trim_start_matches("data[*].");
        check(
            bound,
            At::item("data", i, "category", &d.category).child(field),
            value,
        );
    }
}

fn url(f: &mut Findings, at: At, value: &Option<String>) {
    let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
        return;
    };
    match normalise_url(v) {
        Ok(n) if n.insecure => {
            let message = format!("\"{v}\" is sent without encryption (http).");
            f.add(&URL_INSECURE, at, message);
        }
        Ok(_) => {}
        Err(UrlError::Credentials(_)) => {
            let message = format!("\"{v}\" has a user name or password before the \"@\".");
            f.add(&URL_CREDENTIALS, at, message);
        }
        Err(UrlError::Malformed(_)) => {
            f.add(&URL_MALFORMED, at, format!("\"{v}\" is not a web address."));
        }
    }
}

fn email(f: &mut Findings, at: At, value: &str) {
    let value = value.trim();
    if !value.is_empty() && !text::is_email(value) {
        f.add(
            &EMAIL_MALFORMED,
            at,
            format!("\"{value}\" is not an email address."),
        );
    }
}

fn country(f: &mut Findings, at: At, code: &str, cat: &Catalogues) {
    if cat.countries.contains_key(&code.trim().to_uppercase()) {
        return;
    }
    // A name typed into the file instead of a code: say which code it is.
    let message = match cat.resolve_country(code, "") {
        Ok(known) => format!("\"{code}\" is a country name; the answer needs its code, {known}."),
        Err(_) => format!("\"{code}\" is not a country we know."),
    };
    f.add(&COUNTRY_UNKNOWN, at, message);
}

fn organisation(p: &Project, cat: &Catalogues, f: &mut Findings) {
    let o = &p.organisation;
    if o.legal_name.trim().is_empty() {
        f.add(
            &LEGAL_NAME_MISSING,
            At::field("organisation.legal_name"),
            "Your organisation's legal name is missing.",
        );
    }
    if o.email.trim().is_empty() {
        f.add(
            &EMAIL_MISSING,
            At::field("organisation.email"),
            "There is no email address for privacy questions.",
        );
    }
    email(f, At::field("organisation.email"), &o.email);
    url(f, At::field("organisation.website"), &o.website);
    if o.address.country.trim().is_empty() {
        f.add(
            &COUNTRY_MISSING,
            At::field("organisation.address.country"),
            "Your organisation's country is missing.",
        );
    } else {
        country(
            f,
            At::field("organisation.address.country"),
            &o.address.country,
            cat,
        );
    }
    for (name, contact) in [
        ("dpo", &o.dpo),
        ("eu_representative", &o.eu_representative),
        ("uk_representative", &o.uk_representative),
    ] {
        contact_checks(f, name, contact.as_ref(), cat);
    }
    for (i, product) in p.products.iter().enumerate() {
        let at = At::item("products", i, "name", &product.name);
        if product.name.trim().is_empty() {
            f.add(
                &PRODUCT_NAME_MISSING,
                at.clone().child("name"),
                "This product has no name.",
            );
        }
        url(f, at.child("url"), &product.url);
    }
}

fn contact_checks(f: &mut Findings, name: &str, contact: Option<&Contact>, cat: &Catalogues) {
    let Some(c) = contact else { return };
    if c.name.trim().is_empty() {
        f.add(
            &CONTACT_NAME_MISSING,
            At::field(&format!("organisation.{name}.name")),
            "This contact has no name.",
        );
    }
    email(
        f,
        At::field(&format!("organisation.{name}.email")),
        &c.email,
    );
    let country_code = c.address.as_ref().map_or("", |a| a.country.trim());
    if !country_code.is_empty() {
        let at = At::field(&format!("organisation.{name}.address.country"));
        country(f, at, country_code, cat);
    }
}

/// Data categories, purposes and regions: known ids, each listed once.
fn lists(p: &Project, cat: &Catalogues, f: &mut Findings) {
    let mut seen = BTreeSet::new();
    for (i, d) in p.data.iter().enumerate() {
        let at = At::item("data", i, "category", &d.category);
        if cat.category(&d.category).is_none() {
            let message = format!("\"{}\" is not a data category we know.", d.category);
            f.add(&DATA_UNKNOWN, at.child("category"), message);
            continue;
        }
        if !seen.insert(d.category.as_str()) {
            f.add(
                &DATA_DUPLICATE,
                at.clone(),
                "This kind of data is listed twice.",
            );
        }
    }
    let mut seen = BTreeSet::new();
    for (i, u) in p.purposes.iter().enumerate() {
        let at = At::item("purposes", i, "purpose", &u.purpose);
        if cat.purpose(&u.purpose).is_none() {
            let message = format!("\"{}\" is not a purpose we know.", u.purpose);
            f.add(&PURPOSE_UNKNOWN, at.child("purpose"), message);
        } else if !seen.insert(u.purpose.as_str()) {
            f.add(&PURPOSE_DUPLICATE, at, "This purpose is listed twice.");
        }
    }
    for (i, id) in p.jurisdictions.iter().enumerate() {
        if cat.jurisdiction(id).is_none() {
            let known: Vec<&str> = cat.jurisdictions.iter().map(|j| j.id.as_str()).collect();
            f.add(
                &JURISDICTION_UNKNOWN,
                At::id("jurisdictions", i, id),
                format!(
                    "\"{id}\" is not a region we know; the regions are {}.",
                    known.join(", ")
                ),
            );
        }
    }
}

fn catalogue_vendors(p: &Project, cat: &Catalogues, f: &mut Findings) {
    for (i, id) in p.vendors.catalogue.iter().enumerate() {
        if cat.vendor(id).is_none() {
            f.add(
                &VENDOR_UNKNOWN,
                At::id("vendors.catalogue", i, id),
                format!("\"{id}\" is not a vendor in the catalogue."),
            );
        }
    }
}

/// The custom vendor at position `i`: it reads that vendor and the catalogues, nothing else.
fn custom_vendor(i: usize, v: &CustomVendor, cat: &Catalogues, f: &mut Findings) {
    let at = |field: &str| At::item("vendors.custom", i, "name", &v.name).child(field);
    if v.name.trim().is_empty() {
        f.add(&VENDOR_NAME_MISSING, at("name"), "This vendor has no name.");
    }
    if cat.vendor_category(&v.category).is_none() {
        let message = format!("\"{}\" is not a kind of vendor we know.", v.category);
        f.add(&VENDOR_KIND_UNKNOWN, at("category"), message);
    }
    url(f, at("privacy_url"), &v.privacy_url);
    url(f, at("opt_out_url"), &v.opt_out_url);
    for (k, code) in v.locations.iter().enumerate() {
        country(f, at(&format!("locations[{k}]")), code, cat);
    }
    for (k, c) in v.data.iter().enumerate() {
        if cat.category(c).is_none() {
            let message = format!("\"{c}\" is not a data category we know.");
            f.add(&VENDOR_DATA_UNKNOWN, at(&format!("data[{k}]")), message);
        }
    }
}

/// The owner's adjustments of catalogue vendors, group companies, and safeguards an older format
/// left unassigned.
pub(super) fn adjustments(p: &Project, cat: &Catalogues, f: &mut Findings) {
    for (i, a) in p.vendors.adjustments.iter().enumerate() {
        let at = |field: &str| At::item("vendors.adjustments", i, "vendor", &a.vendor).child(field);
        // An adjustment of a vendor the owner stopped using is kept, unused, for if they take it
        // up again: unticking a vendor must not turn into an error that blocks export.
        if cat.vendor(&a.vendor).is_none() {
            let message = format!(
                "You adjusted \"{}\", which is not a vendor in our catalogue.",
                a.vendor
            );
            f.add(&ADJUSTMENT_VENDOR_UNKNOWN, at("vendor"), message);
        }
        for (k, code) in a.locations.iter().flatten().enumerate() {
            country(f, at(&format!("locations[{k}]")), code, cat);
        }
        for (k, c) in a.data.iter().enumerate() {
            if cat.category(c).is_none() {
                let message = format!("\"{c}\" is not a data category we know.");
                f.add(&VENDOR_DATA_UNKNOWN, at(&format!("data[{k}]")), message);
            }
        }
    }
    for (i, g) in p.vendors.group_companies.iter().enumerate() {
        let at = At::item("vendors.group_companies", i, "name", &g.name).child("country");
        country(f, at, &g.country, cat);
    }
    let unassigned = &p.transfers.unassigned_safeguards;
    if !unassigned.is_empty() {
        let (n, them) = if unassigned.len() == 1 {
            ("one safeguard", "it")
        } else {
            ("safeguards", "them")
        };
        f.add(
            &UNASSIGNED_SAFEGUARDS,
            At::field("transfers.unassigned_safeguards"),
            format!(
                "An earlier version kept {n} for all transfers at once. Safeguards now belong to each recipient, so the policy no longer prints {them}."
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::{check_on, check_remembering};
    use super::*;
    use crate::facts::Facts;

    /// Findings with the memo, kept through a run of edits that each touch the remembered lists
    /// or leave them alone, equal a fresh check's after every edit. Fails when the memo misses a
    /// change of any list it keys on (the data, purposes, regions, catalogue or custom vendors).
    #[test]
    fn remembered_list_checks_equal_fresh_ones_through_a_run_of_edits() {
        let library = Library::load().expect("library loads");
        let mut project = crate::scale::large_project(&library, 40);
        let today = crate::versions::today();
        let mut memo = FormMemo::default();
        type Change = Box<dyn Fn(&mut Project)>;
        let edits: Vec<Change> = vec![
            Box::new(|_| {}),
            Box::new(|p| p.organisation.legal_name = "Renamed Ltd".into()),
            Box::new(|p| p.data[3].category = "not-a-category".into()),
            Box::new(|p| {
                let again = p.purposes[0].clone();
                p.purposes.push(again);
            }),
            Box::new(|p| p.purposes[1].purpose = "no-such-purpose".into()),
            Box::new(|p| p.jurisdictions.push("mars".into())),
            Box::new(|p| p.vendors.catalogue.push("no-such-vendor".into())),
            Box::new(|p| p.vendors.custom[0].privacy_url = Some("http://example.com".into())),
            Box::new(|p| p.vendors.custom[1].name = String::new()),
            // One vendor at a time, as keystrokes edit them: each changes only its own findings.
            Box::new(|p| {
                p.vendors.custom[1].name = "Named again".into();
                p.vendors.custom[1].opt_out_url = Some("http://optout.example".into());
            }),
            Box::new(|p| p.vendors.custom[7].locations.push("Atlantis".into())),
            Box::new(|p| p.vendors.custom[7].category = "no-such-kind".into()),
            // Positions shift: every later vendor's findings name a new position.
            Box::new(|p| {
                p.vendors.custom.remove(0);
            }),
            Box::new(|p| {
                let again = p.vendors.custom[6].clone();
                p.vendors.custom.insert(0, again);
            }),
            Box::new(|p| p.vendors.custom.truncate(3)),
            Box::new(|p| p.data.truncate(5)),
            Box::new(|p| p.vendors.custom.clear()),
            Box::new(|p| *p = Project::blank()),
        ];
        let mut distinct = BTreeSet::new();
        for (n, edit) in edits.iter().enumerate() {
            edit(&mut project);
            let facts = Facts::derive(&project, library.catalogues());
            let remembered = check_remembering(&facts, &library, today, &mut memo);
            let fresh = check_on(&facts, &library, today);
            assert_eq!(remembered, fresh, "after edit {n}");
            distinct.insert(format!("{fresh:?}"));
        }
        // Each edit changed what was found, so a stale memo could not pass unseen.
        assert_eq!(distinct.len(), edits.len() - 1);
    }
}
