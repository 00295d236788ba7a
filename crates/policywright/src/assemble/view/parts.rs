//! The view as the templates' context: one template value per top-level name, each with the
//! assembly since which it has had its value.
//!
//! Turning the whole view into template values took more than a millisecond of a keystroke on a
//! 1,000-entry project, and comparing the values each remembered section read took more still
//! (the vendor list alone has thousands of strings). A keystroke changes one or two of the ~60
//! top-level names. So each part of the view is compared with the previous view's (plain Rust
//! equality, which costs little), and an equal part keeps its template value and its `since`:
//! a section written in or after that assembly read exactly this value. A part that differs is
//! converted again and its `since` is the current assembly. A `since` that is too new only makes
//! a section be written again; it never keeps an old text.

use std::collections::HashMap;

use minijinja::Value;
use minijinja::value::Serde;

use super::View;

/// One top-level name's template value.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    /// Its value, as templates see it.
    pub(crate) value: Value,
    /// The assembly since which it has had this value (equal parts of the views in between).
    pub(crate) since: u64,
}

/// The context's top-level names and their values.
pub(crate) type Parts = HashMap<String, Part>;

impl View {
    /// The context for assembly number `assembly`: each part equal to the same part of
    /// `previous` (the last assembly's view and context) keeps its value and `since`; the others
    /// are converted. The flattened `disclosures` are one part here, whose names all keep or all
    /// change.
    pub(crate) fn parts(&self, previous: Option<(&View, &Parts)>, assembly: u64) -> Parts {
        let mut parts = Parts::with_capacity(96);
        self.put_fields(previous, assembly, &mut parts);
        match previous {
            // Every name of the old context that is not a field is one of the disclosures'.
            Some((view, old)) if view.disclosures == self.disclosures => {
                for (name, part) in old {
                    if !parts.contains_key(name) {
                        parts.insert(name.clone(), part.clone());
                    }
                }
            }
            _ => {
                let flat = Value::from(Serde(&self.disclosures));
                if let Ok(names) = flat.try_iter() {
                    for name in names {
                        let value = flat.get_item(&name).unwrap_or(Value::UNDEFINED);
                        let part = Part {
                            value,
                            since: assembly,
                        };
                        parts.insert(name.to_string(), part);
                    }
                }
            }
        }
        parts
    }
}

/// Defines `View::put_fields`, which puts each listed field's part into `parts`: kept from
/// `previous` when equal, else converted. The fields are destructured without `..`, so a field
/// added to the view and not listed here is a compile error instead of a name missing from the
/// context.
macro_rules! put_fields {
    ($($field:ident),* $(,)?) => {
        impl View {
            fn put_fields(&self, previous: Option<(&View, &Parts)>, assembly: u64, parts: &mut Parts) {
                let View { $($field,)* disclosures: _ } = self;
                $(
                    let kept = previous
                        .filter(|(view, _)| view.$field == *$field)
                        .and_then(|(_, old)| old.get(stringify!($field)));
                    let part = match kept {
                        Some(part) => part.clone(),
                        None => Part {
                            value: Value::from(Serde($field)),
                            since: assembly,
                        },
                    };
                    parts.insert(stringify!($field).to_owned(), part);
                )*
            }
        }
    };
}

put_fields!(
    org,
    effective_date,
    effective_date_iso,
    last_updated,
    last_updated_iso,
    versions,
    products,
    processes_customer_data,
    data,
    collected,
    has_special,
    special_data,
    sensitive_pi,
    required,
    required_by_law,
    required_by_law_for,
    optional,
    sources,
    from_others,
    ccpa_categories,
    purposes,
    bases,
    uses_consent,
    uses_legitimate_interests,
    direct_marketing,
    vendors,
    vendor_groups,
    own_purpose_vendors,
    third_parties,
    group_companies,
    tax_records,
    vendor_table,
    cookies,
    in_jurisdiction,
    europe,
    us,
    jurisdictions,
    children,
    marketing,
    sale,
    automated,
    transfers,
    security,
    backups,
    breach,
    rights,
    changes,
    style,
    ai,
    claims,
    law,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Facts;
    use crate::library::Library;
    use crate::model::Project;

    fn view(project: &Project, library: &Library) -> View {
        let facts = Facts::derive(project, library.catalogues());
        let strings = &library.language("en").expect("en").strings;
        View::build(&facts, library.law(), library.claims(), strings)
    }

    /// Strict: JSON tells `1` from `true` and `1.0`, which template equality does not.
    fn json(value: &Value) -> String {
        serde_json::to_string(value).expect("serialises")
    }

    fn projects(library: &Library) -> Vec<Project> {
        let mut all: Vec<Project> = crate::examples::EXAMPLES
            .iter()
            .map(|e| {
                crate::project_file::parse(e.text, std::path::Path::new(e.name)).expect("parses")
            })
            .collect();
        all.push(crate::scale::large_project(library, 40));
        all.push(Project::blank());
        all
    }

    /// The parts are the view as one value would be, name for name, flattened disclosures and
    /// all: no name missing, none extra, none different.
    #[test]
    fn the_parts_are_the_whole_view() {
        let library = Library::load().expect("library loads");
        for project in projects(&library) {
            let view = view(&project, &library);
            let whole = Value::from(Serde(&view));
            let parts = view.parts(None, 1);
            let names: Vec<Value> = whole.try_iter().expect("a map").collect();
            assert_eq!(
                names.len(),
                parts.len(),
                "{}",
                project.organisation.legal_name
            );
            for name in names {
                let part = parts.get(name.as_str().expect("a name")).expect("present");
                let value = whole.get_item(&name).expect("present");
                assert_eq!(json(&part.value), json(&value), "{name}");
                assert_eq!(part.since, 1);
            }
        }
    }

    /// After an edit, the parts that stayed equal keep their value and `since`; those that
    /// changed are new, dated this assembly; and each is what a fresh conversion gives.
    #[test]
    fn equal_parts_are_kept_and_changed_ones_made_again() {
        let library = Library::load().expect("library loads");
        let mut edited = crate::scale::large_project(&library, 40);
        let first = view(&edited, &library);
        let old = first.parts(None, 1);
        edited.organisation.legal_name = "Renamed Ltd".to_owned();
        edited.vendors.catalogue.pop();
        let second = view(&edited, &library);
        let parts = second.parts(Some((&first, &old)), 2);
        let fresh = second.parts(None, 2);
        assert_eq!(parts.len(), fresh.len());
        for (name, part) in &parts {
            assert_eq!(json(&part.value), json(&fresh[name].value), "{name}");
            let changed = json(&old[name].value) != json(&part.value);
            assert_eq!(part.since, if changed { 2 } else { 1 }, "{name}");
        }
        for changed in ["org", "vendors"] {
            assert_eq!(parts[changed].since, 2, "{changed}");
        }
        assert_eq!(parts["law"].since, 1);
    }
}
