//! The timeline checks: an answers file's dates (`[timeline]`) against the framework's
//! timeline (its activities in order, and the order rules between them). Pure: the day to
//! check dates in the past against is given, never read from a clock.
//!
//! What is checked, each problem a [`Finding`] in words:
//! - `missing`: an activity with no date, when others have dates;
//! - `out_of_order`: an activity that starts before one that comes before it starts (by an
//!   order rule, or by the order the timeline lists them);
//! - `overlap`: an activity that starts before one an order rule puts before it ends;
//! - `too_soon`: fewer days between the two than the rule's `min_days`;
//! - `gap`: more days between them than the rule's `max_days`;
//! - `past` (only when a day is given): an activity whose last day is before that day and
//!   that is not done (`done = true`, or its task answered done).
//!
//! How the dates count toward the framework's timeline question (`[timeline] question`),
//! while it has no answer: every activity dated and no `out_of_order`, `overlap`,
//! `too_soon` or `gap` finding counts as its `complete_answer`; any other dates as its
//! `partial_answer`. Dates in the past do not change it: they are about progress, not the
//! plan, and the answer must not depend on the day it is read.

use jiff::civil::Date;
use std::sync::Arc;

use serde::Serialize;

use crate::answers::{AnswerValue, Answers, Dates};
use crate::rules::{FindingKind, Framework};
use crate::score;

/// What the checks found in an organization's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineCheck {
    /// Every activity of the framework's timeline, in order, with its dates (if any).
    pub activities: Vec<ActivityDates>,
    /// The problems found, in activity order.
    pub findings: Vec<Finding>,
    /// Every activity has a date.
    pub complete: bool,
    /// Nothing is out of order, overlapping, too soon or too far apart.
    pub consistent: bool,
    /// The answer the dates count as for the framework's timeline question, while it has
    /// no answer of its own; null otherwise.
    pub counts_as: Option<CountsAs>,
}

/// The answer a timeline's dates count as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountsAs {
    /// The question.
    pub question: String,
    /// The answer the dates count as.
    pub answer: String,
}

impl CountsAs {
    /// The answer the dates count as, as the question takes it.
    pub fn value(&self) -> AnswerValue {
        AnswerValue::Choice(self.answer.clone())
    }
}

/// One activity and its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityDates {
    /// Activity id.
    pub id: Arc<str>,
    /// The activity in the documents' words.
    pub title: Arc<str>,
    /// The first day, written `YYYY-MM-DD`; null when not dated.
    #[serde(serialize_with = "written")]
    pub start: Option<Date>,
    /// The last day (the first, for one day), written `YYYY-MM-DD`; null when not dated.
    #[serde(serialize_with = "written")]
    pub end: Option<Date>,
    /// Whether it is done (`done = true`, or its task answered done).
    pub done: bool,
    /// Where it happens; null when not given.
    pub location: Option<String>,
}

/// One problem with the timeline's dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What kind of problem.
    pub kind: FindingKind,
    /// The activity it is about.
    pub activity: Arc<str>,
    /// The other activity it is measured against; null when none.
    pub other: Option<Arc<str>>,
    /// The problem in words.
    pub message: String,
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days(from: Date, to: Date) -> i64 {
    i64::from((to - from).get_days())
}

/// Whether the activity is done: the answers file says so, or its task is answered done.
fn done(framework: &Framework, answers: &Answers, task: Option<&str>, dates: &Dates) -> bool {
    dates.done
        || task.is_some_and(|t| {
            framework
                .scored(t)
                .is_some_and(|item| crate::assess::points(item, answers.get(t)) == score::FULL)
        })
}

/// A day as `YYYY-MM-DD` (as jiff writes it), or null.
fn written<S: serde::Serializer>(day: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
    match day {
        Some(day) => serializer.collect_str(day),
        None => serializer.serialize_none(),
    }
}

