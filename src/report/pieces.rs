//! Compiling a built-in template in pieces.
//!
//! Handlebars' parser works out the line and column of every element it reads by counting
//! from the start of the template, so compiling a template costs time in proportion to its
//! length times its number of elements. The built-in templates are compiled in pieces of a
//! few hundred bytes instead, cut between two lines of plain text outside every block, and
//! put back together: the elements, and the line and column of each, are the same as the
//! whole template's (a test compares every built-in template), for a fraction of the time.

use handlebars::TemplateError;
use handlebars::template::{Template, TemplateElement};

/// About how long a piece is, in bytes: long enough that few pieces are needed, short
/// enough that counting lines within one is cheap.
const PIECE: usize = 128;

/// Compiles `text` as the template `name`, in pieces where it can be cut; the result is the
/// template compiled whole. A piece that does not compile on its own makes the whole
/// template compiled instead, so that an error is reported as Handlebars reports it.
pub fn compile(name: &str, text: &str) -> Result<Template, TemplateError> {
    compile_in(name, text, PIECE)
}

/// [`compile`] with pieces of about `size` bytes.
fn compile_in(name: &str, text: &str, size: usize) -> Result<Template, TemplateError> {
    let whole = || Template::compile_with_name(text, name.to_string());
    let Some(cuts) = cuts(text, size) else {
        return whole();
    };
    let ends = cuts.iter().copied().chain([text.len()]);
    let mut template: Option<Template> = None;
    let (mut start, mut lines_before) = (0, 0);
    for end in ends {
        let piece_text = &text[start..end];
        let Ok(mut piece) = Template::compile_with_name(piece_text, name.to_string()) else {
            return whole();
        };
        shift_lines(&mut piece, lines_before);
        match &mut template {
            None => template = Some(piece),
            Some(t) => append(t, piece),
        }
        lines_before += piece_text.bytes().filter(|b| *b == b'\n').count();
        start = end;
    }
    template.map_or_else(whole, Ok)
}

/// Appends a piece's elements to a template: plain text at the end of one and at the start
/// of the next is one element, as in the whole template.
fn append(template: &mut Template, piece: Template) {
    let mut elements = piece.elements.into_iter().zip(piece.mapping);
    if let (Some(TemplateElement::RawString(last)), Some((TemplateElement::RawString(first), _))) =
        (template.elements.last_mut(), elements.clone().next())
    {
        last.push_str(&first);
        elements.next();
    }
    for (element, mapping) in elements {
        template.elements.push(element);
        template.mapping.push(mapping);
    }
}

/// Adds `lines` to the line of every element of a template and of the blocks within it.
fn shift_lines(template: &mut Template, lines: usize) {
    if lines == 0 {
        return;
    }
    for mapping in &mut template.mapping {
        mapping.0 += lines;
    }
    for element in &mut template.elements {
        let inner: Vec<&mut Template> = match element {
            TemplateElement::HtmlExpression(h) | TemplateElement::Expression(h) | TemplateElement::HelperBlock(h) => {
                h.template.iter_mut().chain(h.inverse.iter_mut()).collect()
            }
            TemplateElement::DecoratorExpression(d)
            | TemplateElement::DecoratorBlock(d)
            | TemplateElement::PartialExpression(d)
            | TemplateElement::PartialBlock(d) => d.template.iter_mut().collect(),
            // Plain text and comments, and any kind of element a later Handlebars adds.
            _ => Vec::new(),
        };
        for t in inner {
            shift_lines(t, lines);
        }
    }
}

