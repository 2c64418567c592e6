//! A framework after loading and validation: every reference resolved, every condition parsed.

use std::sync::Arc;

use indexmap::IndexMap;

use crate::id_map::IdMap;
use serde::{Deserialize, Serialize};

use super::feedback::FeedbackSurvey;
use super::files::{AnswerKind, CombineRule, FindingKind, Priority, ResourceType, Role, Source};
use crate::condition::{Condition, Domain};

/// The table of an answers file that names the framework the answers were written for:
/// no question section may take its name.
pub const META_SECTION: &str = "framework";

/// The answer that says a question does not apply to the organization (where the question
/// allows it).
pub const NOT_APPLICABLE: &str = crate::condition::NOT_APPLICABLE;
/// The answer that says nobody knows yet: something to find out.
pub const DONT_KNOW: &str = "dont_know";

/// A validated framework: phases, questions, recommendation rules and resources.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Framework {
    /// Stable identifier, e.g. `ctq`.
    pub id: Arc<str>,
    /// Name shown in reports.
    pub name: Arc<str>,
    /// Version of the rule set.
    pub version: Arc<str>,
    /// Who publishes the framework.
    pub publisher: Option<String>,
    /// What the framework is for.
    pub description: Option<String>,
    /// Phases in order.
    pub phases: Vec<Phase>,
    /// The questionnaires in the order they are asked.
    pub questionnaires: Vec<Questionnaire>,
    /// Every question, by id, in the order asked.
    pub questions: IdMap<Question>,
    /// Recommendation rules in file order.
    pub recommendations: Vec<Recommendation>,
    /// The resource catalogue, by id, in file order.
    pub resources: IdMap<Resource>,
    /// The names of the files the framework was loaded from, in load order.
    pub files: Vec<String>,
    /// Golden test cases shipped with the framework (not kept in the cache of a built-in
    /// framework: the commands that run them load it in full).
    #[serde(skip)]
    pub cases: Vec<GoldenCase>,
    /// The profile question in which people say which stage they think they are at.
    pub stage_question: Option<String>,
    /// How a team's answers combine, by scale name: every scale, with its rule.
    pub combine: IndexMap<String, CombineRule>,
    /// Where the framework's content comes from, by default.
    pub source: Source,
    /// One sentence on how scores are made and whose method it is.
    pub method: Option<String>,
    /// `sha256:` and the hex SHA-256 of the files' contents in load order, each preceded
    /// by its length: the same files give the same digest wherever they are loaded from.
    pub digest: Arc<str>,
    /// The implementation timeline, when the framework has one.
    pub timeline: Option<Timeline>,
    /// The participant feedback survey, when the framework ships one.
    pub feedback: Option<FeedbackSurvey>,
}

/// The answers file's table that holds the action plan: owner, due date and status per
/// task or recommendation (`[action_plan."how.recruitment"]`). No question section may take its name.
pub const PLAN_SECTION: &str = "action_plan";
/// The answers file's table that holds the timeline's dates (`[timeline]`). No question
/// section may take its name.
pub const TIMELINE_SECTION: &str = "timeline";

/// An implementation timeline: its activities in order and the checks on their dates.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Timeline {
    /// The big question the dates answer while it has no answer, with the answer a
    /// complete, consistent timeline counts as and the answer other dates count as.
    pub counts_toward: Option<CountsToward>,
    /// The activities, in the documents' order.
    pub activities: Vec<Activity>,
    /// Which activity comes before which, and how far apart.
    pub order: Vec<Order>,
}

/// How a timeline's dates count toward a big question.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CountsToward {
    /// The question, e.g. `how.timeline`.
    pub question: String,
    /// The answer for every activity dated and nothing out of order, too soon or too far apart.
    pub complete: String,
    /// The answer for any other dates.
    pub partial: String,
}

