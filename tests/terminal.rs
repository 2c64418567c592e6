//! `readiness assess` on a real (pseudo-)terminal: text wraps at word boundaries to the
//! terminal's width, links are terminal hyperlinks where the terminal shows them, and a
//! binary format is never written to the screen.

#![cfg(unix)]

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};

const BIN: &str = env!("CARGO_BIN_EXE_readiness");

fn sample() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples/starting-district.toml")
        .display()
        .to_string()
}

/// Runs `readiness ARGS` on a pseudo-terminal `columns` wide; returns the exit code and
/// everything shown.
fn on_terminal(columns: u16, env: &[(&str, &str)], args: &[&str]) -> (i32, String) {
    // The shell waits for a line, so that the terminal has its size before readiness starts.
    let mut script = String::from("read _ready; exec \"$0\"");
    for i in 0..args.len() {
        script.push_str(&format!(" \"${}\"", i + 1));
    }
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("FORCE_HYPERLINK")
        .env("TERM", "xterm")
        .env("SOURCE_DATE_EPOCH", "1768435200");
    for (k, v) in env {
        command.env(k, v);
    }
    let mut session = Session::spawn(command).expect("a pseudo-terminal");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
        .get_process_mut()
        .set_window_size(columns, 50)
        .expect("the terminal takes a size");
    session.send_line("").expect("the shell reads a line");
    let captures = session.expect(Eof).expect("the command ends");
    let mut bytes = captures.before().to_vec();
    for m in captures.matches() {
        bytes.extend_from_slice(m);
    }
    let shown = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
    let code = match session.get_process().wait().expect("it exits") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("{other:?}"),
    };
    (code, shown)
}

/// The text with terminal hyperlinks (`ESC ] 8 ; ; URL ESC \`) and styles taken out.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\x1b') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let skip = if tail.starts_with("\x1b]") {
            tail.find("\x1b\\").map_or(tail.len(), |e| e + 2)
        } else if let Some(csi) = tail.strip_prefix("\x1b[") {
            csi.find(|c: char| c.is_ascii_alphabetic())
                .map_or(tail.len(), |e| e + 3)
        } else {
            1
        };
        rest = &tail[skip..];
    }
    out.push_str(rest);
    out
}

#[test]
fn text_wraps_at_word_boundaries_to_the_terminal_width() {
    let (code, shown) = on_terminal(60, &[("NO_COLOR", "1")], &["assess", &sample()]);
    assert_eq!(code, 0, "{shown}");
    let text = plain(&shown);
    assert!(
        text.contains("Maple Valley School District is in phase 1 of 3"),
        "{text}"
    );
    for line in text.lines() {
        // A word is never broken, even one longer than a line (a link, the rules' digest).
        if line.trim().contains(' ') {
            assert!(line.chars().count() <= 59, "wider than the terminal: {line:?}");
        }
    }
    // The same words as the report written to a file: wrapping broke no word.
    let piped = Command::new(BIN)
        .args(["assess", &sample()])
        .env("SOURCE_DATE_EPOCH", "1768435200")
        .output()
        .unwrap();
    let piped = String::from_utf8(piped.stdout).unwrap();
    assert!(
        piped.lines().any(|l| l.chars().count() > 59),
        "the file is wrapped at 78"
    );
    let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(words(&text), words(&piped));
}

#[test]
fn links_are_terminal_hyperlinks_only_where_the_terminal_shows_them() {
    let link =
        "\x1b]8;;https://www.teachingquality.org/wp-content/uploads/2019/01/Getting-to-a-Theory-of-Action.pdf\x1b\\";
    let (code, shown) = on_terminal(100, &[("FORCE_HYPERLINK", "1")], &["assess", &sample()]);
    assert_eq!(code, 0, "{shown}");
    assert!(
        shown.contains(&format!("{link}Developing a theory of action tool\x1b]8;;\x1b\\")),
        "{shown:?}"
    );
    // Colors off: no escape sequences at all.
    let (_, shown) = on_terminal(
        100,
        &[("FORCE_HYPERLINK", "1"), ("NO_COLOR", "1")],
        &["assess", &sample()],
    );
    assert!(!shown.contains('\x1b'), "{shown:?}");
    // A terminal not known to show links: none.
    let (_, shown) = on_terminal(100, &[], &["assess", &sample()]);
    assert!(!shown.contains("\x1b]8;;"), "{shown:?}");
    // Not a terminal: none, whatever the environment says.
    let piped = Command::new(BIN)
        .args(["assess", &sample()])
        .env("FORCE_HYPERLINK", "1")
        .output()
        .unwrap();
    assert!(!piped.stdout.contains(&0x1b), "escape sequences in a file");
}

#[test]
fn a_binary_format_is_never_written_to_the_terminal() {
    for format in ["docx", "pdf"] {
        let (code, shown) = on_terminal(100, &[("NO_COLOR", "1")], &["assess", &sample(), "--format", format]);
        assert_eq!(code, 2, "{shown}");
        assert!(
            shown.contains(&format!(
                "error: a {format} file is not for a terminal: write it to a file with `-o report.{format}`"
            )),
            "{shown}"
        );
        assert!(!shown.contains("PK\x03\x04") && !shown.contains("%PDF"), "{shown}");
    }
}
