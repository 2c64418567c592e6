//! Many assessments at once, each figure a ratio measured side by side in the same run, so
//! that a shared, noisy machine moves both sides alike:
//!
//! 1. `readiness batch` over 10,000 generated answers files, against only reading and
//!    parsing those files in a library loop (the floor): target at most 1.5 times.
//! 2. `readiness batch` over 400 files, against a shell loop running `readiness assess`
//!    once per file: target at least 20 times faster.
//! 3. Peak memory (RSS, from GNU time) of `readiness batch` over 10,000 files against a
//!    batch of 100: target at most 1.5 times.
//! 4. `readiness compare` and `readiness combine` of a handful of files against one
//!    `readiness assess` process: target at most 2 times.
//!
//! Run with `cargo bench --bench batch`; it needs GNU time at /usr/bin/time (Debian
//! package `time`) for the memory figure.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use readiness::answers::{Syntax, parse};
use readiness::io::read_disk;
use readiness::rules::{RulesLocation, load};

const BIN: &str = env!("CARGO_BIN_EXE_readiness");

/// A small deterministic generator, so that every run assesses the same files.
struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, values: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        values[((self.0 >> 33) % values.len() as u64) as usize]
    }
}

/// Writes `count` answers files of varied districts into `dir`.
fn generate(dir: &Path, count: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let mut rng = Lcg(42);
    let answer = ["yes", "partly", "no"];
    let task = ["done", "in_progress", "not_started"];
    let mut paths = Vec::new();
    for i in 0..count {
        let mut text = format!(
            "[framework]\nid = \"ctq\"\nversion = \"1.0.0\"\n\n[profile]\norganization = \"District {i}\"\norg_type = \"{}\"\neducators = {}\nstage = \"{}\"\n\n[why]\n",
            rng.pick(&["district", "school", "state", "organization"]),
            100 + i % 5000,
            rng.pick(&["exploring", "planning", "launching", "implementing"]),
        );
        for q in ["value_proposition", "possibilities", "goals", "theory_of_action"] {
            text.push_str(&format!("{q} = \"{}\"\n", rng.pick(&answer)));
        }
        for q in ["capacity", "leader_support"] {
            text.push_str(&format!("{q} = \"{}\"\n", rng.pick(&task)));
        }
        text.push_str("\n[how]\n");
        for q in ["which_microcredentials", "incentives", "timeline", "support_model"] {
            text.push_str(&format!("{q} = \"{}\"\n", rng.pick(&answer)));
        }
        text.push_str(&format!("fee_based = \"{}\"\n", rng.pick(&["no", "unsure"])));
        for q in ["promotion", "recruitment"] {
            text.push_str(&format!("{q} = \"{}\"\n", rng.pick(&task)));
        }
        text.push_str(&format!("\n[implement]\nfeedback = \"{}\"\n", rng.pick(&answer)));
        for q in ["launch_event", "support", "data"] {
            text.push_str(&format!("{q} = \"{}\"\n", rng.pick(&task)));
        }
        let path = dir.join(format!("district-{i:05}.toml"));
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    paths
}

/// The best of `runs` timings of `f` (the least disturbed by other work on the machine).
fn best(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn run(args: &[&str]) {
    let status = Command::new(BIN)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "readiness {args:?} failed");
}

fn batch(dir: &Path) {
    run(&["batch", &dir.display().to_string(), "--quiet"]);
}

/// CPU time (user and system) this process has used so far, from /proc/self/stat.
fn own_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(") ")?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // The kernel counts in clock ticks of 1/100 s on Linux.
    Some(Duration::from_millis(ticks * 10))
}

/// CPU time (user and system) of `readiness ARGS`, as GNU time reports it.
fn child_cpu(args: &[&str]) -> Option<Duration> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%U %S", BIN])
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let (user, system) = text.lines().last()?.trim().split_once(' ')?;
    Some(Duration::from_secs_f64(
        user.parse::<f64>().ok()? + system.parse::<f64>().ok()?,
    ))
}

/// Peak resident memory of `readiness ARGS`, in kilobytes, as GNU time reports it.
fn peak_rss(args: &[&str]) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", BIN])
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    text.lines().last()?.trim().parse().ok()
}

fn verdict(ok: bool) -> &'static str {
    if ok { "meets the target" } else { "MISSES the target" }
}

