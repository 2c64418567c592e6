#!/usr/bin/env bash
# Checks the reports as people get them, in real programs:
# - every sample's report printed to PDF by headless Chromium (`readiness assess --format pdf`)
#   on A4 and US Letter: the page targets (starting-district at most 3 pages, complete-district
#   at most 2), page 1 holds the executive summary, the running header and page numbers are
#   there, every resource's address and every recommendation's title is in the text, and no id
#   (`section.name`) is;
# - the HTML report at desktop width and at phone width (390 px), and the `--section summary`
#   fragment pasted into a bare page: screenshots that are not blank, with the chart's colours;
# - the Word document (`--format docx`) converted by LibreOffice: a few pages, every
#   recommendation's title; the Markdown report converted by pandoc, to HTML and to Word, with
#   phase names whole in its tables;
# - `explain --format html` in the browser.
# It also writes docs/report-page1.png, the README's picture of page 1.
#
# Usage: scripts/browser-check.sh [OUTPUT_DIR]   (default target/browser-check)
# Needs Debian's chromium, poppler-utils (pdftotext, pdfinfo, pdftoppm), pandoc and
# libreoffice-writer; CHROMIUM=/path overrides where Chromium is. Page counts are measured
# with Debian's default fonts (DejaVu Sans), the widest of the usual ones.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "browser-check: $*" >&2; exit 1; }

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[ -n "$chromium" ] || fail "chromium not found (install Debian's chromium package)"
for tool in pdftotext pdfinfo pdftoppm; do
  command -v "$tool" >/dev/null || fail "$tool not found (install poppler-utils)"
done

out=${1:-target/browser-check}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cargo build --quiet
bin=${CARGO_TARGET_DIR:-target}/debug/readiness
# `readiness --format pdf` finds Chromium on PATH: put the one chosen first.
browser_dir=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$browser_dir" "$profile"' EXIT
ln -s "$chromium" "$browser_dir/chromium"
export PATH="$browser_dir:$PATH"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile" --enable-logging=stderr --v=0 --hide-scrollbars)

# Lines of Chromium's log that mean the page itself went wrong (not Chromium's own noise).
page_errors() { grep -E "CONSOLE|Uncaught|net::ERR_|Failed to load|Refused to" "$1" || true; }

# A screenshot of a page, checked for not being blank; prints the colour statistics.
screenshot() { # file.html file.png width height [colour]
  "$chromium" "${flags[@]}" --window-size="$3,$4" --screenshot="$2" "file://$1" 2> "$2.log" \
    || fail "$1: chromium failed, see $2.log"
  [ -z "$(page_errors "$2.log")" ] || fail "$1: $(page_errors "$2.log")"
  [ -s "$2" ] || fail "$1: no screenshot written"
  python3 scripts/png_stats.py "$2" ${5:+--colour "$5"}
}

# The texts a report must hold: the organization, then each recommendation's title.
expected_words() {
  "$bin" assess "$1" --format json --date 2026-01-15 \
    | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a["organization"]); [print(r["title"]) for r in a["recommendations"]]'
}

# Every address a report cites (the resources it lists), from the template context.
expected_urls() {
  "$bin" context "$1" --date 2026-01-15 \
    | python3 -c 'import json,sys; c=json.load(sys.stdin); [print(r["url"]) for g in c["resources_by_type"] for r in g["resources"] if r["url"]]'
}

# Fails unless the text file holds every line of standard input (spaces and line breaks
# set aside: a long address may be broken across lines on paper).
holds_all() { # text-file what
  python3 -c '
import sys
text = "".join(open(sys.argv[1], encoding="utf-8").read().split())
missing = [w for w in sys.stdin.read().splitlines() if w and "".join(w.split()) not in text]
if missing:
    sys.exit(f"{sys.argv[2]} lacks: " + "; ".join(missing))
' "$1" "$2"
}

# Fails if text meant for people holds an id: a word with a lower-case letter, a dot and a
# lower-case letter or underscore (`why.theory_of_action`), once addresses are set aside.
no_ids() { # text-file sample
  expected_urls "$2" | python3 -c '
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
# Addresses are set aside first, wherever paper broke them across lines.
for url in sorted(sys.stdin.read().split(), key=len, reverse=True):
    text = re.sub(r"\s*".join(map(re.escape, url)), " ", text)
words = [w for w in text.split() if "sha256:" not in w]
hits = [w for w in words if re.search(r"[a-z]\.[a-z_]", w)]
if hits:
    sys.exit(f"{sys.argv[1]}: ids in text for people: {hits[:5]}")
' "$1"
}

