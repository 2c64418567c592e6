//! The README's quick start must stay true: exactly two commands, the first runs
//! `readiness` on a shipped sample, the second runs the tests.

mod common;

use std::process::Command;

use common::{BIN, readme, root};

fn quick_start() -> Vec<String> {
    let readme = readme();
    let section = readme
        .split("## Quick start")
        .nth(1)
        .expect("the README has a quick start");
    let block = section.split("```sh\n").nth(1).expect("the quick start has a sh block");
    let block = block.split("```").next().unwrap();
    block
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn quick_start_has_two_commands_build_and_run_then_test() {
    let commands = quick_start();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert!(
        commands[0].starts_with("cargo run --release -- assess "),
        "{}",
        commands[0]
    );
    assert_eq!(commands[1], "cargo test");
}

#[test]
fn quick_start_assessment_runs_on_a_shipped_sample() {
    let commands = quick_start();
    let args: Vec<&str> = commands[0].split(" -- ").nth(1).unwrap().split_whitespace().collect();
    let out = Command::new(BIN).args(&args).current_dir(root()).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout.contains("is in phase 1 of 3: Understanding your why."),
        "{stdout}"
    );
    assert!(stdout.contains("WHAT TO DO NOW"), "{stdout}");
}

/// Every file under `samples/`, its subfolders included, by path from `samples/`.
fn sample_files(dir: &std::path::Path, prefix: &str, out: &mut Vec<(String, std::path::PathBuf)>) {
    let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = format!("{prefix}{}", path.file_name().unwrap().to_string_lossy());
        if path.is_dir() {
            sample_files(&path, &format!("{name}/"), out);
        } else {
            out.push((name, path));
        }
    }
}

#[test]
fn every_sample_in_the_readme_assesses_cleanly() {
    let readme = readme();
    let dir = root().join("samples");
    let mut files = Vec::new();
    sample_files(&dir, "", &mut files);
    for (name, path) in &files {
        assert!(
            readme.contains(&format!("`{name}`")),
            "samples/{name} is not in the README"
        );
        let out = Command::new(BIN)
            .arg("assess")
            .arg("--answers")
            .arg(path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(
            out.stderr.is_empty(),
            "{name} warns: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(files.len() >= 3, "at least three samples ship");
}

/// The text of the first fenced block of `lang` after `marker` in the README.
fn block_after(readme: &str, marker: &str, lang: &str) -> String {
    let rest = readme
        .split(marker)
        .nth(1)
        .unwrap_or_else(|| panic!("no `{marker}` in the README"));
    let fence = format!("```{lang}\n");
    let body = rest
        .split(&fence)
        .nth(1)
        .unwrap_or_else(|| panic!("no {lang} block after `{marker}`"));
    body.split("```").next().unwrap().to_string()
}

#[test]
fn the_custom_template_example_prints_what_the_readme_says() {
    let readme = readme();
    let marker = "<!-- custom-template-example";
    let template = block_after(&readme, marker, "handlebars");
    let expected = block_after(&readme, marker, "markdown");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("next-steps.md.hbs"), template).unwrap();
    let sample = common::sample("preparing-district.toml");
    let out = Command::new(BIN)
        .args(["assess", "--answers"])
        .arg(&sample)
        .args(["--template", "next-steps.md.hbs"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn the_exit_code_table_is_the_program_s() {
    let readme = readme();
    let section = readme
        .split("## Exit codes")
        .nth(1)
        .expect("the README lists exit codes");
    let documented: Vec<u8> = section
        .lines()
        .skip_while(|l| !l.starts_with("| code"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.split('|').nth(1).unwrap().trim().parse().unwrap())
        .collect();
    let program: Vec<u8> = readiness::Error::CODES.iter().map(|(code, _)| *code).collect();
    assert_eq!(documented, program);
}

#[test]
fn every_command_is_in_the_readme() {
    let readme = readme();
    for sub in readiness::cli::command().get_subcommands() {
        let name = sub.get_name();
        if name != "help" {
            assert!(readme.contains(&format!("`readiness {name}")), "{name}");
        }
    }
}
