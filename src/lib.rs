//! `readiness`: where a school, district or state agency stands in building a
//! micro-credential strategy for its educators, and what to do next.
//!
//! The pipeline reads as the modules do: [`load`] a framework's files, [`validate`]
//! them into a [`framework::Framework`], read [`answers`], [`evaluate`] them into an
//! [`assessment::Assessment`], and [`render`] it.

pub mod analysis;
pub mod answers;
pub mod assessment;
pub mod cli;
pub mod condition;
pub mod diagnostic;
pub mod evaluate;
pub mod explain;
pub mod framework;
pub mod golden;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod report;
pub mod run;
pub mod schema;
pub mod source;
pub mod starter;
pub mod survey;
pub mod templates;
pub mod validate;
