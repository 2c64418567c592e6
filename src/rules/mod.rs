//! The rule set: its file formats, the built-in frameworks, loading a framework's files
//! and validating them into a [`Framework`] ready to assess with.

mod embedded;
mod feedback;
pub mod files;
mod framework;
mod load;
pub mod schema;
mod source;
mod validate;

pub use embedded::{EMBEDDED_FILES, EMBEDDED_FRAMEWORKS, built_in_ids};
pub use feedback::{FeedbackGroup, FeedbackQuestion, FeedbackSurvey};
pub use files::{AnswerKind, CombineRule, FeedbackKind, FindingKind, Priority, ResourceType, Role, Source};
pub use framework::{
    Activity, CaseAnswers, CountsToward, DONT_KNOW, Framework, Gate, GoldenCase, META_SECTION, NOT_APPLICABLE, Order,
    PLAN_SECTION, Phase, Question, Questionnaire, Recommendation, Resource, Scored, TIMELINE_SECTION, Timeline,
};
pub use load::{Loaded, RulesLocation, load, load_without_cases};
pub use validate::is_web_link;
