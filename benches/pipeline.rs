//! Throughput of the pipeline stages on news text, in bytes per second (criterion prints MB/s).
//!
//! The corpus is the CC BY Wikinews articles of `tests/data/wikinews`, concatenated. The default
//! annotator is built (and its lazy data warmed) before any timing starts.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsnlp::{Annotator, json, sentence, token};
use std::hint::black_box;

fn corpus() -> String {
    let mut paths: Vec<_> = std::fs::read_dir("tests/data/wikinews")
        .expect("run the benches from the repository root")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect::<Vec<_>>().join("\n")
}

fn stages(c: &mut Criterion) {
    let text = corpus();
    let annotator = Annotator::new();
    black_box(annotator.annotate(&text));
    let mut group = c.benchmark_group("wikinews");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tokenize", |b| b.iter(|| token::tokenize(black_box(&text))));
    let tokens = token::tokenize(&text);
    group.bench_function("sentences", |b| b.iter(|| sentence::split(black_box(&text), black_box(&tokens))));
    group.bench_function("annotate", |b| b.iter(|| annotator.annotate(black_box(&text))));
    group.bench_function("annotate+json", |b| {
        b.iter(|| {
            let annotations = annotator.annotate(black_box(&text));
            json::to_string("bench", &text, &annotations)
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
