//! The secrets in the server's links: capability tokens, compared in constant time, and the
//! CSRF value a page's forms carry.
//!
//! A token is 192 bits from the operating system's random source, written in base64url
//! (32 characters). Whoever has a link can use it, so a link is as private as a password:
//! the admin's opens everything, a respondent's only that respondent's answers.

use base64::Engine;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// How many random bytes a token holds (192 bits).
const TOKEN_BYTES: usize = 24;

/// The length of a token as written in a link.
pub const TOKEN_LEN: usize = 32;

/// A new token from the operating system's random source, or why there is none.
pub fn new_token() -> Result<String, String> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| format!("cannot read the operating system's random source: {e}"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// Whether a text has the shape of a token: 32 base64url characters.
pub fn well_formed(token: &str) -> bool {
    token.len() == TOKEN_LEN
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether two tokens are equal, in a time that does not depend on where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

/// A token's digest, by which the server finds it: looking a digest up tells nothing
/// about the token's characters.
pub fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// The CSRF value of the forms reached through the link with `token`: derived from the
/// server's secret and the token, so only a page the server sent carries it.
pub fn csrf(secret: &str, token: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(b"readiness serve csrf\0");
    hash.update(secret.as_bytes());
    hash.update(b"\0");
    hash.update(token.as_bytes());
    let digest = hash.finalize();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_well_formed() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_ne!(a, b);
        assert!(well_formed(&a), "{a}");
        assert!(!well_formed(&a[1..]));
        assert!(!well_formed(&format!("{}/", &a[1..])));
        assert!(same(&a, &a.clone()));
        assert!(!same(&a, &b));
        assert!(!same(&a, &a[..31]));
    }

    #[test]
    fn the_csrf_value_depends_on_the_secret_and_the_token() {
        let x = csrf("secret", "token-one");
        assert_eq!(x, csrf("secret", "token-one"));
        assert_ne!(x, csrf("secret", "token-two"));
        assert_ne!(x, csrf("other", "token-one"));
        assert_eq!(x.len(), 22);
    }
}
