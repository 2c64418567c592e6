//! Recommendation rules: ids, phases, conditions that can fire, resources.

use crate::id_map::IdMap;
use std::collections::HashSet;

use super::Validator;
use super::ids::{is_plain_id, unknown};
use crate::condition::satisfiable;
use crate::rules::files::{RawFramework, Source};
use crate::rules::framework::{Question, Recommendation, Resource};

impl Validator {
    pub(super) fn recommendations(
        &mut self,
        raw: &RawFramework,
        phase_ids: &[&str],
        questions: &IdMap<Question>,
        resources: &IdMap<Resource>,
        has_timeline: bool,
    ) -> Vec<Recommendation> {
        let mut out: Vec<Recommendation> = Vec::new();
        let mut seen = HashSet::new();
        for file in &raw.recommendations {
            for def in &file.data.recommendations {
                let id = def.id.get_ref();
                if !is_plain_id(id) {
                    self.push(
                        file.error(
                            def.id.span(),
                            format!("recommendation id `{id}` must use lowercase letters, digits, `_` and `-`"),
                        ),
                        None,
                    );
                }
                if !seen.insert(id.clone()) {
                    self.push(
                        file.error(def.id.span(), format!("duplicate recommendation id `{id}`")),
                        None,
                    );
                    continue;
                }
                let phase = def.phase.as_ref().and_then(|p| {
                    if let Some(at) = phase_ids.iter().position(|id| *id == p.get_ref()) {
                        Some((p.get_ref().as_str(), at))
                    } else {
                        let (m, h) = unknown("phase", p.get_ref(), phase_ids.to_vec());
                        self.push(file.error(p.span(), m), h);
                        None
                    }
                });
                let when = def.when.as_ref().and_then(|w| self.condition(file, w, questions, None));
                if let (Some(condition), Some(text)) = (&when, &def.when)
                    && !satisfiable(&[condition], |id| questions.get(id).map(Question::domain))
                {
                    self.push(
                        file.error(
                            text.span(),
                            format!("recommendation `{id}` can never fire: no answers make `{condition}` hold"),
                        ),
                        None,
                    );
                }
                let resource_ids = self.resource_refs(file, &def.resources, resources);
                if let Some(first) = def.timeline.first()
                    && !has_timeline
                {
                    self.push(
                        file.error(
                            first.span(),
                            format!(
                                "recommendation `{id}` fires on timeline findings, and the framework has no [timeline]"
                            ),
                        ),
                        Some(
                            "declare the timeline's activities under [timeline] in the manifest, or remove `timeline`"
                                .into(),
                        ),
                    );
                }
                let mut kinds: Vec<crate::rules::FindingKind> = Vec::new();
                for kind in &def.timeline {
                    if !kinds.contains(kind.get_ref()) {
                        kinds.push(*kind.get_ref());
                    }
                }
                out.push(Recommendation {
                    id: id.as_str().into(),
                    phase: phase.map(|(id, _)| id.into()),
                    phase_index: phase.map(|(_, at)| at),
                    priority: def.priority,
                    title: def.title.trim().into(),
                    text: def.text.trim().into(),
                    when,
                    complete: def.complete,
                    disagreement: def.disagreement,
                    resources: resource_ids,
                    ours: def.source.unwrap_or(self.default_source) == Source::Ours,
                    timeline: kinds,
                });
            }
        }
        out
    }
}
