//! Checking a parsed framework as a whole: ids, references, conditions, ranges.
//!
//! Every problem is collected, so one run reports them all, each with its file,
//! line and column.

use std::collections::HashSet;

use indexmap::IndexMap;
use toml::Spanned;

use crate::analysis::satisfiable;
use crate::condition::{Condition, Test};
use crate::diagnostic::{Diagnostic, Diagnostics, closest, line_col};
use crate::framework::{
    AnswerKind, Framework, Gate, GoldenCase, Phase, Question, Questionnaire, Recommendation, Resource, Role, Scored,
};
use crate::load::{Loaded, Parsed, RawFramework};

/// Checks a parsed framework and builds it, or reports every problem found.
pub fn validate(raw: RawFramework) -> Result<Loaded, Diagnostics> {
    let all_questions = raw
        .questionnaires
        .iter()
        .flat_map(|f| f.data.questions.iter().map(|q| q.id.get_ref().clone()))
        .collect();
    let mut v = Validator {
        errors: Vec::new(),
        warnings: Vec::new(),
        all_questions,
    };
    let framework = v.framework(&raw);
    if v.errors.is_empty() {
        Ok(Loaded {
            framework,
            warnings: v.warnings,
        })
    } else {
        // The errors, then the warnings: a checker shows both.
        v.errors.extend(v.warnings);
        Err(Diagnostics(v.errors))
    }
}

struct Validator {
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// Every question id of every questionnaire, to tell "asked later" from "unknown".
    all_questions: HashSet<String>,
}

