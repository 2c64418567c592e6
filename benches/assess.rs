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

/// Runs `f` repeatedly for about a second and prints the median, mean and best time per
/// run; returns the median.
fn measure(name: &str, mut f: impl FnMut()) -> Duration {
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
    times.sort();
    let median = times[times.len() / 2];
    let best = times[0];
    println!(
        "{name:<36} {:>7} runs  median {median:>10.1?}  mean {mean:>10.1?}  best {best:>10.1?}",
        times.len()
    );
    median
}

/// The ratio of the median time of `slow` to that of `fast`, timed in alternate blocks of
/// about a fifth of a millisecond each for about two seconds, so that a spell of noise on a
/// shared machine slows both alike. The first run of each block, which finds the caches
/// filled by the other function, is left out. Prints both medians.
fn side_by_side(name: &str, mut fast: impl FnMut(), mut slow: impl FnMut()) -> f64 {
    fn block(f: &mut impl FnMut(), times: &mut Vec<Duration>) {
        f();
        let start = Instant::now();
        while start.elapsed() < Duration::from_micros(200) {
            let t = Instant::now();
            f();
            times.push(t.elapsed());
        }
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) || a.len() < 10 || b.len() < 10 {
        block(&mut fast, &mut a);
        block(&mut slow, &mut b);
    }
    a.sort();
    b.sort();
    let (a, b) = (a[a.len() / 2], b[b.len() / 2]);
    println!("{name:<36} in alternate blocks: medians {a:>10.1?} and {b:>10.1?}");
    b.as_secs_f64() / a.as_secs_f64()
}

/// Prints a ratio against its target.
fn target(name: &str, value: f64, limit: f64, unit: &str) {
    let verdict = if value <= limit { "met" } else { "NOT met" };
    println!("  target {name:<44} {value:>9.2}{unit} (≤ {limit}{unit}): {verdict}");
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
    let assess_time = measure("assess", || {
        black_box(readiness::assess::assess(&framework, &answers));
    });
    // What an assessment decides, before its words are written (no target: for the split).
    measure("outline (decisions only)", || {
        black_box(readiness::assess::outline(&framework, &answers));
    });
    measure("explain", || {
        black_box(readiness::assess::explain::explain(&framework, &answers));
    });
    let ratio = side_by_side(
        "assess, explain",
        || {
            black_box(readiness::assess::assess(&framework, &answers));
        },
        || {
            black_box(readiness::assess::explain::explain(&framework, &answers));
        },
    );
    target("assess, built-in framework", micros(assess_time), 3.0, " µs");
    target("explain / assess, built-in framework", ratio, 10.0, "×");
    let assessment = readiness::assess::assess(&framework, &answers);
    let context = readiness::report::context(
        &framework,
        &answers,
        &assessment,
        "2026-01-15",
        &readiness::report::ReportOptions::default(),
        None,
    );
    // Handlebars renders from the context made a JSON value; the direct renderer from a
    // lighter copy of it.
    measure("report context as a JSON value", || {
        black_box(serde_json::to_value(&context).unwrap());
    });
    // What the direct renderer reads instead: the same tree, field names borrowed.
    measure("report context as the direct renderer's value", || {
        black_box(readiness::report::direct::to_value(&context).unwrap());
    });
    for (name, format) in [
        ("render text", Format::Text),
        ("render markdown", Format::Markdown),
        ("render html", Format::Html),
    ] {
        let time = measure(name, || {
            black_box(render(format, &context, &RenderOptions::default()).unwrap());
        });
        if format != Format::Markdown {
            target(name, micros(time), 300.0, " µs");
        }
    }
    measure("golden cases ctq", || {
        black_box(readiness::assess::golden::run_all(&framework).unwrap());
    });
    peer();
    scaling();
    large();
}

