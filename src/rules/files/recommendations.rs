//! A recommendation rules file.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::*;

/// A recommendation rules file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationsFile {
    /// The rules, in file order.
    #[serde(default)]
    pub recommendations: Vec<RecommendationDef>,
}

/// How urgent a recommendation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Do this first: it holds the organization in its phase.
    High,
    /// Do this soon.
    Medium,
    /// Worth doing when there is time.
    Low,
}

impl Priority {
    /// `high`, `medium` or `low`, as written in a rule file.
    pub fn name(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }
}

/// One `[[recommendations]]` rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationDef {
    /// Stable identifier, e.g. `why-value-proposition`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Phase the rule belongs to; the rule fires only once the organization has reached it.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub phase: Option<Spanned<String>>,
    /// `high`, `medium` or `low`.
    pub priority: Priority,
    /// One-line summary.
    pub title: String,
    /// The advice itself.
    pub text: String,
    /// Condition on the answers under which the rule fires; absent means always.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub when: Option<Spanned<String>>,
    /// Fire only when every phase is met (what follows the framework).
    #[serde(default)]
    pub complete: bool,
    /// Fire only for a team's answers (`readiness combine`, `assess --team`) when the
    /// respondents disagree on at least one question; its `because` lists those questions.
    /// `when` and `phase`, if given, must hold too.
    #[serde(default)]
    pub disagreement: bool,
    /// Resources the recommendation points to, by id, in the order given.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub resources: Vec<Spanned<String>>,
    /// Where the advice comes from: `documents` (what the documents advise, in this rule
    /// set's words) or `ours` (advice the documents do not give); by default the
    /// framework's `source`.
    #[serde(default)]
    pub source: Option<Source>,
    /// Fire only when the checks of the answers' timeline find a problem of one of these
    /// kinds (`missing`, `out_of_order`, `overlap`, `too_soon`, `gap`, `past`); the
    /// recommendation lists those findings. `when` and `phase`, if given, must hold too.
    /// Only in a framework with a `[timeline]`.
    #[serde(default)]
    #[schemars(with = "Vec<FindingKind>")]
    pub timeline: Vec<Spanned<FindingKind>>,
}
