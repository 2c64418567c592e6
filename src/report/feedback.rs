//! The participant feedback survey an organization sends its participants
//! (`readiness feedback-survey`): the framework's feedback questions, tailored by the
//! organization's answers (its name filled in, questions asked only where their condition
//! holds), as a printable Markdown or HTML page, or as rows and objects a form tool imports.
//!
//! The CSV has one row per question, in order, with the columns `id`, `section` (the
//! group's title), `number` (from 1, across the survey), `question`, `type` (as form tools
//! name item types: `Short answer`, `Paragraph`, `Multiple choice`), `required` (`yes` or
//! `no`), `kind` (the rule set's kind: `short_text`, `paragraph`, `scale`, `yes_no`,
//! `choice`), then `choice 1` … `choice N`, one column per option, in order (empty where a
//! question has fewer).

use serde::Serialize;

use super::csv::{cell, to_string};
use super::escape::markdown_escape;
use crate::answers::Answers;
use crate::assess::Effective;
use crate::rules::{FeedbackKind, FeedbackSurvey, Framework};

/// The tailored survey.
#[derive(Debug, Clone, Serialize)]
pub struct FeedbackForm {
    /// The survey's id in the rule set.
    pub id: String,
    /// The title, the organization's name filled in.
    pub title: String,
    /// The introduction, the organization's name filled in; null when none.
    pub description: Option<String>,
    /// The organization.
    pub organization: String,
    /// The groups, in order, each with the questions asked.
    pub sections: Vec<FormSection>,
    /// Whether some kinds of answer are this rule set's choice, not the documents'.
    pub kinds_ours: bool,
}

/// A group of questions.
#[derive(Debug, Clone, Serialize)]
pub struct FormSection {
    /// Group id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The questions asked, in order.
    pub questions: Vec<FormQuestion>,
}

/// One question as asked.
#[derive(Debug, Clone, Serialize)]
pub struct FormQuestion {
    /// Question id.
    pub id: String,
    /// Position, from 1, across the survey.
    pub number: usize,
    /// The question as asked.
    pub title: String,
    /// The item type as form tools name it: `Short answer`, `Paragraph`, `Multiple choice`.
    #[serde(rename = "type")]
    pub form_type: String,
    /// The rule set's kind of answer: `short_text`, `paragraph`, `scale`, `yes_no`, `choice`.
    pub kind: String,
    /// Whether a participant must answer.
    pub required: bool,
    /// The options of a multiple-choice question, in order (empty otherwise).
    pub choices: Vec<String>,
    /// Whether the question's wording is this rule set's own.
    pub ours: bool,
}

fn fill(text: &str, organization: &str) -> String {
    text.replace("{organization}", organization)
}

/// The survey, tailored to the organization's answers.
pub fn form(framework: &Framework, survey: &FeedbackSurvey, answers: &Answers, organization: &str) -> FeedbackForm {
    let eff = Effective::new(framework, answers);
    let mut number = 0;
    let mut kinds_ours = false;
    let sections = survey
        .groups
        .iter()
        .map(|g| FormSection {
            id: g.id.clone(),
            title: g.title.clone(),
            questions: g
                .questions
                .iter()
                .filter(|q| {
                    q.when
                        .as_ref()
                        .is_none_or(|c| c.evaluate(&|id: &str| eff.get(id)).holds)
                })
                .map(|q| {
                    number += 1;
                    kinds_ours |= q.kind_ours;
                    let choices: Vec<String> = match q.kind {
                        FeedbackKind::YesNo => vec!["Yes".into(), "No".into()],
                        FeedbackKind::Scale | FeedbackKind::Choice => q.choices.values().cloned().collect(),
                        FeedbackKind::ShortText | FeedbackKind::Paragraph => Vec::new(),
                    };
                    FormQuestion {
                        id: q.id.clone(),
                        number,
                        title: fill(q.tailored.as_deref().unwrap_or(&q.text), organization),
                        form_type: match q.kind {
                            FeedbackKind::ShortText => "Short answer",
                            FeedbackKind::Paragraph => "Paragraph",
                            _ => "Multiple choice",
                        }
                        .into(),
                        kind: q.kind.name().into(),
                        required: q.required,
                        choices,
                        ours: q.ours,
                    }
                })
                .collect(),
        })
        .filter(|s: &FormSection| !s.questions.is_empty())
        .collect();
    FeedbackForm {
        id: survey.id.clone(),
        title: fill(&survey.title, organization),
        description: survey.intro.as_deref().map(|i| fill(i, organization)),
        organization: organization.to_string(),
        sections,
        kinds_ours,
    }
}

/// The note on whose choices the kinds of answer are.
fn kinds_note(form: &FeedbackForm, publisher: Option<&str>) -> Option<String> {
    form.kinds_ours.then(|| {
        format!(
            "The questions are {}'s sample survey questions; the kind of answer each asks for, and any question marked *, are this tool's.",
            publisher.unwrap_or("the framework's publisher")
        )
    })
}

