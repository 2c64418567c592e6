//! Asking the survey's questions on the terminal, with `inquire`. Prompts and notes go to
//! standard error; standard output is left for the assessment.
//!
//! Choice questions are lists to pick from; text and number questions are inputs checked
//! as they are typed. Each list also offers `? tell me more` (the documents' explanation
//! and resources), `- skip` (for a question that may stay unanswered) and `< back` (to the
//! previous question); in an input, `?`, an empty line and `<` do the same. Esc or Ctrl-C
//! stops the survey; every answer given so far is already saved.

use std::fmt;

use inquire::ui::RenderConfig;
use inquire::validator::Validation;
use inquire::{InquireError, Select, Text};

use std::io::Write;

use super::store::AnswersFile;
use super::{Heading, Mode, Survey, heading, parse_input};
use crate::answers::{AnswerValue, Answers};
use crate::report::escape::{one_line, terminal_safe};
use crate::report::in_words;
use crate::rules::{AnswerKind, Framework, Question};

/// How a survey ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every question was asked (or there was nothing left to ask).
    Finished,
    /// The person stopped the survey with Esc or Ctrl-C.
    Interrupted,
}

/// What a person answered at a prompt.
enum Reply {
    Answer(AnswerValue),
    Skip,
    Back,
    Help,
    Note,
    Stop,
}

/// One line of a choice list.
#[derive(Debug, Clone, Copy)]
enum Item<'f> {
    Value(&'f str, &'f str),
    NotApplicable,
    DontKnow,
    Help,
    Note,
    Skip,
    Back,
}

impl fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Value(_, label) => f.write_str(label),
            Item::NotApplicable => f.write_str("Not applicable"),
            Item::DontKnow => f.write_str("Don't know"),
            Item::Help => f.write_str("? tell me more"),
            Item::Note => f.write_str("+ add a note to this answer"),
            Item::Skip => f.write_str("- skip: leave it unanswered"),
            Item::Back => f.write_str("< back to the previous question"),
        }
    }
}

/// Plain prompts when `NO_COLOR` is set (to anything but the empty string), colored ones otherwise.
pub(super) fn render_config() -> RenderConfig<'static> {
    match std::env::var_os("NO_COLOR") {
        Some(value) if !value.is_empty() => RenderConfig::empty(),
        _ => RenderConfig::default_colored(),
    }
}

/// The width notes wrap at: the terminal's (less one column, which some terminals wrap
/// at), at most 100 and at least 30; 78 when it cannot be told.
fn width() -> usize {
    terminal_size::terminal_size_of(std::io::stderr())
        .map_or(78, |(w, _)| usize::from(w.0).saturating_sub(1))
        .clamp(30, 100)
}

