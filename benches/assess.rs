//! How long the main jobs take: loading and validating the built-in rule set, reading an
//! answers file, assessing it, and rendering each report format. Prints figures; run with
//! `cargo bench`. Machines are shared and noisy, so compare runs on one machine only.

use std::hint::black_box;
use std::time::{Duration, Instant};

use readiness::answers::{Syntax, parse};
use readiness::io::SourceFile;
use readiness::report::{Format, RenderOptions, render};
use readiness::rules::{RulesLocation, load};

/// Runs `f` repeatedly for about a second and prints the mean and best time per run.
fn measure(name: &str, mut f: impl FnMut()) {
    for _ in 0..3 {
        f();
    }
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) || times.len() < 10 {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    let best = times.iter().min().unwrap();
    println!(
        "{name:<32} {:>6} runs  mean {mean:>10.1?}  best {best:>10.1?}",
        times.len()
    );
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = SourceFile {
        name: "samples/preparing-district.toml".into(),
        text: std::fs::read_to_string(root.join("samples/preparing-district.toml")).unwrap(),
    };
    measure("load + validate ctq", || {
        black_box(load(&RulesLocation::BuiltIn("ctq".into())).unwrap());
    });
    measure("load + validate dp", || {
        black_box(load(&RulesLocation::BuiltIn("dp".into())).unwrap());
    });
    let framework = load(&RulesLocation::default()).unwrap().framework;
    measure("parse answers", || {
        black_box(parse(&framework, &sample, Syntax::Toml).unwrap());
    });
    let answers = parse(&framework, &sample, Syntax::Toml).unwrap();
    measure("assess", || {
        black_box(readiness::assess::assess(&framework, &answers));
    });
    measure("explain", || {
        black_box(readiness::assess::explain::explain(&framework, &answers));
    });
    let assessment = readiness::assess::assess(&framework, &answers);
    let context = readiness::report::context(
        &framework,
        &answers,
        &assessment,
        "2026-01-15",
        &readiness::report::ReportOptions::default(),
        None,
    );
    for (name, format) in [
        ("render text", Format::Text),
        ("render markdown", Format::Markdown),
        ("render html", Format::Html),
    ] {
        measure(name, || {
            black_box(render(format, &context, &RenderOptions::default()).unwrap());
        });
    }
    measure("golden cases ctq", || {
        black_box(readiness::assess::golden::run_all(&framework).unwrap());
    });
}