/// Generated rule sets from 30 to 5,000 questions (with a rule per three questions): the
/// time per question of loading, reading answers, assessing and rendering a text report at
/// each size, and the largest size's against the smallest's (target under 3×).
fn scaling() {
    let sizes = [30, 300, 1_000, 5_000];
    let mut rows: Vec<(&str, Vec<f64>)> = ["load", "parse", "assess", "render text"]
        .iter()
        .map(|n| (*n, Vec::new()))
        .collect();
    for &n in &sizes {
        let dir = tempfile::tempdir().unwrap();
        let location = RulesLocation::Path(generated::write_rule_set(dir.path(), n, n / 3));
        let per = |d: Duration| d.as_secs_f64() * 1e9 / n as f64;
        let t = measure(&format!("load {n} questions"), || {
            black_box(load(&location).unwrap());
        });
        rows[0].1.push(per(t));
        let framework = load(&location).unwrap().framework;
        let file = SourceFile {
            name: "answers.toml".into(),
            text: generated::answers(n),
        };
        let t = measure(&format!("parse {n} questions"), || {
            black_box(parse(&framework, &file, Syntax::Toml).unwrap());
        });
        rows[1].1.push(per(t));
        let answers = parse(&framework, &file, Syntax::Toml).unwrap();
        let t = measure(&format!("assess {n} questions"), || {
            black_box(readiness::assess::assess(&framework, &answers));
        });
        rows[2].1.push(per(t));
        let assessment = readiness::assess::assess(&framework, &answers);
        let context = readiness::report::context(
            &framework,
            &answers,
            &assessment,
            "2026-01-15",
            &readiness::report::ReportOptions::default(),
            None,
        );
        let t = measure(&format!("render text {n} questions"), || {
            black_box(render(Format::Text, &context, &RenderOptions::default()).unwrap());
        });
        rows[3].1.push(per(t));
    }
    println!("time per question (ns) at {sizes:?} questions:");
    for (name, per) in &rows {
        let cells: Vec<String> = per.iter().map(|p| format!("{p:>9.0}")).collect();
        println!("  {name:<12} {}", cells.join(" "));
        target(
            &format!("{name}: per question, largest / smallest"),
            per[per.len() - 1] / per[0],
            3.0,
            "×",
        );
    }
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// The peer-shaped workload: a generated rule set of 30 questions and 20 rules of eight
/// terms, assessed by `readiness` and by [`floor::Floor`], a minimal evaluator of the same
/// rules written by hand; both must decide the same.
fn peer() {
    let dir = tempfile::tempdir().unwrap();
    let location = RulesLocation::Path(generated::write_rule_set(dir.path(), floor::QUESTIONS, floor::RULES));
    let framework = load(&location).unwrap().framework;
    let file = SourceFile {
        name: "answers.toml".into(),
        text: generated::answers(floor::QUESTIONS),
    };
    let answers = parse(&framework, &file, Syntax::Toml).unwrap();
    let floor = floor::Floor::new();
    let decided = floor.assess(&answers);
    let assessment = readiness::assess::assess(&framework, &answers);
    let ours = floor::Decided {
        scores: assessment.phases.iter().map(|p| p.score).collect(),
        current: assessment.phases.iter().position(|p| !p.met),
        fired: assessment.recommendations.iter().map(|r| r.id.to_string()).collect(),
    };
    assert_eq!(decided, ours, "the floor and readiness must decide the same");
    measure("floor, 30 answers × 20 rules", || {
        black_box(floor.assess(black_box(&answers)));
    });
    let assess_time = measure("assess, 30 answers × 20 rules", || {
        black_box(readiness::assess::assess(&framework, &answers));
    });
    measure("outline, 30 answers × 20 rules", || {
        black_box(readiness::assess::outline(&framework, &answers));
    });
    let ratio = side_by_side(
        "floor, assess (30 × 20)",
        || {
            black_box(floor.assess(black_box(&answers)));
        },
        || {
            black_box(readiness::assess::assess(&framework, &answers));
        },
    );
    target("assess, 30 answers × 20 rules", micros(assess_time), 3.0, " µs");
    target("assess / floor, 30 answers × 20 rules", ratio, 1.5, "×");
}

/// The floor: the generated rule set of `tests/common/generated.rs` evaluated by hand, with
/// question ids resolved to indices once and answers read into a slice of codes.
mod floor {
    use readiness::answers::{AnswerValue, Answers};

    pub const QUESTIONS: usize = 30;
    pub const RULES: usize = 20;
    const PHASES: usize = 3;

    /// What both evaluators decide: each phase's score, the first phase not met, the rules
    /// that fire.
    #[derive(Debug, PartialEq, Eq)]
    pub struct Decided {
        pub scores: Vec<u32>,
        pub current: Option<usize>,
        pub fired: Vec<String>,
    }

    // Answer codes: the points are code × 50.
    const NO: u8 = 0;
    const PARTLY: u8 = 1;
    const YES: u8 = 2;

    #[derive(Clone, Copy)]
    enum Term {
        Eq(usize),
        NeNo(usize),
        InYesPartly(usize),
        NotInNo(usize),
    }

    pub struct Floor {
        ids: Vec<String>,
        /// For a question asked only when an earlier one is not `no`: that one.
        when: Vec<Option<usize>>,
        /// Each phase's questions, with their weights.
        scoring: Vec<Vec<(usize, u32)>>,
        /// Each phase's six gate questions.
        gates: Vec<[usize; 6]>,
        rules: Vec<(String, [Term; 8])>,
    }

    fn is_task(i: usize) -> bool {
        i % 10 == 9
    }

    impl Floor {
        pub fn new() -> Floor {
            let ids = (0..QUESTIONS).map(|i| format!("p{}.q{i}", i % PHASES)).collect();
            let when = (0..QUESTIONS)
                .map(|i| (i % 7 == 6 && i >= 20 && !is_task(i - 3)).then(|| i - 3))
                .collect();
            let scoring = (0..PHASES)
                .map(|p| {
                    (0..QUESTIONS)
                        .filter(|i| i % PHASES == p)
                        .map(|i| (i, (i % 10 + 1) as u32))
                        .collect()
                })
                .collect();
            let gates = (0..PHASES)
                .map(|p| {
                    let first: Vec<usize> = (0..QUESTIONS)
                        .filter(|i| i % PHASES == p && !is_task(*i))
                        .take(6)
                        .collect();
                    first.try_into().unwrap()
                })
                .collect();
            let answerable: Vec<usize> = (0..QUESTIONS).filter(|i| !is_task(*i)).collect();
            let rules = (0..RULES)
                .map(|r| {
                    let terms = std::array::from_fn(|t| {
                        let q = answerable[(r * 7 + t * 13) % answerable.len()];
                        match t % 4 {
                            0 => Term::Eq(q),
                            1 => Term::NeNo(q),
                            2 => Term::InYesPartly(q),
                            _ => Term::NotInNo(q),
                        }
                    });
                    (format!("r{r}"), terms)
                })
                .collect();
            Floor {
                ids,
                when,
                scoring,
                gates,
                rules,
            }
        }

        pub fn assess(&self, answers: &Answers) -> Decided {
            let mut eff = [None::<u8>; QUESTIONS];
            let mut applies = [true; QUESTIONS];
            for (i, id) in self.ids.iter().enumerate() {
                if let Some(earlier) = self.when[i] {
                    applies[i] = eff[earlier] != Some(NO);
                }
                if applies[i] {
                    eff[i] = answers.get(id).and_then(|v| match v {
                        AnswerValue::Choice(s) => match s.as_str() {
                            "yes" | "done" => Some(YES),
                            "partly" | "in_progress" => Some(PARTLY),
                            "no" | "not_started" => Some(NO),
                            _ => None,
                        },
                        _ => None,
                    });
                }
            }
            let test = |t: Term| match t {
                Term::Eq(q) => eff[q] == Some(YES),
                Term::NeNo(q) | Term::NotInNo(q) => eff[q] != Some(NO),
                Term::InYesPartly(q) => matches!(eff[q], Some(YES | PARTLY)),
            };
            let mut scores = Vec::with_capacity(PHASES);
            let mut current = None;
            for p in 0..PHASES {
                let (mut earned, mut total, mut open) = (0u64, 0u64, false);
                for &(q, weight) in &self.scoring[p] {
                    if applies[q] {
                        let points = u64::from(eff[q].unwrap_or(0)) * 50;
                        earned += u64::from(weight) * points;
                        total += u64::from(weight);
                        open |= is_task(q) && points != 100;
                    }
                }
                let score = if total == 0 {
                    100
                } else {
                    ((earned * 2 + total) / (total * 2)) as u32
                };
                let g = self.gates[p];
                let gates = eff[g[0]] == Some(YES)
                    && (matches!(eff[g[1]], Some(YES | PARTLY)) || eff[g[2]] != Some(NO))
                    && !(eff[g[3]] == Some(NO) && eff[g[4]] == Some(NO))
                    && eff[g[5]].is_some();
                if current.is_none() && !(score >= 80 && gates && !open) {
                    current = Some(p);
                }
                scores.push(score);
            }
            let fired = self
                .rules
                .iter()
                .filter(|(_, t)| {
                    test(t[0])
                        && (test(t[1]) || test(t[2]))
                        && !(test(t[3]) && test(t[4]))
                        && test(t[5])
                        && (test(t[6]) || test(t[7]))
                })
                .map(|(id, _)| id.clone())
                .collect();
            Decided { scores, current, fired }
        }
    }
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
