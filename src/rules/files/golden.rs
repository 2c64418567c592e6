//! A golden test file: answers, and what their assessment must say.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// A golden test file: answers and the assessment they must give.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestsFile {
    /// The cases, run in file order.
    #[serde(default)]
    pub cases: Vec<CaseDef>,
}

/// One `[[cases]]` entry: answers, and what the assessment of them must say.
/// Only the expectations given are checked.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseDef {
    /// A unique name, shown in the report.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// The answers, exactly as in an answers file (`[cases.answers.profile]`, ...). A case
    /// gives either `answers` or `team`.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub answers: Option<Spanned<toml::Table>>,
    /// A team's answers instead: two or more respondents' answers, each exactly as in an
    /// answers file (`[[cases.team]]`, then `[cases.team.respondent]`,
    /// `[cases.team.profile]`, ...), combined by the manifest's `[combine]` rules as
    /// `readiness assess --team` combines them.
    #[serde(default)]
    #[schemars(with = "Vec<serde_json::Map<String, serde_json::Value>>")]
    pub team: Vec<Spanned<toml::Table>>,
    /// Expected current phase id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub phase: Option<Spanned<String>>,
    /// Expected `complete`.
    #[serde(default)]
    pub complete: Option<bool>,
    /// Expected remaining task ids, exactly and in order.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub remaining_tasks: Option<Vec<Spanned<String>>>,
    /// Expected recommendation ids, exactly and in order.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub recommendations: Option<Vec<Spanned<String>>>,
}
