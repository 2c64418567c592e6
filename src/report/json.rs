//! JSON output: pretty, stable field order, a final newline.

/// Renders a value (an assessment, an explanation) as JSON, pretty, with a final newline.
pub fn json(value: &impl serde::Serialize) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("plain data always serializes");
    out.push('\n');
    out
}
