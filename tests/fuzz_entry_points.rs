//! The fuzz targets' entry points (`fuzz/src/lib.rs`), run on stable Rust as a property
//! test: each seed of `fuzz/corpus/TARGET/`, and a bounded number of random mutations of
//! them (bytes replaced, inserted, deleted, and pieces of other seeds spliced in). The
//! coverage-guided runs under cargo-fuzz go much further; this keeps every target honest in
//! every `cargo test`.

#[allow(dead_code, missing_docs)]
#[path = "../fuzz/src/lib.rs"]
mod entry;

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let seeds: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(!seeds.is_empty(), "{target} has seeds");
    seeds
}

/// One mutation: at a position (a fraction of the length), what to do.
#[derive(Debug, Clone)]
enum Edit {
    Replace(f64, u8),
    Insert(f64, Vec<u8>),
    Delete(f64, usize),
    Splice(f64, usize, f64, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let interesting = prop::sample::select(b"\"'[]{}()=,.\n\\#:-_ 0129aznot".to_vec());
    prop_oneof![
        (0.0..1.0, prop_oneof![any::<u8>(), interesting.clone()]).prop_map(|(at, b)| Edit::Replace(at, b)),
        (0.0..1.0, prop::collection::vec(interesting, 1..8)).prop_map(|(at, b)| Edit::Insert(at, b)),
        (0.0..1.0, 1..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0.0..1.0, any::<usize>(), 0.0..1.0, 1..200usize).prop_map(|(at, s, from, n)| Edit::Splice(at, s, from, n)),
    ]
}

fn mutate(seeds: &[Vec<u8>], pick: usize, edits: &[Edit]) -> Vec<u8> {
    let mut data = seeds[pick % seeds.len()].clone();
    let place = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
    for e in edits {
        match e {
            Edit::Replace(at, b) if !data.is_empty() => {
                let i = place(*at, data.len() - 1);
                data[i] = *b;
            }
            Edit::Replace(..) => {}
            Edit::Insert(at, bytes) => {
                let i = place(*at, data.len());
                data.splice(i..i, bytes.iter().copied());
            }
            Edit::Delete(at, n) => {
                let i = place(*at, data.len());
                let end = (i + n).min(data.len());
                data.drain(i..end);
            }
            Edit::Splice(at, s, from, n) => {
                let other = &seeds[s % seeds.len()];
                let start = place(*from, other.len());
                let piece = other[start..(start + n).min(other.len())].to_vec();
                let i = place(*at, data.len());
                data.splice(i..i, piece);
            }
        }
    }
    data
}

/// Runs `target` on each seed, then on `cases` mutations of them.
fn run(name: &str, cases: u32, target: fn(&[u8])) {
    let seeds = seeds(name);
    for seed in &seeds {
        target(seed);
    }
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (any::<usize>(), prop::collection::vec(edit(), 1..6));
    runner
        .run(&strategy, |(pick, edits)| {
            target(&mutate(&seeds, pick, &edits));
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
}

#[test]
fn answers_reader_to_reports() {
    run("answers", 48, entry::answers);
}

#[test]
fn survey_file_saves_what_reads_back() {
    run("survey_file", 200, entry::survey_file);
}

#[test]
fn rules_loader() {
    run("rules", 48, entry::rules);
}

#[test]
fn condition_parser() {
    run("condition", 1_000, entry::condition);
}

#[test]
fn templates() {
    run("template", 64, entry::template);
}
