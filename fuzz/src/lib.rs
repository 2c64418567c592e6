//! The entry points the fuzz targets drive, one per part of readiness that reads what people
//! write. Each takes arbitrary bytes and checks what must hold for any input: no panic, no
//! hang, and the invariants named in its comment. `cargo fuzz run NAME` runs one under
//! libFuzzer (nightly Rust); `tests/fuzz_entry_points.rs` in the main package runs the same
//! functions as a property test on stable Rust.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use readiness::answers::{self, AnswerValue, Answers, Syntax};
use readiness::assess::{assess, explain::explain, golden};
use readiness::condition::{Condition, Domain, satisfiable};
use readiness::io::SourceFile;
use readiness::report::{self, Format, RenderOptions};
use readiness::rules::{AnswerKind, Framework, RulesLocation, load};
use readiness::survey::store::AnswersFile;

/// The built-in framework, loaded once.
fn ctq() -> &'static Framework {
    static CTQ: OnceLock<Framework> = OnceLock::new();
    CTQ.get_or_init(|| {
        load(&RulesLocation::default())
            .expect("the built-in rules load")
            .framework
    })
}

/// A folder for the files some targets must write, and a fresh name in it.
fn scratch(name: &str) -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"));
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    dir.path().join(format!("{n}-{name}"))
}

/// The answers reader, then everything downstream: parse (as TOML and as JSON) → assess →
/// explain → every report format. Invalid answers give diagnostics that name the file;
/// valid ones assess, explain and render with the built-in templates without error, and
/// the same answers always give the same report.
pub fn answers(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let framework = ctq();
    for (name, syntax) in [("fuzz.toml", Syntax::Toml), ("fuzz.json", Syntax::Json)] {
        let file = SourceFile {
            name: name.to_string(),
            text: text.to_string(),
        };
        match answers::parse(framework, &file, syntax) {
            Err(problems) => {
                assert!(!problems.0.is_empty());
                for d in &problems.0 {
                    assert!(d.to_string().contains(name), "{d}");
                }
            }
            Ok(answers) => downstream(framework, &answers),
        }
    }
}

/// Assess, explain and render answers that were accepted.
fn downstream(framework: &Framework, answers: &Answers) {
    let assessment = assess(framework, answers);
    let explanation = explain(framework, answers);
    let _ = report::explanation(&explanation);
    let _ = report::json(&explanation);
    let context = report::context(
        framework,
        answers,
        &assessment,
        "2026-01-15",
        &report::ReportOptions::default(),
        None,
    );
    let _ = report::json(&context);
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let first = report::render(format, &context, &RenderOptions::default())
            .unwrap_or_else(|e| panic!("built-in {format:?} report: {e}"));
        let again = report::render(format, &context, &RenderOptions::default()).unwrap();
        assert_eq!(first, again, "the same answers give the same report");
        if format != Format::Html {
            assert!(!first.contains('\u{1b}'), "no escape sequence reaches a text report");
        }
    }
}

/// Texts a survey may save, chosen to stress TOML's quoting.
const TEXTS: &[&str] = &[
    "Lakeside",
    "O'Brien \"District\"",
    "back\\slash",
    "line\nbreak\r\nand\ttab",
    "'''",
    "\"\"\"",
    "é ü 中文 🙂",
    "\u{1b}[2J\u{7}",
    "# not a comment",
    "[not.a.table]",
    " padded ",
];

/// The survey's answers file: the bytes pick answers to set and remove, one after another,
/// on a new file; what the file would save reads back as exactly the answers given.
pub fn survey_file(data: &[u8]) {
    let framework = ctq();
    let ids: Vec<&String> = framework.questions.keys().collect();
    let path = scratch("answers.toml");
    let Ok((mut file, _)) = AnswersFile::open(&path, framework, "readiness survey", "readiness assess") else {
        panic!("a new answers file opens");
    };
    let mut expected = Answers::default();
    for pair in data.chunks(2) {
        let id = ids[usize::from(pair[0]) % ids.len()];
        let question = &framework.questions[id];
        let pick = usize::from(pair.get(1).copied().unwrap_or(0));
        let value = match question.kind {
            _ if pick == 255 => None,
            AnswerKind::Choice => question
                .choices
                .keys()
                .nth(pick % question.choices.len())
                .map(|v| AnswerValue::Choice(v.clone())),
            AnswerKind::Text => Some(AnswerValue::Text(TEXTS[pick % TEXTS.len()].to_string())),
            AnswerKind::Integer => {
                let n = [1, 2, 320, 1_000_000, i64::MAX][pick % 5];
                Some(AnswerValue::Integer(n.clamp(
                    question.min.unwrap_or(i64::MIN),
                    question.max.unwrap_or(i64::MAX),
                )))
            }
        };
        file.set(id, value.as_ref());
        match value {
            Some(v) => {
                expected.values.insert(id.clone(), v);
            }
            None => {
                expected.values.shift_remove(id.as_str());
            }
        }
    }
    let saved = SourceFile {
        name: path.display().to_string(),
        text: file.text(),
    };
    let read = answers::parse_unfinished(framework, &saved, Syntax::Toml)
        .unwrap_or_else(|e| panic!("the saved file reads back: {e}\n{}", saved.text));
    let mut got: Vec<_> = read.values.iter().collect();
    let mut want: Vec<_> = expected.values.iter().collect();
    got.sort_by(|a, b| a.0.cmp(b.0));
    want.sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(got, want, "{}", saved.text);
}

