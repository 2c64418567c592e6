//! Questionnaires and their questions: ids, kinds, choices, phases, conditions.

use std::collections::HashSet;

use indexmap::IndexMap;

use super::Validator;
use super::ids::{is_question_id, unknown};
use crate::rules::files::{AnswerKind, RawFramework, Role};
use crate::rules::framework::{Question, Questionnaire, Resource};

impl Validator {
    pub(super) fn questions(
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
                    .is_some_and(|(section, _)| section == crate::rules::META_SECTION)
                {
                    self.push(
                        file.error(
                            span.clone(),
                            format!(
                                "question id `{id}` uses the reserved section `{}`",
                                crate::rules::META_SECTION
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
}