/// One activity of a timeline.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Activity {
    /// Stable identifier, the key in an answers file's `[timeline]`.
    pub id: Arc<str>,
    /// The activity in the documents' words.
    pub title: Arc<str>,
    /// What to write down for it.
    pub help: Option<String>,
    /// The task whose `done` marks the activity done.
    pub task: Option<String>,
    /// Whether the activity is this rule set's own, not the documents'.
    pub ours: bool,
}

/// An activity that must come after another.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Order {
    /// The activity that comes first.
    pub before: String,
    /// The activity that comes after it.
    pub after: String,
    /// The position of `before` in the timeline's activities.
    pub before_at: usize,
    /// The position of `after` in the timeline's activities.
    pub after_at: usize,
    /// The fewest days from the end of `before` to the start of `after`.
    pub min_days: u32,
    /// The most days from the end of `before` to the start of `after`, if limited.
    pub max_days: Option<u32>,
    /// Why, in plain words.
    pub reason: String,
    /// Whether the rule is this rule set's own, not the documents'.
    pub ours: bool,
}

impl Timeline {
    /// An activity by id.
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| *a.id == *id)
    }
}

/// One phase of a framework.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Phase {
    /// Stable identifier.
    pub id: Arc<str>,
    /// Name shown in reports.
    pub name: Arc<str>,
    /// The phase's goal.
    pub goal: Arc<str>,
    /// The documents' introduction to the phase.
    pub summary: Option<String>,
    /// Whether the goal and summary are this rule set's own reading, not the documents' words.
    pub ours: bool,
    /// The documents' name for being ready for this phase's resources (`Ready to plan`).
    pub readiness_label: Option<String>,
    /// Values of the framework's stage question that describe an organization in this phase.
    pub stages: Vec<String>,
    /// Lowest score at which the phase can count as met.
    pub threshold: u32,
    /// Conditions that must all hold for the phase to count as met.
    pub gates: Vec<Gate>,
    /// The scored answers.
    pub scoring: Vec<Scored>,
}

/// A condition a phase cannot be met without.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Gate {
    /// The condition.
    pub condition: Condition,
    /// Why it matters, in plain words.
    pub reason: Arc<str>,
    /// Whether the gate is this rule set's own, not the documents'.
    pub ours: bool,
}

/// One answer that counts towards a phase score.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scored {
    /// The question scored.
    pub question: String,
    /// The question's index in [`Framework::questions`], resolved when the rules load.
    pub index: usize,
    /// Points (0 to 100) for each allowed value.
    pub points: IndexMap<String, u32>,
    /// Relative weight.
    pub weight: u32,
    /// The scale's name.
    pub scale: String,
    /// How a team's answers to the question combine (the scale's rule).
    pub combine: CombineRule,
}

/// A questionnaire: a titled, ordered list of questions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Questionnaire {
    /// Stable identifier.
    pub id: String,
    /// Title shown before the questions.
    pub title: String,
    /// Words shown before the first question.
    pub intro: Option<String>,
    /// The question ids, in order.
    pub questions: Vec<String>,
}

/// One question.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Question {
    /// Stable identifier `section.name`.
    pub id: Arc<str>,
    /// Kind of answer.
    pub kind: AnswerKind,
    /// Part the question plays.
    pub role: Role,
    /// Phase the question belongs to.
    pub phase: Option<String>,
    /// The question or task in the documents' words.
    pub title: Arc<str>,
    /// The documents' explanation.
    pub help: Option<String>,
    /// Allowed values and their labels (choice questions), the labels fitted to the
    /// question where it gives its own. `not_applicable` and `dont_know` are not listed.
    pub choices: IdMap<String>,
    /// What each value means for this question, where the rule set says (value = rubric).
    pub rubric: IdMap<String>,
    /// Whether `not_applicable` is an allowed answer.
    pub not_applicable: bool,
    /// Whether `dont_know` is an allowed answer (big questions and tasks with choices).
    pub dont_know: bool,
    /// Whether the wording is this rule set's own, not the documents'.
    pub ours: bool,
    /// Smallest allowed value (integer questions).
    pub min: Option<i64>,
    /// Largest allowed value (integer questions).
    pub max: Option<i64>,
    /// Whether an answers file must answer it.
    pub required: bool,
    /// Condition under which the question is asked.
    pub when: Option<Condition>,
    /// Resources the documents tie to the question.
    pub resources: Vec<String>,
}

