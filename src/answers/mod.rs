//! Answers: the typed values, reading an answers file (TOML or JSON), what-if overrides
//! from the command line, and the blank answers file `readiness template` prints, and the answers schema.

pub mod blank;
mod overrides;
mod read;
pub mod schema;
mod value;

pub use crate::rules::META_SECTION;
pub use overrides::apply_overrides;
pub use read::{Syntax, from_table, from_text, parse, parse_unfinished};
pub use schema::schema;
pub use value::{AnswerValue, Answers};