max_pages() { # sample-name -> the page target, or 4 for the other samples
  case "$1" in
    starting-district) echo 3 ;;
    complete-district) echo 2 ;;
    *) echo 4 ;;
  esac
}

for sample in samples/*.toml; do
  name=$(basename "$sample" .toml)
  for paper in a4 letter; do
    pdf="$out/$name-$paper.pdf"
    "$bin" assess "$sample" --format pdf --paper "$paper" --date 2026-01-15 --output "$pdf" --force --quiet \
      || fail "$name ($paper): readiness could not print the PDF"
    head -c 4 "$pdf" | grep -q '%PDF' || fail "$name ($paper): no PDF written"
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    size=$(pdfinfo "$pdf" | awk '/^Page size:/ {print $NF}' | tr -d '()')
    want=$(max_pages "$name")
    [ "$pages" -le "$want" ] || fail "$name ($paper): $pages pages, more than $want"
    case "$paper:$size" in a4:A4 | letter:letter) ;; *) fail "$name ($paper): printed on $size paper" ;; esac
    pdftotext -raw "$pdf" "$out/$name-$paper.txt"
    pdftotext -layout -f 1 -l 1 "$pdf" "$out/$name-$paper-page1.txt"
    # Page 1 is the executive summary: where the organization stands, the next steps, progress.
    for words in "Summary" "Progress by phase"; do
      grep -q "$words" "$out/$name-$paper-page1.txt" || fail "$name ($paper): page 1 lacks \"$words\""
    done
    grep -Eq "is in phase [0-9]+ of [0-9]+|has met every phase" "$out/$name-$paper-page1.txt" \
      || fail "$name ($paper): page 1 does not say where the organization stands"
    grep -Eq "The next three steps|What to do next" "$out/$name-$paper-page1.txt" \
      || fail "$name ($paper): page 1 lacks the next steps"
    grep -q "Page 1 of $pages" "$out/$name-$paper-page1.txt" || fail "$name ($paper): no page number"
    if [ "$pages" -gt 1 ]; then
      organization=$("$bin" assess "$sample" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["organization"])')
      pdftotext -layout -f 2 -l 2 "$pdf" "$out/$name-$paper-page2.txt"
      head -3 "$out/$name-$paper-page2.txt" | grep -qF "$organization" \
        || fail "$name ($paper): page 2 has no running header with the organization"
    fi
    expected_words "$sample" | holds_all "$out/$name-$paper.txt" "$name ($paper)"
    expected_urls "$sample" | holds_all "$out/$name-$paper.txt" "$name ($paper) addresses"
    no_ids "$out/$name-$paper.txt" "$sample"
    echo "$name: $paper PDF, $pages pages (at most $want), addresses and titles in the text"
  done
  [ "$(cmp -s "$out/$name-letter.pdf" <("$bin" assess "$sample" --format pdf --paper letter --date 2026-01-15) && echo same)" = same ] \
    || fail "$name: the same report printed twice is not the same PDF"

  html="$out/$name.html"
  "$bin" assess "$sample" --format html --date 2026-01-15 --output "$html" --force --quiet
  read -r colours top _ < <(screenshot "$html" "$out/$name.png" 1280 1600)
  python3 -c "import sys; sys.exit(0 if $colours >= 20 and $top < 0.97 else 1)" \
    || fail "$name: the screenshot looks blank ($colours colours, the commonest covers $top)"
  read -r colours top _ < <(screenshot "$html" "$out/$name-phone.png" 390 1400)
  python3 -c "import sys; sys.exit(0 if $colours >= 20 and $top < 0.97 else 1)" \
    || fail "$name: the phone screenshot looks blank"
  echo "$name: screenshots at 1280 and 390 pixels"
done

# A section pasted into a bare page (or an e-mail) keeps its chart's colours: the chart
# carries them itself. The starting district's current phase is drawn in #c05621.
for section in summary phases; do
  fragment="$out/fragment-$section.html"
  { echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body>'
    "$bin" assess samples/starting-district.toml --format html --section "$section" --date 2026-01-15
    echo '</body></html>'; } > "$fragment"
  read -r colours top bar < <(screenshot "$fragment" "$out/fragment-$section.png" 800 900 c05621)
  python3 -c "import sys; sys.exit(0 if $colours >= 10 and $bar > 0.0005 else 1)" \
    || fail "--section $section in a bare page lost its colours ($colours colours, bar colour $bar)"
  echo "--section $section in a bare page: $colours colours, the bar's colour on $bar of it"
done

# The explanation as a page.
"$bin" explain samples/preparing-district.toml --format html --output "$out/explain.html" --force --quiet
read -r colours top _ < <(screenshot "$out/explain.html" "$out/explain.png" 1280 1600)
python3 -c "import sys; sys.exit(0 if $colours >= 10 and $top < 0.98 else 1)" || fail "explain: the page looks blank"
echo "explain: rendered"

# The README's picture of page 1 (Letter, the starting district).
pdftoppm -r 60 -f 1 -l 1 -png "$out/starting-district-letter.pdf" "$out/page"
cp "$out"/page-1.png docs/report-page1.png
echo "docs/report-page1.png: page 1 of the starting district's report"

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
"$bin" assess --team samples/team/ --format html --date 2026-01-15 --output "$out/team.html" --force --quiet
extra_page team "$out/team.html" "Your team's answers" "Where your team disagrees" "Dana Whitfield (Superintendent)" \
  "Talk through the answers your team disagrees on"
"$bin" assess samples/starting-district.toml --since samples/history/starting-district-2025.toml --format html \
  --date 2026-01-15 --output "$out/since.html" --force --quiet
extra_page since "$out/since.html" "Since your last assessment on 2025-09-15" "Answers changed"
"$bin" batch samples/ samples/team/ --format html --output "$out/portfolio.html" --force --quiet
extra_page portfolio "$out/portfolio.html" "Portfolio" "Riverbend" "Implementing" "Decide what" \
  "Most common recommendations"


# Word: the native document and the Markdown through pandoc, both read by LibreOffice.
if command -v soffice >/dev/null && command -v pandoc >/dev/null; then
  for name in starting-district complete-district preparing-district; do
    "$bin" assess "samples/$name.toml" --format docx --date 2026-01-15 --output "$out/$name.docx" --force --quiet
    "$bin" assess "samples/$name.toml" --format markdown --date 2026-01-15 --output "$out/$name.md" --force --quiet
    pandoc --fail-if-warnings "$out/$name.md" -o "$out/$name.pandoc.docx" || fail "$name: pandoc could not convert the Markdown"
    pandoc --fail-if-warnings -f gfm -t html5 -s --metadata title="$name" "$out/$name.md" -o "$out/$name.pandoc.html" \
      || fail "$name: pandoc could not read the Markdown as GitHub's"
    grep -q "<table" "$out/$name.pandoc.html" || fail "$name: pandoc lost the tables"
    timeout 300 soffice --headless --norestore "-env:UserInstallation=file://$profile/lo" \
      --convert-to pdf --outdir "$out/word" "$out/$name.docx" "$out/$name.pandoc.docx" >/dev/null 2>&1 \
      || fail "$name: LibreOffice could not convert the Word documents"
    for doc in "$name" "$name.pandoc"; do
      [ -s "$out/word/$doc.pdf" ] || fail "$doc.docx: LibreOffice wrote no PDF"
      pages=$(pdfinfo "$out/word/$doc.pdf" | awk '/^Pages:/ {print $2}')
      [ "$pages" -ge 1 ] && [ "$pages" -le 9 ] || fail "$doc.docx: $pages pages in LibreOffice"
      pdftotext -layout "$out/word/$doc.pdf" "$out/word/$doc.txt"
      expected_words "samples/$name.toml" | holds_all "$out/word/$doc.txt" "$doc.docx"
      echo "$doc.docx: opens in LibreOffice, $pages pages, every recommendation"
    done
    no_ids "$out/word/$name.txt" "samples/$name.toml"
    # Pandoc sized the progress table's columns: phase names stay whole on their line.
    grep -q "Understanding your why" "$out/word/$name.pandoc.txt" \
      || fail "$name.pandoc.docx: the phase names are broken in the table"
  done
else
  echo "browser-check: soffice or pandoc not found, Word documents not checked" >&2
  [ -z "${CI:-}" ] || fail "libreoffice-writer and pandoc are required in CI"
fi
echo "browser-check: every report checked; PDFs, screenshots and documents in $out"