impl Question {
    /// A short description of the allowed answers, for messages.
    pub fn expected(&self) -> String {
        match self.kind {
            AnswerKind::Text => "a text (a quoted string)".to_string(),
            AnswerKind::Integer => match (self.min, self.max) {
                (Some(min), Some(max)) => format!("a whole number from {min} to {max}"),
                (Some(min), None) => format!("a whole number of at least {min}"),
                (None, Some(max)) => format!("a whole number of at most {max}"),
                (None, None) => "a whole number".to_string(),
            },
            AnswerKind::Choice => format!("one of {}", self.allowed_values()),
        }
    }

    /// The values a choice question allows besides its choices: `not_applicable` where it
    /// allows that, and `dont_know` where it allows that.
    pub fn special_values(&self) -> impl Iterator<Item = &'static str> + use<> {
        [(self.not_applicable, NOT_APPLICABLE), (self.dont_know, DONT_KNOW)]
            .into_iter()
            .filter_map(|(allowed, value)| allowed.then_some(value))
    }

    /// Every value a choice question allows: its choices, then the special values it allows.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.choices
            .keys()
            .map(String::as_str)
            .chain(self.special_values().map(|v| v as &str))
    }

    /// Whether a choice question allows this value (a choice or a special value).
    pub fn allows(&self, value: &str) -> bool {
        self.choices.contains_key(value) || self.special_values().any(|v| v == value)
    }

    /// A value in words: the choice's label, `Not applicable`, `Don't know`, or the value.
    pub fn label<'a>(&'a self, value: &'a str) -> &'a str {
        match value {
            NOT_APPLICABLE if self.not_applicable => "Not applicable",
            DONT_KNOW if self.dont_know => "Don't know",
            _ => self.choices.get(value).map_or(value, String::as_str),
        }
    }

    /// The allowed values of a choice question, quoted and comma-separated.
    pub fn allowed_values(&self) -> String {
        self.values().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ")
    }
}

/// One recommendation rule.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Recommendation {
    /// Stable identifier.
    pub id: Arc<str>,
    /// Phase the rule belongs to.
    pub phase: Option<Arc<str>>,
    /// The position of `phase` in [`Framework::phases`], resolved when the rules load.
    pub phase_index: Option<usize>,
    /// How urgent it is.
    pub priority: Priority,
    /// One-line summary.
    pub title: Arc<str>,
    /// The advice.
    pub text: Arc<str>,
    /// When it fires.
    pub when: Option<Condition>,
    /// Fires only when every phase is met.
    pub complete: bool,
    /// Fires only when a team's respondents disagree on a question.
    pub disagreement: bool,
    /// Resource ids, in order, without repeats.
    pub resources: Vec<String>,
    /// Whether the advice is this rule set's own, not the documents'.
    pub ours: bool,
    /// Fires only when the timeline checks find a problem of one of these kinds (empty:
    /// the timeline does not matter).
    pub timeline: Vec<FindingKind>,
}

/// One resource of the catalogue.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Resource {
    /// Stable identifier.
    pub id: Arc<str>,
    /// Title.
    pub title: Arc<str>,
    /// Authors, where given.
    pub authors: Vec<String>,
    /// Year or date, where given.
    pub year: Option<String>,
    /// Kind of resource.
    #[serde(rename = "type")]
    pub kind: ResourceType,
    /// Phases the documents place it in.
    pub phases: Vec<String>,
    /// Duration or extent, where given.
    pub duration: Option<Arc<str>>,
    /// Description.
    pub description: String,
    /// Link, where a document gives one.
    pub url: Option<Arc<str>>,
    /// Other links for the same resource.
    pub other_urls: Vec<String>,
    /// The documents give no address for it.
    pub no_link: bool,
}

