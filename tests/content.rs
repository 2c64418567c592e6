//! The built-in frameworks against the facts of the documents they are written from: the
//! names and addresses in `tests/fixtures/sources.toml` (see `docs/SOURCES.md`).

use std::collections::HashSet;

use readiness::rules::{Framework, Resource, Role, RulesLocation, load};
use serde::Deserialize;

fn built_in(id: &str) -> Framework {
    load(&RulesLocation::BuiltIn(id.into()))
        .unwrap_or_else(|e| panic!("the built-in framework {id} loads: {e}"))
        .framework
}

fn ctq() -> Framework {
    built_in("ctq")
}

fn dp() -> Framework {
    built_in("dp")
}

/// Every built-in framework.
fn all() -> Vec<Framework> {
    readiness::rules::built_in_ids().into_iter().map(built_in).collect()
}

/// `tests/fixtures/sources.toml`: what the documents say, as they say it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sources {
    documents: Vec<Document>,
    phases: Vec<SourcePhase>,
    questions: Vec<SourceQuestion>,
    resources: Vec<SourceResource>,
    timeline: Vec<SourceActivity>,
    feedback: Vec<SourceFeedback>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceActivity {
    document: String,
    activity: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFeedback {
    document: String,
    group: String,
    question: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Document {
    id: String,
    framework: String,
    title: String,
    publisher: String,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcePhase {
    framework: String,
    name: String,
    goal: Option<String>,
    guiding_question: Option<String>,
    readiness_label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceQuestion {
    phase: String,
    role: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceResource {
    documents: Vec<String>,
    title: String,
    #[serde(default)]
    links: Vec<String>,
    same_as: Option<String>,
}

fn sources() -> Sources {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Words only: lower case, `&` as `and`, punctuation and quotes dropped, so that titles
/// compare word for word whatever the documents' capitals and typography.
fn normalize(s: &str) -> String {
    s.to_lowercase()
        .replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `needle`'s words appear, in order and together, in `haystack`'s.
fn contains_words(haystack: &str, needle: &str) -> bool {
    format!(" {} ", normalize(haystack)).contains(&format!(" {} ", normalize(needle)))
}

impl Sources {
    fn framework_of(&self, document: &str) -> &str {
        &self
            .documents
            .iter()
            .find(|d| d.id == document)
            .unwrap_or_else(|| panic!("unknown document `{document}` in the fixture"))
            .framework
    }

    /// The documents' resources a catalog title stands for: the same words, or the same
    /// words before a colon that adds a qualifier (e.g. which district's case study).
    fn matching(&self, title: &str) -> Vec<&SourceResource> {
        let whole = normalize(title);
        let head = title.split(": ").next().map(normalize).unwrap_or_default();
        self.resources
            .iter()
            .filter(|r| {
                let t = normalize(&r.title);
                t == whole || t == head
            })
            .collect()
    }

    /// The links the documents give for a resource, with those of the resource it is the
    /// same as.
    fn links_for(&self, resource: &Resource) -> HashSet<&str> {
        let mut links = HashSet::new();
        for r in self.matching(&resource.title) {
            links.extend(r.links.iter().map(String::as_str));
            if let Some(other) = &r.same_as {
                let found = self.matching(other);
                assert!(
                    !found.is_empty(),
                    "`same_as = {other:?}` names no resource of the fixture"
                );
                for o in found {
                    links.extend(o.links.iter().map(String::as_str));
                }
            }
        }
        links
    }
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
fn every_resource_title_is_one_the_documents_give() {
    let sources = sources();
    for fw in all() {
        for resource in fw.resources.values() {
            assert!(
                !sources.matching(&resource.title).is_empty(),
                "{}: `{}` ({}) is not a title the documents give",
                fw.id,
                resource.title,
                resource.id
            );
        }
    }
}

#[test]
fn every_link_is_one_the_documents_give_for_that_resource() {
    let sources = sources();
    for fw in all() {
        for resource in fw.resources.values() {
            let links = sources.links_for(resource);
            for url in resource
                .url
                .as_deref()
                .into_iter()
                .chain(resource.other_urls.iter().map(String::as_str))
            {
                assert!(
                    links.contains(url),
                    "{}: {url} is not a link the documents give for `{}` ({})",
                    fw.id,
                    resource.title,
                    resource.id
                );
            }
        }
    }
}

#[test]
fn every_resource_the_documents_name_is_in_the_catalog() {
    let sources = sources();
    for fw in all() {
        for source in &sources.resources {
            if !source.documents.iter().any(|d| sources.framework_of(d) == &*fw.id) {
                continue;
            }
            let title = normalize(&source.title);
            let listed = fw
                .resources
                .values()
                .any(|r| sources.matching(&r.title).iter().any(|m| normalize(&m.title) == title));
            assert!(listed, "{}: `{}` is missing from the catalog", fw.id, source.title);
        }
    }
}

#[test]
fn the_phase_names_are_the_publishers() {
    let sources = sources();
    for fw in all() {
        let expected: Vec<&str> = sources
            .phases
            .iter()
            .filter(|p| *p.framework == *fw.id)
            .map(|p| p.name.as_str())
            .collect();
        let names: Vec<&str> = fw.phases.iter().map(|p| p.name.as_ref()).collect();
        assert_eq!(names, expected, "{}", fw.id);
    }
}

#[test]
fn ctq_phase_goals_are_ctqs() {
    let sources = sources();
    let fw = ctq();
    for (phase, source) in fw
        .phases
        .iter()
        .zip(sources.phases.iter().filter(|p| p.framework == "ctq"))
    {
        assert_eq!(Some(phase.goal.as_ref()), source.goal.as_deref(), "{}", phase.id);
        assert!(!phase.ours, "{}: CTQ's goal is marked as ours", phase.id);
    }
}

/// CTQ names each phase's resources and checklist (“Ready to Plan”, ...): each phase
/// carries the name of its own.
#[test]
fn ctq_readiness_labels_are_ctqs() {
    let sources = sources();
    let fw = ctq();
    for (phase, source) in fw
        .phases
        .iter()
        .zip(sources.phases.iter().filter(|p| p.framework == "ctq"))
    {
        let (label, expected) = (phase.readiness_label.as_deref(), source.readiness_label.as_deref());
        assert!(label.is_some(), "{}: no readiness label", phase.id);
        assert_eq!(label.map(normalize), expected.map(normalize), "{}", phase.id);
    }
}

/// Digital Promise gives each phase a guiding question and no goal: every summary quotes
/// the question, and every phase is marked as readiness's reading (`source = "ours"`).
#[test]
fn dp_phases_quote_the_guiding_question_and_mark_our_goals() {
    let sources = sources();
    let fw = dp();
    for (phase, source) in fw
        .phases
        .iter()
        .zip(sources.phases.iter().filter(|p| p.framework == "dp"))
    {
        let question = source
            .guiding_question
            .as_deref()
            .expect("every dp phase has a guiding question");
        let summary = phase.summary.as_deref().unwrap_or_default();
        assert!(
            summary.contains(&format!("“{question}”")),
            "{}: the summary does not quote the guiding question word for word",
            phase.id
        );
        assert!(
            summary.contains("Digital Promise's roadmap page"),
            "{}: the question is not attributed",
            phase.id
        );
        assert!(phase.ours, "{}: the goal is not marked as ours", phase.id);
    }
    let description = fw.description.as_deref().unwrap_or_default();
    let page = sources.documents.iter().find(|d| d.id == "dp-roadmap").unwrap();
    assert!(
        description.contains(page.url.as_deref().unwrap()),
        "the description does not give the roadmap's address"
    );
}

/// Questions of the Digital Promise framework that the roadmap gives no words for (the
/// others turn a resource's recommended use into a question). Each is marked ours and
/// says so in its help, and every question with no resource behind it is one of them.
const DP_QUESTIONS_OF_OUR_OWN: &[&str] = &[
    "profile.platform",
    "support.stakeholder_needs",
    "support.progress_tracked",
    "support.social_media_in_use",
    "reflect.surveys_compared",
    "reflect.outcomes_reviewed",
];

#[test]
fn dp_questions_of_our_own_say_so() {
    let fw = dp();
    for question in fw.questions.values() {
        let ours = DP_QUESTIONS_OF_OUR_OWN.contains(&question.id.as_ref());
        if ours {
            let help = question.help.as_deref().unwrap_or_default();
            assert!(
                help.contains("readiness's"),
                "{}: its help does not say the question is ours",
                question.id
            );
        } else {
            assert!(
                question.role == Role::Profile || !question.resources.is_empty(),
                "{}: no resource behind it, yet not marked ours",
                question.id
            );
        }
        assert_eq!(question.ours, ours, "{}: marked ours or not as expected", question.id);
    }
}

/// CTQ questions whose titles are readiness's words, not the documents'. Each says so in
/// its help.
const CTQ_QUESTIONS_OF_OUR_OWN: &[&str] = &["how.fee_based"];

#[test]
fn every_big_question_and_task_of_the_documents_is_asked_word_for_word() {
    let sources = sources();
    let fw = ctq();
    let phase_id = |name: &str| {
        fw.phases
            .iter()
            .find(|p| *p.name == *name)
            .unwrap_or_else(|| panic!("no phase named {name}"))
            .id
            .clone()
    };
    let role_of = |role: &str| match role {
        "big_question" => Role::BigQuestion,
        "task" => Role::Task,
        other => panic!("unknown role {other} in the fixture"),
    };
    // Each of the documents' big questions and tasks is asked, in a title that is the
    // whole of it or a part of it (one question of the documents may be asked as two).
    for source in &sources.questions {
        let phase = phase_id(&source.phase);
        let role = role_of(&source.role);
        let asked = fw.questions.values().any(|q| {
            q.role == role && q.phase.as_deref() == Some(phase.as_ref()) && contains_words(&source.text, &q.title)
        });
        assert!(asked, "`{}` is not asked in phase {phase}", source.text);
    }
    // Every question asked is one of the documents', word for word, or is declared ours.
    for question in fw.questions.values().filter(|q| q.role != Role::Profile) {
        assert!(
            question.help.as_ref().is_some_and(|h| !h.is_empty()),
            "{} has no help",
            question.id
        );
        let from_documents = sources.questions.iter().any(|s| {
            role_of(&s.role) == question.role
                && question.phase.as_deref() == Some(phase_id(&s.phase).as_ref())
                && contains_words(&s.text, &question.title)
        });
        if CTQ_QUESTIONS_OF_OUR_OWN.contains(&question.id.as_ref()) {
            assert!(
                !from_documents,
                "{} is declared ours but is the documents' question",
                question.id
            );
            let help = question.help.as_deref().unwrap_or_default();
            assert!(
                help.contains("readiness's"),
                "{}: its help does not say the question is ours",
                question.id
            );
            assert!(question.ours, "{}: not marked `source = \"ours\"`", question.id);
        } else {
            assert!(
                from_documents,
                "{}: `{}` is not a big question or task of the documents",
                question.id, question.title
            );
            assert!(
                !question.ours,
                "{}: the documents' question is marked ours",
                question.id
            );
        }
    }
}

/// Every big question and task says, for each of its answers (and `not_applicable` where
/// it allows that), what the answer means for it.
#[test]
fn every_choice_question_has_a_rubric_line_per_answer() {
    for fw in all() {
        for q in fw.questions.values().filter(|q| q.role != Role::Profile) {
            for value in q
                .choices
                .keys()
                .map(String::as_str)
                .chain(q.not_applicable.then_some("not_applicable"))
            {
                let line = q.rubric.get(value).map(String::as_str).unwrap_or_default();
                assert!(!line.is_empty(), "{}: {}: no rubric line for `{value}`", fw.id, q.id);
                assert!(
                    line.len() <= 160,
                    "{}: {}: the `{value}` line is not one short line",
                    fw.id,
                    q.id
                );
            }
        }
    }
}

/// A question asking "Which…?" or "What…?" cannot be answered "Yes": its labels say
/// how far the answer is decided.
#[test]
fn which_and_what_questions_are_answered_decided_or_not() {
    let mut asked = Vec::new();
    for fw in all() {
        for q in fw.questions.values().filter(|q| q.role == Role::BigQuestion) {
            let title = q.title.to_lowercase();
            if title.starts_with("which") || title.starts_with("what") || title.contains(", what ") {
                let labels: Vec<&str> = q.choices.values().map(String::as_str).collect();
                assert_eq!(
                    labels,
                    ["Decided", "Partly decided", "Not yet decided"],
                    "{}: {}",
                    fw.id,
                    q.id
                );
                asked.push(q.id.to_string());
            }
        }
    }
    assert_eq!(
        asked,
        [
            "how.which_microcredentials",
            "how.timeline",
            "how.support_model",
            "implement.feedback"
        ]
    );
}

/// `not_applicable` only where the rule files say why, never on a question a gate names
/// (a question that does not apply must not decide whether a phase is met), and never on
/// a profile question.
#[test]
fn no_gate_names_a_question_that_may_not_apply() {
    for fw in all() {
        for phase in &fw.phases {
            for gate in &phase.gates {
                for test in gate.condition.tests() {
                    let q = &fw.questions[&*test.question];
                    assert!(
                        !q.not_applicable,
                        "{}: gate of {} names {}, which allows not_applicable",
                        fw.id, phase.id, q.id
                    );
                }
            }
        }
        for q in fw.questions.values() {
            assert!(!(q.not_applicable && q.role == Role::Profile), "{}: {}", fw.id, q.id);
        }
    }
}

/// Each built-in framework says in one sentence that its scoring is this tool's method,
/// and points to the README section that explains it.
#[test]
fn the_method_is_said_to_be_this_tools_and_the_readme_explains_it() {
    let readme = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(readme.contains("\n## How the assessment is made\n"));
    for fw in all() {
        let method = fw.method.as_deref().unwrap_or_else(|| panic!("{}: no method", fw.id));
        assert!(method.contains("this tool's own method"), "{}: {method}", fw.id);
        assert!(method.contains("“How the assessment is made”"), "{}: {method}", fw.id);
        assert_eq!(method.matches(". ").count(), 0, "{}: one sentence: {method}", fw.id);
    }
}

/// A resource has a link, or says the documents give none (`no_link`), never both.
#[test]
fn every_resource_has_a_link_or_says_there_is_none() {
    for fw in all() {
        for r in fw.resources.values() {
            assert!(r.url.is_some() != r.no_link, "{}: {}", fw.id, r.id);
        }
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
        .map(|q| q.id.as_ref())
        .collect();
    assert_eq!(required, ["profile.organization", "profile.org_type"]);
    assert_eq!(fw.questions["profile.educators"].min, Some(1));
    let phases: Vec<&str> = fw.phases.iter().map(|p| p.id.as_ref()).collect();
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
                    .any(|case| case.phase.as_deref() == Some(phase.id.as_ref())),
                "{}: no golden case for phase {}",
                fw.id,
                phase.id
            );
        }
    }
}

/// CTQ's implementation timeline: the guide's eight activities, word for word and in
/// order, and only the order rules whose limits are ours are marked so.
#[test]
fn ctq_timeline_activities_are_the_guides_in_order() {
    let sources = sources();
    let fw = ctq();
    let timeline = fw.timeline.as_ref().expect("the CTQ framework declares a timeline");
    let expected: Vec<&str> = sources
        .timeline
        .iter()
        .filter(|a| sources.framework_of(&a.document) == "ctq")
        .map(|a| a.activity.as_str())
        .collect();
    let titles: Vec<&str> = timeline.activities.iter().map(|a| a.title.as_ref()).collect();
    assert_eq!(titles, expected);
    assert!(timeline.activities.iter().all(|a| !a.ours));
    for rule in &timeline.order {
        assert_eq!(
            rule.ours,
            rule.min_days > 0 || rule.max_days.is_some(),
            "{} -> {}: a day limit is ours, an order alone is the guide's",
            rule.before,
            rule.after
        );
    }
    assert!(dp().timeline.is_none(), "the roadmap gives no timeline");
}

/// CTQ's sample survey questions: every one asked, word for word, in its group and order;
/// every question that is not one of them is marked ours; the kinds of answer are ours.
#[test]
fn ctq_feedback_questions_are_the_documents_in_their_groups() {
    let sources = sources();
    let fw = ctq();
    let survey = fw.feedback.as_ref().expect("the CTQ framework ships a feedback survey");
    let groups: Vec<&str> = survey.groups.iter().map(|g| g.title.as_str()).collect();
    let mut expected_groups: Vec<&str> = Vec::new();
    for f in &sources.feedback {
        assert_eq!(sources.framework_of(&f.document), "ctq");
        if !expected_groups.contains(&f.group.as_str()) {
            expected_groups.push(&f.group);
        }
    }
    assert_eq!(groups, expected_groups);
    for group in &survey.groups {
        let expected: Vec<&str> = sources
            .feedback
            .iter()
            .filter(|f| f.group == group.title)
            .map(|f| f.question.as_str())
            .collect();
        let documents: Vec<&str> = group
            .questions
            .iter()
            .filter(|q| !q.ours)
            .map(|q| q.text.as_str())
            .collect();
        assert_eq!(documents, expected, "{}", group.title);
        for q in &group.questions {
            assert!(q.kind_ours, "{}: the kind of answer is readiness's choice", q.id);
            if q.ours {
                assert!(
                    q.when.is_some(),
                    "{}: a question of our own is asked only where it applies",
                    q.id
                );
            }
        }
    }
}
