//! The implementation timeline of a manifest: activity ids, their tasks, the order rules
//! between them, and the question the dates count toward.

use crate::id_map::IdMap;
use std::collections::HashSet;

use super::Validator;
use super::ids::unknown;
use crate::rules::files::{AnswerKind, ManifestFile, Parsed, Role, Source};
use crate::rules::framework::{Activity, CountsToward, Order, Question, Timeline};

/// The largest number of days an order rule may name: ten years.
const MAX_DAYS: i64 = 3650;

/// Whether an activity id is a plain TOML key of an answers file: lowercase letters,
/// digits and `_`, starting with a letter.
fn is_activity_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Validator {
    /// Checks the manifest's `[timeline]` and builds it; `None` when there is none.
    pub(super) fn timeline(
        &mut self,
        manifest: &Parsed<ManifestFile>,
        questions: &IdMap<Question>,
    ) -> Option<Timeline> {
        let def = manifest.data.timeline.as_ref()?;
        let source = def.source.unwrap_or(self.default_source);
        let mut activities: Vec<Activity> = Vec::new();
        let mut seen = HashSet::new();
        for a in &def.activities {
            let id = a.id.get_ref();
            if !is_activity_id(id) {
                self.push(
                    manifest.error(
                        a.id.span(),
                        format!(
                            "activity id `{id}` must use lowercase letters, digits and `_`, starting with a letter"
                        ),
                    ),
                    Some("an activity id is a key of an answers file's [timeline] table, e.g. `recruitment`".into()),
                );
            }
            if !seen.insert(id.clone()) {
                self.push(
                    manifest.error(a.id.span(), format!("duplicate activity id `{id}`")),
                    None,
                );
                continue;
            }
            let task = a.task.as_ref().and_then(|t| match questions.get(t.get_ref()) {
                Some(q) if q.role == Role::Task => Some(q.id.to_string()),
                Some(_) => {
                    self.push(
                        manifest.error(t.span(), format!("`{}` is not an important task", t.get_ref())),
                        Some("`task` names the task whose answer `done` marks the activity done".into()),
                    );
                    None
                }
                None => {
                    let tasks = questions
                        .values()
                        .filter(|q| q.role == Role::Task)
                        .map(|q| q.id.as_ref())
                        .collect();
                    let (m, h) = unknown("task", t.get_ref(), tasks);
                    self.push(manifest.error(t.span(), m), h);
                    None
                }
            });
            activities.push(Activity {
                id: id.as_str().into(),
                title: a.title.trim().into(),
                help: a.help.as_ref().map(|h| h.trim().to_string()),
                task,
                ours: a.source.unwrap_or(source) == Source::Ours,
            });
        }
        if activities.is_empty() {
            self.push(
                manifest.error(0..0, "the [timeline] has no activities"),
                Some("add [[timeline.activities]] tables, or remove [timeline]".into()),
            );
        }
        let ids: Vec<&str> = activities.iter().map(|a| a.id.as_ref()).collect();
        let mut order = Vec::new();
        for rule in &def.order {
            let mut known = true;
            for end in [&rule.before, &rule.after] {
                if !ids.contains(&end.get_ref().as_str()) {
                    let (m, h) = unknown("activity", end.get_ref(), ids.clone());
                    self.push(manifest.error(end.span(), m), h);
                    known = false;
                }
            }
            if known && rule.before.get_ref() == rule.after.get_ref() {
                self.push(
                    manifest.error(rule.after.span(), "an activity cannot come after itself"),
                    None,
                );
                known = false;
            }
            let mut days = |value: &Option<toml::Spanned<i64>>, name: &str| -> Option<u32> {
                let v = value.as_ref()?;
                if (0..=MAX_DAYS).contains(v.get_ref()) {
                    u32::try_from(*v.get_ref()).ok()
                } else {
                    self.push(
                        manifest.error(
                            v.span(),
                            format!("`{name}` is {}: it must be from 0 to {MAX_DAYS}", v.get_ref()),
                        ),
                        None,
                    );
                    None
                }
            };
            let min_days = days(&rule.min_days, "min_days").unwrap_or(0);
            let max_days = days(&rule.max_days, "max_days");
            if let (Some(max), Some(span)) = (max_days, rule.max_days.as_ref().map(toml::Spanned::span))
                && max < min_days
            {
                self.push(
                    manifest.error(span, format!("`max_days` ({max}) is less than `min_days` ({min_days})")),
                    None,
                );
            }
            let at = |id: &str| activities.iter().position(|a| *a.id == *id);
            if let (true, Some(before_at), Some(after_at)) =
                (known, at(rule.before.get_ref()), at(rule.after.get_ref()))
            {
                order.push(Order {
                    before: rule.before.get_ref().clone(),
                    after: rule.after.get_ref().clone(),
                    before_at,
                    after_at,
                    min_days,
                    max_days,
                    reason: rule.reason.trim().to_string(),
                    ours: rule.source.unwrap_or(source) == Source::Ours,
                });
            }
        }
        let counts_toward = self.counts_toward(manifest, questions);
        Some(Timeline {
            counts_toward,
            activities,
            order,
        })
    }

    /// The question a timeline's dates count toward, and the answers they count as: all
    /// three given, or none.
    fn counts_toward(&mut self, manifest: &Parsed<ManifestFile>, questions: &IdMap<Question>) -> Option<CountsToward> {
        let def = manifest.data.timeline.as_ref()?;
        let (question, complete, partial) = match (&def.question, &def.complete_answer, &def.partial_answer) {
            (None, None, None) => return None,
            (Some(q), Some(c), Some(p)) => (q, c, p),
            (q, c, p) => {
                let span = q
                    .as_ref()
                    .or(c.as_ref())
                    .or(p.as_ref())
                    .map_or(0..0, toml::Spanned::span);
                self.push(
                    manifest.error(
                        span,
                        "the timeline's `question`, `complete_answer` and `partial_answer` go together",
                    ),
                    Some("give all three, or none".into()),
                );
                return None;
            }
        };
        let Some(q) = questions.get(question.get_ref()) else {
            let (m, h) = unknown(
                "question",
                question.get_ref(),
                questions.keys().map(String::as_str).collect(),
            );
            self.push(manifest.error(question.span(), m), h);
            return None;
        };
        if q.kind != AnswerKind::Choice || q.role == Role::Profile {
            self.push(
                manifest.error(
                    question.span(),
                    format!("`{}` is not a big question or task with choices", q.id),
                ),
                Some("the timeline's dates count as one of its choices".into()),
            );
            return None;
        }
        let mut ok = true;
        for value in [complete, partial] {
            if !q.choices.contains_key(value.get_ref()) {
                self.push(
                    manifest.error(
                        value.span(),
                        format!("`{}` is not a value of `{}`", value.get_ref(), q.id),
                    ),
                    Some(format!("expected one of {}", q.allowed_values())),
                );
                ok = false;
            }
        }
        ok.then(|| CountsToward {
            question: q.id.to_string(),
            complete: complete.get_ref().clone(),
            partial: partial.get_ref().clone(),
        })
    }
}
