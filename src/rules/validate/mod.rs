//! Checking a parsed framework as a whole: ids, references, conditions, ranges.
//!
//! Every problem is collected, so one run reports them all, each with its file,
//! line and column. Each concern has its file: [`ids`] (the shape of ids and links),
//! [`catalogue`] (resources), [`questions`], [`conditions`], [`phases`], [`combine`] (teams),
//! [`recommendations`], [`timeline`] (the implementation timeline), [`feedback`] (the
//! participant feedback survey) and [`cases`] (golden tests).

mod cases;
mod catalogue;
mod combine;
mod conditions;
mod feedback;
mod ids;
mod phases;
mod questions;
mod recommendations;
mod timeline;

pub use ids::is_web_link;

use std::collections::HashSet;

use ids::is_plain_id;

use super::files::RawFramework;
use super::framework::Framework;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::io::SourceFile;

/// A framework ready to use, with the warnings found while checking it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The framework.
    pub framework: Framework,
    /// Problems that do not stop the framework from working.
    pub warnings: Vec<Diagnostic>,
}

/// Checks a parsed framework and builds it, or reports every problem found.
pub fn validate(raw: RawFramework) -> Result<Loaded, Diagnostics> {
    let all_questions = raw
        .questionnaires
        .iter()
        .flat_map(|f| f.data.questions.iter().map(|q| q.id.get_ref().clone()))
        .collect();
    let mut v = Validator {
        errors: Vec::new(),
        warnings: Vec::new(),
        default_source: raw.manifest.data.framework.source,
        all_questions,
    };
    let framework = v.framework(&raw);
    if v.errors.is_empty() {
        Ok(Loaded {
            framework,
            warnings: v.warnings,
        })
    } else {
        // The errors, then the warnings: a checker shows both.
        v.errors.extend(v.warnings);
        Err(Diagnostics(v.errors))
    }
}

pub(super) struct Validator {
    /// Where the framework's content comes from unless an item says otherwise.
    pub(super) default_source: crate::rules::files::Source,
    pub(super) errors: Vec<Diagnostic>,
    pub(super) warnings: Vec<Diagnostic>,
    /// Every question id of every questionnaire, to tell "asked later" from "unknown".
    pub(super) all_questions: HashSet<String>,
}

