//! Built-in partials spliced into the templates that include them.
//!
//! Handlebars renders a partial over a copy of the current context, and every value looked
//! up inside it is copied again: `{{> appendix}}` at the top of a report copies the whole
//! report's data, then each answer list it reads. The built-in templates include each other
//! plainly (`{{> summary}}`: no context argument, no hash, no block, not indented), and such
//! an inclusion renders exactly as the included template's elements would in its place. So
//! the built-in templates an entry needs, compiled once per process, have those inclusions
//! replaced by the elements, and render without copies. Templates a user gives
//! (`--templates`, `--template`) are compiled as written.

use std::collections::HashMap;

use handlebars::Handlebars;
use handlebars::template::{DecoratorTemplate, Template, TemplateElement};

use super::partials::partial_name;

/// Replaces, in each template of `registry` named in `names`, every plain inclusion of
/// another of them by that template's elements, recursively. An inclusion of a template
/// that is already being spliced (a partial including itself) is left as it is, for the
/// check before rendering to report.
pub fn inline_partials(registry: &mut Handlebars<'static>, names: &[&str]) {
    let mut splicer = Splicer {
        written: names
            .iter()
            .filter_map(|name| Some((*name, registry.get_template(name)?)))
            .collect(),
        spliced: HashMap::new(),
        including: Vec::new(),
    };
    for name in names {
        splicer.spliced(name);
    }
    let spliced: Vec<(String, Template)> = splicer
        .spliced
        .into_iter()
        .map(|(name, t)| (name.to_string(), t))
        .collect();
    for (name, template) in spliced {
        registry.register_template(&name, template);
    }
}

/// Splices each template once, and keeps the result for the templates that include it.
struct Splicer<'a> {
    /// The templates as written, by name.
    written: HashMap<&'a str, &'a Template>,
    /// The templates spliced so far, by name.
    spliced: HashMap<&'a str, Template>,
    /// The templates being spliced, outermost first.
    including: Vec<&'a str>,
}

impl<'a> Splicer<'a> {
    /// The template `name` spliced, unless it is unknown or being spliced.
    fn spliced(&mut self, name: &str) -> Option<&Template> {
        let (&name, &written) = self.written.get_key_value(name)?;
        if self.including.contains(&name) {
            return None;
        }
        if !self.spliced.contains_key(name) {
            self.including.push(name);
            let template = self.splice(written);
            self.including.pop();
            self.spliced.insert(name, template);
        }
        self.spliced.get(name)
    }

    /// `template` with its plain inclusions replaced.
    fn splice(&mut self, template: &Template) -> Template {
        let mut out = template.clone();
        if template.mapping.len() != template.elements.len() {
            return out; // Positions for messages would no longer match their elements.
        }
        out.elements.clear();
        out.mapping.clear();
        for (element, at) in template.elements.iter().zip(&template.mapping) {
            if let TemplateElement::PartialExpression(d) = element
                && is_plain(d)
                && let Some(inner) = partial_name(d).and_then(|name| self.spliced(name))
                && inner.mapping.len() == inner.elements.len()
            {
                out.elements.extend(inner.elements.iter().cloned());
                out.mapping.extend(inner.mapping.iter().cloned());
                continue;
            }
            let element = match element {
                TemplateElement::HelperBlock(h) => {
                    let mut h = h.clone();
                    h.template = h.template.as_ref().map(|t| self.splice(t));
                    h.inverse = h.inverse.as_ref().map(|t| self.splice(t));
                    TemplateElement::HelperBlock(h)
                }
                other => other.clone(),
            };
            out.elements.push(element);
            out.mapping.push(at.clone());
        }
        out
    }
}

/// Whether an inclusion renders as the included template's elements in its place: it
/// names the template, passes no context or hash, has no block, and is not indented (an
/// indented inclusion indents every line it writes).
fn is_plain(d: &DecoratorTemplate) -> bool {
    d.params.is_empty() && d.hash.is_empty() && d.template.is_none() && d.indent.as_deref().unwrap_or("").is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Syntax, parse};
    use crate::io::SourceFile;
    use crate::report::built_in::stored_or_compiled;
    use crate::report::format::{Detail, Format, Section};
    use crate::report::helpers::Settings;
    use crate::report::templates::{built_in_sources, compile, render_with};
    use crate::report::{ReportOptions, context};

    /// Every shipped sample, in every template format, as the report and as each section,
    /// with and without ids and every phase in full: the templates an entry needs, spliced
    /// and kept as a process keeps them, write the same bytes as every template as written.
    #[test]
    fn spliced_templates_render_what_the_written_ones_do() {
        let framework = crate::test_support::ctq();
        let samples = crate::test_support::samples();
        let mut compared = 0;
        let settings = Settings {
            width: 78,
            hyperlinks: false,
        };
        let entries: Vec<&str> = std::iter::once("report")
            .chain(Section::ALL.iter().map(|s| s.name()))
            .collect();
        for format in [Format::Text, Format::Markdown, Format::Html] {
            let written = compile(format, settings, built_in_sources(format), None).unwrap();
            // As a process compiles them (spliced, and only those the entry needs kept),
            // without the cache folder.
            let spliced: Vec<_> = entries
                .iter()
                .map(|entry| stored_or_compiled(None, format, settings, entry).unwrap())
                .collect();
            let report = spliced[0].registry().get_template("report").unwrap();
            assert!(
                !report
                    .elements
                    .iter()
                    .any(|e| matches!(e, TemplateElement::PartialExpression(_))),
                "the report includes no partial once spliced"
            );
            for path in &samples {
                let file = SourceFile {
                    name: path.display().to_string(),
                    text: std::fs::read_to_string(path).unwrap(),
                };
                let answers = parse(&framework, &file, Syntax::Toml).unwrap();
                let assessment = crate::assess::assess(&framework, &answers);
                for options in [
                    ReportOptions::default(),
                    ReportOptions {
                        detail: Detail::All,
                        ids: true,
                        paper: None,
                    },
                ] {
                    let data = context(&framework, &answers, &assessment, "2026-01-15", &options, None);
                    for (entry, spliced) in entries.iter().zip(&spliced) {
                        let want = render_with(&written, entry, &data).map_err(|d| d.to_string());
                        let got = render_with(spliced, entry, &data).map_err(|d| d.to_string());
                        assert_eq!(got, want, "{format:?} {entry} of {}", file.name);
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared >= 3 * 5 * 2 * 9, "{compared}");
    }
}
