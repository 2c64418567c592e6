//! The built-in templates a report needs, compiled once per process and kept in the cache
//! folder (see [`crate::cache`]), in the form the direct renderer runs, for later processes.

use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::direct;
use super::format::Format;
use super::frozen;
use super::helpers;
use super::inline;
use super::partials;
use super::templates::{Compiled, built_in_sources, compile, registry};
use crate::diagnostic::Diagnostics;

/// The built-in template `entry` of `format` and those it includes, with the helpers'
/// `settings`, compiled on first use (their plain inclusions spliced in) and kept for the
/// rest of the process (a process uses one or two settings and a few entries).
pub(super) fn compiled(format: Format, settings: helpers::Settings, entry: &str) -> Result<Arc<Compiled>, Diagnostics> {
    type Key = (Format, usize, bool, String);
    type Cache = Mutex<Vec<(Key, Arc<Compiled>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = (format, settings.width, settings.hyperlinks, entry.to_string());
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some((_, compiled)) = cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .find(|(k, _)| *k == key)
    {
        return Ok(Arc::clone(compiled));
    }
    let compiled = Arc::new(stored_or_compiled(
        crate::cache::folder().as_deref(),
        format,
        settings,
        entry,
    )?);
    cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push((key, Arc::clone(&compiled)));
    Ok(compiled)
}

/// The built-in template `entry` of `format` and those it includes, compiled and spliced:
/// read from the cache `folder` when this build kept them there, and kept there otherwise.
pub(super) fn stored_or_compiled(
    folder: Option<&Path>,
    format: Format,
    settings: helpers::Settings,
    entry: &str,
) -> Result<Compiled, Diagnostics> {
    let name = format!("templates-{}-{entry}", format.templates_dir().unwrap_or("text"));
    if let Some(stored) = folder.and_then(|f| crate::cache::read::<direct::Templates>(f, &name)) {
        let entry = entry.to_string();
        return Ok(Compiled::stored(stored, format, settings, move || {
            spliced(format, settings, &entry).map_or_else(|_| registry(format, settings), |c| c.into_parts().0)
        }));
    }
    let compiled = spliced(format, settings, entry)?;
    // Kept when every template mirrors Handlebars' exactly (each freezes: it thaws back
    // equal to itself), so that the direct renderer's form read back is all of them.
    if let Some(folder) = folder
        && compiled
            .registry()
            .get_templates()
            .values()
            .all(|t| frozen::freeze(t).is_some())
    {
        crate::cache::write(folder, &name, compiled.direct.templates());
    }
    Ok(compiled)
}

/// The built-in template `entry` of `format` and those it still includes, compiled, with
/// their plain inclusions spliced in.
fn spliced(format: Format, settings: helpers::Settings, entry: &str) -> Result<Compiled, Diagnostics> {
    let (mut registry, sources) = compile(format, settings, built_in_sources(format), Some(entry))?.into_parts();
    let mut all: Vec<String> = registry.get_templates().keys().cloned().collect();
    all.sort();
    inline::inline_partials(&mut registry, &all.iter().map(String::as_str).collect::<Vec<_>>());
    // Spliced, the entry includes few templates (if any) itself: only those are kept.
    let mut needed = vec![entry.to_string()];
    let mut next = 0;
    while let Some(name) = needed.get(next).cloned() {
        next += 1;
        let included = registry.get_template(&name).map(partials::included);
        for name in included.unwrap_or_default() {
            if !needed.contains(&name) {
                needed.push(name);
            }
        }
    }
    for name in all.into_iter().filter(|n| !needed.contains(n)) {
        registry.unregister_template(&name);
    }
    Ok(Compiled::new(registry, sources, format, settings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::format::Section;

    type Templates = std::collections::BTreeMap<String, handlebars::Template>;

    fn templates(compiled: &Compiled) -> Templates {
        compiled
            .registry()
            .get_templates()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// No built-in template includes itself, through others or not: the check made before
    /// rendering templates a user gives is not made for them.
    #[test]
    fn no_built_in_template_includes_itself() {
        for format in [Format::Text, Format::Markdown, Format::Html] {
            let compiled = compile(format, helpers::Settings::default(), built_in_sources(format), None).unwrap();
            for source in &compiled.sources {
                partials::check_recursion(&source.name, |name| {
                    let template = compiled.registry().get_template(name)?;
                    Some((template, "built-in"))
                })
                .unwrap_or_else(|d| panic!("{format:?} {}: {}", source.name, d.message));
            }
        }
    }

    /// Every entry of every template format, compiled (and kept in the cache), then read
    /// back from the cache: the same templates for the direct renderer and for Handlebars,
    /// so the same reports.
    #[test]
    fn built_in_templates_read_from_the_cache_are_those_compiled() {
        let dir = tempfile::tempdir().unwrap();
        let settings = helpers::Settings::default();
        let entries: Vec<&str> = std::iter::once("report")
            .chain(Section::ALL.iter().map(|s| s.name()))
            .chain(["plan", "plan-document"])
            .collect();
        for format in [Format::Text, Format::Markdown, Format::Html] {
            for entry in &entries {
                let compiled = stored_or_compiled(Some(dir.path()), format, settings, entry).unwrap();
                let stored = stored_or_compiled(Some(dir.path()), format, settings, entry).unwrap();
                // What the direct renderer runs, and what Handlebars would.
                let program = |c: &Compiled| format!("{:?}", c.direct);
                assert_eq!(program(&stored), program(&compiled), "{format:?} {entry}");
                assert!(program(&stored).contains(&format!("\"{entry}\"")), "{format:?} {entry}");
                assert_eq!(templates(&stored), templates(&compiled), "{format:?} {entry}");
                assert!(templates(&compiled).contains_key(*entry));
            }
        }
        let kept = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(kept, 3 * entries.len(), "one file for each format and entry");
    }

    /// What the cache holds is what is used: a changed template read back is the changed
    /// one, and a damaged file is compiled again.
    #[test]
    fn the_cache_is_what_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let settings = helpers::Settings::default();
        let compiled = stored_or_compiled(Some(dir.path()), Format::Text, settings, "summary").unwrap();
        let mut changed = templates(&compiled);
        let summary = changed.get_mut("summary").unwrap();
        summary
            .elements
            .insert(0, handlebars::template::TemplateElement::RawString("CHANGED\n".into()));
        let first = summary.mapping[0].clone();
        summary.mapping.insert(0, first);
        let changed = direct::Program::new(
            changed
                .iter()
                .map(|(name, t)| (name.clone(), frozen::freeze(t).unwrap())),
            crate::report::templates::escape_into(Format::Text),
            settings,
        );
        crate::cache::write(dir.path(), "templates-text-summary", changed.templates());
        // The direct renderer runs what the cache holds; Handlebars, needed only where the
        // direct renderer stops, compiles the templates built in.
        let read = stored_or_compiled(Some(dir.path()), Format::Text, settings, "summary").unwrap();
        assert!(format!("{:?}", read.direct).contains("CHANGED"));
        assert!(!format!("{:?}", compiled.direct).contains("CHANGED"));
        assert_eq!(templates(&read), templates(&compiled));
        let file = std::fs::read_dir(dir.path()).unwrap().next().unwrap().unwrap().path();
        std::fs::write(&file, b"damaged").unwrap();
        let again = stored_or_compiled(Some(dir.path()), Format::Text, settings, "summary").unwrap();
        assert_eq!(format!("{:?}", again.direct), format!("{:?}", compiled.direct));
        assert_eq!(templates(&again), templates(&compiled));
    }
}