/// The survey as a printable Markdown page.
pub fn markdown(form: &FeedbackForm, publisher: Option<&str>) -> String {
    let e = |t: &str| markdown_escape(t);
    let mut out = format!("# {}\n\n", e(&form.title));
    if let Some(d) = &form.description {
        out.push_str(&format!("{}\n", e(d)));
    }
    for section in &form.sections {
        out.push_str(&format!("\n## {}\n", e(&section.title)));
        for q in &section.questions {
            out.push_str(&format!(
                "\n{}. **{}**{}{}\n",
                q.number,
                e(&q.title),
                if q.ours { "\\*" } else { "" },
                if q.required { " (required)" } else { "" }
            ));
            if q.choices.is_empty() {
                // Escaped, so that a line of underscores is not a rule.
                let line = "\\_".repeat(48);
                let lines = if q.kind == "paragraph" { 3 } else { 1 };
                for _ in 0..lines {
                    out.push_str(&format!("\n    {line}\n"));
                }
            } else {
                out.push('\n');
                for c in &q.choices {
                    out.push_str(&format!("    - [ ] {}\n", e(c)));
                }
            }
        }
    }
    if let Some(note) = kinds_note(form, publisher) {
        out.push_str(&format!("\n---\n\n{}\n", e(&note)));
    }
    out
}

fn html_escape(text: &str) -> String {
    handlebars::html_escape(text)
}

/// The survey as one self-contained, printable HTML page.
pub fn html(form: &FeedbackForm, publisher: Option<&str>) -> String {
    let e = |t: &str| html_escape(t);
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    out.push_str(&format!("<title>{}</title>\n", e(&form.title)));
    out.push_str(
        "<style>\nbody { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem; font: 16px/1.5 system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif; color: #1f2933; }\n\
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #d9e2ec; }\n\
ol { padding-left: 1.5rem; } li.question { margin: 1.1rem 0; break-inside: avoid; }\n\
.lines { border-bottom: 1px solid #9aa5b1; height: 1.8rem; } .lines.paragraph { height: 5.4rem; background: repeating-linear-gradient(transparent, transparent 1.75rem, #9aa5b1 1.75rem, #9aa5b1 1.8rem); border: 0; }\n\
ul.choices { list-style: none; padding-left: 0; } ul.choices li::before { content: \"☐ \"; }\n\
.required, .note { color: #52606d; font-size: .9rem; }\n@media print { body { padding: 0; } }\n</style>\n</head>\n<body>\n",
    );
    out.push_str(&format!("<h1>{}</h1>\n", e(&form.title)));
    if let Some(d) = &form.description {
        out.push_str(&format!("<p>{}</p>\n", e(d)));
    }
    for section in &form.sections {
        out.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n<ol start=\"{}\">\n",
            e(&section.id),
            e(&section.title),
            section.questions.first().map_or(1, |q| q.number)
        ));
        for q in &section.questions {
            out.push_str(&format!(
                "<li class=\"question\" id=\"{}\"><strong>{}</strong>{}{}\n",
                e(&q.id),
                e(&q.title),
                if q.ours { "<sup>*</sup>" } else { "" },
                if q.required {
                    " <span class=\"required\">(required)</span>"
                } else {
                    ""
                }
            ));
            if q.choices.is_empty() {
                let class = if q.kind == "paragraph" {
                    "lines paragraph"
                } else {
                    "lines"
                };
                out.push_str(&format!("<div class=\"{class}\"></div>\n"));
            } else {
                out.push_str("<ul class=\"choices\">\n");
                for c in &q.choices {
                    out.push_str(&format!("<li>{}</li>\n", e(c)));
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }
    if let Some(note) = kinds_note(form, publisher) {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", e(&note)));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The survey as CSV, one row per question (the module's documentation gives the columns).
pub fn csv(form: &FeedbackForm) -> String {
    let width = form
        .sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .map(|q| q.choices.len())
        .max()
        .unwrap_or(0);
    let mut header: Vec<String> = ["id", "section", "number", "question", "type", "required", "kind"]
        .map(String::from)
        .to_vec();
    header.extend((1..=width).map(|n| format!("choice {n}")));
    let rows = form.sections.iter().flat_map(|s| {
        s.questions.iter().map(move |q| {
            let mut row = vec![
                q.id.clone(),
                cell(&s.title),
                q.number.to_string(),
                cell(&q.title),
                q.form_type.clone(),
                if q.required { "yes" } else { "no" }.to_string(),
                q.kind.clone(),
            ];
            row.extend((0..width).map(|i| q.choices.get(i).map(|c| cell(c)).unwrap_or_default()));
            row
        })
    });
    to_string(std::iter::once(header).chain(rows))
}
