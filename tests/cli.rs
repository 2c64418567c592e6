//! Runs the real binary over every case folder in `tests/cases/` and snapshots what it prints.
//!
//! A case folder holds `args` (one invocation per line, arguments split on spaces), the
//! files those arguments name, and optionally `stdin`. Each case runs in a fresh copy of
//! its folder, so files it writes never land in the repository; a line `head FILE` shows
//! the first three lines of a file the commands before it wrote. Cases whose name starts with `bad-` must also fail
//! with one error on stderr and nothing on stdout.

mod common;

use std::fmt::Write;
use std::path::Path;

/// Copies a folder and everything in it.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn run_case(case: &Path) -> String {
    let args = std::fs::read_to_string(case.join("args")).expect("every case has an args file");
    let stdin = std::fs::read(case.join("stdin")).ok();
    let bad = case.file_name().unwrap().to_string_lossy().starts_with("bad-");
    let work = tempfile::tempdir().unwrap();
    copy_dir(case, work.path());
    let dir = work.path();
    let mut transcript = String::new();
    for line in args.lines().filter(|l| !l.trim().is_empty()) {
        if let Some(file) = line.strip_prefix("head ") {
            let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| format!("({e})"));
            let head: Vec<&str> = text.lines().take(3).collect();
            let _ = writeln!(transcript, "$ head {file}\n{}\n", head.join("\n"));
            continue;
        }
        let args: Vec<&str> = line.split_whitespace().collect();
        let out = common::run(dir, &args, stdin.as_deref());
        let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
        let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
        let code = out.status.code().expect("the binary exits, it is not killed");
        if bad {
            assert_ne!(code, 0, "{}: `{line}` should fail", case.display());
            assert!(
                stdout.is_empty(),
                "{}: `{line}` printed on stdout:\n{stdout}",
                case.display()
            );
            assert!(
                stderr.starts_with("error: "),
                "{}: `{line}` stderr:\n{stderr}",
                case.display()
            );
            assert!(
                !stderr.contains("panicked"),
                "{}: `{line}` panicked:\n{stderr}",
                case.display()
            );
        }
        let _ = writeln!(
            transcript,
            "$ readiness {line}\nexit: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}"
        );
    }
    transcript
}

#[test]
fn cases() {
    insta::glob!("cases/*/args", |path| {
        let dir = path.parent().unwrap();
        insta::assert_snapshot!(run_case(dir));
    });
}

#[test]
fn same_input_gives_byte_identical_output() {
    let dir = common::root().join("tests/cases");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let case = entry.unwrap().path();
        assert_eq!(run_case(&case), run_case(&case), "{}", case.display());
    }
}
