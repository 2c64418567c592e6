//! No input makes the program panic: every truncation and many corruptions of real
//! answers files, and every prefix of real conditions, are either accepted or rejected
//! with diagnostics, and a rejection always names the file.

mod common;

use readiness::answers::{Syntax, parse};
use readiness::condition::Condition;
use readiness::io::SourceFile;
use readiness::rules::{RulesLocation, load};

/// Every sample answers file, those of its subfolders (a team's, an earlier one) included,
/// and a team's combined file (with `[[respondents]]` tables).
fn samples() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for path in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let dir = common::root().join("samples");
    let mut out = Vec::new();
    walk(&dir, &mut out);
    let team = dir.join("team");
    let combined = std::process::Command::new(env!("CARGO_BIN_EXE_readiness"))
        .arg("combine")
        .arg(&team)
        .output()
        .unwrap();
    assert!(combined.status.success());
    out.push(("team.toml".to_string(), String::from_utf8(combined.stdout).unwrap()));
    out.sort();
    out
}

/// Cuts at every character boundary, and replaces each character in turn with characters
/// that matter to TOML and JSON.
fn variants(text: &str) -> Vec<String> {
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let mut out: Vec<String> = boundaries.iter().map(|&i| text[..i].to_string()).collect();
    for &i in boundaries.iter().step_by(3) {
        let next = text[i..].chars().next().map_or(i, |c| i + c.len_utf8());
        for replacement in ["\"", "[", "]", "=", "\n", "0", "-1", "é", "\u{0}", "{", "."] {
            out.push(format!("{}{replacement}{}", &text[..i], &text[next..]));
        }
    }
    out
}

#[test]
fn corrupted_answers_files_never_panic() {
    let framework = load(&RulesLocation::default()).unwrap().framework;
    let mut rejected = 0;
    for (name, text) in samples() {
        for variant in variants(&text) {
            for syntax in [Syntax::Toml, Syntax::Json] {
                let file = SourceFile {
                    name: name.clone(),
                    text: variant.clone(),
                };
                if let Err(problems) = parse(&framework, &file, syntax) {
                    rejected += 1;
                    assert!(!problems.0.is_empty(), "a rejection carries at least one diagnostic");
                    assert!(
                        problems.0.iter().all(|d| d.to_string().contains(name.as_str())),
                        "every diagnostic names the file: {problems}"
                    );
                }
            }
        }
    }
    assert!(
        rejected > 1000,
        "only {rejected} variants were rejected: the corruption does not bite"
    );
}

#[test]
fn every_prefix_of_a_real_condition_parses_or_fails_cleanly() {
    let framework = load(&RulesLocation::default()).unwrap().framework;
    let conditions: Vec<String> = framework
        .recommendations
        .iter()
        .filter_map(|r| r.when.as_ref().map(ToString::to_string))
        .collect();
    assert!(conditions.len() > 10);
    for condition in conditions {
        for (i, _) in condition.char_indices() {
            let _ = Condition::parse(&condition[..i]);
            let _ = Condition::parse(&format!("{}) and (", &condition[..i]));
        }
        assert!(Condition::parse(&condition).is_ok(), "{condition}");
    }
}
