//! Answers: the typed values, reading an answers file (TOML or JSON), what-if overrides
//! from the command line, a team's answers combined and the file that holds them, the blank
//! answers file `readiness template` prints, and the answers schema.

pub mod blank;
pub mod combine;
mod json;
mod overrides;
pub mod plan;
mod read;
pub mod schema;
pub mod team_file;
mod value;

pub use crate::rules::{META_SECTION, PLAN_SECTION, TIMELINE_SECTION};
pub use overrides::apply_overrides;
pub use plan::{Dates, PLAN_DUE, PLAN_OWNER, PLAN_STATUS, PlanEntry};
pub use read::{Syntax, from_table, from_text, parse, parse_unfinished};
pub use schema::schema;
pub use value::{AnswerValue, Answers, Member, RESPONDENT_SECTION, Respondent, TEAM_SECTION};
