//! Where the keys and values of a JSON answers file are: a small pass over text that
//! serde_json has already found valid, so that JSON answers get lines and columns (and
//! duplicate keys are found) as TOML answers do.

use std::ops::Range;

/// One `"key": value` of an object, with the byte ranges of the key and of the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Member {
    /// The key, decoded.
    pub key: String,
    /// Where the key is, quotes included.
    pub key_span: Range<usize>,
    /// Where the value is.
    pub value_span: Range<usize>,
}

/// The members of the object at the start of `text` (after white space), or `None` when the
/// value there is not an object. `text` must be valid JSON.
pub(super) fn members(text: &str, at: usize) -> Option<Vec<Member>> {
    let bytes = text.as_bytes();
    let mut i = skip_space(bytes, at);
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut out = Vec::new();
    loop {
        i = skip_space(bytes, i);
        match bytes.get(i) {
            Some(b'"') => {}
            _ => return Some(out), // `}`
        }
        let key_end = skip_string(bytes, i);
        let key = serde_json::from_str::<String>(&text[i..key_end]).unwrap_or_default();
        let key_span = i..key_end;
        i = skip_space(bytes, key_end) + 1; // `:`
        let start = skip_space(bytes, i);
        let end = skip_value(bytes, start);
        out.push(Member {
            key,
            key_span,
            value_span: start..end,
        });
        i = skip_space(bytes, end);
        if bytes.get(i) == Some(&b',') {
            i += 1;
        }
    }
}

/// Where each element of the array at `at` is, or `None` when the value there is not an
/// array. `text` must be valid JSON.
pub(super) fn elements(text: &str, at: usize) -> Option<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    let mut i = skip_space(bytes, at);
    if bytes.get(i) != Some(&b'[') {
        return None;
    }
    i += 1;
    let mut out = Vec::new();
    loop {
        i = skip_space(bytes, i);
        if matches!(bytes.get(i), Some(b']') | None) {
            return Some(out);
        }
        let end = skip_value(bytes, i);
        out.push(i..end);
        i = skip_space(bytes, end);
        if bytes.get(i) == Some(&b',') {
            i += 1;
        }
    }
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The end of the string starting at `i` (after its closing quote).
fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of the value starting at `i`; nesting is counted, not recursed into.
fn skip_value(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = skip_string(bytes, i);
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_and_values_where_they_are() {
        let text = r#" {"profile": {"organization": "A \"b\" {c}", "n": [1, {"x": 2}]}, "why" : 3 }"#;
        let top = members(text, 0).unwrap();
        assert_eq!(top.len(), 2);
        assert_eq!(top[0].key, "profile");
        assert_eq!(&text[top[0].key_span.clone()], "\"profile\"");
        assert_eq!(top[1].key, "why");
        assert_eq!(&text[top[1].value_span.clone()], "3");
        let inner = members(text, top[0].value_span.start).unwrap();
        assert_eq!(&text[inner[0].value_span.clone()], r#""A \"b\" {c}""#);
        assert_eq!(&text[inner[1].value_span.clone()], r#"[1, {"x": 2}]"#);
        assert_eq!(members(text, top[1].value_span.start), None);
        assert_eq!(members("{}", 0), Some(Vec::new()));
        let list = r#"[ {"a": 1}, "x" ,[2]]"#;
        let items: Vec<&str> = elements(list, 0).unwrap().into_iter().map(|r| &list[r]).collect();
        assert_eq!(items, [r#"{"a": 1}"#, "\"x\"", "[2]"]);
        assert_eq!(elements("[]", 0), Some(Vec::new()));
        assert_eq!(elements("{}", 0), None);
        // Deep nesting is counted, not recursed into.
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(members(&deep, 0).unwrap()[0].value_span.len(), 200_000);
    }
}
