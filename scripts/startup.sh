#!/usr/bin/env bash
# Whole-process figures: `readiness --version` against `readiness assess` in each format on
# a shipped sample (median of many runs, with hyperfine), and the peak memory of one assess.
# Prints each ratio against its target. Usage: scripts/startup.sh [path/to/readiness]
# (default: builds and uses target/release/readiness). Needs hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [[ -z $bin ]]; then
    cargo build --release --quiet
    bin="${CARGO_TARGET_DIR:-target}/release/readiness"
fi
command -v hyperfine >/dev/null || { echo "error: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }
sample=samples/preparing-district.toml
runs=${RUNS:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { # command... -> median wall time in seconds
    hyperfine --style none --shell=none --warmup 20 --runs "$runs" --export-json "$tmp/h.json" -- "$*" >/dev/null
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$tmp/h.json"
}

base=$(median "$bin" --version)
printf '%-36s %8.3f ms\n' "readiness --version" "$(python3 -c "print($base*1000)")"
for format in json text markdown html csv; do
    t=$(median "$bin" assess --format "$format" "$sample")
    limit=2.0
    [[ $format == json ]] && limit=1.5
    python3 - "$format" "$t" "$base" "$limit" <<'PY'
import sys
fmt, t, base, limit = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
ratio = t / base
print(f"{'assess --format ' + fmt:<36} {t*1000:8.3f} ms  {ratio:5.2f}x --version (<= {limit}x: {'met' if ratio <= limit else 'NOT met'})")
PY
done
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
