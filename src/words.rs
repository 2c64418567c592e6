//! Small helpers for writing words people read, shared by every stage.

/// The text with its first letter in upper case: `high` → `High`.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_letter_only_goes_upper_case() {
        assert_eq!(super::capitalized("high priority"), "High priority");
        assert_eq!(super::capitalized("école"), "École");
        assert_eq!(super::capitalized(""), "");
    }
}
