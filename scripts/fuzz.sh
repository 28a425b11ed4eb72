#!/usr/bin/env bash
# Runs every Go fuzz target of the module, one at a time, for a while each.
#
#   scripts/fuzz.sh            # 60 s per target
#   FUZZTIME=3s scripts/fuzz.sh  # what CI runs
#   scripts/fuzz.sh ./corpus   # only one package's targets
#
# A crash stops the script with go test's report; the failing input is kept
# under the package's testdata/fuzz/<Target>/, where it becomes a seed that
# the ordinary `go test` runs from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-60s}"
pkgs=("$@")
if [ ${#pkgs[@]} -eq 0 ]; then
  mapfile -t pkgs < <(go list ./...)
fi
count=0
for pkg in "${pkgs[@]}"; do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  targets=$(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u || true)
  for t in $targets; do
    echo "== fuzz $pkg $t ($fuzztime)"
    go test "$pkg" -run '^$' -fuzz "^${t}\$" -fuzztime "$fuzztime"
    count=$((count + 1))
  done
done
echo "== $count fuzz targets ran for $fuzztime each"
