#!/bin/sh
# bench.sh runs briefbot's performance benchmarks (docs/PERFORMANCE.md)
# and prints one table: name, ns/op, MB/s, p50, p99, B/op, plus the other
# metrics a benchmark reports (articles/s, B/article).
#
# Usage: scripts/bench.sh [-short] [extra go test flags...]
#   -short   skip the 100,000-article corpus (its analysis takes minutes)
# Environment: BENCH (regexp of benchmarks, default all), BENCHTIME
# (default 1s), COUNT (default 1), OUT (raw output file, default a temp
# file, kept and named at the end).
set -eu
cd "$(dirname "$0")/.."

big=1
if [ "${1:-}" = "-short" ]; then
	big=0
	shift
fi
bench=${BENCH:-.}
out=${OUT:-$(mktemp -t briefbot-bench.XXXXXX)}
# Analyses of the generated corpora are kept between runs (see
# cachedAnalyses in bot/perf_corpus_bench_test.go); delete the folder to
# analyse again.
export BRIEFBOT_BENCH_CACHE=${BRIEFBOT_BENCH_CACHE:-${TMPDIR:-/tmp}/briefbot-bench-cache}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(go version | cut -d' ' -f3-)" >&2
BRIEFBOT_BENCH_100K=$big go test -run XXX -bench "$bench" -benchmem \
	-benchtime "${BENCHTIME:-1s}" -count "${COUNT:-1}" -timeout 2h "$@" \
	./bot ./summarize ./internal/corpusgen >"$out" 2>&1 || {
	cat "$out" >&2
	exit 1
}

awk '
function metric(unit,    i) {
	for (i = 3; i < NF; i += 2) if ($(i + 1) == unit) return $i
	return "-"
}
function extra(    i, s) {
	s = ""
	for (i = 3; i < NF; i += 2) {
		u = $(i + 1)
		if (u != "ns/op" && u != "MB/s" && u != "p50-ns" && u != "p99-ns" && u != "B/op" && u != "allocs/op")
			s = s (s == "" ? "" : " ") $i " " u
	}
	return s
}
BEGIN {
	printf "%-58s %14s %9s %12s %12s %14s  %s\n", "name", "ns/op", "MB/s", "p50 ns", "p99 ns", "B/op", "other"
}
/^Benchmark/ {
	name = $1
	sub(/-[0-9]+$/, "", name)
	printf "%-58s %14s %9s %12s %12s %14s  %s\n", name, metric("ns/op"), metric("MB/s"), metric("p50-ns"), metric("p99-ns"), metric("B/op"), extra()
}
' "$out"
echo "raw output: $out" >&2