/// The digest of a framework's file contents, in load order.
fn digest<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for text in texts {
        hasher.update((text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    let hex: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

fn is_question_id(id: &str) -> bool {
    let part = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    matches!(id.split_once('.'), Some((a, b)) if part(a) && part(b))
}

/// A link reports can print as is: http(s), with nothing that ends a link in Markdown or HTML.
fn is_web_link(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '(' | ')' | '`'))
}

fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn unknown(kind: &str, id: &str, known: Vec<&str>) -> (String, Option<String>) {
    let message = format!("unknown {kind} `{id}`");
    let help = match closest(id, known.iter().copied()) {
        Some(best) => Some(format!("did you mean `{best}`?")),
        None if known.len() <= 12 => Some(format!("known {kind}s: {}", known.join(", "))),
        None => None,
    };
    (message, help)
}

impl Validator {
    fn push(&mut self, d: Diagnostic, help: Option<String>) {
        self.errors.push(match help {
            Some(h) => d.with_help(h),
            None => d,
        });
    }

    fn framework(&mut self, raw: &RawFramework) -> Framework {
        let manifest = &raw.manifest;
        let header = &manifest.data.framework;
        let phase_ids: Vec<&str> = manifest.data.phases.iter().map(|p| p.id.get_ref().as_str()).collect();

        // Phase ids.
        let mut seen = HashSet::new();
        for phase in &manifest.data.phases {
            let id = phase.id.get_ref();
            if !is_plain_id(id) {
                self.push(
                    manifest.error(
                        phase.id.span(),
                        format!("phase id `{id}` must use lowercase letters, digits, `_` and `-`"),
                    ),
                    None,
                );
            }
            if !seen.insert(id.as_str()) {
                self.push(
                    manifest.error(phase.id.span(), format!("duplicate phase id `{id}`")),
                    None,
                );
            }
        }
        if manifest.data.phases.is_empty() {
            self.push(
                manifest.error(0..0, "the framework has no phases"),
                Some("add at least one [[phases]] table".into()),
            );
        }

        let resources = self.resources(raw, &phase_ids);
        let (questionnaires, questions) = self.questions(raw, &phase_ids, &resources);
        let phases = self.phases(manifest, &questions);
        let recommendations = self.recommendations(raw, &phase_ids, &questions, &resources);

        let sources: Vec<&crate::source::SourceFile> = std::iter::once(&manifest.file)
            .chain(raw.questionnaires.iter().map(|p| &p.file))
            .chain(raw.recommendations.iter().map(|p| &p.file))
            .chain(raw.resources.iter().map(|p| &p.file))
            .chain(raw.tests.iter().map(|p| &p.file))
            .collect();
        let files = sources.iter().map(|f| f.name.clone()).collect();
        let digest = digest(sources.iter().map(|f| f.text.as_str()));

        let mut framework = Framework {
            id: header.id.clone(),
            name: header.name.clone(),
            version: header.version.clone(),
            publisher: header.publisher.clone(),
            description: header.description.as_ref().map(|d| d.trim().to_string()),
            phases,
            questionnaires,
            questions,
            recommendations,
            resources,
            cases: Vec::new(),
            stage_question: header.stage_question.as_ref().map(|q| q.get_ref().clone()),
            files,
            digest,
        };
        // Answers in golden cases are read with the framework's own questions.
        if self.errors.is_empty() {
            framework.cases = self.cases(raw, &framework);
        }
        framework
    }

    fn cases(&mut self, raw: &RawFramework, framework: &Framework) -> Vec<GoldenCase> {
        let mut out: Vec<GoldenCase> = Vec::new();
        let task_ids: Vec<&str> = framework
            .questions
            .values()
            .filter(|q| q.role == Role::Task)
            .map(|q| q.id.as_str())
            .collect();
        let rule_ids: Vec<&str> = framework.recommendations.iter().map(|r| r.id.as_str()).collect();
        let phase_ids: Vec<&str> = framework.phases.iter().map(|p| p.id.as_str()).collect();
        for file in &raw.tests {
            for def in &file.data.cases {
                let name = def.name.get_ref();
                if out.iter().any(|c| &c.name == name) {
                    self.push(
                        file.error(def.name.span(), format!("duplicate test case `{name}`")),
                        None,
                    );
                    continue;
                }
                let (line, _) = line_col(&file.file.text, def.name.span().start);
                let location = format!("{}:{line}", file.file.name);
                let text = toml::to_string(def.answers.get_ref()).unwrap_or_default();
                let source = crate::source::SourceFile {
                    name: format!("{location} (case `{name}`)"),
                    text,
                };
                let answers = match crate::answers::parse(framework, &source, crate::answers::Syntax::Toml) {
                    Ok(a) => a,
                    Err(problems) => {
                        for mut d in problems.0 {
                            d.line = None;
                            d.column = None;
                            self.errors.push(d);
                        }
                        continue;
                    }
                };
                let mut check_ids =
                    |ids: &Option<Vec<Spanned<String>>>, known: &[&str], kind: &str| -> Option<Vec<String>> {
                        let ids = ids.as_ref()?;
                        for id in ids {
                            if !known.contains(&id.get_ref().as_str()) {
                                let (m, h) = unknown(kind, id.get_ref(), known.to_vec());
                                self.errors.push(match h {
                                    Some(h) => file.error(id.span(), m).with_help(h),
                                    None => file.error(id.span(), m),
                                });
                            }
                        }
                        Some(ids.iter().map(|s| s.get_ref().clone()).collect())
                    };
                let remaining_tasks = check_ids(&def.remaining_tasks, &task_ids, "task");
                let recommendations = check_ids(&def.recommendations, &rule_ids, "recommendation");
                let phase =
                    check_ids(&def.phase.clone().map(|p| vec![p]), &phase_ids, "phase").map(|mut v| v.remove(0));
                out.push(GoldenCase {
                    name: name.clone(),
                    location,
                    answers,
                    phase,
                    complete: def.complete,
                    remaining_tasks,
                    recommendations,
                });
            }
        }
        out
    }

    fn resources(&mut self, raw: &RawFramework, phase_ids: &[&str]) -> IndexMap<String, Resource> {
        let mut out: IndexMap<String, Resource> = IndexMap::new();
        for file in &raw.resources {
            for def in &file.data.resources {
                let id = def.id.get_ref();
                if !is_plain_id(id) {
                    self.push(
                        file.error(
                            def.id.span(),
                            format!("resource id `{id}` must use lowercase letters, digits, `_` and `-`"),
                        ),
                        None,
                    );
                }
                if out.contains_key(id) {
                    self.push(file.error(def.id.span(), format!("duplicate resource id `{id}`")), None);
                    continue;
                }
                let mut phases = Vec::new();
                for phase in &def.phases {
                    if phase_ids.contains(&phase.get_ref().as_str()) {
                        phases.push(phase.get_ref().clone());
                    } else {
                        let (m, h) = unknown("phase", phase.get_ref(), phase_ids.to_vec());
                        self.push(file.error(phase.span(), m), h);
                    }
                }
                if def.url.is_none() {
                    self.warnings
                        .push(file.warning(def.id.span(), format!("resource `{id}` has no link")));
                }
                for url in def.url.iter().chain(&def.other_urls) {
                    if !is_web_link(url) {
                        self.push(
                            file.error(def.id.span(), format!("resource `{id}`: `{url}` is not a web link")),
                            Some("a link starts with https:// or http:// and holds no spaces, quotes, angle brackets or parentheses".into()),
                        );
                    }
                }
                out.insert(
                    id.clone(),
                    Resource {
                        id: id.clone(),
                        title: def.title.clone(),
                        authors: def.authors.clone(),
                        year: def.year.clone(),
                        kind: def.kind,
                        phases,
                        duration: def.duration.clone(),
                        description: def.description.trim().to_string(),
                        url: def.url.clone(),
                        other_urls: def.other_urls.clone(),
                    },
                );
            }
        }
        out
    }

    fn resource_refs<T>(
        &mut self,
        file: &Parsed<T>,
        refs: &[Spanned<String>],
        resources: &IndexMap<String, Resource>,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in refs {
            let id = r.get_ref();
            if !resources.contains_key(id) {
                let (m, h) = unknown("resource", id, resources.keys().map(String::as_str).collect());
                self.push(file.error(r.span(), m), h);
            } else if out.contains(id) {
                self.push(file.error(r.span(), format!("resource `{id}` is listed twice")), None);
            } else {
                out.push(id.clone());
            }
        }
        out
    }

    fn questions(
        &mut self,
        raw: &RawFramework,
        phase_ids: &[&str],
        resources: &IndexMap<String, Resource>,
    ) -> (Vec<Questionnaire>, IndexMap<String, Question>) {
        // Choice sets are shared by every questionnaire file of the framework.
        let mut choice_sets: IndexMap<String, IndexMap<String, String>> = IndexMap::new();
        for file in &raw.questionnaires {
            for (name, set) in &file.data.choices {
                if choice_sets.contains_key(name) {
                    self.push(file.error(set.span(), format!("duplicate choice set `{name}`")), None);
                } else if set.get_ref().is_empty() {
                    self.push(
                        file.error(set.span(), format!("choice set `{name}` has no values")),
                        None,
                    );
                } else {
                    choice_sets.insert(name.clone(), set.get_ref().clone());
                }
            }
        }

        let mut questionnaires = Vec::new();
        let mut questions: IndexMap<String, Question> = IndexMap::new();
        let mut questionnaire_ids = HashSet::new();
        for file in &raw.questionnaires {
            let header = &file.data.questionnaire;
            if !questionnaire_ids.insert(header.id.clone()) {
                self.push(
                    file.error(0..0, format!("duplicate questionnaire id `{}`", header.id)),
                    None,
                );
            }
            let mut ids = Vec::new();
            for def in &file.data.questions {
                let id = def.id.get_ref();
                let span = def.id.span();
                if !is_question_id(id) {
                    self.push(
                        file.error(
                            span.clone(),
                            format!("question id `{id}` must have the form `section.name`"),
                        ),
                        Some("use lowercase letters, digits and `_` on each side of one dot, e.g. `why.goals`".into()),
                    );
                }
                if id
                    .split_once('.')
                    .is_some_and(|(section, _)| section == crate::answers::META_SECTION)
                {
                    self.push(
                        file.error(
                            span.clone(),
                            format!(
                                "question id `{id}` uses the reserved section `{}`",
                                crate::answers::META_SECTION
                            ),
                        ),
                        Some("answers files use [framework] to name the framework they were written for".into()),
                    );
                }
                if questions.contains_key(id) {
                    self.push(file.error(span, format!("duplicate question id `{id}`")), None);
                    continue;
                }
                let choices = match (def.kind, &def.choices) {
                    (AnswerKind::Choice, Some(name)) => match choice_sets.get(name.get_ref()) {
                        Some(set) => set.clone(),
                        None => {
                            let (m, h) = unknown(
                                "choice set",
                                name.get_ref(),
                                choice_sets.keys().map(String::as_str).collect(),
                            );
                            self.push(file.error(name.span(), m), h);
                            IndexMap::new()
                        }
                    },
                    (AnswerKind::Choice, None) => {
                        self.push(
                            file.error(span.clone(), format!("choice question `{id}` needs `choices`")),
                            Some("name a choice set defined under [choices.NAME]".into()),
                        );
                        IndexMap::new()
                    }
                    (_, Some(name)) => {
                        self.push(
                            file.error(
                                name.span(),
                                format!("`choices` is only for choice questions, and `{id}` is not one"),
                            ),
                            None,
                        );
                        IndexMap::new()
                    }
                    (_, None) => IndexMap::new(),
                };
                if def.kind != AnswerKind::Integer && (def.min.is_some() || def.max.is_some()) {
                    self.push(
                        file.error(
                            span.clone(),
                            format!("`min` and `max` are only for integer questions, and `{id}` is not one"),
                        ),
                        None,
                    );
                }
                if let (Some(min), Some(max)) = (def.min, def.max)
                    && min > max
                {
                    self.push(
                        file.error(span.clone(), format!("`{id}` has min {min} above max {max}")),
                        None,
                    );
                }
                let phase = match (&def.role, &def.phase) {
                    (Role::Profile, Some(p)) => {
                        self.push(
                            file.error(
                                p.span(),
                                format!("profile question `{id}` belongs to no phase; remove `phase`"),
                            ),
                            None,
                        );
                        None
                    }
                    (Role::Profile, None) => None,
                    (_, None) => {
                        self.push(
                            file.error(
                                span.clone(),
                                format!("`{id}` is a big question or task and needs a `phase`"),
                            ),
                            Some(format!("phases: {}", phase_ids.join(", "))),
                        );
                        None
                    }
                    (_, Some(p)) => {
                        if phase_ids.contains(&p.get_ref().as_str()) {
                            Some(p.get_ref().clone())
                        } else {
                            let (m, h) = unknown("phase", p.get_ref(), phase_ids.to_vec());
                            self.push(file.error(p.span(), m), h);
                            None
                        }
                    }
                };
                let when = def
                    .when
                    .as_ref()
                    .and_then(|w| self.condition(file, w, &questions, Some(id)));
                let resources = self.resource_refs(file, &def.resources, resources);
                ids.push(id.clone());
                questions.insert(
                    id.clone(),
                    Question {
                        id: id.clone(),
                        kind: def.kind,
                        role: def.role,
                        phase,
                        title: def.title.trim().to_string(),
                        help: def.help.as_ref().map(|h| h.trim().to_string()),
                        choices,
                        min: def.min,
                        max: def.max,
                        required: def.required,
                        when,
                        resources,
                    },
                );
            }
            questionnaires.push(Questionnaire {
                id: header.id.clone(),
                title: header.title.clone(),
                intro: header.intro.as_ref().map(|i| i.trim().to_string()),
                questions: ids,
            });
        }
        (questionnaires, questions)
    }

    /// Parses and checks a condition; `asker` is the question it belongs to, which may only
    /// depend on questions asked before it (those already in `questions`).
    fn condition<T>(
        &mut self,
        file: &Parsed<T>,
        text: &Spanned<String>,
        questions: &IndexMap<String, Question>,
        asker: Option<&str>,
    ) -> Option<Condition> {
        // Column of the condition's first character: after the opening quote(s).
        let span = text.span();
        let raw = &file.file.text[span.clone()];
        let quote = if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
            3
        } else {
            1
        };
        let at =
            |offset: usize| -> Option<(usize, usize)> { Some(line_col(&file.file.text, span.start + quote + offset)) };
        let condition = match Condition::parse(text.get_ref()) {
            Ok(c) => c,
            Err(e) => {
                self.push(
                    Diagnostic::error(
                        &file.file.name,
                        at(e.offset),
                        format!("invalid condition: {}", e.message),
                    ),
                    None,
                );
                return None;
            }
        };
        let mut ok = true;
        for test in condition.tests() {
            if let Err((offset, message, help)) = check_test(test, questions, asker, &self.all_questions) {
                self.push(Diagnostic::error(&file.file.name, at(offset), message), help);
                ok = false;
            }
        }
        ok.then_some(condition)
    }

    fn phases(
        &mut self,
        manifest: &Parsed<crate::model::ManifestFile>,
        questions: &IndexMap<String, Question>,
    ) -> Vec<Phase> {
        let scales = &manifest.data.scales;
        for (name, scale) in scales {
            for (value, points) in scale.get_ref() {
                if !(0..=100).contains(points.get_ref()) {
                    self.push(
                        manifest.error(
                            points.span(),
                            format!(
                                "scale `{name}` gives {} points to `{value}`; points go from 0 to 100",
                                points.get_ref()
                            ),
                        ),
                        None,
                    );
                }
            }
        }
        let stage_question = self.stage_question(manifest, questions);
        let mut scored_anywhere: HashSet<&str> = HashSet::new();
        let mut phases = Vec::new();
        for def in &manifest.data.phases {
            let phase_id = def.id.get_ref();
            for stage in &def.stages {
                match stage_question {
                    None => self.push(
                        manifest.error(
                            stage.span(),
                            format!("phase `{phase_id}` lists stages, but the manifest names no `stage_question`"),
                        ),
                        Some("add `stage_question = \"profile.stage\"` (a choice question) under [framework]".into()),
                    ),
                    Some(q) if !q.choices.contains_key(stage.get_ref()) => self.push(
                        manifest.error(
                            stage.span(),
                            format!("`{}` is not a value of `{}`", stage.get_ref(), q.id),
                        ),
                        Some(format!("allowed values: {}", q.allowed_values())),
                    ),
                    Some(_) => {}
                }
            }
            let threshold = *def.threshold.get_ref();
            if !(0..=100).contains(&threshold) {
                self.push(
                    manifest.error(
                        def.threshold.span(),
                        format!("threshold {threshold} is out of range; it goes from 0 to 100"),
                    ),
                    None,
                );
            }
            let mut scoring = Vec::new();
            for item in &def.scoring {
                let qid = item.question.get_ref();
                let weight = *item.weight.get_ref();
                if !(1..=10).contains(&weight) {
                    self.push(
                        manifest.error(
                            item.weight.span(),
                            format!("weight {weight} is out of range; weights go from 1 to 10"),
                        ),
                        None,
                    );
                }
                let Some(question) = questions.get(qid) else {
                    let (m, h) = unknown("question", qid, questions.keys().map(String::as_str).collect());
                    self.push(manifest.error(item.question.span(), m), h);
                    continue;
                };
                if !scored_anywhere.insert(qid.as_str()) {
                    self.push(
                        manifest.error(item.question.span(), format!("question `{qid}` is scored twice")),
                        None,
                    );
                }
                if question.phase.as_deref() != Some(phase_id.as_str()) {
                    let belongs = question
                        .phase
                        .as_deref()
                        .map_or("no phase".to_string(), |p| format!("phase `{p}`"));
                    self.push(
                        manifest.error(
                            item.question.span(),
                            format!("question `{qid}` belongs to {belongs}, not to phase `{phase_id}`"),
                        ),
                        None,
                    );
                }
                let Some(scale) = scales.get(item.scale.get_ref()) else {
                    let (m, h) = unknown(
                        "scale",
                        item.scale.get_ref(),
                        scales.keys().map(String::as_str).collect(),
                    );
                    self.push(manifest.error(item.scale.span(), m), h);
                    continue;
                };
                let scale = scale.get_ref();
                let missing: Vec<&str> = question
                    .choices
                    .keys()
                    .filter(|v| !scale.contains_key(*v))
                    .map(String::as_str)
                    .collect();
                let extra: Vec<&str> = scale
                    .keys()
                    .filter(|v| !question.choices.contains_key(*v))
                    .map(String::as_str)
                    .collect();
                if question.kind != AnswerKind::Choice {
                    self.push(
                        manifest.error(
                            item.question.span(),
                            format!("only choice questions can be scored, and `{qid}` is not one"),
                        ),
                        None,
                    );
                } else if !missing.is_empty() || !extra.is_empty() {
                    self.push(
                        manifest.error(
                            item.scale.span(),
                            format!("scale `{}` does not fit the values of `{qid}`", item.scale.get_ref()),
                        ),
                        Some(format!(
                            "`{qid}` allows {}; the scale must give points to each of them and to nothing else",
                            question.allowed_values()
                        )),
                    );
                }
                let points = scale
                    .iter()
                    .map(|(v, p)| (v.clone(), (*p.get_ref()).clamp(0, 100) as u32))
                    .collect();
                scoring.push(Scored {
                    question: qid.clone(),
                    points,
                    weight: weight.clamp(1, 10) as u32,
                });
            }
            if def.scoring.is_empty() {
                self.push(
                    manifest.error(def.id.span(), format!("phase `{phase_id}` scores no answers")),
                    Some("add [[phases.scoring]] entries".into()),
                );
            }
            let gates: Vec<Gate> = def
                .gates
                .iter()
                .filter_map(|g| {
                    self.condition(manifest, &g.when, questions, None)
                        .map(|condition| Gate {
                            condition,
                            reason: g.reason.trim().to_string(),
                        })
                })
                .collect();
            self.check_phase_can_be_met(manifest, def, &scoring, &gates, questions);
            phases.push(Phase {
                id: phase_id.clone(),
                name: def.name.clone(),
                goal: def.goal.trim().to_string(),
                summary: def.summary.as_ref().map(|s| s.trim().to_string()),
                stages: def.stages.iter().map(|s| s.get_ref().clone()).collect(),
                threshold: threshold.clamp(0, 100) as u32,
                gates,
                scoring,
            });
        }
        // Every task must be scored, so that "done" has a meaning.
        for question in questions.values() {
            if question.role == Role::Task && !scored_anywhere.contains(question.id.as_str()) {
                self.push(
                    manifest.error(0..0, format!("task `{}` is not scored in any phase", question.id)),
                    Some("a task counts as done when its answer earns full points, so add it to its phase's [[phases.scoring]]".into()),
                );
            }
        }
        phases
    }

    /// The manifest's stage question, if it names one that exists and is a choice question.
    fn stage_question<'q>(
        &mut self,
        manifest: &Parsed<crate::model::ManifestFile>,
        questions: &'q IndexMap<String, Question>,
    ) -> Option<&'q Question> {
        let name = manifest.data.framework.stage_question.as_ref()?;
        match questions.get(name.get_ref()) {
            None => {
                let (m, h) = unknown(
                    "question",
                    name.get_ref(),
                    questions.keys().map(String::as_str).collect(),
                );
                self.push(manifest.error(name.span(), m), h);
                None
            }
            Some(q) if q.kind != AnswerKind::Choice => {
                self.push(
                    manifest.error(
                        name.span(),
                        format!("`stage_question` must be a choice question, and `{}` is not one", q.id),
                    ),
                    None,
                );
                None
            }
            Some(q) => Some(q),
        }
    }

    /// Reports a phase that no answers can meet: its best score is below its threshold,
    /// its gates cannot all hold, or one of its tasks can never be done.
    fn check_phase_can_be_met(
        &mut self,
        manifest: &Parsed<crate::model::ManifestFile>,
        def: &crate::model::PhaseDef,
        scoring: &[Scored],
        gates: &[Gate],
        questions: &IndexMap<String, Question>,
    ) {
        let phase_id = def.id.get_ref();
        let total: u64 = scoring.iter().map(|s| u64::from(s.weight)).sum();
        let best: u64 = scoring
            .iter()
            .map(|s| u64::from(s.weight) * u64::from(s.points.values().max().copied().unwrap_or(0)))
            .sum();
        let best_score = if total == 0 {
            100
        } else {
            (best * 2 + total) / (total * 2)
        };
        if best_score < u64::try_from(*def.threshold.get_ref()).unwrap_or(0) {
            self.push(
                manifest.error(def.threshold.span(), format!("phase `{phase_id}` can never be met: its best possible score is {best_score}, below its threshold {}", def.threshold.get_ref())),
                None,
            );
        }
        let conditions: Vec<&Condition> = gates.iter().map(|g| &g.condition).collect();
        if gates.len() == def.gates.len() && !conditions.is_empty() && !satisfiable(questions, &conditions) {
            self.push(
                manifest.error(
                    def.gates[0].when.span(),
                    format!("phase `{phase_id}` can never be met: no answers make all its gates hold"),
                ),
                None,
            );
        }
        if scoring.len() != def.scoring.len() {
            return; // Entries with errors were left out: the pairs below would not line up.
        }
        for (item, def_item) in scoring.iter().zip(&def.scoring) {
            let is_task = questions.get(&item.question).is_some_and(|q| q.role == Role::Task);
            if is_task && !item.points.values().any(|p| *p == 100) {
                self.push(
                    manifest.error(
                        def_item.scale.span(),
                        format!(
                            "task `{}` can never be done: no value of scale `{}` earns 100 points",
                            item.question,
                            def_item.scale.get_ref()
                        ),
                    ),
                    None,
                );
            }
        }
    }

    fn recommendations(
        &mut self,
        raw: &RawFramework,
        phase_ids: &[&str],
        questions: &IndexMap<String, Question>,
        resources: &IndexMap<String, Resource>,
    ) -> Vec<Recommendation> {
        let mut out: Vec<Recommendation> = Vec::new();
        let mut seen = HashSet::new();
        for file in &raw.recommendations {
            for def in &file.data.recommendations {
                let id = def.id.get_ref();
                if !is_plain_id(id) {
                    self.push(
                        file.error(
                            def.id.span(),
                            format!("recommendation id `{id}` must use lowercase letters, digits, `_` and `-`"),
                        ),
                        None,
                    );
                }
                if !seen.insert(id.clone()) {
                    self.push(
                        file.error(def.id.span(), format!("duplicate recommendation id `{id}`")),
                        None,
                    );
                    continue;
                }
                let phase = def.phase.as_ref().and_then(|p| {
                    if phase_ids.contains(&p.get_ref().as_str()) {
                        Some(p.get_ref().clone())
                    } else {
                        let (m, h) = unknown("phase", p.get_ref(), phase_ids.to_vec());
                        self.push(file.error(p.span(), m), h);
                        None
                    }
                });
                let when = def.when.as_ref().and_then(|w| self.condition(file, w, questions, None));
                if let (Some(condition), Some(text)) = (&when, &def.when)
                    && !satisfiable(questions, &[condition])
                {
                    self.push(
                        file.error(
                            text.span(),
                            format!("recommendation `{id}` can never fire: no answers make `{condition}` hold"),
                        ),
                        None,
                    );
                }
                let resource_ids = self.resource_refs(file, &def.resources, resources);
                out.push(Recommendation {
                    id: id.clone(),
                    phase,
                    priority: def.priority,
                    title: def.title.trim().to_string(),
                    text: def.text.trim().to_string(),
                    when,
                    complete: def.complete,
                    resources: resource_ids,
                });
            }
        }
        out
    }
}

