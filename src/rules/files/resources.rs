//! A resource catalog file.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// A resource catalogue file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourcesFile {
    /// The resources, in file order.
    #[serde(default)]
    pub resources: Vec<ResourceDef>,
}

/// What kind of thing a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResourceType {
    /// A white paper.
    Paper,
    /// A report.
    Report,
    /// A research study.
    Research,
    /// A case study or a district's story.
    CaseStudy,
    /// A policy brief.
    PolicyBrief,
    /// An article or blog post.
    Article,
    /// A video.
    Video,
    /// A podcast episode or series.
    Podcast,
    /// A webinar.
    Webinar,
    /// A guide.
    Guide,
    /// A tool or template to work with.
    Tool,
    /// An infographic.
    Infographic,
    /// A sample from another district (flyer, slide deck, ...).
    Sample,
    /// A survey or questionnaire.
    Survey,
    /// A platform that issues micro-credentials.
    Platform,
    /// A micro-credential or stack of micro-credentials.
    MicroCredential,
    /// A community to join.
    Community,
    /// Help from people (coaching, contact).
    Service,
}

impl ResourceType {
    /// The type in words for a person: `case study`, `micro-credential`, ...
    pub fn label(self) -> &'static str {
        match self {
            Self::Paper => "paper",
            Self::Report => "report",
            Self::Research => "research",
            Self::CaseStudy => "case study",
            Self::PolicyBrief => "policy brief",
            Self::Article => "article",
            Self::Video => "video",
            Self::Podcast => "podcast",
            Self::Webinar => "webinar",
            Self::Guide => "guide",
            Self::Tool => "tool",
            Self::Infographic => "infographic",
            Self::Sample => "sample",
            Self::Survey => "survey",
            Self::Platform => "platform",
            Self::MicroCredential => "micro-credential",
            Self::Community => "community",
            Self::Service => "service",
        }
    }
}

/// One `[[resources]]` entry of a resource catalogue.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceDef {
    /// Stable identifier, e.g. `driving-teacher-learning`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Title in the documents' words.
    pub title: String,
    /// Authors, as the documents give them.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Year (or date) of publication, where given.
    #[serde(default)]
    pub year: Option<String>,
    /// Kind of resource.
    #[serde(rename = "type")]
    pub kind: ResourceType,
    /// Phases the documents place it in.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub phases: Vec<Spanned<String>>,
    /// Duration or extent, where given (e.g. `1 minute`, `14 minutes`).
    #[serde(default)]
    pub duration: Option<String>,
    /// The documents' description.
    pub description: String,
    /// Link, where any document gives one.
    #[serde(default)]
    pub url: Option<String>,
    /// `true` when the documents name the resource without giving an address, so that
    /// having no `url` is expected and `check` does not warn about it.
    #[serde(default)]
    pub no_link: bool,
    /// Other links the documents give for the same resource.
    #[serde(default)]
    pub other_urls: Vec<String>,
}
