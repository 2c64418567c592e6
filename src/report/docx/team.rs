//! A team's answers: how the respondents answered each question, and where they disagree.

use docx_rs::{Docx, Paragraph, Run};

use super::parts::{bullet, columns, h, plain, table};
use crate::report::team::TeamInfo;

/// The section "Your team's answers".
pub(super) fn add(mut doc: Docx, team: &TeamInfo, text_width: u32) -> Docx {
    let mut who = format!("{} respondents", team.respondents.len());
    if !team.named.is_empty() {
        who.push_str(&format!(": {}", team.named));
        if team.unnamed > 0 {
            who.push_str(&format!(", and {} not named", team.unnamed));
        }
    }
    doc = doc
        .add_paragraph(h(1, "Your team's answers"))
        .add_paragraph(plain(&format!("{who}.")));
    let rows = team
        .questions
        .iter()
        .map(|q| {
            let mut given = q.summary.clone();
            if q.unanswered > 0 {
                given.push_str(&format!(", {} not answered", q.unanswered));
            }
            let flag = if q.agree { String::new() } else { "disagree".to_string() };
            vec![q.question.clone(), q.answer.clone(), given, flag]
        })
        .collect();
    doc = doc.add_table(table(
        &["Question", "Team's answer", "Answers given", ""],
        &columns(text_width, &[46, 18, 24, 12]),
        rows,
    ));
    if team.disagreements.is_empty() {
        return doc.add_paragraph(plain("Your team gave the same answer to every question."));
    }
    doc = doc.add_paragraph(h(2, "Where your team disagrees"));
    for q in &team.disagreements {
        doc = doc.add_paragraph(bullet(vec![Run::new().add_text(&q.question).bold()]));
        for a in &q.answers {
            let who = match (a.named.is_empty(), a.unnamed) {
                (false, 0) => a.named.clone(),
                (false, n) => format!("{}, and {n} not named", a.named),
                (true, _) => format!("{} not named", a.count),
            };
            doc = doc.add_paragraph(
                Paragraph::new()
                    .indent(Some(720), None, None, None)
                    .add_run(Run::new().add_text(format!("{}: {who}", a.label))),
            );
        }
    }
    doc
}
