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
#
# Go 1.26's fuzzing coordinator can fail a target with a bare "context
# deadline exceeded" as -fuzztime runs out, with no failing input
# (golang/go#75804, fixed in Go 1.27). Such a run, and only such a run (no
# new file under testdata/fuzz/<Target>/), is run again once.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-60s}"
pkgs=("$@")
if [ ${#pkgs[@]} -eq 0 ]; then
  mapfile -t pkgs < <(go list ./...)
fi
# fuzz_once runs target $3 of package $1 (in folder $2). It fails when
# go test fails, except, unless $4 is set, for the coordinator's deadline
# race (above): then it says so and returns 1 so the caller runs it again.
fuzz_once() {
  local pkg=$1 dir=$2 t=$3 final=${4:-} out before after
  before=$({ ls "$dir/testdata/fuzz/$t" 2>/dev/null || true; } | wc -l)
  out=$(mktemp)
  if go test "$pkg" -run '^$' -fuzz "^${t}\$" -fuzztime "$fuzztime" 2>&1 | tee "$out"; then
    rm -f "$out"
    return 0
  fi
  after=$({ ls "$dir/testdata/fuzz/$t" 2>/dev/null || true; } | wc -l)
  if [ -z "$final" ] && [ "$after" -eq "$before" ] && grep -q '^    context deadline exceeded$' "$out"; then
    echo "== $t: the fuzzing coordinator's deadline race (golang/go#75804), no failing input: once more"
    rm -f "$out"
    return 1
  fi
  rm -f "$out"
  exit 1
}

count=0
for pkg in "${pkgs[@]}"; do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  targets=$(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u || true)
  for t in $targets; do
    echo "== fuzz $pkg $t ($fuzztime)"
    fuzz_once "$pkg" "$dir" "$t" || fuzz_once "$pkg" "$dir" "$t" final
    count=$((count + 1))
  done
done
echo "== $count fuzz targets ran for $fuzztime each"
