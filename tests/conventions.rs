//! The command-line conventions users expect: colour only where it belongs, `--quiet`,
//! completion scripts for every shell, and files written with the usual permissions.

mod common;

use std::process::Command;

use common::{BIN, root, sample};

fn missing_file(args: &[&str], env_no_color: bool) -> String {
    let mut cmd = Command::new(BIN);
    cmd.args(args).current_dir(root());
    if env_no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn messages_are_coloured_only_when_asked_or_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[why]\ngoals = \"maybe\"\n").unwrap();
    let bad = bad.to_str().unwrap();
    let always = missing_file(&["assess", bad, "--color", "always"], false);
    assert!(always.starts_with("\x1b["), "{always:?}");
    assert!(always.contains("error"), "{always:?}");
    // Not a terminal: no colour by default, and never with --color never.
    for args in [vec!["assess", bad], vec!["assess", bad, "--color", "never"]] {
        let text = missing_file(&args, false);
        assert!(!text.contains('\x1b'), "{args:?}: {text:?}");
        assert!(text.starts_with("error: "), "{text}");
    }
    // NO_COLOR wins over auto.
    assert!(!missing_file(&["assess", bad, "--color", "auto"], true).contains('\x1b'));
}

#[test]
fn quiet_leaves_out_what_was_written_but_not_the_errors() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| common::readiness(dir.path(), args);
    let s = sample("starting-district.toml");
    let s = s.to_str().unwrap();
    let loud = run(&["assess", s, "-o", "a.txt"]);
    assert_eq!(common::stderr(&loud), "wrote a.txt\n");
    let quiet = run(&["assess", s, "-o", "b.txt", "--quiet"]);
    assert!(quiet.status.success());
    assert!(quiet.stderr.is_empty());
    let refused = run(&["assess", s, "-o", "b.txt", "-q"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(common::stderr(&refused).starts_with("error: b.txt: the file exists"));
}

#[test]
fn every_shell_gets_a_completion_script_naming_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = common::readiness(root(), &["completions", shell]);
        let script = common::stdout(&out);
        for command in ["assess", "explain", "survey", "completions"] {
            assert!(script.contains(command), "{shell}: {command}");
        }
    }
}

#[cfg(unix)]
#[test]
fn written_files_get_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let s = sample("starting-district.toml");
    // A fixed umask makes the expected mode certain.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 027 && {BIN} assess {} -o report.html -q && {BIN} template -o answers.toml -q",
            s.display()
        ))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for name in ["report.html", "answers.toml"] {
        let mode = std::fs::metadata(dir.path().join(name)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "{name}: {mode:o}");
    }
}
