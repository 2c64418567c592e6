//! What the unit tests share: the frameworks they run on and short ways to write answers.

use crate::answers::{AnswerValue, Answers};
use crate::rules::{Framework, RulesLocation, load};

/// The two-phase framework in `tests/fixtures/mini/` (`one.shared` is asked only when
/// `one.decided` is `yes` or `partly`).
pub fn mini() -> Framework {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    load(&RulesLocation::Path(path))
        .expect("the mini framework loads")
        .framework
}

/// The built-in CTQ framework.
pub fn ctq() -> Framework {
    load(&RulesLocation::default()).expect("ctq loads").framework
}

/// Every shipped sample answers file (`samples/*.toml`), in name order.
pub fn samples() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the samples folder")
        .map(|e| e.expect("a sample").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    files
}

/// A choice answer.
pub fn choice(v: &str) -> AnswerValue {
    AnswerValue::Choice(v.to_string())
}

/// A text answer.
pub fn text(v: &str) -> AnswerValue {
    AnswerValue::Text(v.to_string())
}

/// Answers from pairs of question id and value, in order.
pub fn answers(pairs: &[(&str, AnswerValue)]) -> Answers {
    let mut a = Answers::default();
    for (id, v) in pairs {
        a.values.insert((*id).to_string(), v.clone());
    }
    a
}

/// Answers from pairs written as the answers file would (a number for integers, else a
/// choice), with the mini framework's required profile answers first.
pub fn mini_answers(pairs: &[(&str, &str)]) -> Answers {
    let mut a = answers(&[
        ("profile.organization", text("Test")),
        ("profile.org_type", choice("school")),
    ]);
    for (id, v) in pairs {
        let value = match v.parse::<i64>() {
            Ok(n) => AnswerValue::Integer(n),
            Err(_) => choice(v),
        };
        a.values.insert((*id).to_string(), value);
    }
    a
}
