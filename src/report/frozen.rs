//! Compiled templates mirrored in plain types.
//!
//! Handlebars' compiled templates cannot be written out as they are, and hold more than
//! the direct renderer reads, so this module mirrors them in plain types ([`mirror`]),
//! from which the direct renderer makes its program, and builds them back ([`thaw`]) through Handlebars' public constructors. A
//! template is *frozen* ([`freeze`]) only when it thaws back equal to itself: the mirror is
//! then exact, and the built-in templates are kept in the cache folder (in the direct
//! renderer's form) only when every one of them freezes. A template with anything this
//! mirror does not know (a kind of element a later Handlebars adds) is simply not frozen,
//! and is compiled each time as before.

use std::collections::HashMap;
use std::sync::OnceLock;

use handlebars::template::{
    BlockParam, DecoratorTemplate, ExpressionSpec, ExpressionSpecBuilder, HelperTemplate, Parameter, Subexpression,
    TemplateElement, TemplateMapping,
};
use handlebars::{Path, PathSeg};
use serde::{Deserialize, Serialize};

/// A compiled template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    /// The template's name, as Handlebars keeps it.
    pub(super) name: Option<String>,
    /// Its elements, in order.
    pub(super) elements: Vec<Element>,
    /// The line and column of each element, for messages.
    pub(super) mapping: Vec<(usize, usize)>,
}

/// One element of a template: [`TemplateElement`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) enum Element {
    /// Plain text, written as it is.
    Raw(String),
    /// `{{{x}}}`: a value written without escaping.
    HtmlExpression(Box<Helper>),
    /// `{{x}}`: a value or a helper's result, escaped.
    Expression(Box<Helper>),
    /// `{{#x}}...{{/x}}`: a block helper.
    HelperBlock(Box<Helper>),
    /// `{{*x}}`: a decorator.
    DecoratorExpression(Box<Decorator>),
    /// `{{#*x}}...{{/x}}`: a decorator block (an inline partial).
    DecoratorBlock(Box<Decorator>),
    /// `{{> x}}`: a partial.
    PartialExpression(Box<Decorator>),
    /// `{{#> x}}...{{/x}}`: a partial block.
    PartialBlock(Box<Decorator>),
    /// `{{! x}}`: a comment.
    Comment(String),
}

/// An expression or a block: [`HelperTemplate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Helper {
    /// What it names and passes.
    pub(super) call: Call,
    /// `as |x|` or `as |x y|`.
    pub(super) block_param: Option<Block>,
    /// A block's body.
    pub(super) template: Option<Template>,
    /// A block's `else`.
    pub(super) inverse: Option<Template>,
    /// Whether it is a block.
    pub(super) block: bool,
    /// Whether it is an `else if` chained to a block.
    pub(super) chain: bool,
    /// Whether the tag stood on a line of its own (Handlebars' indentation flag).
    pub(super) indent_before_write: bool,
}

/// A decorator or a partial: [`DecoratorTemplate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Decorator {
    /// What it names and passes.
    pub(super) call: Call,
    /// A block's body.
    pub(super) template: Option<Template>,
    /// The whitespace before a partial on a line of its own, repeated on its every line.
    pub(super) indent: Option<String>,
    /// Whether the tag stood on a line of its own (Handlebars' indentation flag).
    pub(super) indent_before_write: bool,
}

/// What an expression names and passes: name, parameters and hash (sorted by key, so that
/// the same template is always written the same way).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Call {
    /// The helper, partial or value named.
    pub(super) name: Param,
    /// The parameters, in order.
    pub(super) params: Vec<Param>,
    /// The `key=value` pairs, by key.
    pub(super) hash: Vec<(String, Param)>,
}

/// [`BlockParam`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) enum Block {
    /// `as |x|`.
    Single(Param),
    /// `as |x y|`.
    Pair(Param, Param),
}

/// [`Parameter`]; a literal is kept as JSON text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) enum Param {
    /// A helper's or partial's name.
    Name(String),
    /// A path into the data.
    Path(PathKind),
    /// A literal, as JSON text.
    Literal(String),
    /// `(helper ...)`.
    Subexpression(Box<Call>),
}

/// [`Path`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) enum PathKind {
    /// A path into the data: its segments and the path as written.
    Relative(Vec<Seg>, String),
    /// `@index`, `../@key`: how many levels up, the name, the path as written.
    Local(usize, String, String),
}

/// [`PathSeg`]: a name, `@root` or `..`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) enum Seg {
    /// A field's name.
    Named(String),
    /// `@root`.
    Root,
    /// `..`.
    Up,
}

