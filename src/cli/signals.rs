//! Stopping cleanly when the program is told to stop from outside (SIGINT, SIGTERM, SIGHUP):
//! the temporary file of a write in progress and a survey's lock file are removed, a
//! terminal a survey had put in raw mode is given back as it was, and the program exits
//! with 128 plus the signal's number, as shells report it.

use std::sync::atomic::{AtomicBool, Ordering};

/// Whether a survey has the terminal (it may be in raw mode).
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Whether a server handles the stop signals itself (it finishes the saves under way).
static SERVER_STOPS: AtomicBool = AtomicBool::new(false);

/// From now on SIGINT and SIGTERM are the server's to handle: it stops accepting
/// connections, finishes the requests under way and returns. SIGHUP still ends the program.
pub fn leave_to_server() {
    SERVER_STOPS.store(true, Ordering::SeqCst);
}

/// Says that a survey has the terminal until the guard is dropped.
pub struct TerminalGuard(());

impl TerminalGuard {
    /// The terminal is taken until the guard is dropped.
    pub fn take() -> TerminalGuard {
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        TerminalGuard(())
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        TERMINAL_TAKEN.store(false, Ordering::SeqCst);
    }
}

/// Handles SIGINT, SIGTERM and SIGHUP from now on: a thread waits for them, cleans up and
/// ends the program. Does nothing where signals cannot be handled.
#[cfg(unix)]
pub fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if SERVER_STOPS.load(Ordering::SeqCst) && signal != SIGHUP {
                continue;
            }
            crate::io::cleanup::remove_pending();
            if TERMINAL_TAKEN.load(Ordering::SeqCst) {
                restore_terminal();
            }
            std::process::exit(128 + signal);
        }
    });
}

/// Signals are not handled on this system.
#[cfg(not(unix))]
pub fn install() {}

/// Leaves raw mode and shows the cursor again, as the survey's prompts would on their way out.
fn restore_terminal() {
    use std::io::Write;
    let _ = crossterm::terminal::disable_raw_mode();
    let mut stderr = std::io::stderr();
    let _ = crossterm::execute!(stderr, crossterm::cursor::Show);
    let _ = stderr.write_all(b"\n");
    let _ = stderr.flush();
}
