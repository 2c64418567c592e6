//! Every command's `--help`, through the real binary, pinned by a snapshot: the help is the
//! command line's contract. The commands are found by walking clap's command tree, so a new
//! command or option cannot go unseen.

mod common;

use clap::Command;

/// Every command path: `[]` for `readiness` itself, then `["assess"]`, ... in tree order.
fn paths(command: &Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    out.push(prefix.to_vec());
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut path = prefix.to_vec();
        path.push(sub.get_name().to_string());
        paths(sub, &path, out);
    }
}

#[test]
fn every_command_has_its_help_pinned() {
    let mut all = Vec::new();
    paths(&readiness::cli::command(), &[], &mut all);
    assert!(all.len() > 10, "{all:?}");
    for path in all {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let out = common::readiness(common::root(), &args);
        let help = common::stdout(&out);
        assert!(out.stderr.is_empty(), "{}", common::stderr(&out));
        let name = if path.is_empty() {
            "readiness".to_string()
        } else {
            format!("readiness-{}", path.join("-"))
        };
        insta::assert_snapshot!(name, help, &format!("readiness {}", args.join(" ")));
    }
}

#[test]
fn short_help_is_shorter_and_names_every_command() {
    let out = common::readiness(common::root(), &["-h"]);
    let short = common::stdout(&out);
    let long = common::stdout(&common::readiness(common::root(), &["--help"]));
    assert!(short.len() < long.len());
    for sub in readiness::cli::command().get_subcommands() {
        assert!(short.contains(sub.get_name()), "{}", sub.get_name());
    }
}
