//! The file that describes an assessment, `assessments/ID/assessment.toml`: which
//! organization, which framework, when it was created, the organization's identity answers
//! set for every respondent, and the respondents with their links' tokens.
//!
//! ```toml
//! organization = "Riverbend Unified School District"
//! framework = "ctq"
//! created = "2026-02-02T09:30:00Z"
//!
//! [identity]
//! "profile.org_type" = "district"
//!
//! [[respondents]]
//! id = "r1"
//! name = "Dana Whitfield"
//! role = "Superintendent"
//! token = "..."
//! ```
//!
//! The tokens are secrets: the file is written readable by its owner only.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// An assessment: one organization's team answering one framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The organization assessed, as the admin wrote it.
    pub organization: String,
    /// The id of the framework the respondents answer.
    pub framework: String,
    /// When the assessment was created (RFC 3339, UTC).
    pub created: String,
    /// The organization's identity answers, set for every respondent (question id = value):
    /// the questions every respondent of a team must answer alike, such as its kind.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub identity: IndexMap<String, String>,
    /// The respondents, in the order they were added.
    #[serde(default)]
    pub respondents: Vec<RespondentEntry>,
}

/// One respondent of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RespondentEntry {
    /// The respondent's id, which names their answers file (`answers/ID.toml`).
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their role (superintendent, principal, teacher leader...), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The token of their private link.
    pub token: String,
}

impl Manifest {
    /// Reads a manifest's text; the error says what is wrong, with the line when TOML says.
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let manifest: Manifest = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())?;
        for r in &manifest.respondents {
            if !super::storage::is_id(&r.id, 'r') {
                return Err(format!("respondent id `{}` is not r followed by a number", r.id));
            }
            if !super::tokens::well_formed(&r.token) {
                return Err(format!(
                    "the token of respondent `{}` is not 32 base64url characters",
                    r.id
                ));
            }
        }
        Ok(manifest)
    }

    /// The manifest as TOML.
    pub fn to_toml(&self) -> String {
        let header = "# An assessment of `readiness serve`: the organization, the framework and the respondents.\n\
                      # The tokens are the respondents' private links: keep this file private.\n\n";
        format!(
            "{header}{}",
            toml::to_string(self).unwrap_or_else(|e| format!("# cannot write: {e}\n"))
        )
    }

    /// The respondent with this id.
    pub fn respondent(&self, id: &str) -> Option<&RespondentEntry> {
        self.respondents.iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_as_written_and_unknown_keys_are_refused() {
        let m = Manifest {
            organization: "Lakeside \"Schools\"".into(),
            framework: "ctq".into(),
            created: "2026-02-02T09:30:00Z".into(),
            identity: [("profile.org_type".to_string(), "district".to_string())]
                .into_iter()
                .collect(),
            respondents: vec![RespondentEntry {
                id: "r1".into(),
                name: "Dana".into(),
                role: None,
                token: "A".repeat(32),
            }],
        };
        assert_eq!(Manifest::parse(&m.to_toml()).unwrap(), m);
        let err =
            Manifest::parse("organization = \"x\"\nframework = \"ctq\"\ncreated = \"\"\nextra = 1\n").unwrap_err();
        assert!(err.contains("extra"), "{err}");
        let bad = m.to_toml().replace("r1", "../r1");
        assert!(
            Manifest::parse(&bad)
                .unwrap_err()
                .contains("not r followed by a number")
        );
    }
}
