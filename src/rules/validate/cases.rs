//! Golden test cases: unique names and expectations that name known tasks, rules and
//! phases. Their answers are read when a case runs (`readiness test`), not here.

use toml::Spanned;

use super::Validator;
use super::ids::unknown;
use crate::diagnostic::line_col;
use crate::rules::files::RawFramework;
use crate::rules::files::Role;
use crate::rules::framework::{CaseAnswers, Framework, GoldenCase};

impl Validator {
    pub(super) fn cases(&mut self, raw: &RawFramework, framework: &Framework) -> Vec<GoldenCase> {
        let mut out: Vec<GoldenCase> = Vec::new();
        let task_ids: Vec<&str> = framework
            .questions
            .values()
            .filter(|q| q.role == Role::Task)
            .map(|q| q.id.as_ref())
            .collect();
        let rule_ids: Vec<&str> = framework.recommendations.iter().map(|r| &*r.id).collect();
        let phase_ids: Vec<&str> = framework.phases.iter().map(|p| p.id.as_ref()).collect();
        for file in &raw.tests {
            for def in &file.data.cases {
                let name = def.name.get_ref();
                if out.iter().any(|c| &c.name == name) {
                    self.push(
                        file.error(def.name.span(), format!("duplicate test case `{name}`")),
                        None,
                    );
                    continue;
                }
                let (line, _) = line_col(&file.file.text, def.name.span().start);
                let location = format!("{}:{line}", file.file.name);
                let mut check_ids =
                    |ids: &Option<Vec<Spanned<String>>>, known: &[&str], kind: &str| -> Option<Vec<String>> {
                        let ids = ids.as_ref()?;
                        for id in ids {
                            if !known.contains(&id.get_ref().as_str()) {
                                let (m, h) = unknown(kind, id.get_ref(), known.to_vec());
                                self.errors.push(match h {
                                    Some(h) => file.error(id.span(), m).with_help(h),
                                    None => file.error(id.span(), m),
                                });
                            }
                        }
                        Some(ids.iter().map(|s| s.get_ref().clone()).collect())
                    };
                let remaining_tasks = check_ids(&def.remaining_tasks, &task_ids, "task");
                let recommendations = check_ids(&def.recommendations, &rule_ids, "recommendation");
                let phase =
                    check_ids(&def.phase.clone().map(|p| vec![p]), &phase_ids, "phase").map(|mut v| v.remove(0));
                let answers = match (&def.answers, def.team.as_slice()) {
                    (Some(answers), []) => CaseAnswers::One(answers.get_ref().clone()),
                    (None, [_, _, ..]) => CaseAnswers::Team(def.team.iter().map(|t| t.get_ref().clone()).collect()),
                    (None, [_]) => {
                        self.push(
                            file.error(def.team[0].span(), format!("test case `{name}` has a team of one")),
                            Some("a team's answers need two or more `[[cases.team]]`".into()),
                        );
                        continue;
                    }
                    (Some(answers), [..]) => {
                        self.push(
                            file.error(
                                answers.span(),
                                format!("test case `{name}` gives both `answers` and `team`"),
                            ),
                            Some("give one person's `answers`, or a team's `[[cases.team]]`".into()),
                        );
                        continue;
                    }
                    (None, []) => {
                        self.push(
                            file.error(def.name.span(), format!("test case `{name}` gives no answers")),
                            Some(
                                "give its answers in `[cases.answers.profile]`, … or a team's in `[[cases.team]]`"
                                    .into(),
                            ),
                        );
                        continue;
                    }
                };
                out.push(GoldenCase {
                    name: name.clone(),
                    location,
                    answers,
                    phase,
                    complete: def.complete,
                    remaining_tasks,
                    recommendations,
                });
            }
        }
        out
    }
}
