//! Checks on templates before they render, so that no template can exhaust the stack:
//! blocks and sub-expressions nest at most [`MAX_NESTING`] levels, partial names are
//! written out, and no partial includes itself, directly or through others (Handlebars
//! has no guard against either, and would recurse until the program crashes).

use std::collections::{HashMap, HashSet};

use handlebars::template::{DecoratorTemplate, Parameter, Template, TemplateElement};

use crate::diagnostic::Diagnostic;

/// How deeply blocks (`{{#if}}…{{/if}}`) and sub-expressions (`(add 1 2)`) may nest.
pub const MAX_NESTING: usize = 64;

/// Where a template's blocks and sub-expressions first nest deeper than `limit`, counted on
/// its text (so that no parser or renderer has to go that deep first): a byte offset.
pub fn too_deep(text: &str, limit: usize) -> Option<usize> {
    let mut deepest = 0;
    let mut blocks: usize = 0;
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = rest.find("{{") {
        let start = offset + open;
        let inner = &rest[open + 2..];
        let inner = inner.trim_start_matches(['{', '~']);
        let close = if inner.starts_with("!--") {
            inner.find("--}}").map(|i| i + 4)
        } else {
            inner.find("}}").map(|i| i + 2)
        };
        let Some(close) = close else {
            break;
        };
        let body = &inner[..close];
        if body.starts_with('#') || body.starts_with('^') && body.len() > 3 {
            blocks += 1;
        } else if body.starts_with('/') {
            blocks = blocks.saturating_sub(1);
        }
        let mut parens: usize = 0;
        if !body.starts_with('!') {
            for c in body.chars() {
                match c {
                    '(' => {
                        parens += 1;
                        deepest = deepest.max(blocks + parens);
                    }
                    ')' => parens = parens.saturating_sub(1),
                    _ => {}
                }
            }
        }
        deepest = deepest.max(blocks);
        if deepest > limit {
            return Some(start);
        }
        let consumed = rest.len() - inner.len() + close;
        offset += consumed;
        rest = &rest[consumed..];
    }
    None
}

/// The name of the partial `d` includes, when written out (`{{> name}}` or `{{> "name"}}`).
pub fn partial_name(d: &DecoratorTemplate) -> Option<&str> {
    match &d.name {
        Parameter::Literal(serde_json::Value::String(s)) => Some(s),
        other => other.as_name(),
    }
}

/// A partial reference found in a template: the name, and the line and column.
struct Reference {
    name: Option<String>,
    at: Option<(usize, usize)>,
}

/// The partials a template includes (`None` for a name worked out while rendering), and the
/// inline partials it defines with the partials each of those includes.
fn references(template: &Template) -> (Vec<Reference>, HashMap<String, Vec<Reference>>) {
    let mut top = Vec::new();
    let mut inline: HashMap<String, Vec<Reference>> = HashMap::new();
    // (template, which inline partial it belongs to, if any)
    let mut stack: Vec<(&Template, Option<String>)> = vec![(template, None)];
    while let Some((t, owner)) = stack.pop() {
        for (i, element) in t.elements.iter().enumerate() {
            let at = t.mapping.get(i).map(|m| (m.0, m.1));
            let mut push = |r: Reference, owner: &Option<String>| match owner {
                Some(o) => inline.entry(o.clone()).or_default().push(r),
                None => top.push(r),
            };
            match element {
                TemplateElement::PartialExpression(d) | TemplateElement::PartialBlock(d) => {
                    let name = partial_name(d).map(str::to_string);
                    push(Reference { name, at }, &owner);
                    if let Some(body) = &d.template {
                        stack.push((body, owner.clone()));
                    }
                }
                TemplateElement::DecoratorBlock(d) if d.name.as_name() == Some("inline") => {
                    let defined = match d.params.first() {
                        Some(Parameter::Literal(serde_json::Value::String(s))) => Some(s.clone()),
                        Some(other) => other.as_name().map(str::to_string),
                        None => None,
                    };
                    if let (Some(name), Some(body)) = (defined, &d.template) {
                        inline.entry(name.clone()).or_default();
                        stack.push((body, Some(name)));
                    }
                }
                TemplateElement::DecoratorBlock(d) => {
                    if let Some(body) = &d.template {
                        stack.push((body, owner.clone()));
                    }
                }
                TemplateElement::HelperBlock(h) => {
                    for body in [&h.template, &h.inverse].into_iter().flatten() {
                        stack.push((body, owner.clone()));
                    }
                }
                _ => {}
            }
        }
    }
    (top, inline)
}

