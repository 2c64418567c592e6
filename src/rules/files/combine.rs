//! How a team's answers combine, by scale (the manifest's `[combine]` table).

use schemars::JsonSchema;
use serde::Deserialize;

/// How several respondents' answers to one question combine into the team's answer.
/// Every rule looks only at the answers given; a tie goes to the answer that earns fewer
/// points, then to the value listed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CombineRule {
    /// The answer that earns the fewest points: "yes" only when everyone says yes.
    Lowest,
    /// The middle answer by points (the lower of the two middle ones for an even number).
    Median,
    /// The answer given most often.
    Majority,
}

impl CombineRule {
    /// The rule's name as written in a manifest.
    pub fn name(self) -> &'static str {
        match self {
            CombineRule::Lowest => "lowest",
            CombineRule::Median => "median",
            CombineRule::Majority => "majority",
        }
    }
}
