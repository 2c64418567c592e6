//! The direct renderer: runs the templates a report uses without Handlebars' run-time
//! structures, for the same text.
//!
//! Handlebars renders from the data made a `serde_json::Value` (every field name copied
//! and hashed), and on each helper call and lookup builds lists, maps and copies. This
//! renderer reads a lighter copy of the data ([`Value`]: field names borrowed, objects kept
//! as lists) and walks the compiled templates itself, with Handlebars' rules: strict mode,
//! its paths (`../`, `@root`, block parameters, `@index`), its built-in helpers and ours.
//! It does not render partials, decorators or helpers it does not know, and stops wherever
//! Handlebars would fail; the caller then renders with Handlebars, which gives the text or
//! the error. So a report is the same text either way; tests compare the two on every
//! built-in template, every shipped sample and random templates and data.

mod args;
mod blocks;
mod program;
mod run;
mod serialize;
mod value;

pub use serialize::{Unsupported, to_value};
pub use value::Value;

use serde::{Deserialize, Serialize};

use super::frozen;
use super::helpers::Settings;

/// Templates compiled for the direct renderer, by name.
#[derive(Debug)]
pub struct Program {
    templates: Templates,
    env: run::Env,
}

/// Templates as the direct renderer runs them, by name, in name order: the form the cache
/// keeps them in, so that a later process reads them ready to run.
#[derive(Debug, Serialize, Deserialize)]
pub struct Templates(Vec<(String, program::Nodes)>);

impl Program {
    /// The templates given as (name, template), with the format's `escape` and the helpers'
    /// `settings`.
    pub(super) fn new(
        templates: impl IntoIterator<Item = (String, frozen::Template)>,
        escape: fn(&str, &mut String),
        settings: Settings,
    ) -> Program {
        let templates = templates
            .into_iter()
            .map(|(name, template)| (name, program::nodes(template)))
            .collect();
        Program::ready(Templates(templates), escape, settings)
    }

    /// Templates already in the direct renderer's form (read back from the cache), with
    /// the format's `escape` and the helpers' `settings`.
    pub(super) fn ready(mut templates: Templates, escape: fn(&str, &mut String), settings: Settings) -> Program {
        templates.0.sort_by(|a, b| a.0.cmp(&b.0));
        Program {
            templates,
            env: run::Env { escape, settings },
        }
    }

    /// The templates, to keep in the cache.
    pub(super) fn templates(&self) -> &Templates {
        &self.templates
    }

    /// The template `entry` rendered over `data`, or `None` where Handlebars must render it.
    pub fn render(&self, entry: &str, data: &Value) -> Option<String> {
        let mut out = String::with_capacity(16 * 1024);
        run::render(&self.templates.0, entry, data, &self.env, &mut out).ok()?;
        Some(out)
    }
}

#[cfg(test)]
mod tests;
