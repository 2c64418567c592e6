//! The brand file (`--brand FILE`): who prepared a report, their logo, the accent color and
//! a footer line, for consultants who hand reports to their clients.
//!
//! ```toml
//! prepared_by = "Jordan Lee, Northwind Learning Partners"
//! logo = "northwind.png"      # PNG, JPEG or SVG, relative to this file; embedded in the report
//! accent = "#1d4ed8"          # headings, links and rules
//! footer = "Confidential: prepared for the Board of Education"
//! ```
//!
//! Every key is optional and no other key is allowed; the file is checked strictly and every
//! problem is reported with its line and column.

use std::ops::Range;
use std::path::{Path, PathBuf};

use base64::Engine;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::io::{SourceFile, io_reason, read_disk};

/// The largest logo embedded, in bytes: a logo is small, and it is copied into every report.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

/// The longest `prepared_by` and `footer`, in characters: each is one line of a page.
pub const MAX_LINE_CHARS: usize = 120;

/// A brand file, as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandFile {
    /// Who prepared the report, as the cover shows it: "Prepared for ORGANIZATION by …".
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub prepared_by: Option<Spanned<String>>,
    /// A logo image file (PNG, JPEG or SVG) relative to the brand file, at most 512 KiB;
    /// it is embedded in the report, which stays one self-contained file.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub logo: Option<Spanned<String>>,
    /// The accent color of headings, links and rules: `#rrggbb` or `#rgb`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub accent: Option<Spanned<String>>,
    /// One line shown at the foot of every printed page (and at the end of the report).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub footer: Option<Spanned<String>>,
}

/// A logo, read and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Logo {
    /// The image's media type: `image/png`, `image/jpeg` or `image/svg+xml`.
    pub media_type: String,
    /// `data:` URI holding the image, for HTML.
    pub data_uri: String,
    /// Width in pixels (for SVG, of its view box or width), 0 when unknown.
    pub width: u32,
    /// Height in pixels, 0 when unknown.
    pub height: u32,
    /// The image's bytes (for DOCX).
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// A brand, checked: what the report shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Brand {
    /// Who prepared the report; null when not given.
    pub prepared_by: Option<String>,
    /// The logo; null when not given.
    pub logo: Option<Logo>,
    /// The accent color, `#rrggbb` (lower case); null for the report's own.
    pub accent: Option<String>,
    /// The footer line; null when not given.
    pub footer: Option<String>,
}

/// Reads and checks a brand file; every problem is reported, each with its line and column.
pub fn load(path: &Path) -> Result<Brand, Diagnostics> {
    let file = read_disk(path).map_err(|reason| {
        Diagnostics(vec![Diagnostic::error(
            path.display().to_string(),
            None,
            format!("cannot read the brand file: {reason}"),
        )])
    })?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    parse(&file, &base)
}

/// Checks a brand file's text; `base` is the folder a relative logo path starts from.
pub fn parse(file: &SourceFile, base: &Path) -> Result<Brand, Diagnostics> {
    let raw: BrandFile = toml::from_str(&file.text).map_err(|err| {
        let message = err.message().trim_end().to_string();
        let d = match err.span() {
            Some(span) => Diagnostic::at(Severity::Error, file, span, message),
            None => Diagnostic::error(&file.name, None, message),
        };
        Diagnostics(vec![d.with_help(
            "a brand file may set prepared_by, logo, accent and footer, e.g. accent = \"#1d4ed8\"",
        )])
    })?;
    let mut problems = Vec::new();
    let mut problem = |span: Range<usize>, message: String, help: &str| {
        problems.push(Diagnostic::at(Severity::Error, file, span, message).with_help(help));
    };
    let prepared_by = raw.prepared_by.and_then(|v| line(v, "prepared_by", &mut problem));
    let footer = raw.footer.and_then(|v| line(v, "footer", &mut problem));
    let accent = raw.accent.and_then(|v| {
        let span = v.span();
        match color(v.get_ref()) {
            Some(c) => Some(c),
            None => {
                problem(
                    span,
                    format!("accent: `{}` is not a color", v.get_ref()),
                    "write it as #rrggbb or #rgb, e.g. \"#1d4ed8\"",
                );
                None
            }
        }
    });
    let logo = raw.logo.and_then(|v| {
        let span = v.span();
        let written = v.into_inner();
        let path: PathBuf = base.join(&written);
        match read_logo(&path) {
            Ok(logo) => Some(logo),
            Err(message) => {
                problem(
                    span,
                    format!("logo: {}: {message}", path.display()),
                    "give a PNG, JPEG or SVG file of at most 512 KiB, relative to the brand file",
                );
                None
            }
        }
    });
    if !problems.is_empty() {
        problems.sort_by_key(|d| (d.line, d.column));
        return Err(Diagnostics(problems));
    }
    Ok(Brand {
        prepared_by,
        logo,
        accent,
        footer,
    })
}