/// A position in a template, taken from a compiled one: positions cannot be made from
/// outside Handlebars, only copied and changed.
fn mapping(line: usize, column: usize) -> Option<TemplateMapping> {
    static ONE: OnceLock<Option<TemplateMapping>> = OnceLock::new();
    let mut at = ONE
        .get_or_init(|| handlebars::Template::compile("x").ok()?.mapping.into_iter().next())
        .clone()?;
    (at.0, at.1) = (line, column);
    Some(at)
}

/// `f` of what `x` holds, if anything; `None` when `f` fails.
fn map_some<T, U>(x: Option<&T>, f: impl FnOnce(&T) -> Option<U>) -> Option<Option<U>> {
    match x {
        None => Some(None),
        Some(v) => f(v).map(Some),
    }
}

/// The template a block holds, if any, thawed; `None` when it does not thaw.
fn thaw_some(template: Option<Template>) -> Option<Option<handlebars::Template>> {
    match template {
        None => Some(None),
        Some(t) => thaw(t).map(Some),
    }
}

/// The segments Handlebars gives `@root` and `..`, whose kind is not public otherwise.
fn ruled() -> &'static Option<(PathSeg, PathSeg)> {
    static RULED: OnceLock<Option<(PathSeg, PathSeg)>> = OnceLock::new();
    RULED.get_or_init(|| {
        let first = |raw: &str| match Path::parse(raw).ok()? {
            Path::Relative((segs, _)) => segs.into_iter().next(),
            Path::Local(_) => None,
        };
        Some((first("@root/x")?, first("../x")?))
    })
}

/// `template` in the form that can be kept, when it thaws back exactly to itself.
pub fn freeze(template: &handlebars::Template) -> Option<Template> {
    let frozen = freeze_template(template)?;
    (thaw(frozen.clone()).as_ref() == Some(template)).then_some(frozen)
}

/// The compiled template `frozen` stands for (its text moved, not copied).
pub fn thaw(frozen: Template) -> Option<handlebars::Template> {
    let mut template = handlebars::Template::new();
    template.name = frozen.name;
    template.elements = frozen.elements.into_iter().map(thaw_element).collect::<Option<_>>()?;
    template.mapping = frozen
        .mapping
        .into_iter()
        .map(|(l, c)| mapping(l, c))
        .collect::<Option<_>>()?;
    Some(template)
}

/// `template` mirrored, without the check that it thaws back to itself: for reading only
/// (the direct renderer compiles from it); `None` where it holds what the mirror does not know.
pub fn mirror(template: &handlebars::Template) -> Option<Template> {
    freeze_template(template)
}

fn freeze_template(template: &handlebars::Template) -> Option<Template> {
    Some(Template {
        name: template.name.clone(),
        elements: template.elements.iter().map(freeze_element).collect::<Option<_>>()?,
        mapping: template.mapping.iter().map(|m| (m.0, m.1)).collect(),
    })
}

fn freeze_element(element: &TemplateElement) -> Option<Element> {
    Some(match element {
        TemplateElement::RawString(s) => Element::Raw(s.clone()),
        TemplateElement::Comment(s) => Element::Comment(s.clone()),
        TemplateElement::HtmlExpression(h) => Element::HtmlExpression(Box::new(freeze_helper(h)?)),
        TemplateElement::Expression(h) => Element::Expression(Box::new(freeze_helper(h)?)),
        TemplateElement::HelperBlock(h) => Element::HelperBlock(Box::new(freeze_helper(h)?)),
        TemplateElement::DecoratorExpression(d) => Element::DecoratorExpression(Box::new(freeze_decorator(d)?)),
        TemplateElement::DecoratorBlock(d) => Element::DecoratorBlock(Box::new(freeze_decorator(d)?)),
        TemplateElement::PartialExpression(d) => Element::PartialExpression(Box::new(freeze_decorator(d)?)),
        TemplateElement::PartialBlock(d) => Element::PartialBlock(Box::new(freeze_decorator(d)?)),
        _ => return None,
    })
}

fn thaw_element(element: Element) -> Option<TemplateElement> {
    Some(match element {
        Element::Raw(s) => TemplateElement::RawString(s),
        Element::Comment(s) => TemplateElement::Comment(s),
        Element::HtmlExpression(h) => TemplateElement::HtmlExpression(Box::new(thaw_helper(*h)?)),
        Element::Expression(h) => TemplateElement::Expression(Box::new(thaw_helper(*h)?)),
        Element::HelperBlock(h) => TemplateElement::HelperBlock(Box::new(thaw_helper(*h)?)),
        Element::DecoratorExpression(d) => TemplateElement::DecoratorExpression(Box::new(thaw_decorator(*d)?)),
        Element::DecoratorBlock(d) => TemplateElement::DecoratorBlock(Box::new(thaw_decorator(*d)?)),
        Element::PartialExpression(d) => TemplateElement::PartialExpression(Box::new(thaw_decorator(*d)?)),
        Element::PartialBlock(d) => TemplateElement::PartialBlock(Box::new(thaw_decorator(*d)?)),
    })
}

