//! The built-in framework against the documents it is written from (`docs/sources/`).

use std::collections::HashSet;

use readiness::rules::{Framework, Role};
use readiness::rules::{RulesLocation, load};

fn built_in(id: &str) -> Framework {
    load(&RulesLocation::BuiltIn(id.into()))
        .unwrap_or_else(|e| panic!("the built-in framework {id} loads: {e}"))
        .framework
}

fn ctq() -> Framework {
    built_in("ctq")
}

/// Every built-in framework.
fn all() -> Vec<Framework> {
    readiness::rules::built_in_ids().into_iter().map(built_in).collect()
}

fn sources() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sources");
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            text.push_str(&std::fs::read_to_string(path).unwrap());
        }
    }
    text
}

fn normalise(s: &str) -> String {
    s.to_lowercase()
        .replace(['’', '“', '”'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_resource_is_used_by_a_recommendation() {
    for fw in all() {
        let used: HashSet<&str> = fw
            .recommendations
            .iter()
            .flat_map(|r| r.resources.iter().map(String::as_str))
            .collect();
        let unused: Vec<&str> = fw
            .resources
            .keys()
            .map(String::as_str)
            .filter(|id| !used.contains(id))
            .collect();
        assert!(unused.is_empty(), "{}: resources no rule uses: {unused:?}", fw.id);
    }
}

#[test]
fn every_link_comes_from_the_documents() {
    let sources = sources();
    for fw in all() {
        for resource in fw.resources.values() {
            for url in resource.url.iter().chain(&resource.other_urls) {
                assert!(
                    sources.contains(url.as_str()),
                    "{}: {url} is in no source document",
                    resource.id
                );
            }
        }
    }
}

#[test]
fn every_resource_title_comes_from_the_documents() {
    let sources = normalise(&sources());
    for fw in all() {
        for resource in fw.resources.values() {
            // The first words of the title, up to a colon, must be in a document.
            let head = resource.title.split(':').next().unwrap();
            assert!(
                sources.contains(&normalise(head)),
                "{}: title `{}` is in no source document",
                resource.id,
                resource.title
            );
        }
    }
}

/// Every big question and important task of the documents, with the question that holds it.
const DOCUMENT_ITEMS: &[(&str, Role, &str)] = &[
    (
        "why.value_proposition",
        Role::BigQuestion,
        "clearly understand the value proposition of micro-credentials",
    ),
    (
        "why.possibilities",
        Role::BigQuestion,
        "envisioned the possibilities for micro-credentials",
    ),
    (
        "why.goals",
        Role::BigQuestion,
        "articulate our goals and objectives for piloting or implementing micro-credentials",
    ),
    (
        "why.theory_of_action",
        Role::BigQuestion,
        "theory of action for piloting or implementing micro-credentials",
    ),
    ("why.shared_theory", Role::BigQuestion, "shared theory of action"),
    ("why.capacity", Role::Task, "determine your capacity"),
    (
        "why.leader_support",
        Role::Task,
        "secure support from key leaders by engaging others in the work",
    ),
    (
        "how.which_microcredentials",
        Role::BigQuestion,
        "which micro-credentials",
    ),
    (
        "how.incentives",
        Role::BigQuestion,
        "articulate incentives for participation",
    ),
    (
        "how.timeline",
        Role::BigQuestion,
        "best timeline for the pilot or implementation",
    ),
    ("how.support_model", Role::BigQuestion, "which support model is ideal"),
    ("how.fee_based", Role::BigQuestion, "fee-based"),
    ("how.fee_funding", Role::BigQuestion, "covering these costs"),
    (
        "how.promotion",
        Role::Task,
        "prepare promotional materials for recruitment",
    ),
    ("how.recruitment", Role::Task, "recruit participants"),
    (
        "implement.feedback",
        Role::BigQuestion,
        "what feedback is needed from participants",
    ),
    ("implement.launch_event", Role::Task, "hold a launch event"),
    ("implement.support", Role::Task, "provide support based on your model"),
    ("implement.data", Role::Task, "gather data"),
];

#[test]
fn every_big_question_and_task_of_the_documents_is_asked() {
    let fw = ctq();
    let sources = normalise(&sources());
    for (id, role, words) in DOCUMENT_ITEMS {
        assert!(sources.contains(&normalise(words)), "`{words}` is not in the documents");
        let question = fw.questions.get(*id).unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(question.role, *role, "{id}");
        let text = normalise(&format!(
            "{} {}",
            question.title,
            question.help.clone().unwrap_or_default()
        ));
        assert!(
            text.contains(&normalise(words)),
            "{id}: `{words}` is not in its title or help"
        );
        assert!(
            question.help.as_ref().is_some_and(|h| !h.is_empty()),
            "{id} has no help"
        );
    }
    let listed: HashSet<&str> = DOCUMENT_ITEMS.iter().map(|(id, _, _)| *id).collect();
    for question in fw.questions.values().filter(|q| q.role != Role::Profile) {
        assert!(
            listed.contains(question.id.as_str()),
            "{} is asked but not from the documents",
            question.id
        );
    }
}

/// The public answers contract: ids and allowed values users write into their files.
#[test]
fn the_answers_contract_holds() {
    let fw = ctq();
    let values = |id: &str| -> Vec<String> {
        fw.questions
            .get(id)
            .unwrap_or_else(|| panic!("{id} is missing"))
            .choices
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(
        values("profile.org_type"),
        ["school", "district", "state", "organization"]
    );
    assert_eq!(
        values("profile.stage"),
        ["exploring", "planning", "launching", "implementing"]
    );
    assert_eq!(values("how.fee_based"), ["yes", "no", "unsure"]);
    for id in [
        "why.value_proposition",
        "why.possibilities",
        "why.goals",
        "why.theory_of_action",
        "why.shared_theory",
        "how.which_microcredentials",
        "how.incentives",
        "how.timeline",
        "how.support_model",
        "how.fee_funding",
        "implement.feedback",
    ] {
        assert_eq!(values(id), ["yes", "partly", "no"], "{id}");
    }
    for id in [
        "why.capacity",
        "why.leader_support",
        "how.promotion",
        "how.recruitment",
        "implement.launch_event",
        "implement.support",
        "implement.data",
    ] {
        assert_eq!(values(id), ["done", "in_progress", "not_started"], "{id}");
    }
    let required: Vec<&str> = fw
        .questions
        .values()
        .filter(|q| q.required)
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(required, ["profile.organization", "profile.org_type"]);
    assert_eq!(fw.questions["profile.educators"].min, Some(1));
    let phases: Vec<&str> = fw.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(phases, ["why", "how", "implement"]);
}

/// The golden cases each built-in framework ships (`readiness test`) all pass, and there are
/// enough of them to cover every phase.
#[test]
fn every_built_in_framework_passes_its_golden_cases() {
    for fw in all() {
        let results = readiness::assess::golden::run_all(&fw).expect("the cases' answers are valid");
        let failures: Vec<String> = results
            .iter()
            .filter(|r| !r.failures.is_empty())
            .map(|r| format!("{} ({}): {}", r.name, r.location, r.failures.join("; ")))
            .collect();
        assert!(failures.is_empty(), "{}: {failures:#?}", fw.id);
        assert!(
            results.len() > fw.phases.len(),
            "{}: {} golden cases for {} phases",
            fw.id,
            results.len(),
            fw.phases.len()
        );
        for phase in &fw.phases {
            assert!(
                fw.cases
                    .iter()
                    .any(|case| case.phase.as_deref() == Some(phase.id.as_str())),
                "{}: no golden case for phase {}",
                fw.id,
                phase.id
            );
        }
    }
}
