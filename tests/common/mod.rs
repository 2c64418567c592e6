//! What the integration tests share: the binary, the repository's paths and fixtures, and
//! the checks on a run's outcome. Each test file uses the parts it needs.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `readiness` binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_readiness");

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The two-phase framework in `tests/fixtures/mini` (`one.shared` is asked only when
/// `one.decided` is `yes` or `partly`).
pub fn mini_rules() -> PathBuf {
    root().join("tests/fixtures/mini")
}

/// A shipped sample answers file.
pub fn sample(name: &str) -> PathBuf {
    root().join("samples").join(name)
}

/// The README's text.
pub fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).unwrap()
}

/// The binary with `args`, run in `dir`, with no colour and nothing on standard input.
pub fn readiness(dir: &Path, args: &[&str]) -> Output {
    run(dir, args, None)
}

/// The binary with `args`, run in `dir` with no colour; `stdin` is written to its input.
pub fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // Reports show a date: without --date, 2026-01-15, the same on every run.
        .env("SOURCE_DATE_EPOCH", "1768435200")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    {
        use std::io::Write as _;
        let mut pipe = child.stdin.take().unwrap();
        if let Some(input) = stdin {
            pipe.write_all(input).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

/// Standard output of a run that must succeed (else the test fails with standard error).
pub fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

/// Standard error of a run, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// No temporary file of an atomic write is left in `dir`.
pub fn no_temporary_files_left(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        assert!(!name.ends_with(".tmp"), "left behind: {name}");
    }
}
