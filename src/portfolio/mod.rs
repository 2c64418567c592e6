//! A portfolio: many organizations' answers files assessed at once, one row each, and a
//! summary of the cohort. Files are assessed in parallel (rayon) in chunks, and each
//! chunk's results are handed on in path order before the next chunk starts, so the
//! output is the same on every run and memory stays flat however many files there are.

mod row;
mod summary;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use row::{Failure, Outcome, PhaseName, PhaseScore, Row, TopRecommendation, assess_file, gap_text, row};
pub use summary::{Count, PhaseCount, Summary, SummaryData, TOP};

/// How many files each worker thread assesses per chunk.
const PER_THREAD: usize = 64;

/// Runs `work` on every path in parallel and hands each result to `sink` in the order of
/// `paths`, one chunk at a time; stops at the first error `sink` returns.
pub fn in_order<T: Send, E>(
    paths: &[PathBuf],
    work: impl Fn(&Path) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let chunk = PER_THREAD * rayon::current_num_threads().max(1);
    for part in paths.chunks(chunk) {
        let results: Vec<T> = part.par_iter().map(|p| work(p)).collect();
        for result in results {
            sink(result)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_paths() {
        let paths: Vec<PathBuf> = (0..1000).map(|i| PathBuf::from(format!("{i:04}"))).collect();
        let mut seen = Vec::new();
        in_order(
            &paths,
            |p| p.display().to_string(),
            |s| {
                seen.push(s);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        let expected: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(seen, expected);
    }
}
