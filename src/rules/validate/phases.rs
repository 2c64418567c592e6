//! Phases: scales, thresholds, scoring, gates, stages; and whether each phase can be met.

use crate::id_map::IdMap;
use std::collections::HashSet;

use super::Validator;
use super::ids::unknown;
use crate::condition::{Condition, satisfiable};
use crate::rules::files::{AnswerKind, Parsed, Role, Source};
use crate::rules::framework::{Gate, Phase, Question, Scored};

impl Validator {
    pub(super) fn phases(
        &mut self,
        manifest: &Parsed<crate::rules::files::ManifestFile>,
        questions: &IdMap<Question>,
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
            if def.goal.trim_end().ends_with('.') {
                self.warnings.push(
                    manifest
                        .warning(
                            def.id.span(),
                            format!("the goal of phase `{phase_id}` ends with a period"),
                        )
                        .with_help(
                            "reports write the goal into a sentence of their own (`Goal: …*.`): take the period out",
                        ),
                );
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
                    index: questions.get_index_of(qid.as_str()).unwrap_or(usize::MAX),
                    points,
                    weight: weight.clamp(1, 10) as u32,
                    scale: item.scale.get_ref().clone(),
                    combine: self.combine_rule(manifest, item.scale.get_ref()),
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
                            reason: g.reason.trim().into(),
                            ours: g.source.unwrap_or(self.default_source) == Source::Ours,
                        })
                })
                .collect();
            self.check_phase_can_be_met(manifest, def, &scoring, &gates, questions);
            phases.push(Phase {
                id: phase_id.as_str().into(),
                name: def.name.as_str().into(),
                goal: def.goal.trim().into(),
                summary: def.summary.as_ref().map(|s| s.trim().to_string()),
                ours: def.source.unwrap_or(self.default_source) == Source::Ours,
                readiness_label: def.readiness_label.as_ref().map(|l| l.trim().to_string()),
                stages: def.stages.iter().map(|s| s.get_ref().clone()).collect(),
                threshold: threshold.clamp(0, 100) as u32,
                gates,
                scoring,
            });
        }
        // Every task must be scored, so that "done" has a meaning.
        for question in questions.values() {
            if question.role == Role::Task && !scored_anywhere.contains(question.id.as_ref()) {
                self.push(
                    manifest.error(0..0, format!("task `{}` is not scored in any phase", question.id)),
                    Some("a task counts as done when its answer earns full points, so add it to its phase's [[phases.scoring]]".into()),
                );
            }
        }
        phases
    }

    /// The manifest's stage question, if it names one that exists and is a choice question.
    pub(super) fn stage_question<'q>(
        &mut self,
        manifest: &Parsed<crate::rules::files::ManifestFile>,
        questions: &'q IdMap<Question>,
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
    pub(super) fn check_phase_can_be_met(
        &mut self,
        manifest: &Parsed<crate::rules::files::ManifestFile>,
        def: &crate::rules::files::PhaseDef,
        scoring: &[Scored],
        gates: &[Gate],
        questions: &IdMap<Question>,
    ) {
        let phase_id = def.id.get_ref();
        let best_score = crate::score::weighted(
            scoring
                .iter()
                .map(|s| (s.weight, s.points.values().max().copied().unwrap_or(0))),
        )
        .score;
        if i64::from(best_score) < *def.threshold.get_ref() {
            self.push(
                manifest.error(def.threshold.span(), format!("phase `{phase_id}` can never be met: its best possible score is {best_score}, below its threshold {}", def.threshold.get_ref())),
                None,
            );
        }
        let conditions: Vec<&Condition> = gates.iter().map(|g| &g.condition).collect();
        if gates.len() == def.gates.len()
            && !conditions.is_empty()
            && !satisfiable(&conditions, |id| questions.get(id).map(Question::domain))
        {
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
}
