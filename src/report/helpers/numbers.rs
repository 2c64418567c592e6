//! Arithmetic helpers: `add`, `mul`.

// `{{add a b}}`: the sum of two whole numbers.
handlebars::handlebars_helper!(
    add: |a: i64, b: i64| a + b
);
// `{{mul a b}}`: the product of two whole numbers.
handlebars::handlebars_helper!(
    mul: |a: i64, b: i64| a * b
);
