//! The rule-set file formats, exactly as they are written on disk.
//!
//! A framework is a manifest (`framework.toml`) that names its questionnaire,
//! recommendation and resource files. Every struct here rejects unknown keys, so
//! a misspelt key is an error with its line and column, never a silent no-op.
//! The documentation of each field is the manual of the format.

mod combine;
mod feedback;
mod golden;
mod manifest;
mod questionnaire;
mod recommendations;
mod resources;
mod timeline;

use std::ops::Range;

use schemars::JsonSchema;
use serde::Deserialize;

pub use combine::*;
pub use feedback::*;
pub use golden::*;
pub use manifest::*;
pub use questionnaire::*;
pub use recommendations::*;
pub use resources::*;
pub use timeline::*;

use crate::diagnostic::{Diagnostic, Severity};
use crate::io::SourceFile;

/// Where the words of a framework, phase, gate, question or rule come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The documents the framework is written from (the publisher's words and content).
    #[default]
    Documents,
    /// This rule set's own: inferred or invented, not the publisher's. Reports mark it.
    Ours,
}

/// A parsed file and the text it came from (for line numbers).
#[derive(Debug)]
pub struct Parsed<T> {
    /// The file.
    pub file: SourceFile,
    /// What it holds.
    pub data: T,
}

impl<T> Parsed<T> {
    /// An error at a byte range of this file.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(Severity::Error, &self.file, span, message)
    }

    /// A warning at a byte range of this file.
    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(Severity::Warning, &self.file, span, message)
    }
}

/// Every file of a framework, parsed but not yet cross-checked.
#[derive(Debug)]
pub struct RawFramework {
    /// The manifest.
    pub manifest: Parsed<ManifestFile>,
    /// The questionnaire files, in manifest order.
    pub questionnaires: Vec<Parsed<QuestionnaireFile>>,
    /// The recommendation files.
    pub recommendations: Vec<Parsed<RecommendationsFile>>,
    /// The resource catalogue files.
    pub resources: Vec<Parsed<ResourcesFile>>,
    /// The golden test files.
    pub tests: Vec<Parsed<TestsFile>>,
    /// The participant feedback survey file, when the manifest names one.
    pub feedback: Option<Parsed<FeedbackFile>>,
}
