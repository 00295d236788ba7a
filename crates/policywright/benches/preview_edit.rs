//! One keystroke on the 1,000-entry project (`policywright::scale::large_project`), as the app
//! handles it: the Rust side of the preview command, and its parts, so a change can show where
//! the time went.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use policywright::assemble::{SectionMemo, assemble_facts};
use policywright::preview::{Edit, LivePreview};
use policywright::render::body_html;
use policywright::validate::{FormMemo, check_remembering};
use policywright::{Facts, Library, Project, assemble, preview, scale, validate};

/// The project after the `n`th keystroke in the organisation's legal name.
fn typed(base: &Project, n: usize) -> Project {
    let mut project = base.clone();
    project.organisation.legal_name = format!("Cloudberry Analytics GmbH {n}");
    project
}

fn bench(c: &mut Criterion) {
    let library = Library::load().expect("library loads");
    let base = scale::large_project(&library, 1000);
    let json = serde_json::to_string(&base).expect("serialises");
    eprintln!("1,000-entry project: {} bytes of JSON", json.len());

    let mut group = c.benchmark_group("one edit, 1,000-entry project");
    let mut n = 0;
    group.bench_function(
        "full preview over IPC (before: JSON in, every section out)",
        |b| {
            b.iter(|| {
                n += 1;
                let text = serde_json::to_string(&typed(&base, n)).expect("serialises");
                let project: Project = serde_json::from_str(black_box(&text)).expect("parses");
                let preview = preview::preview(&project, &library).expect("previews");
                serde_json::to_string(&preview).expect("serialises")
            })
        },
    );
    let (mut live, _) = LivePreview::open(base.clone(), &library).expect("opens");
    let sizes = |live: &mut LivePreview| {
        let edit = r#"[{"op":"set","path":["organisation","legal_name"],"value":"Renamed"}]"#;
        let edits: Vec<Edit> = serde_json::from_str(edit).expect("parses");
        let update = live.edit(&edits, &library).expect("edits");
        let full = preview::preview(&typed(&base, 0), &library).expect("previews");
        eprintln!(
            "IPC per keystroke: before {} bytes in + {} out; after {} in + {} out",
            json.len(),
            serde_json::to_string(&full).expect("serialises").len(),
            edit.len(),
            serde_json::to_string(&update).expect("serialises").len()
        );
    };
    sizes(&mut live);
    let edit = r#"[{"op":"set","path":["vendors","custom",0,"name"],"value":"Renamed vendor"}]"#;
    let edits: Vec<Edit> = serde_json::from_str(edit).expect("parses");
    let update = live.edit(&edits, &library).expect("edits");
    eprintln!(
        "IPC per keystroke in a vendor's name: {} in + {} out",
        edit.len(),
        serde_json::to_string(&update).expect("serialises").len()
    );
    let mut n = 0;
    group.bench_function("incremental edit over IPC (after: edit in, changed sections out)", |b| {
        b.iter(|| {
            n += 1;
            let text = format!(
                r#"[{{"op":"set","path":["organisation","legal_name"],"value":"Cloudberry Analytics GmbH {n}"}}]"#
            );
            let edits: Vec<Edit> = serde_json::from_str(black_box(&text)).expect("parses");
            let update = live.edit(&edits, &library).expect("edits");
            serde_json::to_string(&update).expect("serialises")
        })
    });
    // A keystroke in a vendor's name changes the vendor-wide parts of the clause context, so
    // more is converted and written again than for the legal name.
    let mut n = 0;
    group.bench_function("incremental edit of a custom vendor's name", |b| {
        b.iter(|| {
            n += 1;
            let text = format!(
                r#"[{{"op":"set","path":["vendors","custom",0,"name"],"value":"Vendor number 0 Ltd {n}"}}]"#
            );
            let edits: Vec<Edit> = serde_json::from_str(black_box(&text)).expect("parses");
            let update = live.edit(&edits, &library).expect("edits");
            serde_json::to_string(&update).expect("serialises")
        })
    });
    let json_value = serde_json::to_value(&base).expect("serialises");
    group.bench_function(
        "part: project from its JSON value (applying an edit)",
        |b| {
            b.iter(|| {
                use serde::Deserialize;
                Project::deserialize(black_box(&json_value)).expect("parses")
            })
        },
    );
    group.bench_function("part: project to and from JSON", |b| {
        b.iter(|| {
            let text = serde_json::to_string(black_box(&base)).expect("serialises");
            serde_json::from_str::<Project>(&text).expect("parses")
        })
    });
    group.bench_function("part: assemble", |b| {
        b.iter(|| assemble(black_box(&base), &library).expect("assembles"))
    });
    group.bench_function("part: facts", |b| {
        b.iter(|| {
            Facts::derive(black_box(&base), library.catalogues())
                .data
                .collected
                .len()
        })
    });
    let mut memo = SectionMemo::default();
    let mut n = 0;
    group.bench_function(
        "part: assemble, remembering unchanged sections (a legal-name edit)",
        |b| {
            b.iter(|| {
                n += 1;
                let project = typed(&base, n);
                let facts = Facts::derive(&project, library.catalogues());
                assemble_facts(black_box(&facts), &library, &mut memo).expect("assembles")
            })
        },
    );
    group.bench_function("part: validate", |b| {
        b.iter(|| validate(black_box(&base), &library))
    });
    let facts = Facts::derive(&base, library.catalogues());
    let today = policywright::versions::today();
    let mut form = FormMemo::default();
    group.bench_function(
        "part: validate, remembering the long lists' checks (unchanged lists)",
        |b| b.iter(|| check_remembering(black_box(&facts), &library, today, &mut form)),
    );
    group.bench_function("part: clone the project", |b| {
        b.iter(|| black_box(&base).clone())
    });
    let doc = assemble(&base, &library).expect("assembles");
    group.bench_function("part: HTML of every section", |b| {
        b.iter(|| {
            doc.sections
                .iter()
                .map(|s| body_html(black_box(&s.body)))
                .collect::<Vec<_>>()
        })
    });
    let full = preview::preview(&base, &library).expect("previews");
    group.bench_function("part: preview to JSON", |b| {
        b.iter(|| serde_json::to_string(black_box(&full)).expect("serialises"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
