//! Rate limiting of failed token attempts: a client that opens too many links that lead
//! nowhere in a short time is refused for a while, so tokens cannot be guessed by trying.
//! Successful requests are never limited.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Failed attempts allowed per client in one window.
pub const MAX_FAILURES: u32 = 20;

/// The window failures are counted in.
pub const WINDOW: Duration = Duration::from_secs(60);

/// Clients remembered at most; past that, the oldest windows are forgotten first.
const MAX_CLIENTS: usize = 10_000;

/// Failed attempts by client, each in its current window.
#[derive(Debug, Default)]
pub struct Limiter {
    failures: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl Limiter {
    /// Whether the client has used up its failed attempts for now.
    pub fn blocked(&self, client: IpAddr) -> bool {
        let failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        failures
            .get(&client)
            .is_some_and(|(start, count)| start.elapsed() < WINDOW && *count >= MAX_FAILURES)
    }

    /// Counts a failed attempt by the client.
    pub fn fail(&self, client: IpAddr) {
        let mut failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        if failures.len() >= MAX_CLIENTS {
            failures.retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
            if failures.len() >= MAX_CLIENTS {
                failures.clear();
            }
        }
        let entry = failures.entry(client).or_insert((now, 0));
        if now.duration_since(entry.0) >= WINDOW {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_is_blocked_after_its_failures_and_others_are_not() {
        let limiter = Limiter::default();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        for _ in 0..MAX_FAILURES - 1 {
            limiter.fail(a);
        }
        assert!(!limiter.blocked(a));
        limiter.fail(a);
        assert!(limiter.blocked(a));
        assert!(!limiter.blocked(b));
    }
}