/// The digest of a framework's file contents, in load order.
fn digest<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for text in texts {
        hasher.update((text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    let hex: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

impl Validator {
    pub(super) fn push(&mut self, d: Diagnostic, help: Option<String>) {
        self.errors.push(match help {
            Some(h) => d.with_help(h),
            None => d,
        });
    }

    pub(super) fn framework(&mut self, raw: &RawFramework) -> Framework {
        let manifest = &raw.manifest;
        let header = &manifest.data.framework;
        let phase_ids: Vec<&str> = manifest.data.phases.iter().map(|p| p.id.get_ref().as_str()).collect();

        // Phase ids.
        let mut seen = HashSet::new();
        for phase in &manifest.data.phases {
            let id = phase.id.get_ref();
            if !is_plain_id(id) {
                self.push(
                    manifest.error(
                        phase.id.span(),
                        format!("phase id `{id}` must use lowercase letters, digits, `_` and `-`"),
                    ),
                    None,
                );
            }
            if !seen.insert(id.as_str()) {
                self.push(
                    manifest.error(phase.id.span(), format!("duplicate phase id `{id}`")),
                    None,
                );
            }
        }
        if manifest.data.phases.is_empty() {
            self.push(
                manifest.error(0..0, "the framework has no phases"),
                Some("add at least one [[phases]] table".into()),
            );
        }

        let resources = self.resources(raw, &phase_ids);
        let (questionnaires, questions) = self.questions(raw, &phase_ids, &resources);
        let phases = self.phases(manifest, &questions);
        let combine = self.combine(manifest);
        let timeline = self.timeline(manifest, &questions);
        let recommendations = self.recommendations(raw, &phase_ids, &questions, &resources, timeline.is_some());
        let feedback = self.feedback(raw.feedback.as_ref(), &questions);

        let sources: Vec<&SourceFile> = std::iter::once(&manifest.file)
            .chain(raw.questionnaires.iter().map(|p| &p.file))
            .chain(raw.recommendations.iter().map(|p| &p.file))
            .chain(raw.resources.iter().map(|p| &p.file))
            .chain(raw.tests.iter().map(|p| &p.file))
            .chain(raw.feedback.iter().map(|p| &p.file))
            .collect();
        let files = sources.iter().map(|f| f.name.clone()).collect();
        let digest = digest(sources.iter().map(|f| f.text.as_str()));

        let mut framework = Framework {
            id: header.id.as_str().into(),
            name: header.name.as_str().into(),
            version: header.version.as_str().into(),
            publisher: header.publisher.clone(),
            description: header.description.as_ref().map(|d| d.trim().to_string()),
            phases,
            questionnaires,
            questions,
            recommendations,
            resources,
            cases: Vec::new(),
            stage_question: header.stage_question.as_ref().map(|q| q.get_ref().clone()),
            combine,
            source: header.source,
            method: header.method.as_ref().map(|m| m.trim().to_string()),
            files,
            digest: digest.into(),
            timeline,
            feedback,
        };
        // Conditions find answers by question index, resolved once here.
        framework.resolve_indices();
        // Answers in golden cases are read with the framework's own questions.
        if self.errors.is_empty() {
            framework.cases = self.cases(raw, &framework);
        }
        framework
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::files::{Parsed, RawFramework};
    use crate::rules::load::parse_text;

    const MANIFEST: &str = r#"
[framework]
id = "t"
name = "T"
version = "1.0.0"
questionnaires = ["q.toml"]
recommendations = ["r.toml"]
resources = ["res.toml"]

[scales.answer]
yes = 100
no = 0

[[phases]]
id = "one"
name = "One"
goal = "Decide"
threshold = 50

[[phases.scoring]]
question = "one.decided"
scale = "answer"
"#;

    const QUESTIONS: &str = r#"
[questionnaire]
id = "q"
title = "Q"

[choices.answer]
yes = "Yes"
no = "No"

[[questions]]
id = "one.decided"
kind = "choice"
role = "big_question"
phase = "one"
title = "Decided?"
choices = "answer"
"#;

    const RESOURCES: &str = r#"
[[resources]]
id = "guide"
title = "A guide"
type = "guide"
description = "Guides."
url = "https://example.org/guide"
"#;

    fn parsed<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Parsed<T> {
        parse_text(SourceFile {
            name: name.to_string(),
            text: text.to_string(),
        })
        .unwrap_or_else(|d| panic!("{d}"))
    }

    /// Validates the test framework with these recommendations and extra questions.
    fn check(recommendations: &str, extra_questions: &str) -> Result<Loaded, Diagnostics> {
        validate(RawFramework {
            manifest: parsed("framework.toml", MANIFEST),
            questionnaires: vec![parsed("q.toml", &format!("{QUESTIONS}{extra_questions}"))],
            recommendations: vec![parsed("r.toml", recommendations)],
            resources: vec![parsed("res.toml", RESOURCES)],
            tests: Vec::new(),
            feedback: None,
        })
    }

    fn errors(recommendations: &str, extra_questions: &str) -> Vec<String> {
        match check(recommendations, extra_questions) {
            Ok(_) => Vec::new(),
            Err(d) => {
                d.0.iter()
                    .map(|d| format!("{}:{}: {}", d.file, d.line.unwrap_or(0), d.message))
                    .collect()
            }
        }
    }

    const RULE: &str = "[[recommendations]]\nid = \"go\"\npriority = \"high\"\ntitle = \"Go\"\ntext = \"Go.\"\n";

    #[test]
    fn a_valid_framework_loads() {
        let loaded = check(&format!("{RULE}when = 'one.decided == no'\n"), "").unwrap();
        assert_eq!(loaded.framework.recommendations.len(), 1);
        assert!(loaded.framework.digest.starts_with("sha256:"));
    }

    #[test]
    fn a_value_a_question_does_not_allow_is_reported_where_it_is_written() {
        let e = errors(&format!("{RULE}when = 'one.decided == maybe'\n"), "");
        assert_eq!(e, ["r.toml:6: `maybe` is not a value of `one.decided`"]);
    }

    #[test]
    fn a_rule_that_can_never_fire_is_an_error() {
        let e = errors(
            &format!("{RULE}when = 'one.decided == yes and one.decided == no'\n"),
            "",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("can never fire"), "{e:?}");
    }

    #[test]
    fn unknown_references_name_what_is_known() {
        let e = errors(&format!("{RULE}phase = \"two\"\nresources = [\"guides\"]\n"), "");
        assert_eq!(
            e,
            ["r.toml:6: unknown phase `two`", "r.toml:7: unknown resource `guides`"]
        );
        let d = check(&format!("{RULE}resources = [\"guides\"]\n"), "").unwrap_err();
        assert_eq!(d.0[0].help.as_deref(), Some("did you mean `guide`?"));
    }

    #[test]
    fn a_question_may_depend_only_on_earlier_questions() {
        let later = "\n[[questions]]\nid = \"one.why\"\nkind = \"text\"\nrole = \"big_question\"\nphase = \"one\"\ntitle = \"Why?\"\nwhen = 'one.later is answered'\n\n[[questions]]\nid = \"one.later\"\nkind = \"text\"\nrole = \"big_question\"\nphase = \"one\"\ntitle = \"Later\"\n";
        let e = errors(RULE, later);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].contains("`one.why` depends on `one.later`, which is asked after it"),
            "{e:?}"
        );
    }

    #[test]
    fn duplicate_ids_are_each_reported() {
        let twice = format!("{RULE}\n{RULE}");
        let e = errors(&twice, "");
        assert_eq!(e, ["r.toml:8: duplicate recommendation id `go`"]);
    }
}
