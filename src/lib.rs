//! `readiness`: where a school, district or state agency stands in building a
//! micro-credential strategy for its educators, and what to do next.
//!
//! The pipeline reads as the modules do: [`rules`] loads and validates a framework's files
//! (conditions in the [`condition`] language), [`answers`] reads an organization's answers,
//! [`assess`] evaluates them into an [`assess::Assessment`] (and explains it), and
//! [`report`] renders it; [`portfolio`] assesses many organizations at once. [`survey`] asks the questions on a terminal, [`io`] reads and
//! writes files, and [`cli`] is the command line: the only module that parses arguments
//! or writes to the terminal. The library itself never prints.
//!
//! ```no_run
//! use readiness::rules::{RulesLocation, load};
//! use readiness::io::read_disk;
//! use readiness::answers::{Syntax, parse};
//!
//! let framework = load(&RulesLocation::default()).unwrap().framework;
//! let file = read_disk("samples/starting-district.toml".as_ref()).unwrap();
//! let answers = parse(&framework, &file, Syntax::Toml).unwrap();
//! let assessment = readiness::assess::assess(&framework, &answers);
//! println!("{}", assessment.phase.name);
//! ```

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod answers;
pub mod assess;
mod cache;
pub mod cli;
pub mod condition;
pub mod diagnostic;
pub mod error;
pub mod id_map;
pub mod io;
pub mod portfolio;
pub mod report;
pub mod rules;
pub mod score;
pub mod serve;
pub mod survey;
#[cfg(test)]
mod test_support;
pub mod words;

pub use error::Error;
