//! The resource catalogue: ids, phases, links; and references to resources.

use crate::id_map::IdMap;
use toml::Spanned;

use super::Validator;
use super::ids::{is_plain_id, is_web_link, unknown};
use crate::rules::files::{Parsed, RawFramework};
use crate::rules::framework::Resource;

impl Validator {
    pub(super) fn resources(&mut self, raw: &RawFramework, phase_ids: &[&str]) -> IdMap<Resource> {
        let mut out: IdMap<Resource> = IdMap::default();
        for file in &raw.resources {
            for def in &file.data.resources {
                let id = def.id.get_ref();
                if !is_plain_id(id) {
                    self.push(
                        file.error(
                            def.id.span(),
                            format!("resource id `{id}` must use lowercase letters, digits, `_` and `-`"),
                        ),
                        None,
                    );
                }
                if out.contains_key(id) {
                    self.push(file.error(def.id.span(), format!("duplicate resource id `{id}`")), None);
                    continue;
                }
                let mut phases = Vec::new();
                for phase in &def.phases {
                    if phase_ids.contains(&phase.get_ref().as_str()) {
                        phases.push(phase.get_ref().clone());
                    } else {
                        let (m, h) = unknown("phase", phase.get_ref(), phase_ids.to_vec());
                        self.push(file.error(phase.span(), m), h);
                    }
                }
                match (&def.url, def.no_link) {
                    (None, false) => self.warnings.push(
                        file.warning(def.id.span(), format!("resource `{id}` has no link"))
                            .with_help("give its `url`, or say `no_link = true` when the documents give no address"),
                    ),
                    (Some(_), true) => self.push(
                        file.error(
                            def.id.span(),
                            format!("resource `{id}` has a `url` and says `no_link = true`"),
                        ),
                        Some("keep one of them".into()),
                    ),
                    _ => {}
                }
                for url in def.url.iter().chain(&def.other_urls) {
                    if !is_web_link(url) {
                        self.push(
                            file.error(def.id.span(), format!("resource `{id}`: `{url}` is not a web link")),
                            Some("a link starts with https:// or http:// and holds no spaces, quotes, angle brackets or parentheses".into()),
                        );
                    }
                }
                out.insert(
                    id.clone(),
                    Resource {
                        id: id.as_str().into(),
                        title: def.title.as_str().into(),
                        authors: def.authors.clone(),
                        year: def.year.clone(),
                        kind: def.kind,
                        phases,
                        duration: def.duration.as_deref().map(Into::into),
                        description: def.description.trim().to_string(),
                        url: def.url.as_deref().map(Into::into),
                        other_urls: def.other_urls.clone(),
                        no_link: def.no_link,
                    },
                );
            }
        }
        out
    }

    pub(super) fn resource_refs<T>(
        &mut self,
        file: &Parsed<T>,
        refs: &[Spanned<String>],
        resources: &IdMap<Resource>,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in refs {
            let id = r.get_ref();
            if !resources.contains_key(id) {
                let (m, h) = unknown("resource", id, resources.keys().map(String::as_str).collect());
                self.push(file.error(r.span(), m), h);
            } else if out.contains(id) {
                self.push(file.error(r.span(), format!("resource `{id}` is listed twice")), None);
            } else {
                out.push(id.clone());
            }
        }
        out
    }
}
