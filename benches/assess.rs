//! How long the main jobs take: loading and validating the built-in rule set, reading an
//! answers file, assessing it, and rendering each report format. Prints figures; run with
//! `cargo bench`. Machines are shared and noisy, so compare runs on one machine only.

#[path = "../tests/common/generated.rs"]
mod generated;

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
    large();
}

/// A generated rule set of 1,000 questions and 1,000 rules of eight terms, and answers files
/// of 100,000 keys: nothing may grow faster than the input.
fn large() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = generated::write_rule_set(dir.path(), 1_000, 1_000);
    let location = RulesLocation::Path(manifest);
    measure("load + validate 1,000 q, 1,000 rules", || {
        black_box(load(&location).unwrap());
    });
    let framework = load(&location).unwrap().framework;
    let file = SourceFile {
        name: "answers.toml".into(),
        text: generated::answers(1_000),
    };
    let answers = parse(&framework, &file, Syntax::Toml).unwrap();
    measure("assess 1,000 questions", || {
        black_box(readiness::assess::assess(&framework, &answers));
    });
    measure("explain 1,000 questions", || {
        black_box(readiness::assess::explain::explain(&framework, &answers));
    });
    // 100,000 keys that are no question: every one is reported, with its line and column.
    let ctq = load(&RulesLocation::default()).unwrap().framework;
    let keys = 100_000;
    let toml = SourceFile {
        name: "keys.toml".into(),
        text: format!(
            "[profile]\norganization = \"Big\"\norg_type = \"district\"\n\n[extra]\n{}",
            (0..keys).map(|i| format!("k{i} = \"v\"\n")).collect::<String>()
        ),
    };
    let json = SourceFile {
        name: "keys.json".into(),
        text: format!(
            "{{\"profile\": {{\"organization\": \"Big\", \"org_type\": \"district\"}},\n\"extra\": {{\n{}\n}}}}",
            (0..keys)
                .map(|i| format!("\"k{i}\": \"v\""))
                .collect::<Vec<_>>()
                .join(",\n")
        ),
    };
    measure("read 100,000 keys, TOML", || {
        black_box(parse(&ctq, &toml, Syntax::Toml).unwrap_err());
    });
    measure("read 100,000 keys, JSON", || {
        black_box(parse(&ctq, &json, Syntax::Json).unwrap_err());
    });
}
