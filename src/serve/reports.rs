//! An assessment's answers as one team's, assessed and rendered: the combined answers
//! (`readiness combine`), the assessment with the spread and disagreements
//! (`readiness assess --team`), the report in every format, the answers files in a zip,
//! and what changed since an earlier assessment (`readiness compare`).

use std::io::Write;

use crate::answers::combine::{Respondents, combine};
use crate::answers::{Answers, Syntax};
use crate::assess::compare::{Comparison, compare};
use crate::assess::{Assessment, assess};
use crate::io::read_existing;
use crate::report::{self, Format, Paper, RenderOptions, ReportContext, ReportOptions, Section};
use crate::rules::Framework;

use super::manifest::Manifest;
use super::storage::Store;

/// An assessment's team: their answers combined, and assessed.
#[derive(Debug, Clone)]
pub struct TeamResult {
    /// The team's answers (one respondent's own when only one has answered).
    pub answers: Answers,
    /// Their assessment.
    pub assessment: Assessment,
    /// How many respondents' answers it holds.
    pub respondents: usize,
}

/// Whether a respondent has answered anything beyond what the assessment set for them.
fn has_answers(store: &Store, manifest: &Manifest, answers: &Answers) -> bool {
    let set: Vec<String> = store.identity_answers(manifest).into_iter().map(|(id, _)| id).collect();
    answers.values.keys().any(|id| !set.contains(id))
}

/// The team's answers and assessment; `Ok(None)` before anyone has answered. The error is
/// a sentence for the admin: which file cannot be read, or why the answers do not combine.
pub fn team(store: &Store, id: &str, manifest: &Manifest) -> Result<Option<TeamResult>, String> {
    let framework = store.framework();
    let mut files = Vec::new();
    for r in &manifest.respondents {
        let path = store.answers_path(id, &r.id);
        let Some(file) = read_existing(&path)? else { continue };
        let answers = crate::answers::parse_unfinished(framework, &file, Syntax::Toml)
            .map_err(|d| format!("the answers of {} cannot be read: {}", r.name, d.render(false)))?;
        if has_answers(store, manifest, &answers) {
            files.push(Respondents {
                name: format!("answers/{}.toml", r.id),
                answers,
            });
        }
    }
    let count = files.len();
    let answers = match count {
        0 => return Ok(None),
        1 => files.remove(0).answers,
        _ => {
            combine(framework, &files)
                .map_err(|d| format!("the answers do not combine: {}", d.render(false)))?
                .answers
        }
    };
    let assessment = assess(framework, &answers);
    Ok(Some(TeamResult {
        answers,
        assessment,
        respondents: count,
    }))
}

/// Today, as reports show it.
pub fn today() -> String {
    jiff::ZonedDateTime::now().date().to_string()
}

/// The report's data for a team, for `paper` (Word and PDF are printed on Letter).
pub fn context(framework: &Framework, team: &TeamResult, paper: Option<Paper>) -> ReportContext {
    let options = ReportOptions {
        paper,
        ..ReportOptions::default()
    };
    report::context(framework, &team.answers, &team.assessment, &today(), &options, None)
}

/// One section of the report in HTML, to show in a page.
pub fn section(context: &ReportContext, section: Section) -> Result<String, String> {
    let options = RenderOptions {
        section: Some(section),
        ..RenderOptions::default()
    };
    report::render(Format::Html, context, &options).map_err(|d| d.render(false))
}

/// A download: its bytes and its content type.
pub struct Download {
    /// The file's contents.
    pub bytes: Vec<u8>,
    /// Its media type.
    pub content_type: &'static str,
}

/// Whether PDF can be made here: the path of Chromium, or why not.
pub fn pdf_browser() -> Result<std::path::PathBuf, String> {
    report::pdf::find_browser()
}

/// The report in `format` (by its file extension: html, md, docx, pdf, json, csv).
pub fn download(framework: &Framework, team: &TeamResult, extension: &str) -> Result<Option<Download>, String> {
    let html =
        |ctx: &ReportContext| report::render(Format::Html, ctx, &RenderOptions::default()).map_err(|d| d.render(false));
    let out = match extension {
        "html" => Download {
            bytes: html(&context(framework, team, None))?.into_bytes(),
            content_type: "text/html; charset=utf-8",
        },
        "md" => Download {
            bytes: report::render(
                Format::Markdown,
                &context(framework, team, None),
                &RenderOptions::default(),
            )
            .map_err(|d| d.render(false))?
            .into_bytes(),
            content_type: "text/markdown; charset=utf-8",
        },
        "docx" => Download {
            bytes: report::docx::document(&context(framework, team, Some(Paper::Letter)))?,
            content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        },
        "pdf" => {
            let browser = pdf_browser()?;
            let page = html(&context(framework, team, Some(Paper::Letter)))?;
            Download {
                bytes: report::pdf::print(&browser, &page)?,
                content_type: "application/pdf",
            }
        }
        "json" => Download {
            bytes: report::json(&team.assessment).into_bytes(),
            content_type: "application/json",
        },
        "csv" => Download {
            bytes: report::csv::action_items(framework, &team.assessment).into_bytes(),
            content_type: "text/csv; charset=utf-8",
        },
        _ => return Ok(None),
    };
    Ok(Some(out))
}

/// Every answers file of an assessment, in a zip (`answers/r1.toml`...), in respondent order.
pub fn answers_zip(store: &Store, id: &str, manifest: &Manifest) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
    for r in &manifest.respondents {
        let path = store.answers_path(id, &r.id);
        let Some(file) = read_existing(&path)? else { continue };
        zip.start_file(format!("answers/{}.toml", r.id), options)
            .and_then(|()| zip.write_all(file.text.as_bytes()).map_err(Into::into))
            .map_err(|e| format!("cannot make the zip: {e}"))?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| format!("cannot make the zip: {e}"))
}

/// What changed from an earlier team's answers to a later one's, dated by the earlier
/// assessment's creation.
pub fn since(framework: &Framework, earlier: &TeamResult, later: &TeamResult, date: &str) -> Comparison {
    let mut comparison = compare(
        framework,
        &earlier.answers,
        &earlier.assessment,
        &later.answers,
        &later.assessment,
    );
    comparison.date = Some(date.to_string());
    comparison
}
