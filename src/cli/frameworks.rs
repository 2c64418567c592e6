//! `frameworks`: the built-in frameworks.

use super::Io;
use crate::error::Error;
use crate::rules::{RulesLocation, built_in_ids, load};

/// Lists each built-in framework: id, version and name, tab-separated.
pub fn frameworks(io: &mut Io<'_>) -> Result<(), Error> {
    let mut out = String::new();
    for id in built_in_ids() {
        match load(&RulesLocation::BuiltIn(id.to_string())) {
            Ok(loaded) => {
                let f = &loaded.framework;
                out.push_str(&format!("{id}\t{}\t{}\n", f.version, f.name));
            }
            Err(_) => out.push_str(&format!("{id}\t(invalid: run `readiness check --framework {id}`)\n")),
        }
    }
    io.print(&out)
}
