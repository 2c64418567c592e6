//! Reading the answers of a TOML file, with the byte range of every key and value.

use super::*;

pub(super) fn read_toml(file: &Source<'_>) -> Result<RawFile, Diagnostics> {
    let text = &file.text;
    let table = DeTable::parse(text).map_err(|err| {
        let at = err.span().map_or(At::Unknown, At::Span);
        Diagnostics::one(
            error_at(
                file,
                &at,
                format!("this is not valid TOML: {}", err.message().trim_end()),
            )
            .with_help("an answers file holds tables such as [profile] with lines such as org_type = \"district\""),
        )
    })?;
    let mut out = RawFile::default();
    let mut problems = Vec::new();
    for (section, value) in table.get_ref() {
        let name = section.get_ref();
        match value.get_ref() {
            DeValue::Table(inner) => toml_section(name, inner, &mut out.answers),
            DeValue::Array(items) if name == TEAM_SECTION => {
                for item in items.iter() {
                    let DeValue::Table(member) = item.get_ref() else {
                        problems.push(error_at(
                            file,
                            &At::Span(item.span()),
                            format!("each entry of `{TEAM_SECTION}` must be a table: write it as [[{TEAM_SECTION}]]"),
                        ));
                        continue;
                    };
                    let mut entries = Vec::new();
                    for (key, value) in member {
                        match value.get_ref() {
                            DeValue::Table(inner) => toml_section(key.get_ref(), inner, &mut entries),
                            _ => entries.push(toml_answer(RESPONDENT_SECTION, key, value)),
                        }
                    }
                    out.members.push(RawMember { entries });
                }
            }
            _ => problems.push(error_at(
                file,
                &At::Span(section.span()),
                format!("`{name}` must be a table of answers such as [{name}]"),
            )),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(problems))
    }
}

pub(super) fn toml_section(section: &str, inner: &DeTable<'_>, out: &mut Vec<RawAnswer>) {
    for (key, value) in inner {
        out.push(toml_answer(section, key, value));
    }
}

pub(super) fn toml_answer(
    section: &str,
    key: &Spanned<toml::de::DeString<'_>>,
    value: &Spanned<DeValue<'_>>,
) -> RawAnswer {
    RawAnswer {
        section: section.to_string(),
        key: key.get_ref().to_string(),
        value: toml_value(value),
        at: At::Span(value.span()),
        key_at: At::Span(key.span()),
    }
}

pub(super) fn toml_value(value: &Spanned<DeValue<'_>>) -> RawValue {
    match value.get_ref() {
        DeValue::String(s) => RawValue::String(s.to_string()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => RawValue::Integer(n),
            Err(_) => RawValue::Other("a number too large"),
        },
        DeValue::Float(_) => RawValue::Other("a decimal number"),
        DeValue::Boolean(b) => RawValue::Boolean(*b),
        DeValue::Datetime(d) => RawValue::Date(d.to_string()),
        DeValue::Array(_) => RawValue::Other("a list"),
        DeValue::Table(t) => noted(t.iter().map(|(k, v)| (k.get_ref().to_string(), v)), |v| {
            match v.get_ref() {
                DeValue::Table(_) => RawValue::BadTable("an answer cannot be a table".into()),
                _ => toml_value(v),
            }
        }),
    }
}
