//! The scoring formula, the one place it is written: a phase's score is the weighted mean
//! of the points its items earn, rounded half up. Validating a rule set (can a phase's best
//! score reach its threshold?), assessing and explaining all use it, so it sits beside the
//! stages rather than in one of them, and depends on nothing else in the crate.

/// Full points: what a done task or a fully met answer earns.
pub const FULL: u32 = 100;

/// How a score adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Sum of weight times points over the items scored.
    pub earned: u64,
    /// Sum of the weights of the items scored.
    pub total_weight: u64,
    /// `earned / total_weight`, rounded half up, from 0 to 100 (100 when nothing is scored).
    pub score: u32,
}

/// `earned / total`, rounded half up; 100 when `total` is 0 (nothing to score).
pub fn rounded(earned: u64, total: u64) -> u32 {
    if total == 0 {
        FULL
    } else {
        ((earned * 2 + total) / (total * 2)) as u32
    }
}

/// The score of items given as `(weight, points)`.
pub fn weighted(items: impl IntoIterator<Item = (u32, u32)>) -> Score {
    let (mut earned, mut total_weight) = (0u64, 0u64);
    for (weight, points) in items {
        earned += u64::from(weight) * u64::from(points);
        total_weight += u64::from(weight);
    }
    Score {
        earned,
        total_weight,
        score: rounded(earned, total_weight),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_and_scores_nothing_as_full() {
        assert_eq!(rounded(50, 4), 13);
        assert_eq!(rounded(49, 4), 12);
        assert_eq!(rounded(0, 0), 100);
        assert_eq!(rounded(400, 5), 80);
    }

    #[test]
    fn weights_each_item() {
        let s = weighted([(3, 50), (1, 0), (1, 100)]);
        assert_eq!((s.earned, s.total_weight, s.score), (250, 5, 50));
    }
}