/// Checks the answers' timeline; `None` when the framework has no timeline or the answers
/// date none of its activities. `today`, when given, is the day dates in the past are
/// measured against.
pub fn check(framework: &Framework, answers: &Answers, today: Option<Date>) -> Option<TimelineCheck> {
    let timeline = framework.timeline.as_ref()?;
    let activities = &timeline.activities;
    // Each activity's dates, by position, looked up once.
    let by_position: Vec<Option<&Dates>> = activities.iter().map(|a| answers.timeline.get(&*a.id)).collect();
    if by_position.iter().all(Option::is_none) {
        return None;
    }
    let dated = |at: usize| by_position.get(at).copied().flatten();
    // Borrowed: a title is copied only into a finding's message.
    let title = |at: usize| activities.get(at).map_or("", |a| &*a.title);
    let mut findings: Vec<(usize, Finding)> = Vec::new();
    // A finding about the activity at a position, measured against the one at another.
    let mut push = |kind: FindingKind, at: usize, other: Option<usize>, message: String| {
        let id = |at: usize| activities.get(at).map(|a| a.id.clone());
        findings.push((
            at,
            Finding {
                kind,
                activity: id(at).unwrap_or_default(),
                other: other.and_then(id),
                message,
            },
        ));
    };

    for (at, (a, d)) in activities.iter().zip(&by_position).enumerate() {
        if d.is_none() {
            push(FindingKind::Missing, at, None, format!("{} has no date yet.", a.title));
        }
    }
    // The order rules.
    for rule in &timeline.order {
        let (Some(b), Some(a)) = (dated(rule.before_at), dated(rule.after_at)) else {
            continue;
        };
        let (after, before) = (title(rule.after_at), title(rule.before_at));
        let gap = days(b.end, a.start);
        if a.start < b.start {
            push(
                FindingKind::OutOfOrder,
                rule.after_at,
                Some(rule.before_at),
                format!("{}, before {}: {}.", starts(after, a), starts(before, b), rule.reason),
            );
        } else if a.start < b.end {
            push(
                FindingKind::Overlap,
                rule.after_at,
                Some(rule.before_at),
                format!(
                    "{}, before {before} ends on {}: {}.",
                    starts(after, a),
                    b.end,
                    rule.reason
                ),
            );
        } else if gap < i64::from(rule.min_days) {
            push(
                FindingKind::TooSoon,
                rule.after_at,
                Some(rule.before_at),
                format!(
                    "{after} ({}) comes {} after {before} ({}), and at least {} are wanted: {}.",
                    a.start,
                    day_count(gap),
                    b.end,
                    day_count(i64::from(rule.min_days)),
                    rule.reason
                ),
            );
        }
        if let Some(max) = rule.max_days
            && gap > i64::from(max)
        {
            push(
                FindingKind::Gap,
                rule.after_at,
                Some(rule.before_at),
                format!(
                    "{} pass between {before} ({}) and {after} ({}), more than the {} suggested: {}.",
                    day_count(gap),
                    b.end,
                    a.start,
                    day_count(i64::from(max)),
                    rule.reason
                ),
            );
        }
    }
    // The timeline's own order, where no rule already speaks of the two activities.
    let ruled = |x: usize, y: usize| {
        timeline
            .order
            .iter()
            .any(|r| (r.before_at == x && r.after_at == y) || (r.before_at == y && r.after_at == x))
    };
    for (j, later) in activities.iter().enumerate() {
        let Some(l) = by_position[j] else { continue };
        let earlier = activities[..j]
            .iter()
            .zip(&by_position)
            .enumerate()
            .filter_map(|(i, (e, d))| d.map(|d| (i, e, d)))
            .filter(|&(i, _, d)| d.start > l.start && !ruled(i, j))
            .max_by_key(|(_, _, d)| d.start);
        if let Some((i, e, d)) = earlier {
            push(
                FindingKind::OutOfOrder,
                j,
                Some(i),
                format!(
                    "{}, before {}, which the timeline lists before it.",
                    starts(&later.title, l),
                    starts(&e.title, d)
                ),
            );
        }
    }
    let listed: Vec<ActivityDates> = activities
        .iter()
        .zip(&by_position)
        .map(|(a, &d)| ActivityDates {
            id: a.id.clone(),
            title: a.title.clone(),
            start: d.map(|d| d.start),
            end: d.map(|d| d.end),
            done: d.is_some_and(|d| done(framework, answers, a.task.as_deref(), d)),
            location: d.and_then(|d| d.location.clone()),
        })
        .collect();
    if let Some(today) = today {
        for (at, ((a, info), d)) in activities.iter().zip(&listed).zip(&by_position).enumerate() {
            let Some(dates) = d.filter(|_| !info.done) else {
                continue;
            };
            if dates.end < today {
                push(
                    FindingKind::Past,
                    at,
                    None,
                    format!(
                        "{} {} {}, before {today}, and is not marked done: mark it done (done = true) or set new dates.",
                        a.title,
                        if dates.start == dates.end {
                            "was on"
                        } else {
                            "was to end on"
                        },
                        dates.end
                    ),
                );
            }
        }
    }
    findings.sort_by_key(|(i, f)| (*i, f.kind));
    let findings: Vec<Finding> = findings.into_iter().map(|(_, f)| f).collect();
    let complete = listed.iter().all(|a| a.start.is_some());
    let consistent = !findings.iter().any(|f| {
        matches!(
            f.kind,
            FindingKind::OutOfOrder | FindingKind::Overlap | FindingKind::TooSoon | FindingKind::Gap
        )
    });
    let counts_as = timeline.counts_toward.as_ref().and_then(|c| {
        answers.get(&c.question).is_none().then(|| CountsAs {
            question: c.question.clone(),
            answer: if complete && consistent {
                c.complete.clone()
            } else {
                c.partial.clone()
            },
        })
    });
    Some(TimelineCheck {
        activities: listed,
        findings,
        complete,
        consistent,
        counts_as,
    })
}