/// A golden test case: answers and what their assessment must say.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldenCase {
    /// Unique name.
    pub name: String,
    /// Where the case is written (`file:line`).
    pub location: String,
    /// The answers, as written in the case (read when the case runs).
    pub answers: CaseAnswers,
    /// Expected current phase id.
    pub phase: Option<String>,
    /// Expected `complete`.
    pub complete: Option<bool>,
    /// Expected remaining task ids, in order.
    pub remaining_tasks: Option<Vec<String>>,
    /// Expected recommendation ids, in order.
    pub recommendations: Option<Vec<String>>,
}

/// The answers of a golden case, as written (read when the case runs).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum CaseAnswers {
    /// One answers file.
    One(toml::Table),
    /// A team's answers files, combined before they are assessed.
    Team(Vec<toml::Table>),
}

impl Framework {
    /// Sets the question index of every condition's tests and every scored item from the
    /// question ids, and gives each test the framework's own copy of its question's id, so
    /// that assessing looks nothing up by id. Called when the rules load (and when a cached
    /// framework is read back); call it again after changing the questions.
    pub fn resolve_indices(&mut self) {
        // The questions' own conditions are taken out while the questions are read.
        let mut whens: Vec<Option<Condition>> = self.questions.values_mut().map(|q| q.when.take()).collect();
        let questions = &self.questions;
        let question = |id: &str| questions.get_full(id).map(|(index, _, q)| (index, q.id.clone()));
        for when in whens.iter_mut().flatten() {
            when.resolve(&question);
        }
        for phase in &mut self.phases {
            for item in &mut phase.scoring {
                item.index = questions.get_index_of(&item.question).unwrap_or(usize::MAX);
            }
            for gate in &mut phase.gates {
                gate.condition.resolve(&question);
            }
        }
        for rule in &mut self.recommendations {
            if let Some(when) = &mut rule.when {
                when.resolve(&question);
            }
        }
        for (question, when) in self.questions.values_mut().zip(whens) {
            question.when = when;
        }
    }

    /// The index of a phase by id.
    pub fn phase_index(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|p| *p.id == *id)
    }

    /// The index of the question a condition's test names: the one resolved when the rules
    /// loaded ([`crate::condition::Condition::resolve`]), else found by id.
    pub fn index_of(&self, test: &crate::condition::Test) -> Option<usize> {
        match self.questions.get_index(test.index) {
            // Resolved against these questions, the test shares its question's id.
            Some((_, question)) if Arc::ptr_eq(&question.id, &test.question) || question.id == test.question => {
                Some(test.index)
            }
            _ => self.questions.get_index_of(&*test.question),
        }
    }

    /// A phase by id.
    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| *p.id == *id)
    }

    /// How the question is scored, if it is: its phase's scoring entry.
    pub fn scored(&self, id: &str) -> Option<&Scored> {
        let index = self.questions.get_index_of(id)?;
        self.phases
            .iter()
            .flat_map(|p| p.scoring.iter())
            .find(|s| s.index == index || (s.index == usize::MAX && s.question == id))
    }

    /// What a question allows, for the analysis of conditions; `None` for an unknown id.
    pub fn domain(&self, id: &str) -> Option<Domain<'_>> {
        self.questions.get(id).map(Question::domain)
    }
}

impl Question {
    /// What the question allows, for the analysis of conditions.
    pub fn domain(&self) -> Domain<'_> {
        match self.kind {
            AnswerKind::Choice => Domain::Choice(self.values().collect()),
            AnswerKind::Text => Domain::Text,
            AnswerKind::Integer => Domain::Integer {
                min: self.min,
                max: self.max,
            },
        }
    }
}
