//! The answers files a command is given: files as named, and the answers files of folders.

use std::path::{Path, PathBuf};

use super::io_reason;

/// Whether a file name is an answers file's: `.toml` or `.json`.
fn is_answers_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml") || e.eq_ignore_ascii_case("json"))
}

/// The files named, with each folder replaced by its `.toml` and `.json` files (not those
/// of its subfolders), sorted by path. Files named directly are kept whatever their name.
/// The error names the folder that cannot be read, and says why.
pub fn answers_files(inputs: &[&Path]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input)
                .map_err(|e| format!("{}: cannot read the folder: {}", input.display(), io_reason(&e)))?;
            // The entry's own file type: no further look-up per file in large folders.
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
                .map(|e| e.path())
                .filter(|p| is_answers_file(p))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(input.to_path_buf());
        }
    }
    Ok(out)
}