/// The mini framework's files, which the rules target varies one at a time.
const MINI: [(&str, &str); 5] = [
    (
        "framework.toml",
        include_str!("../../tests/fixtures/mini/framework.toml"),
    ),
    (
        "questions.toml",
        include_str!("../../tests/fixtures/mini/questions.toml"),
    ),
    (
        "recommendations.toml",
        include_str!("../../tests/fixtures/mini/recommendations.toml"),
    ),
    (
        "resources.toml",
        include_str!("../../tests/fixtures/mini/resources.toml"),
    ),
    ("tests.toml", include_str!("../../tests/fixtures/mini/tests.toml")),
];

/// The rules loader: the first byte picks one file of a small framework, the rest replaces
/// its text. Loading reports problems with the file's name, or gives a framework whose
/// golden cases run and whose answers assess and explain.
pub fn rules(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let dir = scratch("rules");
    std::fs::create_dir_all(&dir).expect("a folder for the rules");
    for (i, (name, original)) in MINI.iter().enumerate() {
        let content = if i == usize::from(which) % MINI.len() {
            text
        } else {
            original
        };
        std::fs::write(dir.join(name), content).expect("a rule file is written");
    }
    match load(&RulesLocation::Path(dir.clone())) {
        Err(problems) => assert!(!problems.0.is_empty()),
        Ok(loaded) => {
            let framework = &loaded.framework;
            let _ = golden::run_all(framework);
            downstream(framework, &Answers::default());
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The condition parser: a condition that parses prints back to text that parses to the
/// same condition; it evaluates, and the analysis of whether it can hold finishes.
pub fn condition(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(condition) = Condition::parse(text) else {
        return;
    };
    let printed = condition.to_string();
    let again = Condition::parse(&printed).unwrap_or_else(|e| panic!("{printed:?} does not parse back: {e:?}"));
    assert_eq!(again.to_string(), printed, "printing is stable");
    let answers: Vec<(String, AnswerValue)> = condition
        .tests()
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let value = match i % 3 {
                0 => AnswerValue::Choice("yes".into()),
                1 => AnswerValue::Integer(i as i64),
                _ => AnswerValue::Text(t.question.to_string()),
            };
            (t.question.to_string(), value)
        })
        .collect();
    let lookup = |id: &str| answers.iter().find(|(q, _)| q == id).map(|(_, v)| v);
    let outcome = condition.evaluate(&lookup);
    assert_eq!(outcome.holds, condition.holds(&lookup));
    let domain = |id: &str| match id.len() % 4 {
        0 => Some(Domain::Choice(vec!["yes", "partly", "no"])),
        1 => Some(Domain::Integer {
            min: Some(0),
            max: Some(10),
        }),
        2 => Some(Domain::Text),
        _ => None,
    };
    let _ = satisfiable(&[&condition], domain);
}

/// Templates: the text is rendered as a custom template in each format over a real
/// assessment; it renders or gives a template error naming the file, never a crash.
pub fn template(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    static CONTEXT: OnceLock<report::ReportContext> = OnceLock::new();
    let context = CONTEXT.get_or_init(|| {
        let framework = ctq();
        let file = SourceFile {
            name: "sample.toml".into(),
            text: include_str!("../../samples/preparing-district.toml").into(),
        };
        let answers = answers::parse(framework, &file, Syntax::Toml).expect("the sample is valid");
        let assessment = assess(framework, &answers);
        report::context(
            framework,
            &answers,
            &assessment,
            "2026-01-15",
            &report::ReportOptions::default(),
            None,
        )
    });
    let path = scratch("template.hbs");
    std::fs::write(&path, text).expect("the template is written");
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let options = RenderOptions {
            template_file: Some(path.clone()),
            ..RenderOptions::default()
        };
        if let Err(problems) = report::render(format, context, &options) {
            let shown = file_name(&path);
            assert!(problems.0.iter().all(|d| !d.message.is_empty()));
            assert!(
                problems.to_string().contains(&shown) || problems.to_string().contains("built-in:"),
                "{problems}"
            );
        }
    }
    let _ = std::fs::remove_file(&path);
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}
