#!/usr/bin/env bash
# CSV output in a real spreadsheet: LibreOffice Calc opens each CSV `readiness` writes
# (an organization's action items, a portfolio with awkward names and a file that cannot
# be assessed), saves it as .xlsx, and the .xlsx is read back to CSV; Python checks that
# every cell survived the trip. Needs soffice (Debian package libreoffice-calc) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v soffice >/dev/null || { echo "soffice is missing: apt-get install libreoffice-calc" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 1; }

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo build --quiet --locked
bin="${CARGO_TARGET_DIR:-target}/debug/readiness"

"$bin" assess samples/preparing-district.toml --format csv -o "$out/action-items.csv" --quiet
mkdir -p "$out/districts"
cp samples/*.toml "$out/districts/"
printf '[profile]\norganization = "Birch Falls, \\"North\\" District"\norg_type = "district"\n' > "$out/districts/birch-falls.toml"
printf '[profile]\norganization = "=SUM(A1:A9)"\norg_type = "school"\n' > "$out/districts/formula.toml"
printf '[profile\n' > "$out/districts/broken.toml"
# A file that cannot be assessed makes the exit code 7; the portfolio is still written.
status=0
"$bin" batch "$out/districts" -o "$out/portfolio.csv" --quiet 2>/dev/null || status=$?
[ "$status" -eq 7 ] || { echo "batch exited $status, expected 7" >&2; exit 1; }

profile="$out/lo-profile"
for name in action-items portfolio; do
  # Read as CSV: comma (44), double quotes (34), UTF-8 (76), from line 1.
  soffice -env:UserInstallation="file://$profile" --headless --infilter="CSV:44,34,76,1" \
    --convert-to xlsx --outdir "$out/xlsx" "$out/$name.csv" >/dev/null 2>&1
  [ -s "$out/xlsx/$name.xlsx" ] || { echo "LibreOffice did not open $name.csv" >&2; exit 1; }
  # Back to CSV: UTF-8 (76), comma (44) and double quotes (34) around text.
  soffice -env:UserInstallation="file://$profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$out/back" "$out/xlsx/$name.xlsx" >/dev/null 2>&1
  python3 - "$out/$name.csv" "$out/back/$name.csv" <<'PY'
import csv, sys
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [[c for c in r] for r in csv.reader(f, strict=True)]
ours, calc = rows(sys.argv[1]), rows(sys.argv[2])
# Calc drops trailing empty cells and reads numbers as numbers: compare cell by cell as text.
assert len(ours) == len(calc), (len(ours), len(calc))
for a, b in zip(ours, calc):
    b = b + [""] * (len(a) - len(b))
    assert a == b, (a, b)
print(f"{sys.argv[1].rsplit('/', 1)[-1]}: {len(ours)} rows, {len(ours[0])} columns read back from LibreOffice Calc")
PY
done