/// `Training is on 2026-02-10`, or `Coaching starts on 2026-02-17` for a range.
fn starts(title: &str, dates: &Dates) -> String {
    if dates.start == dates.end {
        format!("{title} is on {}", dates.start)
    } else {
        format!("{title} starts on {}", dates.start)
    }
}

/// `1 day`, `12 days`.
fn day_count(n: i64) -> String {
    if n == 1 { "1 day".into() } else { format!("{n} days") }
}

impl TimelineCheck {
    /// The answer the dates count as, in words for a note beside it.
    pub fn note(&self) -> String {
        if self.complete && self.consistent {
            "Counted from the timeline's dates: every activity is dated, in order.".into()
        } else if !self.complete {
            "Counted from the timeline's dates: some activities are not dated yet.".into()
        } else {
            "Counted from the timeline's dates: some are out of order, too close or too far apart.".into()
        }
    }

    /// The findings of these kinds.
    pub fn of_kinds<'a>(&'a self, kinds: &'a [FindingKind]) -> impl Iterator<Item = &'a Finding> {
        self.findings.iter().filter(|f| kinds.contains(&f.kind))
    }
}

/// The answers with the timeline question answered by the dates, where it has no answer
/// and the dates count toward it (with a note saying so); `None` when nothing changes.
pub fn with_dates(framework: &Framework, answers: &Answers) -> Option<Answers> {
    answered_by_dates(&check(framework, answers, None)?, answers)
}

/// [`with_dates`] from the checks already made on `answers` (on any day: the answer the
/// dates count as does not depend on it).
pub fn answered_by_dates(check: &TimelineCheck, answers: &Answers) -> Option<Answers> {
    let counts = check.counts_as.as_ref()?;
    let mut answers = answers.clone();
    answers.values.insert(counts.question.clone(), counts.value());
    answers.notes.insert(counts.question.clone(), check.note());
    Some(answers)
}