type TestError = (usize, String, Option<String>);

fn check_test(
    test: &Test,
    questions: &IndexMap<String, Question>,
    asker: Option<&str>,
    all_questions: &HashSet<String>,
) -> Result<(), TestError> {
    let Some(question) = questions.get(&test.question) else {
        if let Some(asker) = asker
            && all_questions.contains(&test.question)
        {
            let message = if test.question == asker {
                format!("`{asker}` cannot depend on itself")
            } else {
                format!("`{asker}` depends on `{}`, which is asked after it", test.question)
            };
            return Err((
                test.offset,
                message,
                Some("a question may only depend on questions asked before it".into()),
            ));
        }
        let (message, help) = unknown(
            "question",
            &test.question,
            questions.keys().map(String::as_str).collect(),
        );
        return Err((test.offset, message, help));
    };
    if test.is_ordering() && question.kind != AnswerKind::Integer {
        return Err((
            test.offset,
            format!(
                "`{}` is not a number question, so it cannot be compared with <, <=, > or >=",
                test.question
            ),
            None,
        ));
    }
    for lit in test.literals() {
        match question.kind {
            AnswerKind::Choice if !question.choices.contains_key(&lit.text) => {
                return Err((
                    lit.offset,
                    format!("`{}` is not a value of `{}`", lit.text, test.question),
                    Some(format!("allowed values: {}", question.allowed_values())),
                ));
            }
            AnswerKind::Integer if lit.text.parse::<i64>().is_err() => {
                return Err((
                    lit.offset,
                    format!(
                        "`{}` is a number question; `{}` is not a whole number",
                        test.question, lit.text
                    ),
                    None,
                ));
            }
            _ => {}
        }
    }
    Ok(())
}
