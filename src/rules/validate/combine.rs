//! How a team's answers combine: the manifest's `[combine]` table names known scales.

use indexmap::IndexMap;

use super::Validator;
use super::ids::unknown;
use crate::rules::files::{CombineRule, ManifestFile, Parsed};

impl Validator {
    /// Checks that every scale `[combine]` names exists, and returns every scale's rule
    /// (`lowest` for a scale not named).
    pub(super) fn combine(&mut self, manifest: &Parsed<ManifestFile>) -> IndexMap<String, CombineRule> {
        let scales = &manifest.data.scales;
        for (name, rule) in &manifest.data.combine {
            if !scales.contains_key(name) {
                let (_, help) = unknown("scale", name, scales.keys().map(String::as_str).collect());
                self.push(
                    manifest.error(
                        rule.span(),
                        format!(
                            "[combine] gives the rule `{}` to `{name}`, which is not a scale",
                            rule.get_ref().name()
                        ),
                    ),
                    help.or_else(|| Some("name a scale of [scales]".into())),
                );
            }
        }
        scales
            .keys()
            .map(|name| (name.clone(), self.combine_rule(manifest, name)))
            .collect()
    }

    /// The rule a scale's answers combine by: as `[combine]` says, else `lowest`.
    pub(super) fn combine_rule(&self, manifest: &Parsed<ManifestFile>, scale: &str) -> CombineRule {
        manifest
            .data
            .combine
            .get(scale)
            .map_or(CombineRule::Lowest, |r| *r.get_ref())
    }
}
