//! Arithmetic helpers: `add`, `mul`.

use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason};

/// The two whole numbers a helper takes, or an error naming it.
fn operands(h: &Helper, name: &str) -> Result<(i64, i64), RenderErrorReason> {
    let number = |i: usize| h.param(i).and_then(|p| p.value().as_i64());
    match (number(0), number(1), h.params().len()) {
        (Some(a), Some(b), 2) => Ok((a, b)),
        _ => Err(RenderErrorReason::Other(format!(
            "`{name}` takes two whole numbers, e.g. {{{{{name} @index 1}}}}"
        ))),
    }
}

fn result(name: &str, value: Option<i64>, out: &mut dyn Output) -> HelperResult {
    let value = value
        .ok_or_else(|| RenderErrorReason::Other(format!("`{name}`: the result is too large for a whole number")))?;
    out.write(&value.to_string())?;
    Ok(())
}

/// `{{add a b}}`: the sum of two whole numbers.
pub(super) fn add(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let (a, b) = operands(h, "add")?;
    result("add", a.checked_add(b), out)
}

/// `{{mul a b}}`: the product of two whole numbers.
pub(super) fn mul(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let (a, b) = operands(h, "mul")?;
    result("mul", a.checked_mul(b), out)
}
