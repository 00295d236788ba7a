//! The preview's hot path: assemble the largest example and render it to HTML.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use policywright::render::{HtmlRenderer, MarkdownRenderer, PdfRenderer, Renderer};
use policywright::{Library, assemble, examples, project_file};

fn largest_example() -> policywright::Project {
    let largest = examples::EXAMPLES
        .iter()
        .max_by_key(|e| e.text.len())
        .expect("examples exist");
    project_file::parse(largest.text, Path::new(largest.name)).expect("example parses")
}

fn bench(c: &mut Criterion) {
    let library = Library::load().expect("library loads");
    let project = largest_example();
    c.bench_function("assemble + html page (largest example)", |b| {
        b.iter(|| {
            let doc = assemble(black_box(&project), &library).expect("assembles");
            HtmlRenderer { fragment: false }
                .render(&doc, &library)
                .expect("renders")
        })
    });
    c.bench_function("assemble + html fragment (largest example)", |b| {
        b.iter(|| {
            let doc = assemble(black_box(&project), &library).expect("assembles");
            HtmlRenderer { fragment: true }
                .render(&doc, &library)
                .expect("renders")
        })
    });
    let doc = assemble(&project, &library).expect("assembles");
    c.bench_function("markdown only (largest example)", |b| {
        b.iter(|| {
            MarkdownRenderer { front_matter: true }
                .render(black_box(&doc), &library)
                .expect("renders")
        })
    });
    c.bench_function("pdf only (largest example)", |b| {
        b.iter(|| {
            PdfRenderer
                .render(black_box(&doc), &library)
                .expect("renders")
        })
    });
    c.bench_function("library load", |b| {
        b.iter(|| Library::load().expect("loads"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