/// Where `text` may be cut, about every `size` bytes: the start of a line, outside every
/// block and tag, where the line before ends with plain text and the line after starts
/// with it, so that no tag's whitespace control or standalone-line rule reaches across the
/// cut. `None` when the template has what this reading does not follow (raw blocks,
/// escaped tags, a tag left open, blocks that do not balance).
fn cuts(text: &str, size: usize) -> Option<Vec<usize>> {
    if text.contains("{{{{") || text.contains("\\{{") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    let mut depth: i64 = 0;
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"{{") {
            let rest = &text[i + 2..];
            let body = rest.strip_prefix('~').unwrap_or(rest);
            let end = if body.starts_with("!--") {
                rest.find("--}}")? + 4
            } else if body.starts_with('{') {
                rest.find("}}}")? + 3
            } else {
                rest.find("}}")? + 2
            };
            // `{{^}}` and `{{^ ...}}` are `else`s: they open no block.
            match body.as_bytes().first() {
                Some(b'#') => depth += 1,
                Some(b'/') => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return None;
            }
            i += 2 + end;
            continue;
        }
        if bytes[i] == b'\n' && depth == 0 && i + 1 - last >= size && plain_on_both_sides(text, i) {
            cuts.push(i + 1);
            last = i + 1;
        }
        i += 1;
    }
    (depth == 0).then_some(cuts)
}

/// Whether the line ending at the newline at `at` ends with plain text, and the line after
/// it starts with plain text.
fn plain_on_both_sides(text: &str, at: usize) -> bool {
    let before = text[..at].rsplit('\n').next().unwrap_or_default().trim_end();
    let after = text[at + 1..].split('\n').next().unwrap_or_default().trim_start();
    !before.is_empty() && !after.is_empty() && !before.ends_with("}}") && !after.starts_with("{{")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::templates::BUILT_IN;

    #[test]
    fn every_built_in_template_compiles_in_pieces_as_it_does_whole() {
        let mut cut = 0;
        for (format, name, text) in BUILT_IN {
            let whole = Template::compile_with_name(*text, name.to_string()).unwrap();
            let pieces = compile(name, text).unwrap();
            assert_eq!(pieces, whole, "templates/{format}/{name}.hbs");
            cut += cuts(text, PIECE).map_or(0, |c| c.len());
        }
        // The templates are cut somewhere: otherwise this test compares nothing cut.
        assert!(cut > 20, "only {cut} cuts in the built-in templates");
    }

    #[test]
    fn a_template_is_cut_only_between_lines_of_plain_text_outside_blocks() {
        let text = "one\ntwo\n{{#if a}}\nthree\nfour\n{{/if}}\nfive {{x}}\nsix\nseven\n";
        assert_eq!(lines_cut_before(text), ["two", "seven"]);
        assert_same_in_pieces(text);
    }

    #[test]
    fn what_this_reading_does_not_follow_is_compiled_whole() {
        assert_eq!(cuts("a\n{{{{raw}}}}\nb\n{{{{/raw}}}}\n", 1), None);
        assert_eq!(cuts("a\n\\{{x}}\nb\n", 1), None);
        assert_eq!(cuts("a\n{{#if x}}\nb\n", 1), None);
        assert_eq!(cuts("a\n{{/if}}\nb\n", 1), None);
        assert_eq!(cuts("a\n{{x\nb\n", 1), None);
        // A template with an error reports it as compiled whole.
        let text = "line one\nline two\n{{#if x}}\nline four\n{{/each}}\n";
        let whole = Template::compile_with_name(text, "t".to_string()).unwrap_err();
        let pieces = compile_in("t", text, 1).unwrap_err();
        assert_eq!(pieces.to_string(), whole.to_string());
    }

    #[test]
    fn comments_and_else_are_read_as_handlebars_reads_them() {
        let text = "a\n{{!-- {{#if}} --}}\nb\nc\n{{#each x}}\nd\ne\n{{^}}\nf\ng\n{{/each}}\nh\ni\n";
        assert_eq!(lines_cut_before(text), ["c", "i"]);
        assert_same_in_pieces(text);
    }

    /// The lines a template is cut before, in pieces as small as can be.
    fn lines_cut_before(text: &str) -> Vec<&str> {
        let cuts = cuts(text, 1).unwrap();
        cuts.iter().map(|&c| text[c..].lines().next().unwrap()).collect()
    }

    /// Compiled in pieces as small as can be, the template is the one compiled whole.
    fn assert_same_in_pieces(text: &str) {
        assert_eq!(
            compile_in("t", text, 1).unwrap(),
            Template::compile_with_name(text, "t".to_string()).unwrap()
        );
    }
}
