//! Questionnaires and their questions: ids, kinds, choices, phases, conditions.

use crate::id_map::IdMap;
use std::collections::HashSet;

use indexmap::IndexMap;

use super::Validator;
use super::ids::{is_question_id, unknown};
use crate::rules::files::{AnswerKind, RawFramework, Role, Source};
use crate::rules::framework::{DONT_KNOW, NOT_APPLICABLE, Question, Questionnaire, Resource};

impl Validator {
    pub(super) fn questions(
        &mut self,
        raw: &RawFramework,
        phase_ids: &[&str],
        resources: &IdMap<Resource>,
    ) -> (Vec<Questionnaire>, IdMap<Question>) {
        // Choice sets are shared by every questionnaire file of the framework.
        let mut choice_sets: IndexMap<String, IdMap<String>> = IndexMap::new();
        for file in &raw.questionnaires {
            for (name, set) in &file.data.choices {
                if choice_sets.contains_key(name) {
                    self.push(file.error(set.span(), format!("duplicate choice set `{name}`")), None);
                } else if set.get_ref().is_empty() {
                    self.push(
                        file.error(set.span(), format!("choice set `{name}` has no values")),
                        None,
                    );
                } else if let Some(reserved) = set
                    .get_ref()
                    .keys()
                    .find(|v| [NOT_APPLICABLE, DONT_KNOW].contains(&v.as_str()))
                {
                    self.push(
                        file.error(
                            set.span(),
                            format!("choice set `{name}`: `{reserved}` is a reserved answer, not a choice"),
                        ),
                        Some("a question allows `not_applicable` with `not_applicable = true`; every big question and task with choices allows `dont_know`".into()),
                    );
                } else {
                    choice_sets.insert(
                        name.clone(),
                        set.get_ref().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
                    );
                }
            }
        }

        let mut questionnaires = Vec::new();
        let mut questions: IdMap<Question> = IdMap::default();
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
                if let Some((section, _)) = id.split_once('.').filter(|(section, _)| {
                    [
                        crate::rules::META_SECTION,
                        crate::rules::PLAN_SECTION,
                        crate::rules::TIMELINE_SECTION,
                    ]
                    .contains(section)
                }) {
                    self.push(
                        file.error(
                            span.clone(),
                            format!("question id `{id}` uses the reserved section `{section}`"),
                        ),
                        Some("answers files use [framework] to name the framework they were written for, [action_plan] for the action plan and [timeline] for the timeline's dates".into()),
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
                            IdMap::default()
                        }
                    },
                    (AnswerKind::Choice, None) => {
                        self.push(
                            file.error(span.clone(), format!("choice question `{id}` needs `choices`")),
                            Some("name a choice set defined under [choices.NAME]".into()),
                        );
                        IdMap::default()
                    }
                    (_, Some(name)) => {
                        self.push(
                            file.error(
                                name.span(),
                                format!("`choices` is only for choice questions, and `{id}` is not one"),
                            ),
                            None,
                        );
                        IdMap::default()
                    }
                    (_, None) => IdMap::default(),
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
                let mut choices = choices;
                let mut rubric = IdMap::default();
                for (field, given, into_labels) in [("labels", &def.labels, true), ("rubric", &def.rubric, false)] {
                    let Some(given) = given else { continue };
                    if def.kind != AnswerKind::Choice {
                        self.push(
                            file.error(
                                given.span(),
                                format!("`{field}` is only for choice questions, and `{id}` is not one"),
                            ),
                            None,
                        );
                        continue;
                    }
                    for (value, text) in given.get_ref() {
                        let special = value == NOT_APPLICABLE && def.not_applicable
                            || value == DONT_KNOW && def.role != Role::Profile;
                        if !choices.contains_key(value) && !special {
                            self.push(
                                file.error(
                                    given.span(),
                                    format!("{field} of `{id}`: `{value}` is not a value of the question"),
                                ),
                                Some(format!(
                                    "its values: {}",
                                    choices.keys().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
                                )),
                            );
                        } else if into_labels && !special {
                            choices.insert(value.clone(), text.trim().to_string());
                        } else if !into_labels {
                            rubric.insert(value.clone(), text.trim().to_string());
                        }
                    }
                }
                if def.not_applicable && def.kind != AnswerKind::Choice {
                    self.push(
                        file.error(
                            span.clone(),
                            format!("`not_applicable` is only for choice questions, and `{id}` is not one"),
                        ),
                        None,
                    );
                }
                ids.push(id.clone());
                questions.insert(
                    id.clone(),
                    Question {
                        id: id.as_str().into(),
                        kind: def.kind,
                        role: def.role,
                        phase,
                        title: def.title.trim().into(),
                        help: def.help.as_ref().map(|h| h.trim().to_string()),
                        choices,
                        rubric,
                        not_applicable: def.not_applicable && def.kind == AnswerKind::Choice,
                        dont_know: def.kind == AnswerKind::Choice && def.role != Role::Profile,
                        ours: def.source.unwrap_or(self.default_source) == Source::Ours,
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
}