/// Writes `text`, wrapped at word boundaries to the terminal's width (a word longer than a
/// line, such as a link, stays whole), each line after `indent`.
pub(super) fn note(out: &mut dyn Write, text: &str, indent: &str) {
    let text = terminal_safe(text);
    let options = textwrap::Options::new(width())
        .initial_indent(indent)
        .subsequent_indent(indent)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for paragraph in text.split("\n\n") {
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in textwrap::wrap(&joined, &options) {
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
}

fn show_heading(out: &mut dyn Write, heading: &Heading<'_>) {
    let _ = writeln!(out);
    match heading {
        Heading::Questionnaire(q) => {
            let _ = writeln!(out, "{}", one_line(&q.title));
            if let Some(intro) = &q.intro {
                note(out, intro, "");
            }
        }
        Heading::Phase { number, of, phase } => {
            let _ = writeln!(out, "Phase {number} of {of}: {}", one_line(&phase.name));
            let whose = if phase.ours { " (this tool's own reading)" } else { "" };
            note(out, &format!("Goal{whose}: {}", phase.goal), "");
        }
    }
    let _ = writeln!(out);
}

/// The documents' explanation of a question and the resources they tie to it.
fn show_help(out: &mut dyn Write, framework: &Framework, question: &Question) {
    let _ = writeln!(out);
    note(out, &question.title, "  ");
    match &question.help {
        Some(help) => note(out, help, "  "),
        None => note(out, "The documents say no more about this question.", "  "),
    }
    if let Some(condition) = &question.when {
        note(
            out,
            &format!("Asked only when {}.", in_words(framework, condition)),
            "  ",
        );
    }
    match question.kind {
        AnswerKind::Text => note(out, "The answer: any text.", "  "),
        AnswerKind::Integer => note(out, &format!("The answer: {}.", question.expected()), "  "),
        AnswerKind::Choice => {}
    }
    if !question.resources.is_empty() {
        let _ = writeln!(out, "  Resources:");
        for id in &question.resources {
            let Some(r) = framework.resources.get(id) else {
                continue;
            };
            let duration = r.duration.as_ref().map(|d| format!(", {d}")).unwrap_or_default();
            note(out, &format!("- {} ({}{duration})", r.title, r.kind.label()), "    ");
            if let Some(url) = &r.url {
                // A link is never broken across lines, however narrow the terminal.
                let _ = writeln!(out, "      {url}");
            }
        }
    }
    let _ = writeln!(out);
}

/// What each value means for this question, where the rule set says.
fn show_rubric(out: &mut dyn Write, question: &Question) {
    for (value, rubric) in &question.rubric {
        note(out, &format!("{}: {rubric}", question.label(value)), "  ");
    }
}

fn note_saved(out: &mut dyn Write, text: &str) {
    if text.trim().is_empty() {
        note(out, "The note is removed.", "  ");
    } else {
        note(out, "The note is kept with the answer.", "  ");
    }
}

/// Asks for a note on the answer (why this answer, what evidence); `None` when the person
/// stops. An empty line removes the note.
fn ask_note(current: Option<&str>) -> Result<Option<String>, String> {
    let mut prompt = Text::new("Note on this answer (why, what evidence; empty removes it):");
    if let Some(current) = current {
        prompt = prompt.with_initial_value(current);
    }
    match prompt.prompt() {
        Ok(text) => Ok(Some(text)),
        Err(InquireError::OperationCanceled | InquireError::OperationInterrupted) => Ok(None),
        Err(other) => Err(format!("cannot ask on the terminal: {other}")),
    }
}

fn stopped(err: InquireError) -> Result<Reply, String> {
    match err {
        InquireError::OperationCanceled | InquireError::OperationInterrupted => Ok(Reply::Stop),
        other => Err(format!("cannot ask the question on the terminal: {other}")),
    }
}

fn ask_choice(question: &Question, message: &str, current: Option<&AnswerValue>, back: bool) -> Result<Reply, String> {
    let mut items: Vec<Item<'_>> = question
        .choices
        .iter()
        .map(|(value, label)| Item::Value(value, label))
        .collect();
    if question.not_applicable {
        items.push(Item::NotApplicable);
    }
    if question.dont_know {
        items.push(Item::DontKnow);
    }
    let start = current
        .and_then(|v| match v {
            AnswerValue::NotApplicable => items.iter().position(|i| matches!(i, Item::NotApplicable)),
            AnswerValue::DontKnow => items.iter().position(|i| matches!(i, Item::DontKnow)),
            other => question.choices.get_index_of(&other.as_text()),
        })
        .unwrap_or(0);
    items.push(Item::Help);
    items.push(Item::Note);
    if !question.required && current.is_none() {
        items.push(Item::Skip);
    }
    if back {
        items.push(Item::Back);
    }
    let page_size = items.len();
    let chosen = Select::new(message, items)
        .with_starting_cursor(start)
        .with_page_size(page_size)
        .with_help_message("↑↓ move, enter chooses, type to filter, esc stops")
        .prompt();
    match chosen {
        Ok(Item::Value(value, _)) => Ok(Reply::Answer(AnswerValue::Choice(value.to_string()))),
        Ok(Item::NotApplicable) => Ok(Reply::Answer(AnswerValue::NotApplicable)),
        Ok(Item::DontKnow) => Ok(Reply::Answer(AnswerValue::DontKnow)),
        Ok(Item::Help) => Ok(Reply::Help),
        Ok(Item::Note) => Ok(Reply::Note),
        Ok(Item::Skip) => Ok(Reply::Skip),
        Ok(Item::Back) => Ok(Reply::Back),
        Err(err) => stopped(err),
    }
}

/// How a typed reply shows once given: the answer, or what the reply did.
fn shown(typed: &str) -> String {
    match typed.trim() {
        "" => "(skipped)".to_string(),
        "?" => "(tell me more)".to_string(),
        "<" => "(back)".to_string(),
        other => other.to_string(),
    }
}

/// What a line typed at an input means: `?` asks for more, `<` goes back (when there is a
/// question to go back to), an empty line skips (when the question may stay unanswered),
/// and anything else is an answer, checked like one in a file.
fn interpret(question: &Question, typed: &str, back: bool, may_skip: bool) -> Result<Reply, String> {
    match typed.trim() {
        "?" => Ok(Reply::Help),
        "<" if back => Ok(Reply::Back),
        "" if may_skip => Ok(Reply::Skip),
        input => parse_input(question, input).map(Reply::Answer),
    }
}

fn ask_input(question: &Question, message: &str, current: Option<&AnswerValue>, back: bool) -> Result<Reply, String> {
    let default = current.map(AnswerValue::as_text);
    let may_skip = !question.required && default.is_none();
    // The keys, in a line short enough for an 80-column terminal.
    let mut keys = vec![match default {
        Some(_) => "enter confirms (empty keeps the answer)",
        None => "enter confirms",
    }];
    if may_skip {
        keys.push("empty skips");
    }
    keys.push("? tells more");
    if back {
        keys.push("< back");
    }
    keys.push("esc stops");
    let help = keys.join(", ");
    let validator = move |typed: &str| {
        Ok(match interpret(question, typed, back, may_skip) {
            Ok(_) => Validation::Valid,
            Err(message) => Validation::Invalid(message.into()),
        })
    };
    let mut prompt = Text::new(message)
        .with_help_message(&help)
        .with_validator(validator)
        .with_formatter(&shown);
    if let Some(default) = &default {
        prompt = prompt.with_default(default);
    }
    match prompt.prompt() {
        // The validator accepted it, so it has a meaning.
        Ok(typed) => interpret(question, &typed, back, may_skip),
        Err(err) => stopped(err),
    }
}

/// Offers to enter the timeline's dates, one activity at a time, saving each in the file's
/// `[timeline]`. Returns `false` when the person stops with Esc or Ctrl-C.
fn ask_timeline(
    framework: &Framework,
    file: &mut AnswersFile,
    dated: &mut Answers,
    out: &mut dyn Write,
) -> Result<bool, String> {
    let Some(timeline) = &framework.timeline else {
        return Ok(true);
    };
    match inquire::Confirm::new("Enter the dates of the implementation timeline now?")
        .with_default(false)
        .with_help_message("y enters a date or a range for each activity, n goes on; esc stops")
        .prompt()
    {
        Ok(true) => {}
        Ok(false) => return Ok(true),
        Err(InquireError::OperationCanceled | InquireError::OperationInterrupted) => return Ok(false),
        Err(other) => return Err(format!("cannot ask on the terminal: {other}")),
    }
    note(
        out,
        "For each activity, a day (2026-02-10) or a range (2026-01-05 to 2026-01-30); an empty line leaves it as it is.",
        "  ",
    );
    for activity in &timeline.activities {
        let current = dated.timeline.get(&*activity.id).map(crate::answers::Dates::text);
        let message = match &activity.help {
            Some(help) => format!("{} ({help}):", activity.title),
            None => format!("{}:", activity.title),
        };
        let validator = |typed: &str| {
            Ok(if typed.trim().is_empty() {
                Validation::Valid
            } else {
                match super::parse_dates(typed) {
                    Ok(_) => Validation::Valid,
                    Err(message) => Validation::Invalid(message.into()),
                }
            })
        };
        let mut prompt = Text::new(&message)
            .with_help_message("YYYY-MM-DD, or START to END; empty leaves it as it is; esc stops")
            .with_validator(validator);
        if let Some(current) = &current {
            prompt = prompt.with_placeholder(current);
        }
        match prompt.prompt() {
            Ok(typed) if typed.trim().is_empty() => {}
            Ok(typed) => {
                let dates = super::parse_dates(&typed)?;
                file.set_timeline(&activity.id, Some(&dates));
                file.save()?;
                dated.timeline.insert(activity.id.to_string(), dates);
            }
            Err(InquireError::OperationCanceled | InquireError::OperationInterrupted) => return Ok(false),
            Err(other) => return Err(format!("cannot ask on the terminal: {other}")),
        }
    }
    Ok(true)
}

/// Asks the survey's questions one by one, saving `file` after every answer, until every
/// question is asked or the person stops. Returns how it ended; an error when the
/// terminal or the file fails (the message says which).
/// Prompts are drawn by `inquire` on the terminal; headings, help and notes go to `out`
/// (standard error, so that standard output stays for the assessment).
pub fn run(
    framework: &Framework,
    file: &mut AnswersFile,
    answers: Answers,
    mode: Mode,
    out: &mut dyn Write,
) -> Result<Outcome, String> {
    inquire::set_global_render_config(render_config());
    // The timeline's dates as given so far (the survey's answers hold no dates).
    let mut dated = answers.clone();
    let mut survey = Survey::new(framework, answers, mode);
    let _ = writeln!(out, "{} ({} {})", framework.name, framework.id, framework.version);
    if survey.current().is_none() {
        let hint = match mode {
            Mode::Unanswered => "; add --review to go through them again",
            Mode::Review => "",
        };
        let _ = writeln!(
            out,
            "Every question that applies is answered in {}{hint}.",
            file.path().display()
        );
        return Ok(Outcome::Finished);
    }
    note(
        out,
        &format!(
            "Each answer is saved to {} as soon as it is given. Esc or Ctrl-C stops; the same command goes on later.",
            file.path().display()
        ),
        "",
    );
    let mut shown: Option<String> = None;
    let mut rubric_shown: Option<String> = None;
    // A note given before the answer it goes with.
    let mut pending_note: Option<(String, String)> = None;
    while let Some(question) = survey.current() {
        if let Some(h) = heading(framework, &question.id)
            && shown.as_deref() != Some(h.key().as_str())
        {
            show_heading(out, &h);
            shown = Some(h.key());
        }
        let progress = survey.progress().map(|p| format!("({p}) ")).unwrap_or_default();
        let message = format!("{progress}{}", question.title);
        let current = survey.current_answer().cloned();
        let back = survey.can_go_back();
        if question.kind == AnswerKind::Choice && rubric_shown.as_deref() != Some(question.id.as_ref()) {
            show_rubric(out, question);
            rubric_shown = Some(question.id.to_string());
        }
        let reply = match question.kind {
            AnswerKind::Choice => ask_choice(question, &message, current.as_ref(), back)?,
            AnswerKind::Text | AnswerKind::Integer => ask_input(question, &message, current.as_ref(), back)?,
        };
        match reply {
            Reply::Answer(value) => {
                let changed = survey.answer(value);
                if let Some((id, value)) = &changed.set {
                    file.set(id, Some(value));
                    if let Some((for_id, note)) = pending_note.take()
                        && &for_id == id
                    {
                        file.set_note(id, Some(&note));
                    }
                }
                let timeline_question = framework
                    .timeline
                    .as_ref()
                    .and_then(|t| t.counts_toward.as_ref())
                    .map(|c| c.question.as_str());
                if changed
                    .set
                    .as_ref()
                    .map(|(id, _)| id.as_str())
                    .is_some_and(|id| Some(id) == timeline_question)
                {
                    file.save()?;
                    if !ask_timeline(framework, file, &mut dated, out)? {
                        return Ok(Outcome::Interrupted);
                    }
                }
                for id in &changed.dropped {
                    file.set(id, None);
                    let question = &framework.questions[id];
                    let condition = question
                        .when
                        .as_ref()
                        .map(|c| format!(" (it is asked only when {})", in_words(framework, c)))
                        .unwrap_or_default();
                    note(
                        out,
                        &format!(
                            "The answer to “{}” is removed: the question no longer applies{condition}.",
                            question.title
                        ),
                        "  ",
                    );
                }
                file.save()?;
            }
            Reply::Skip => survey.skip(),
            Reply::Back => {
                survey.back();
            }
            Reply::Help => show_help(out, framework, question),
            Reply::Note => {
                let note = ask_note(file.note(&question.id).as_deref())?;
                match note {
                    None => return Ok(Outcome::Interrupted),
                    Some(note) if survey.current_answer().is_some() => {
                        file.set_note(&question.id, Some(&note));
                        file.save()?;
                        note_saved(out, &note);
                    }
                    Some(note) => {
                        if !note.trim().is_empty() {
                            note_saved(out, &note);
                        }
                        pending_note = Some((question.id.to_string(), note));
                    }
                }
            }
            Reply::Stop => return Ok(Outcome::Interrupted),
        }
    }
    Ok(Outcome::Finished)
}