/// A one-line text: not empty, no line break, not too long.
fn line(value: Spanned<String>, key: &str, problem: &mut impl FnMut(Range<usize>, String, &str)) -> Option<String> {
    let span = value.span();
    let text = value.into_inner();
    let trimmed = text.trim();
    let wrong = if trimmed.is_empty() {
        Some("is empty")
    } else if trimmed.contains(['\n', '\r']) {
        Some("holds a line break")
    } else if trimmed.chars().any(char::is_control) {
        Some("holds a control character")
    } else if trimmed.chars().count() > MAX_LINE_CHARS {
        Some("is too long")
    } else {
        None
    };
    match wrong {
        Some(what) => {
            problem(
                span,
                format!("{key} {what}"),
                &format!("write one line of at most {MAX_LINE_CHARS} characters, or leave the key out"),
            );
            None
        }
        None => Some(trimmed.to_string()),
    }
}

/// `#rrggbb` in lower case, from `#rrggbb` or `#rgb`.
fn color(text: &str) -> Option<String> {
    let hex = text.strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let hex = hex.to_ascii_lowercase();
    match hex.len() {
        6 => Some(format!("#{hex}")),
        3 => Some(format!("#{}", hex.chars().flat_map(|c| [c, c]).collect::<String>())),
        _ => None,
    }
}

/// Reads a logo and checks that it is what its bytes say: PNG, JPEG or SVG.
fn read_logo(path: &Path) -> Result<Logo, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("it is a directory".into());
    }
    if meta.len() > MAX_LOGO_BYTES as u64 {
        return Err(format!("it is {} KiB, more than 512 KiB", meta.len() / 1024));
    }
    let bytes = std::fs::read(path).map_err(|e| io_reason(&e))?;
    let (media_type, width, height) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let (w, h) = png_size(&bytes).ok_or("the PNG is damaged")?;
        ("image/png", w, h)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        let (w, h) = jpeg_size(&bytes).ok_or("the JPEG is damaged")?;
        ("image/jpeg", w, h)
    } else if looks_like_svg(&bytes) {
        let tree = resvg::usvg::Tree::from_data(&bytes, &resvg::usvg::Options::default())
            .map_err(|e| format!("the SVG cannot be read: {e}"))?;
        let size = tree.size();
        (
            "image/svg+xml",
            size.width().round() as u32,
            size.height().round() as u32,
        )
    } else {
        return Err("it is not a PNG, JPEG or SVG image".into());
    };
    if width == 0 || height == 0 {
        return Err("the image has no size".into());
    }
    let data_uri = format!(
        "data:{media_type};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(&bytes)
    );
    Ok(Logo {
        media_type: media_type.to_string(),
        data_uri,
        width,
        height,
        bytes,
    })
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let start = text.trim_start_matches('\u{feff}').trim_start();
    (start.starts_with("<?xml") || start.starts_with("<svg") || start.starts_with("<!--")) && text.contains("<svg")
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    Some((w, h))
}

/// Width and height from a JPEG's start-of-frame segment.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        let length = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let h = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]);
            let w = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]);
            return Some((u32::from(w), u32::from(h)));
        }
        if length < 2 {
            return None;
        }
        i += 2 + length;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brand(text: &str) -> Result<Brand, Diagnostics> {
        let file = SourceFile {
            name: "brand.toml".into(),
            text: text.into(),
        };
        parse(&file, Path::new("."))
    }

    #[test]
    fn a_brand_file_is_checked_strictly() {
        let b = brand("prepared_by = \"Jordan Lee\"\naccent = \"#1D4\"\nfooter = \"Confidential\"\n").unwrap();
        assert_eq!(b.prepared_by.as_deref(), Some("Jordan Lee"));
        assert_eq!(b.accent.as_deref(), Some("#11dd44"));
        assert_eq!(b.footer.as_deref(), Some("Confidential"));

        let err = brand("colour = \"red\"\n").unwrap_err();
        assert!(err.0[0].message.contains("unknown field `colour`"), "{:?}", err.0);
        assert_eq!(err.0[0].line, Some(1));

        let err = brand("accent = \"blue\"\nprepared_by = \"\"\nlogo = \"missing.png\"\n").unwrap_err();
        let messages: Vec<&str> = err.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(err.0.len(), 3, "{messages:?}");
        assert!(messages[0].contains("`blue` is not a color"), "{messages:?}");
        assert!(messages[1].contains("prepared_by is empty"), "{messages:?}");
        assert!(messages[2].contains("no such file"), "{messages:?}");
        assert_eq!(err.0[0].line, Some(1));
        assert_eq!(err.0[2].line, Some(3));
    }

    #[test]
    fn logos_are_recognized_by_their_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let svg = dir.path().join("logo.svg");
        std::fs::write(
            &svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>"#,
        )
        .unwrap();
        let logo = read_logo(&svg).unwrap();
        assert_eq!(
            (logo.media_type.as_str(), logo.width, logo.height),
            ("image/svg+xml", 40, 20)
        );
        assert!(logo.data_uri.starts_with("data:image/svg+xml;base64,"));

        let fake = dir.path().join("logo.png");
        std::fs::write(&fake, "not an image").unwrap();
        assert!(read_logo(&fake).unwrap_err().contains("not a PNG, JPEG or SVG"));
    }
}
