//! `readiness serve`: the survey and the reports in a browser, for a team that does not use
//! a terminal.
//!
//! One server holds one framework and a data folder. The person who runs it (the admin)
//! creates an assessment for an organization and adds its respondents; each respondent
//! answers through a private link, one question per page, and every answer is saved at once
//! in that respondent's answers file, the same file `readiness survey` writes and
//! `readiness assess` reads. The admin sees each respondent's progress, the team's combined
//! assessment and the report, and downloads it.
//!
//! The pieces, one per file: [`app`] (the routes and the server), [`storage`] (the data
//! folder: the admin token, the assessments and their answers files), [`manifest`] (the
//! file that describes an assessment), the pages: [`respondent`], [`timeline`] (a
//! respondent's timeline dates), [`admin`] and [`downloads`] (the admin's report, its
//! downloads and the comparison); [`reports`] (the team's answers, assessed and rendered), [`pages`] (the pages'
//! templates), [`tokens`] (the links' secrets), [`security`] (headers, CSRF, limits) and
//! [`limiter`] (failed-token attempts). Pages are rendered from `templates/serve/` with the
//! reports' Handlebars machinery and HTML escaping; they need no script.

pub mod admin;
pub mod app;
pub mod downloads;
pub mod limiter;
pub mod manifest;
pub mod pages;
pub mod reports;
pub mod respondent;
pub mod security;
pub mod sequence;
pub mod storage;
pub mod summary;
pub mod timeline;
pub mod tokens;

pub use app::{Listening, Options, Tls, router, start};
pub use storage::{Limits, Store};