fn main() {
    let root = tempfile::tempdir().unwrap();
    let big = root.path().join("10000");
    let mid = root.path().join("400");
    let small = root.path().join("100");
    let big_files = generate(&big, 10_000);
    generate(&mid, 400);
    generate(&small, 100);
    let framework = load(&RulesLocation::default()).unwrap().framework;

    // 1. Batch against the floor: read and parse only, in a library loop.
    let floor = best(3, || {
        for path in &big_files {
            let file = read_disk(path).unwrap();
            std::hint::black_box(parse(&framework, &file, Syntax::Toml).unwrap());
        }
    });
    let batch_big = best(3, || batch(&big));
    let ratio = batch_big.as_secs_f64() / floor.as_secs_f64();
    println!(
        "batch of 10,000 files {batch_big:>9.1?}  vs read + parse only {floor:>9.1?}: {ratio:.2}x (target <= 1.5x, {})",
        verdict(ratio <= 1.5)
    );
    // The same in CPU time, which other work on a shared machine disturbs less than the
    // clock: the batch process's (rules, listing, assessing, writing) against the loop's.
    let big_arg = big.display().to_string();
    let floor_cpu = (0..3)
        .filter_map(|_| {
            let before = own_cpu()?;
            for path in &big_files {
                let file = read_disk(path).unwrap();
                std::hint::black_box(parse(&framework, &file, Syntax::Toml).unwrap());
            }
            Some(own_cpu()? - before)
        })
        .min();
    let batch_cpu = (0..3).filter_map(|_| child_cpu(&["batch", &big_arg, "--quiet"])).min();
    if let (Some(floor_cpu), Some(batch_cpu)) = (floor_cpu, batch_cpu) {
        let ratio = batch_cpu.as_secs_f64() / floor_cpu.as_secs_f64();
        println!("  in CPU time         {batch_cpu:>9.1?}  vs read + parse only {floor_cpu:>9.1?}: {ratio:.2}x");
    }

    // 2. Batch against a shell loop of one process per file.
    let mid_arg = mid.display().to_string();
    let shell = best(1, || {
        let script = format!("for f in \"{mid_arg}\"/*.toml; do \"{BIN}\" assess \"$f\" > /dev/null || exit 1; done");
        let status = Command::new("sh").args(["-c", &script]).status().unwrap();
        assert!(status.success());
    });
    let batch_mid = best(3, || batch(&mid));
    let speedup = shell.as_secs_f64() / batch_mid.as_secs_f64();
    println!(
        "batch of 400 files    {batch_mid:>9.1?}  vs shell loop of assess {shell:>9.1?}: {speedup:.0}x faster (target >= 20x, {})",
        verdict(speedup >= 20.0)
    );

    // 3. Peak memory: 10,000 files against 100.
    let small_arg = small.display().to_string();
    match (
        peak_rss(&["batch", &big_arg, "--quiet"]),
        peak_rss(&["batch", &small_arg, "--quiet"]),
    ) {
        (Some(big_kb), Some(small_kb)) => {
            let ratio = big_kb as f64 / small_kb as f64;
            println!(
                "peak RSS of batch      10,000 files {big_kb} kB vs 100 files {small_kb} kB: {ratio:.2}x (target <= 1.5x, {})",
                verdict(ratio <= 1.5)
            );
        }
        _ => println!("peak RSS of batch      not measured: GNU time (/usr/bin/time) is missing"),
    }

    // 4. Compare and combine of a handful of files against one assess.
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let s = |name: &str| samples.join(name).display().to_string();
    let (old, new) = (s("history/starting-district-2025.toml"), s("starting-district.toml"));
    let team: Vec<String> = ["superintendent.toml", "pd-director.toml", "teacher-leader.toml"]
        .iter()
        .map(|n| s(&format!("team/{n}")))
        .collect();
    let assess_one = best(20, || run(&["assess", &new]));
    let compare = best(20, || run(&["compare", &old, &new]));
    let mut combine_args = vec!["combine"];
    combine_args.extend(team.iter().map(String::as_str));
    let combine = best(20, || run(&combine_args));
    for (name, took) in [("compare of 2 files", compare), ("combine of 3 files", combine)] {
        let ratio = took.as_secs_f64() / assess_one.as_secs_f64();
        println!(
            "{name:<22}{took:>9.1?}  vs one assess {assess_one:>9.1?}: {ratio:.2}x (target <= 2x, {})",
            verdict(ratio <= 2.0)
        );
    }
}
