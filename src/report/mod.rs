//! Output for people and programs: the report context (the data templates see), the
//! Handlebars templates and their helpers, JSON, the text of `explain`, and the formats
//! and sections everything is rendered in.

mod context;
pub mod csv;
pub mod escape;
mod explain_text;
pub mod feedback;
pub mod format;
mod gantt;
mod helpers;
pub mod ics;
mod json;
mod partials;
pub mod plan;
pub mod portfolio;
mod team;
mod templates;
pub mod wrap;

pub use context::{
    AnswerInfo, CurrentPhase, FrameworkInfo, Generator, NextStep, PhaseInfo, QuestionRef, RecommendationInfo,
    ReportContext, ResourceGroup, ResourceInfo, TaskInfo, context,
};
pub use explain_text::explanation;
pub use format::{Format, Section};
pub use gantt::{Gantt, GanttRow, GanttTick};
pub use json::json;
pub use team::{GivenInfo, RespondentInfo, SpreadInfo, TeamInfo};
pub use templates::{BUILT_IN, RenderOptions, render};

/// Every helper a template can use, for messages and the README.
pub fn helper_names() -> Vec<&'static str> {
    helpers::names()
}
