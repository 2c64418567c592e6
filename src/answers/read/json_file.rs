//! Reading the answers of a JSON file, as strictly as TOML: duplicate keys are errors, and
//! every key and value has its line and column.

use super::*;

pub(super) fn read_json(file: &Source<'_>) -> Result<RawFile, Diagnostics> {
    // A byte order mark is allowed at the start, as in TOML.
    let bom = if file.text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let text = &file.text[bom..];
    serde_json::from_str::<serde_json::Value>(text).map_err(|err| {
        let message = err.to_string();
        let message = message.rfind(" at line ").map_or(message.as_str(), |i| &message[..i]);
        let column = err.column().max(1) + usize::from(err.line() == 1 && bom > 0);
        Diagnostics(vec![
            error_at(
                file,
                &At::LineCol(err.line(), column),
                format!("this is not valid JSON: {message}"),
            )
            .with_help(
                "an answers file in JSON is an object of sections, e.g. {\"profile\": {\"org_type\": \"district\"}}",
            ),
        ])
    })?;
    // serde_json found the text valid; a pass over it finds where each key and value is.
    let span = |r: &Range<usize>| At::Span(bom + r.start..bom + r.end);
    let Some(sections) = json::members(text, 0) else {
        return Err(Diagnostics(vec![error_at(
            file,
            &span(&(0..0)),
            "the answers must be a JSON object of sections, e.g. {\"profile\": {...}}",
        )]));
    };
    let mut out = RawFile::default();
    let mut problems = Vec::new();
    let mut seen = HashMap::new();
    for section in &sections {
        if let Some(first) = seen.insert(section.key.as_str(), section.key_span.start) {
            problems.push(duplicate(file, &span(&section.key_span), &section.key, bom + first));
            continue;
        }
        if let Some(inner) = json::members(text, section.value_span.start) {
            json_section(file, text, bom, &section.key, &inner, &mut out.answers, &mut problems);
        } else if let Some(items) =
            json::elements(text, section.value_span.start).filter(|_| section.key == TEAM_SECTION)
        {
            for item in items {
                let Some(member) = json::members(text, item.start) else {
                    problems.push(error_at(
                        file,
                        &span(&item),
                        format!("each entry of `{TEAM_SECTION}` must be an object"),
                    ));
                    continue;
                };
                let mut entries = Vec::new();
                let (tables, plain): (Vec<_>, Vec<_>) = member
                    .into_iter()
                    .partition(|m| json::members(text, m.value_span.start).is_some());
                json_section(file, text, bom, RESPONDENT_SECTION, &plain, &mut entries, &mut problems);
                for table in tables {
                    let inner = json::members(text, table.value_span.start).unwrap_or_default();
                    json_section(file, text, bom, &table.key, &inner, &mut entries, &mut problems);
                }
                out.members.push(RawMember { entries });
            }
        } else {
            problems.push(error_at(
                file,
                &span(&section.value_span),
                format!("`{}` must be an object of answers", section.key),
            ));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(problems))
    }
}

/// A key given twice in one object: an error at the second, saying where the first is.
pub(super) fn duplicate(file: &Source<'_>, at: &At, key: &str, first: usize) -> Diagnostic {
    let (line, _, _) = file.lines().line_of(first);
    error_at(file, at, format!("`{key}` is given twice"))
        .with_help(format!("the first is on line {line}; keep one of them"))
}

/// The answers of one JSON object, each with where its key and value are; a key given twice
/// is a problem.
pub(super) fn json_section(
    file: &Source<'_>,
    text: &str,
    bom: usize,
    section: &str,
    inner: &[json::Member],
    out: &mut Vec<RawAnswer>,
    problems: &mut Vec<Diagnostic>,
) {
    let span = |r: &Range<usize>| At::Span(bom + r.start..bom + r.end);
    let mut seen = HashMap::new();
    for member in inner {
        if let Some(first) = seen.insert(member.key.as_str(), member.key_span.start) {
            let key = format!("{section}.{}", member.key);
            problems.push(duplicate(file, &span(&member.key_span), &key, bom + first));
            continue;
        }
        let raw = &text[member.value_span.clone()];
        let value = match serde_json::from_str::<serde_json::Value>(raw) {
            Ok(serde_json::Value::Number(n)) if n.as_i64().is_none() && !raw.contains(['.', 'e', 'E']) => {
                RawValue::Other("a number too large")
            }
            Ok(value) => json_value(value),
            Err(_) => RawValue::Other("something that is not text or a whole number"),
        };
        out.push(RawAnswer {
            section: section.to_string(),
            key: member.key.clone(),
            value,
            at: span(&member.value_span),
            key_at: span(&member.key_span),
        });
    }
}

pub(super) fn json_value(value: serde_json::Value) -> RawValue {
    match value {
        serde_json::Value::String(s) => RawValue::String(s),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => RawValue::Integer(i),
            None => RawValue::Other("a decimal number"),
        },
        serde_json::Value::Bool(b) => RawValue::Boolean(b),
        serde_json::Value::Null => RawValue::Other("null"),
        serde_json::Value::Array(_) => RawValue::Other("a list"),
        serde_json::Value::Object(o) => noted(o, |v| match v {
            serde_json::Value::String(s) => RawValue::String(s),
            serde_json::Value::Number(n) => n
                .as_i64()
                .map_or(RawValue::Other("a decimal number"), RawValue::Integer),
            serde_json::Value::Bool(b) => RawValue::Boolean(b),
            _ => RawValue::Other("something that is not text or a whole number"),
        }),
    }
}
