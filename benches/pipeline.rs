//! Throughput of the pipeline and of each stage, in bytes per second (criterion prints MB/s),
//! with a bare aho-corasick scan over the same names as the reference point.
//!
//! Corpora (see benches/README.md): the 35 CC BY Wikinews articles of `benches/corpus/wikinews`
//! concatenated (142 KB), and synthetic news-like text of 1, 10 and 100 MB for the linear-cost
//! check. Every annotator and automaton is built, and lazy data warmed, before timing starts.

mod synthetic;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsnlp::stages::Stages;
use newsnlp::{Annotator, json, token};
use std::hint::black_box;
use std::time::Duration;

/// The Wikinews articles, in file-name order.
fn wikinews_articles() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir("benches/corpus/wikinews")
        .expect("run the benches from the repository root")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

/// The Wikinews corpus as one text: every article, separated by a blank line.
fn wikinews() -> String {
    wikinews_articles().join("\n\n")
}

/// Every name and alias of the embedded entity lists: the patterns of the reference scan.
fn gazetteer_patterns() -> Vec<&'static str> {
    let lists = [
        include_str!("../gazetteers/people.tsv"),
        include_str!("../gazetteers/prisons.tsv"),
        include_str!("../gazetteers/organizations.tsv"),
        include_str!("../gazetteers/politics.tsv"),
        include_str!("../gazetteers/places.tsv"),
    ];
    lists
        .iter()
        .flat_map(|list| list.lines().filter(|l| !l.starts_with('#')))
        .flat_map(|line| line.split('\t').skip(1))
        .collect()
}

fn reference_automaton() -> AhoCorasick {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(gazetteer_patterns()).unwrap()
}

fn stages(c: &mut Criterion) {
    let text = wikinews();
    let annotator = Annotator::new();
    let stages = Stages::new(&annotator, &text);
    let automaton = reference_automaton();
    let mut group = c.benchmark_group("wikinews");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tokenize", |b| b.iter(|| token::tokenize(black_box(&text))));
    group.bench_function("tokens+sentences", |b| b.iter(|| Stages::document(black_box(&text))));
    group.bench_function("gazetteer", |b| b.iter(|| stages.gazetteer()));
    group.bench_function("entities", |b| b.iter(|| stages.names()));
    group.bench_function("quotes", |b| b.iter(|| stages.quotes()));
    group.bench_function("annotate", |b| b.iter(|| annotator.annotate(black_box(&text))));
    group.bench_function("annotate+json", |b| {
        b.iter(|| json::to_string("bench", &text, &annotator.annotate(black_box(&text))))
    });
    group.bench_function("bare-aho-corasick", |b| b.iter(|| automaton.find_iter(black_box(&text)).count()));
    group.finish();

    // The same articles annotated one by one, as the command line and a library user annotate
    // them: each is a document of its own, whose working data stays in the cache.
    let articles = wikinews_articles();
    let mut group = c.benchmark_group("wikinews-articles");
    group.throughput(Throughput::Bytes(articles.iter().map(|a| a.len() as u64).sum()));
    group.bench_function("annotate", |b| {
        b.iter(|| articles.iter().map(|a| annotator.annotate(black_box(a)).mentions().len()).sum::<usize>())
    });
    group.bench_function("bare-aho-corasick", |b| {
        b.iter(|| articles.iter().map(|a| automaton.find_iter(black_box(a.as_str())).count()).sum::<usize>())
    });
    group.finish();
}

fn linear(c: &mut Criterion) {
    let annotator = Annotator::new();
    let automaton = reference_automaton();
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    for mb in [1usize, 10, 100] {
        let text = synthetic::news(mb << 20, 7);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("annotate", format!("{mb}MB")), &text, |b, text| {
            b.iter(|| annotator.annotate(black_box(text)))
        });
        group.bench_with_input(BenchmarkId::new("bare-aho-corasick", format!("{mb}MB")), &text, |b, text| {
            b.iter(|| automaton.find_iter(black_box(text.as_str())).count())
        });
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("gazetteer (compiled, read)", |b| b.iter(Stages::read_gazetteer));
    group.bench_function("lexicons (embedded)", |b| b.iter(Stages::parse_lexicons));
    // What an annotator with a user gazetteer costs: the embedded lists are built again at run
    // time, after the user's, so that user entries take precedence.
    group.bench_function("gazetteers (embedded lists, at run time)", |b| {
        b.iter(|| Annotator::builder().gazetteer_text("PERSON\tJosé Daniel Ferrer\n").build().unwrap())
    });
    group.bench_function("bare-aho-corasick automaton", |b| b.iter(reference_automaton));
    group.finish();
}

criterion_group!(benches, stages, linear, build);
criterion_main!(benches);
