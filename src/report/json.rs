//! JSON output: pretty, stable field order, a final newline.

/// Renders a value (an assessment, an explanation) as JSON, pretty, with a final newline.
pub fn json(value: &impl serde::Serialize) -> String {
    let out = serde_json::to_string_pretty(value).expect("plain data always serializes");
    // serde_json escapes the C0 controls; DEL and the C1 controls (CSI...) it leaves as they
    // are, and a terminal may act on them. They can only be inside strings, where `\uXXXX`
    // means the same.
    let mut safe = String::with_capacity(out.len() + 1);
    for c in out.chars() {
        if c.is_control() && c != '\n' {
            safe.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            safe.push(c);
        }
    }
    safe.push('\n');
    safe
}