/// The value of the flag Handlebars keeps to itself for which the element built back is
/// the original (`rebuilds` says whether it is); `None` when neither value gives it.
fn hidden_flag(rebuilds: impl Fn(bool) -> bool) -> Option<bool> {
    [false, true].into_iter().find(|&flag| rebuilds(flag))
}

/// A helper's parts but for the flag Handlebars keeps to itself (whether the tag stood on
/// a line of its own), which is found by building the helper both ways and comparing.
fn freeze_helper(h: &HelperTemplate) -> Option<Helper> {
    let mut frozen = Helper {
        call: freeze_call(&h.name, &h.params, &h.hash)?,
        block_param: map_some(h.block_param.as_ref(), freeze_block)?,
        template: map_some(h.template.as_ref(), freeze_template)?,
        inverse: map_some(h.inverse.as_ref(), freeze_template)?,
        block: h.block,
        chain: h.chain,
        indent_before_write: false,
    };
    frozen.indent_before_write = hidden_flag(|flag| {
        let probe = Helper {
            indent_before_write: flag,
            ..frozen.clone()
        };
        thaw_helper(probe).as_ref() == Some(h)
    })?;
    Some(frozen)
}

fn thaw_helper(h: Helper) -> Option<HelperTemplate> {
    let mut helper = HelperTemplate::new(spec(h.call, h.block_param)?, h.block, h.indent_before_write);
    helper.template = thaw_some(h.template)?;
    helper.inverse = thaw_some(h.inverse)?;
    helper.chain = h.chain;
    Some(helper)
}

/// A decorator's parts; its hidden flag is found as a helper's is.
fn freeze_decorator(d: &DecoratorTemplate) -> Option<Decorator> {
    let mut frozen = Decorator {
        call: freeze_call(&d.name, &d.params, &d.hash)?,
        template: map_some(d.template.as_ref(), freeze_template)?,
        indent: d.indent.clone(),
        indent_before_write: false,
    };
    frozen.indent_before_write = hidden_flag(|flag| {
        let probe = Decorator {
            indent_before_write: flag,
            ..frozen.clone()
        };
        thaw_decorator(probe).as_ref() == Some(d)
    })?;
    Some(frozen)
}

fn thaw_decorator(d: Decorator) -> Option<DecoratorTemplate> {
    let mut decorator = DecoratorTemplate::new(spec(d.call, None)?, d.indent_before_write);
    decorator.template = thaw_some(d.template)?;
    decorator.indent = d.indent;
    Some(decorator)
}

/// The expression a helper or decorator is made from.
fn spec(call: Call, block_param: Option<Block>) -> Option<ExpressionSpec> {
    let (name, params, hash) = thaw_call(call)?;
    let mut builder = ExpressionSpecBuilder::default();
    builder
        .name(name)
        .params(params)
        .hash(hash)
        .omit_pre_ws(false)
        .omit_pro_ws(false);
    if let Some(block) = block_param {
        builder.block_param(match block {
            Block::Single(p) => BlockParam::Single(thaw_param(p)?),
            Block::Pair(a, b) => BlockParam::Pair((thaw_param(a)?, thaw_param(b)?)),
        });
    }
    builder.build().ok()
}

fn freeze_call(name: &Parameter, params: &[Parameter], hash: &HashMap<String, Parameter>) -> Option<Call> {
    let mut pairs: Vec<(String, Param)> = hash
        .iter()
        .map(|(k, v)| Some((k.clone(), freeze_param(v)?)))
        .collect::<Option<_>>()?;
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    Some(Call {
        name: freeze_param(name)?,
        params: params.iter().map(freeze_param).collect::<Option<_>>()?,
        hash: pairs,
    })
}

type Parts = (Parameter, Vec<Parameter>, HashMap<String, Parameter>);

fn thaw_call(call: Call) -> Option<Parts> {
    Some((
        thaw_param(call.name)?,
        call.params.into_iter().map(thaw_param).collect::<Option<_>>()?,
        call.hash
            .into_iter()
            .map(|(k, v)| Some((k, thaw_param(v)?)))
            .collect::<Option<_>>()?,
    ))
}

fn freeze_block(block: &BlockParam) -> Option<Block> {
    Some(match block {
        BlockParam::Single(p) => Block::Single(freeze_param(p)?),
        BlockParam::Pair((a, b)) => Block::Pair(freeze_param(a)?, freeze_param(b)?),
        _ => return None,
    })
}

