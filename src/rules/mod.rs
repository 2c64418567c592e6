//! The rule set: its file formats, the built-in frameworks, loading a framework's files
//! and validating them into a [`Framework`] ready to assess with.

mod embedded;
pub mod files;
mod framework;
mod load;
pub mod schema;
mod source;
mod validate;

pub use embedded::{EMBEDDED_FILES, EMBEDDED_FRAMEWORKS, built_in_ids};
pub use files::{AnswerKind, CombineRule, Priority, ResourceType, Role};
pub use framework::{Framework, Gate, GoldenCase, Phase, Question, Questionnaire, Recommendation, Resource, Scored};
pub use load::{Loaded, RulesLocation, load};

/// The two-phase framework in `tests/fixtures/mini/`, for unit tests of the engine.
#[cfg(test)]
pub(crate) fn mini_fixture() -> Framework {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    load(&RulesLocation::Path(path))
        .expect("the mini framework loads")
        .framework
}

/// The built-in CTQ framework, for unit tests.
#[cfg(test)]
pub(crate) fn ctq_fixture() -> Framework {
    load(&RulesLocation::default()).expect("ctq loads").framework
}
