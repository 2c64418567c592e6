#!/usr/bin/env bash
# Renders the HTML report of every sample answers file in headless Chromium, to a PNG
# screenshot and to PDFs on A4 and US Letter paper, and fails if Chromium reports an error,
# if a page is blank, or if a PDF lacks text the report holds (cut-off content).
#
# Usage: scripts/browser-check.sh [OUTPUT_DIR]   (default target/browser-check)
# Also converts each Markdown report with pandoc. Needs Debian's chromium, poppler-utils
# (pdftotext, pdfinfo) and pandoc; CHROMIUM=/path overrides where Chromium is.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "browser-check: chromium not found (install Debian's chromium package)" >&2
  exit 1
fi
command -v pdftotext >/dev/null || { echo "browser-check: pdftotext not found (install poppler-utils)" >&2; exit 1; }

out=${1:-target/browser-check}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cargo build --quiet
bin=target/debug/readiness
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile" --enable-logging=stderr --v=0)

fail() { echo "browser-check: $*" >&2; exit 1; }

# Lines of Chromium's log that mean the page itself went wrong (not Chromium's own noise).
page_errors() { grep -E "CONSOLE|Uncaught|net::ERR_|Failed to load|Refused to" "$1" || true; }

# Words that must survive into the PDF: the organisation and every recommendation title.
expected_words() {
  "$bin" assess --answers "$1" --format json \
    | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a["organization"]); [print(r["title"]) for r in a["recommendations"]]'
}

for sample in samples/*.toml; do
  name=$(basename "$sample" .toml)
  html="$out/$name.html"
  "$bin" assess --answers "$sample" --format html --date 2026-01-15 --output "$html" --force 2>/dev/null
  for paper in A4 Letter; do
    sed "s|</style>|@page { size: $paper; }\n</style>|" "$html" > "$out/$name-$paper.html"
    "$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/$name-$paper.pdf" \
      "file://$out/$name-$paper.html" 2> "$out/$name-$paper.log" || fail "$name ($paper): chromium failed, see $out/$name-$paper.log"
    [ -z "$(page_errors "$out/$name-$paper.log")" ] || fail "$name ($paper): $(page_errors "$out/$name-$paper.log")"
    head -c 4 "$out/$name-$paper.pdf" | grep -q '%PDF' || fail "$name ($paper): no PDF written"
    pdftotext -layout "$out/$name-$paper.pdf" "$out/$name-$paper.txt"
    text=$(tr -s ' \n' ' ' < "$out/$name-$paper.txt")
    while IFS= read -r words; do
      words=$(printf '%s' "$words" | tr -s ' ' ' ')
      case "$text" in *"$words"*) ;; *) fail "$name ($paper): the PDF lacks \"$words\"" ;; esac
    done < <(expected_words "$sample")
    pages=$(pdfinfo "$out/$name-$paper.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    echo "$name: $paper PDF, ${pages:-?} pages"
  done
  "$chromium" "${flags[@]}" --window-size=1280,1600 --screenshot="$out/$name.png" "file://$html" \
    2> "$out/$name.log" || fail "$name: chromium failed, see $out/$name.log"
  [ -z "$(page_errors "$out/$name.log")" ] || fail "$name: $(page_errors "$out/$name.log")"
  [ -s "$out/$name.png" ] || fail "$name: no screenshot written"
  read -r colours top < <(python3 scripts/png_stats.py "$out/$name.png")
  # A blank page is one colour; a rendered report has text, a chart and borders.
  python3 -c "import sys; sys.exit(0 if $colours >= 20 and $top < 0.97 else 1)" \
    || fail "$name: the screenshot looks blank ($colours colours, the commonest covers $top)"
  echo "$name: screenshot with $colours colours"
done
# A team's report, a report with what changed since an earlier assessment, and a portfolio:
# each prints to a PDF that holds its own words, with no error from the page.
extra_page() { # NAME HTML WORDS...
  local name=$1 html=$2
  shift 2
  "$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$html" \
    2> "$out/$name.log" || fail "$name: chromium failed, see $out/$name.log"
  [ -z "$(page_errors "$out/$name.log")" ] || fail "$name: $(page_errors "$out/$name.log")"
  pdftotext -layout "$out/$name.pdf" "$out/$name.txt"
  local text
  text=$(tr -s ' \n' ' ' < "$out/$name.txt")
  for words in "$@"; do
    case "$text" in *"$words"*) ;; *) fail "$name: the PDF lacks \"$words\"" ;; esac
  done
  echo "$name: PDF holds its sections"
}
"$bin" assess --team samples/team/ --format html --date 2026-01-15 --output "$out/team.html" --force 2>/dev/null
extra_page team "$out/team.html" "Your team's answers" "Where your team disagrees" "Dana Whitfield (Superintendent)" \
  "Talk through the answers your team disagrees on"
"$bin" assess samples/starting-district.toml --since samples/history/starting-district-2025.toml --format html \
  --date 2026-01-15 --output "$out/since.html" --force 2>/dev/null
extra_page since "$out/since.html" "Since your last assessment on 2025-09-15" "Answers changed"
"$bin" batch samples/ samples/team/ --format html --output "$out/portfolio.html" --force --quiet
extra_page portfolio "$out/portfolio.html" "Portfolio" "Riverbend" "Implementing" "Decide what" \
  "Most common recommendations"

# The Markdown report converts cleanly with pandoc (GitHub-flavoured Markdown in, no warnings).
if command -v pandoc >/dev/null; then
  for sample in samples/*.toml; do
    name=$(basename "$sample" .toml)
    "$bin" assess --answers "$sample" --format markdown --date 2026-01-15 --output "$out/$name.md" --force 2>/dev/null
    pandoc --fail-if-warnings -f gfm -t html5 -s --metadata title="$name" "$out/$name.md" -o "$out/$name.pandoc.html" \
      || fail "$name: pandoc could not convert the Markdown report"
    grep -q "<table" "$out/$name.pandoc.html" || fail "$name: pandoc lost the progress table"
    echo "$name: Markdown converts with pandoc"
  done
else
  echo "browser-check: pandoc not found, Markdown conversion not checked" >&2
  [ -z "${CI:-}" ] || fail "pandoc is required in CI"
fi
echo "browser-check: every report rendered, screenshots and PDFs in $out"