fn freeze_param(param: &Parameter) -> Option<Param> {
    Some(match param {
        Parameter::Name(s) => Param::Name(s.clone()),
        Parameter::Path(Path::Relative((segs, raw))) => {
            let (root, up) = ruled().as_ref()?;
            let segs = segs
                .iter()
                .map(|seg| match seg {
                    PathSeg::Named(s) => Some(Seg::Named(s.clone())),
                    seg if seg == root => Some(Seg::Root),
                    seg if seg == up => Some(Seg::Up),
                    _ => None,
                })
                .collect::<Option<_>>()?;
            Param::Path(PathKind::Relative(segs, raw.clone()))
        }
        Parameter::Path(Path::Local((level, name, raw))) => {
            Param::Path(PathKind::Local(*level, name.clone(), raw.clone()))
        }
        Parameter::Literal(json) => Param::Literal(serde_json::to_string(json).ok()?),
        Parameter::Subexpression(sub) => match sub.as_element() {
            TemplateElement::Expression(h) if h.block_param.is_none() && h.template.is_none() => {
                Param::Subexpression(Box::new(freeze_call(&h.name, &h.params, &h.hash)?))
            }
            _ => return None,
        },
        _ => return None,
    })
}

fn thaw_param(param: Param) -> Option<Parameter> {
    Some(match param {
        Param::Name(s) => Parameter::Name(s),
        Param::Path(PathKind::Relative(segs, raw)) => {
            let (root, up) = ruled().as_ref()?;
            let segs = segs
                .into_iter()
                .map(|seg| match seg {
                    Seg::Named(s) => PathSeg::Named(s),
                    Seg::Root => root.clone(),
                    Seg::Up => up.clone(),
                })
                .collect();
            Parameter::Path(Path::Relative((segs, raw)))
        }
        Param::Path(PathKind::Local(level, name, raw)) => Parameter::Path(Path::Local((level, name, raw))),
        Param::Literal(json) => Parameter::Literal(serde_json::from_str(&json).ok()?),
        Param::Subexpression(call) => {
            let (name, params, hash) = thaw_call(*call)?;
            Parameter::Subexpression(Subexpression::new(name, params, hash))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::templates::BUILT_IN;

    #[test]
    fn every_built_in_template_freezes_and_thaws_to_itself() {
        for (format, name, text) in BUILT_IN {
            let template = handlebars::Template::compile_with_name(*text, name.to_string()).unwrap();
            let frozen = freeze(&template).unwrap_or_else(|| panic!("templates/{format}/{name}.hbs does not freeze"));
            let bytes = postcard::to_allocvec(&frozen).unwrap();
            let read: Template = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(thaw(read).as_ref(), Some(&template), "templates/{format}/{name}.hbs");
        }
    }

    #[test]
    fn every_kind_of_element_and_parameter_freezes_and_thaws_to_itself() {
        let text = "a {{x}} {{{y}}} {{@root.z}} {{../w}} {{@index}} {{#each o}}{{@key}}{{/each}}\n\
                    {{#each items as |item i|}}\n  {{item}} {{i}}\n{{else}}\n  none\n{{/each}}\n\
                    {{#if a}}A{{else if b}}B{{else}}C{{/if}}\n\
                    {{helper 1 \"two\" 3.5 true null k=(sub x y=2) other=[a b]}}\n\
                    {{> partial arg key=1}}\n  {{> indented}}\n\
                    {{#> block}}fallback{{/block}}\n\
                    {{*inline \"name\"}}{{#*inline \"p\"}}in{{/inline}}\n\
                    {{!-- note --}}{{! short }}\n\
                    {{~x~}}   \n{{#with a as |b|}}{{b}}{{/with}}\n";
        let template = handlebars::Template::compile(text).unwrap();
        let frozen = freeze(&template).expect("freezes");
        assert_eq!(thaw(frozen).as_ref(), Some(&template));
        // The hidden flag matters: standalone tags and inline ones thaw differently.
        let standalone = handlebars::Template::compile("a\n{{#if x}}\nb\n{{/if}}\n").unwrap();
        let inline = handlebars::Template::compile("a {{#if x}}\nb\n{{/if}}\n").unwrap();
        let (s, i) = (freeze(&standalone).unwrap(), freeze(&inline).unwrap());
        assert_ne!(s, i);
        assert_eq!(thaw(s).as_ref(), Some(&standalone));
        assert_eq!(thaw(i).as_ref(), Some(&inline));
    }

    #[test]
    fn a_hash_is_written_the_same_way_every_time() {
        let text = "{{h a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8}}";
        let bytes: Vec<Vec<u8>> = (0..8)
            .map(|_| postcard::to_allocvec(&freeze(&handlebars::Template::compile(text).unwrap()).unwrap()).unwrap())
            .collect();
        assert!(bytes.windows(2).all(|w| w[0] == w[1]));
    }
}
