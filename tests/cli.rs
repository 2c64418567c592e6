//! Runs the real binary over every case folder in `tests/cases/` and snapshots what it prints.
//!
//! A case folder holds `args` (one invocation per line, arguments split on spaces; run
//! from inside the folder), the files those arguments name, and optionally `stdin`.
//! Cases whose name starts with `bad-` must also fail with one error on stderr and
//! nothing on stdout.

use std::fmt::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn run_case(dir: &Path) -> String {
    let args = std::fs::read_to_string(dir.join("args")).expect("every case has an args file");
    let stdin = std::fs::read(dir.join("stdin")).ok();
    let bad = dir.file_name().unwrap().to_string_lossy().starts_with("bad-");
    let mut transcript = String::new();
    for line in args.lines().filter(|l| !l.trim().is_empty()) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_readiness"))
            .args(line.split_whitespace())
            .current_dir(dir)
            .env("NO_COLOR", "1")
            // The date reports show when no --date is given: 2026-01-15.
            .env("SOURCE_DATE_EPOCH", "1768435200")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        {
            use std::io::Write as _;
            let mut pipe = child.stdin.take().unwrap();
            if let Some(input) = &stdin {
                pipe.write_all(input).unwrap();
            }
        }
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
        let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
        let code = out.status.code().expect("the binary exits, it is not killed");
        if bad {
            assert_ne!(code, 0, "{}: `{line}` should fail", dir.display());
            assert!(
                stdout.is_empty(),
                "{}: `{line}` printed on stdout:\n{stdout}",
                dir.display()
            );
            assert!(
                stderr.starts_with("error: "),
                "{}: `{line}` stderr:\n{stderr}",
                dir.display()
            );
            assert!(
                !stderr.contains("panicked"),
                "{}: `{line}` panicked:\n{stderr}",
                dir.display()
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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let case = entry.unwrap().path();
        assert_eq!(run_case(&case), run_case(&case), "{}", case.display());
    }
}