/// The names of the partials `template` includes, written out, in its own body and in the
/// inline partials it defines.
pub fn included(template: &Template) -> Vec<String> {
    let (top, inline) = references(template);
    top.into_iter()
        .chain(inline.into_values().flatten())
        .filter_map(|r| r.name)
        .collect()
}

/// Checks that rendering `entry` includes no partial within itself. `templates` gives each
/// template's compiled form and its file, for messages.
pub fn check_recursion<'a>(
    entry: &str,
    templates: impl Fn(&str) -> Option<(&'a Template, &'a str)>,
) -> Result<(), Diagnostic> {
    // The graph: each template or inline partial, and the partials it includes.
    let mut edges: HashMap<String, Vec<String>> = HashMap::new();
    let mut files: HashMap<String, String> = HashMap::new();
    let mut todo = vec![entry.to_string()];
    let mut seen = HashSet::new();
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let Some((template, file)) = templates(&name) else {
            continue; // An inline partial, or an unknown one (reported when rendering).
        };
        files.insert(name.clone(), file.to_string());
        let (top, inline) = references(template);
        for reference in top.iter().chain(inline.values().flatten()) {
            let Some(partial) = &reference.name else {
                return Err(Diagnostic::error(
                    file,
                    reference.at,
                    "a partial's name must be written out, e.g. {{> recommendation}}",
                )
                .with_help("a name worked out while rendering could make a partial include itself"));
            };
            if !partial.starts_with('@') {
                todo.push(partial.clone());
            }
        }
        let names: Vec<String> = top.iter().filter_map(|r| r.name.clone()).collect();
        edges.entry(name.clone()).or_default().extend(names);
        for (inline_name, refs) in inline {
            files.entry(inline_name.clone()).or_insert_with(|| file.to_string());
            edges
                .entry(inline_name)
                .or_default()
                .extend(refs.into_iter().filter_map(|r| r.name));
        }
    }
    // A depth-first walk from the entry; a name met again on the current path is a cycle.
    let mut path: Vec<(String, usize)> = vec![(entry.to_string(), 0)];
    let mut on_path: HashSet<String> = HashSet::from([entry.to_string()]);
    let mut done: HashSet<String> = HashSet::new();
    while let Some((name, next)) = path.last().cloned() {
        let children = edges.get(&name).map(Vec::as_slice).unwrap_or_default();
        if next >= children.len() {
            path.pop();
            on_path.remove(&name);
            done.insert(name);
            continue;
        }
        if let Some(last) = path.last_mut() {
            last.1 += 1;
        }
        let child = &children[next];
        if on_path.contains(child) {
            let from = path.iter().position(|(n, _)| n == child).unwrap_or(0);
            let mut chain: Vec<&str> = path[from..].iter().map(|(n, _)| n.as_str()).collect();
            chain.push(child);
            let file = files.get(child).map_or(child.as_str(), String::as_str);
            return Err(Diagnostic::error(
                file,
                None,
                format!(
                    "the partial `{child}` includes itself: {}",
                    chain.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(" → ")
                ),
            )
            .with_help("a partial may include other partials, but never, through them, itself"));
        }
        if !done.contains(child) && !child.starts_with('@') {
            on_path.insert(child.clone());
            path.push((child.clone(), 0));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_counts_blocks_and_sub_expressions() {
        let blocks = "{{#if a}}{{#each b}}{{x}}{{/each}}{{/if}}";
        assert_eq!(too_deep(blocks, 1), Some(9));
        assert_eq!(too_deep(blocks, 2), None);
        assert_eq!(too_deep("{{#if a}}{{add (add 1 (add 2 3)) 4}}{{/if}}", 2), Some(9));
        assert_eq!(too_deep("{{!-- {{#if}} {{#if}} --}}", 0), None);
        assert_eq!(too_deep("no mustaches at all", 0), None);
        let deep = "{{#if a}}".repeat(10_000);
        assert_eq!(too_deep(&deep, MAX_NESTING), Some(9 * MAX_NESTING));
    }
}
