//! The implementation timeline a manifest declares: activities, their order, and what a check can find.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::*;

/// The `[timeline]` table of a manifest: the activities of an implementation timeline, in
/// the order the documents list them, which must come before which, and how far apart.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineDef {
    /// The big question the dates answer, e.g. `how.timeline`. While it has no answer, the
    /// dates count as an answer to it: `complete_answer` when every activity is dated and
    /// the checks find nothing out of order, too soon or too far apart; `partial_answer`
    /// for any other dates. An answer given is never replaced.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub question: Option<Spanned<String>>,
    /// The answer a complete, consistent timeline counts as (with `question`), e.g. `yes`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub complete_answer: Option<Spanned<String>>,
    /// The answer any other dated timeline counts as (with `question`), e.g. `partly`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub partial_answer: Option<Spanned<String>>,
    /// Where the activities come from: `documents` or `ours`; by default the framework's
    /// `source`.
    #[serde(default)]
    pub source: Option<Source>,
    /// The activities, in the order the documents list them (`[[timeline.activities]]`):
    /// an activity that starts before one listed earlier starts is out of order.
    #[serde(default)]
    pub activities: Vec<ActivityDef>,
    /// Which activity must come before which, and how far apart (`[[timeline.order]]`).
    #[serde(default)]
    pub order: Vec<OrderDef>,
}

/// One `[[timeline.activities]]` entry: an activity of the implementation timeline.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityDef {
    /// Stable identifier, the key of the activity in an answers file's `[timeline]` table
    /// (lowercase letters, digits and `_`), e.g. `recruitment`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The activity in the documents' words, e.g. `Recruitment`.
    pub title: String,
    /// What to write down for it, e.g. the documents' `List all times, dates, locations`.
    #[serde(default)]
    pub help: Option<String>,
    /// An important task whose answer `done` marks the activity done (so that dates in the
    /// past are not flagged), e.g. `how.recruitment`. An answers file may also say
    /// `done = true` on the activity.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub task: Option<Spanned<String>>,
    /// Where the activity comes from: `documents` or `ours`; by default the timeline's.
    #[serde(default)]
    pub source: Option<Source>,
}

/// One `[[timeline.order]]` entry: an activity that must come after another.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderDef {
    /// The activity that comes first (an activity id).
    #[schemars(with = "String")]
    pub before: Spanned<String>,
    /// The activity that comes after it: it must not start before `before` ends.
    #[schemars(with = "String")]
    pub after: Spanned<String>,
    /// The fewest days from the end of `before` to the start of `after` (0 to 3650; 0, the
    /// default, only asks that it not start earlier).
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub min_days: Option<Spanned<i64>>,
    /// The most days from the end of `before` to the start of `after` (0 to 3650); a longer
    /// gap is a finding. Absent: any gap is fine.
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub max_days: Option<Spanned<i64>>,
    /// Why, in plain words; shown with the finding when the order or a limit is not kept.
    pub reason: String,
    /// Where the rule comes from: `documents` or `ours`; by default the timeline's.
    #[serde(default)]
    pub source: Option<Source>,
}

/// A kind of problem the timeline checks find in an answers file's dates; a recommendation
/// rule's `timeline` names the kinds that make it fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// An activity has no date while others have.
    Missing,
    /// An activity starts before one that comes before it starts.
    OutOfOrder,
    /// An activity starts before one that comes before it ends.
    Overlap,
    /// An activity starts fewer days after one that comes before it than `min_days`.
    TooSoon,
    /// An activity starts more days after one that comes before it than `max_days`.
    Gap,
    /// An activity's dates are past (before the report's date) and it is not done.
    Past,
}

impl FindingKind {
    /// Every kind, in the order the checks report them.
    pub const ALL: [FindingKind; 6] = [
        FindingKind::Missing,
        FindingKind::OutOfOrder,
        FindingKind::Overlap,
        FindingKind::TooSoon,
        FindingKind::Gap,
        FindingKind::Past,
    ];

    /// The kind as written in a rule file: `out_of_order`, ...
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Missing => "missing",
            FindingKind::OutOfOrder => "out_of_order",
            FindingKind::Overlap => "overlap",
            FindingKind::TooSoon => "too_soon",
            FindingKind::Gap => "gap",
            FindingKind::Past => "past",
        }
    }

    /// The kind in words for a person.
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Missing => "no date",
            FindingKind::OutOfOrder => "out of order",
            FindingKind::Overlap => "overlap",
            FindingKind::TooSoon => "too soon",
            FindingKind::Gap => "long gap",
            FindingKind::Past => "past, not done",
        }
    }
}
