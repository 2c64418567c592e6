//! `schema`: the JSON Schema of a file format.

use super::Io;
use super::args::SchemaArgs;
use super::assess::json_output;
use super::rules::load_rules;
use crate::error::Error;
use crate::report::json;
use crate::rules::schema::file_schema;

/// Prints the schema of a rule file, or of the answers file for the chosen framework.
pub fn schema(args: &SchemaArgs, io: &mut Io<'_>) -> Result<(), Error> {
    json_output(args.output.output.as_deref())?;
    let value = match file_schema(args.kind) {
        Some(value) => value,
        None => crate::answers::schema(&load_rules(&args.rules)?.framework),
    };
    io.deliver(&json(&value), args.output.output.as_deref(), Some(args.output.force))
}
