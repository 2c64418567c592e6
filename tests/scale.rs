//! Large rule sets and answers files load, assess and explain: nothing in the engine grows
//! faster than the input (the figures are in `cargo bench`; these tests only check that the
//! work completes and comes out right).

#[path = "common/generated.rs"]
mod generated;

use readiness::answers::{Syntax, parse};
use readiness::assess::{assess, explain::explain};
use readiness::io::SourceFile;
use readiness::rules::{RulesLocation, load};

#[test]
fn a_thousand_questions_and_a_thousand_rules_of_eight_terms_load_assess_and_explain() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = generated::write_rule_set(dir.path(), 1_000, 1_000);
    let framework = load(&RulesLocation::Path(manifest))
        .expect("the generated rules are valid")
        .framework;
    assert_eq!(framework.questions.len(), 1_001);
    assert_eq!(framework.recommendations.len(), 1_000);
    let file = SourceFile {
        name: "answers.toml".into(),
        text: generated::answers(1_000),
    };
    let answers = parse(&framework, &file, Syntax::Toml).unwrap();
    let assessment = assess(&framework, &answers);
    assert_eq!(&*assessment.phase.id, "p0");
    let explanation = explain(&framework, &answers);
    let next = explanation.next_phase.expect("not complete");
    assert!(next.found, "{next:?}");
    // The changes found do meet the phase.
    let mut changed = answers.clone();
    for c in &next.changes {
        changed.values.insert(
            c.question.clone(),
            readiness::answers::AnswerValue::Choice(c.to.clone()),
        );
    }
    assert!(assess(&framework, &changed).phases[0].met);
    // Far too many combinations to try them all: the text says the search stopped.
    assert!(!next.exhaustive);
    let text = readiness::report::explanation(&explain(&framework, &answers));
    assert!(text.contains("stopped at its limit"), "{text}");
}

#[test]
fn a_hundred_thousand_keys_are_read_and_each_reported_with_its_line() {
    let framework = load(&RulesLocation::default()).unwrap().framework;
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
    for (file, syntax, first_line) in [(&toml, Syntax::Toml, 6), (&json, Syntax::Json, 3)] {
        let problems = parse(&framework, file, syntax).unwrap_err().0;
        assert_eq!(problems.len(), keys, "{}", file.name);
        assert_eq!(problems[0].line, Some(first_line), "{}", file.name);
        assert_eq!(problems[keys - 1].line, Some(first_line + keys - 1), "{}", file.name);
        assert!(problems[keys - 1].message.contains("unknown question `extra.k99999`"));
    }
}

#[test]
fn a_ten_megabyte_name_is_explained_and_reported_once_not_again_and_again() {
    let framework = load(&RulesLocation::default()).unwrap().framework;
    let name = "Lakeside ".repeat(10 * 1024 * 1024 / 9);
    let file = SourceFile {
        name: "big.toml".into(),
        text: format!("[profile]\norganization = \"{name}\"\norg_type = \"district\"\n\n[why]\ngoals = \"partly\"\n"),
    };
    let answers = parse(&framework, &file, Syntax::Toml).unwrap();
    let explanation = explain(&framework, &answers);
    assert!(explanation.next_phase.expect("not complete").found);
    let text = readiness::report::explanation(&explain(&framework, &answers));
    assert!(text.len() > name.len() && text.len() < name.len() + 100_000);
}
