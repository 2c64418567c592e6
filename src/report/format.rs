//! The output formats and the report sections: the one list of each. The command line, the
//! templates and the README all take their names from here.

use std::path::Path;

use clap::ValueEnum;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text for a person reading a terminal.
    Text,
    /// JSON for programs (fields documented in the README).
    Json,
    /// GitHub-flavoured Markdown, for documents and pandoc.
    Markdown,
    /// One self-contained HTML page (a fragment with --section).
    Html,
    /// A Word document (Office Open XML), written natively.
    Docx,
    /// A PDF: the HTML report printed by headless Chromium.
    Pdf,
    /// Comma-separated values for a spreadsheet.
    Csv,
}

impl Format {
    /// Every format, in the order help lists them.
    pub const ALL: [Format; 7] = [
        Format::Text,
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Csv,
        Format::Docx,
        Format::Pdf,
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    /// Whether the format is bytes for a program (Word, a PDF viewer) rather than text.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Docx | Format::Pdf)
    }

    /// The file extensions that mean this format, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Text => &["txt", "text"],
            Format::Json => &["json"],
            Format::Markdown => &["md", "markdown"],
            Format::Html => &["html", "htm"],
            Format::Csv => &["csv"],
            Format::Docx => &["docx"],
            Format::Pdf => &["pdf"],
        }
    }

    /// The folder of `templates/` holding the format's templates; `None` for JSON and DOCX,
    /// which are not rendered through templates. A PDF is the HTML report printed.
    pub fn templates_dir(self) -> Option<&'static str> {
        match self {
            Format::Text => Some("text"),
            Format::Markdown => Some("markdown"),
            Format::Html | Format::Pdf => Some("html"),
            Format::Json | Format::Csv | Format::Docx => None,
        }
    }

    /// The format a file name's extension means, among `allowed`. `Err` carries the extension
    /// when it means none of them, `Ok(None)` when the name has no extension.
    pub fn from_path(path: &Path, allowed: &[Format]) -> Result<Option<Format>, String> {
        let Some(ext) = path.extension() else {
            return Ok(None);
        };
        let ext = ext.to_string_lossy().to_ascii_lowercase();
        allowed
            .iter()
            .copied()
            .find(|f| f.extensions().contains(&ext.as_str()))
            .map(Some)
            .ok_or(ext)
    }

    /// The format a template file's name says (`report.html.hbs`, `notes.md.hbs`).
    pub fn from_template_name(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let stem = name.strip_suffix(".hbs")?;
        let ext = Path::new(stem).extension()?.to_string_lossy().to_string();
        [Format::Text, Format::Markdown, Format::Html]
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }
}

/// The pieces of a report `--section` renders on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Section {
    /// The executive summary: where the organization stands, what keeps it there, the three
    /// most important next steps and each phase's progress.
    Summary,
    /// Each phase's progress (a chart in HTML).
    Phases,
    /// What to do now: the current phase's tasks and the recommendations, each once.
    Actions,
    /// What comes next: the later phases, in a few lines (in full with --detail all).
    Later,
    /// The appendix: the answers, what is unanswered, the resources and the method.
    Appendix,
    /// Every resource the report cites, grouped by type, with its link.
    Resources,
    /// A team's answers: the spread and where the respondents disagree (with --team).
    Team,
    /// What changed since an earlier assessment (with --since).
    Since,
}

impl Section {
    /// Every section, in report order.
    pub const ALL: [Section; 8] = [
        Section::Summary,
        Section::Phases,
        Section::Actions,
        Section::Later,
        Section::Appendix,
        Section::Resources,
        Section::Team,
        Section::Since,
    ];

    /// The section's template name.
    pub fn name(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Phases => "phases",
            Section::Actions => "actions",
            Section::Later => "later",
            Section::Appendix => "appendix",
            Section::Resources => "resources",
            Section::Team => "team",
            Section::Since => "since",
        }
    }
}

/// How much of the later phases a report shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    /// The current phase in full; later phases in a few lines.
    #[default]
    Current,
    /// Every phase in full: later phases' tasks with guidance and resources, every
    /// resource's description.
    All,
}

/// The paper a report is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in twentieths of a point (Word's unit).
    pub fn twips(self) -> (u32, u32) {
        match self {
            Paper::A4 => (11_906, 16_838),
            Paper::Letter => (12_240, 15_840),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_command_line() {
        for f in Format::ALL {
            assert_eq!(f.to_possible_value().unwrap().get_name(), f.name());
        }
        for s in Section::ALL {
            assert_eq!(s.to_possible_value().unwrap().get_name(), s.name());
        }
        assert_eq!(Format::value_variants().len(), Format::ALL.len());
        assert_eq!(Section::value_variants().len(), Section::ALL.len());
    }

    #[test]
    fn extensions_say_the_format() {
        let all = &Format::ALL;
        assert_eq!(Format::from_path(Path::new("r.HTML"), all), Ok(Some(Format::Html)));
        assert_eq!(Format::from_path(Path::new("r.md"), all), Ok(Some(Format::Markdown)));
        assert_eq!(Format::from_path(Path::new("report"), all), Ok(None));
        assert_eq!(Format::from_path(Path::new("r.pdf"), all), Ok(Some(Format::Pdf)));
        assert_eq!(Format::from_path(Path::new("r.odt"), all), Err("odt".to_string()));
        assert_eq!(
            Format::from_path(Path::new("r.md"), &[Format::Text, Format::Json]),
            Err("md".to_string())
        );
        assert_eq!(Format::from_template_name(Path::new("my.html.hbs")), Some(Format::Html));
        assert_eq!(Format::from_template_name(Path::new("my.hbs")), None);
    }
}
