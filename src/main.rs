//! The `readiness` command: parse the arguments, run, exit with the documented code.

use clap::Parser;

fn main() {
    let cli = readiness::cli::Cli::parse();
    std::process::exit(readiness::run::run(cli));
}
