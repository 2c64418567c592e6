//! Arithmetic helpers: `add`, `mul`. Each gives a number, so it can feed another helper:
//! `{{add (mul @index 44) 6}}`.

use handlebars::{Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason, ScopedJson};

/// A helper that combines two whole numbers, reporting overflow and wrong arguments.
pub(super) struct Arithmetic {
    name: &'static str,
    op: fn(i64, i64) -> Option<i64>,
}

/// `{{add a b}}`: the sum of two whole numbers.
pub(super) const ADD: Arithmetic = Arithmetic {
    name: "add",
    op: i64::checked_add,
};

/// `{{mul a b}}`: the product of two whole numbers.
pub(super) const MUL: Arithmetic = Arithmetic {
    name: "mul",
    op: i64::checked_mul,
};

impl HelperDef for Arithmetic {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let name = self.name;
        let number = |i: usize| h.param(i).and_then(|p| p.value().as_i64());
        let (Some(a), Some(b), 2) = (number(0), number(1), h.params().len()) else {
            return Err(RenderErrorReason::Other(format!(
                "`{name}` takes two whole numbers, e.g. {{{{{name} @index 1}}}}"
            ))
            .into());
        };
        let value = (self.op)(a, b)
            .ok_or_else(|| RenderErrorReason::Other(format!("`{name}`: the result is too large for a whole number")))?;
        Ok(ScopedJson::Derived(serde_json::Value::from(value)))
    }
}
