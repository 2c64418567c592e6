#!/usr/bin/env bash
# Whole-process figures: `readiness --version` against `readiness assess` in each format on
# a shipped sample (medians of RUNS runs of each, default 200, timed alternately), and the
# peak memory of one assess. Prints each ratio against its target.
# Usage: scripts/startup.sh [path/to/readiness] (default: builds and uses
# target/release/readiness). Needs python3, and GNU time for the memory figures.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [[ -z $bin ]]; then
    cargo build --release --quiet
    bin="${CARGO_TARGET_DIR:-target}/release/readiness"
fi
sample=samples/preparing-district.toml
runs=${RUNS:-200}
# Each format's process is timed alternately with `--version`, one run of each in turn, so
# that a spell of noise on a shared machine slows both alike; the ratio is that of the two
# medians.
python3 - "$bin" "$sample" "$runs" <<'PY'
import os, statistics, sys, time
binary, sample, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
devnull = os.open(os.devnull, os.O_WRONLY)
def once(args):
    start = time.perf_counter()
    pid = os.posix_spawn(binary, [binary, *args], os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"error: {binary} {' '.join(args)} failed")
    return elapsed
formats = ["json", "text", "markdown", "html", "csv"]
version, assess = {f: [] for f in formats}, {f: [] for f in formats}
for _ in range(20):
    for f in formats:
        once(["--version"])
        once(["assess", "--format", f, sample])
for _ in range(runs):
    for f in formats:
        version[f].append(once(["--version"]))
        assess[f].append(once(["assess", "--format", f, sample]))
everything = [t for f in formats for t in version[f]]
print(f"{'readiness --version':<36} {statistics.median(everything) * 1000:8.3f} ms")
for f in formats:
    t, base = statistics.median(assess[f]), statistics.median(version[f])
    ratio, limit = t / base, 1.5 if f == "json" else 2.0
    verdict = "met" if ratio <= limit else "NOT met"
    print(f"{'assess --format ' + f:<36} {t * 1000:8.3f} ms  {ratio:5.2f}x --version (<= {limit}x: {verdict})")
PY
# Peak resident memory of one assess, from the kernel's count (VmHWM) via GNU time: the
# median of 21 runs, as the pages a run maps around the ones it touches vary between runs.
if [[ -x /usr/bin/time ]]; then
    for format in json text html; do
        kb=$(for _ in $(seq 21); do
            /usr/bin/time -f '%M' "$bin" assess --format "$format" "$sample" 2>&1 >/dev/null | tail -1
        done | sort -n | sed -n 11p)
        python3 -c "import sys; mb=$kb/1024; print(f'{\"peak RSS, assess --format $format\":<36} {mb:8.2f} MB  (<= 10 MB: {\"met\" if mb <= 10 else \"NOT met\"})')"
    done
fi
