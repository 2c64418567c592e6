//! The participant feedback survey: groups, questions, answer kinds and their choices,
//! conditions on the readiness answers, and the one placeholder it may use.

use crate::id_map::IdMap;
use std::collections::HashSet;

use indexmap::IndexMap;

use super::Validator;
use super::ids::{is_plain_id, unknown};
use crate::rules::feedback::{FeedbackGroup, FeedbackQuestion, FeedbackSurvey};
use crate::rules::files::{FeedbackFile, FeedbackKind, Parsed, Source};
use crate::rules::framework::Question;

/// The one placeholder a feedback survey's words may hold.
pub const ORGANIZATION: &str = "{organization}";

impl Validator {
    /// Checks the feedback file and builds the survey; `None` when the framework has none.
    pub(super) fn feedback(
        &mut self,
        file: Option<&Parsed<FeedbackFile>>,
        questions: &IdMap<Question>,
    ) -> Option<FeedbackSurvey> {
        let file = file?;
        let data = &file.data;
        let source = data.survey.source.unwrap_or(self.default_source);
        for text in [Some(&data.survey.title), data.survey.intro.as_ref()]
            .into_iter()
            .flatten()
            .chain(data.questions.iter().filter_map(|q| q.tailored.as_ref()))
        {
            self.placeholders(file, text);
        }
        let mut groups: Vec<FeedbackGroup> = Vec::new();
        for g in &data.groups {
            let id = g.id.get_ref();
            if !is_plain_id(id) {
                self.push(
                    file.error(
                        g.id.span(),
                        format!("group id `{id}` must use lowercase letters, digits, `_` and `-`"),
                    ),
                    None,
                );
            }
            if groups.iter().any(|known| &known.id == id) {
                self.push(file.error(g.id.span(), format!("duplicate group id `{id}`")), None);
                continue;
            }
            groups.push(FeedbackGroup {
                id: id.clone(),
                title: g.title.trim().to_string(),
                questions: Vec::new(),
            });
        }
        let mut seen = HashSet::new();
        for q in &data.questions {
            let id = q.id.get_ref();
            if !seen.insert(id.clone()) {
                self.push(file.error(q.id.span(), format!("duplicate question id `{id}`")), None);
                continue;
            }
            let choices = match (q.answer.kind, &q.answer.choices) {
                (FeedbackKind::Scale | FeedbackKind::Choice, Some(name)) => match data.choices.get(name.get_ref()) {
                    Some(set) if !set.get_ref().is_empty() => set.get_ref().clone(),
                    Some(set) => {
                        self.push(
                            file.error(
                                set.span(),
                                format!("choice set `{name}` has no values", name = name.get_ref()),
                            ),
                            None,
                        );
                        IndexMap::new()
                    }
                    None => {
                        let (m, h) = unknown(
                            "choice set",
                            name.get_ref(),
                            data.choices.keys().map(String::as_str).collect(),
                        );
                        self.push(file.error(name.span(), m), h);
                        IndexMap::new()
                    }
                },
                (FeedbackKind::Scale | FeedbackKind::Choice, None) => {
                    self.push(
                        file.error(
                            q.id.span(),
                            format!("`{id}` asks for a {} and needs `choices`", q.answer.kind.name()),
                        ),
                        Some("name a set defined under [choices.NAME] in `answer`".into()),
                    );
                    IndexMap::new()
                }
                (kind, Some(name)) => {
                    self.push(
                        file.error(name.span(), format!("a {} answer takes no `choices`", kind.name())),
                        None,
                    );
                    IndexMap::new()
                }
                (_, None) => IndexMap::new(),
            };
            let when = q.when.as_ref().and_then(|w| self.condition(file, w, questions, None));
            let Some(group) = groups.iter_mut().find(|g| &g.id == q.group.get_ref()) else {
                let (m, h) = unknown(
                    "group",
                    q.group.get_ref(),
                    data.groups.iter().map(|g| g.id.get_ref().as_str()).collect(),
                );
                self.push(file.error(q.group.span(), m), h);
                continue;
            };
            group.questions.push(FeedbackQuestion {
                id: id.clone(),
                text: q.text.trim().to_string(),
                tailored: q.tailored.as_ref().map(|t| t.trim().to_string()),
                kind: q.answer.kind,
                choices,
                kind_ours: q.answer.source.unwrap_or(source) == Source::Ours,
                when,
                required: q.required,
                ours: q.source.unwrap_or(source) == Source::Ours,
            });
        }
        for g in &groups {
            if g.questions.is_empty() {
                let span = data
                    .groups
                    .iter()
                    .find(|d| d.id.get_ref() == &g.id)
                    .map_or(0..0, |d| d.id.span());
                self.push(file.error(span, format!("group `{}` has no questions", g.id)), None);
            }
        }
        Some(FeedbackSurvey {
            id: data.survey.id.clone(),
            title: data.survey.title.trim().to_string(),
            intro: data.survey.intro.as_ref().map(|i| i.trim().to_string()),
            groups,
            choices: data
                .choices
                .iter()
                .map(|(k, v)| (k.clone(), v.get_ref().clone()))
                .collect(),
        })
    }

    /// Reports a `{...}` in the words that is not `{organization}`.
    fn placeholders(&mut self, file: &Parsed<FeedbackFile>, text: &str) {
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open..];
            let end = after.find('}').map_or(after.len(), |i| i + 1);
            let found = &after[..end];
            if found != ORGANIZATION {
                self.push(
                    file.error(0..0, format!("unknown placeholder `{found}` in \"{text}\"")),
                    Some(format!(
                        "the one placeholder is {ORGANIZATION}, the organization's name"
                    )),
                );
            }
            rest = &after[end..];
        }
    }
}
