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
    assert_eq!(assessment.phase.id, "p0");
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
