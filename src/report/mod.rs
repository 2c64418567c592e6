//! Output for people and programs: the report context (the data templates see), the
//! Handlebars templates and their helpers, JSON, the text of `explain`, and the formats
//! and sections everything is rendered in.

mod actions;
pub mod brand;
mod built_in;
mod conditions;
mod context;
pub mod csv;
pub mod direct;
pub mod docx;
pub mod escape;
mod explain_doc;
mod explain_text;
pub mod feedback;
pub mod format;
mod frozen;
mod gantt;
mod helpers;
pub mod ics;
mod image;
mod inline;
mod json;
mod partials;
pub mod pdf;
mod pieces;
pub mod plan;
pub mod portfolio;
mod team;
mod templates;
pub mod wrap;

pub use brand::Brand;
pub use conditions::in_words;
pub use context::{
    ActionInfo, AnswerGroup, AnswerInfo, CurrentPhase, FrameworkInfo, Generator, LaterPhase, NextStep, PhaseInfo,
    QuestionRef, RecommendationInfo, ReportContext, ReportOptions, ResourceGroup, ResourceInfo, TaskInfo, TaskState,
    context,
};
pub use explain_doc::explanation_document;
pub use explain_text::explanation;
pub use format::{Detail, Format, Paper, Section};
pub use gantt::{Gantt, GanttRow, GanttTick};
pub use json::json;
pub use team::{GivenInfo, RespondentInfo, SpreadInfo, TeamInfo};
pub use templates::{BUILT_IN, Pages, RenderOptions, render, render_data};

/// Every helper a template can use, for messages and the README.
pub fn helper_names() -> Vec<&'static str> {
    helpers::names()
}
