#!/bin/sh
# Times compileall on a whole standard library: CPython (/usr/bin/python3.11, the speed reference)
# with -j1 and -j0, and gopyc's Go-native compileall (BenchmarkCompileallStdlibJ1/J0) on the same
# tree, every run with -f -q into a fresh temporary cache prefix so the tree is only read.
#
# usage: tools/compileall/bench.sh [TREE]     (default: the oracle's stdlib, Lib/test included;
# third-party packages under site-packages are skipped with -x /site-packages/ on both sides)
# Prints files/s for each run, the number of files each compiler rejected, and the files that
# only gopyc's compiler rejected (compiler gaps rather than real syntax errors).
set -eu
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3.11
TREE=${1:-$(python3 -S -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FILES=$(find "$TREE" \( -name __pycache__ -o -name site-packages \) -prune -o -type f -name '*.py' -print | wc -l)
echo "tree: $TREE ($FILES .py files, approx.)"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for j in 1 0; do
	rm -rf "$TMP/pfx"
	PYTHONPYCACHEPREFIX="$TMP/pfx" /usr/bin/time -f "%e %U %S" -o "$TMP/time" \
		$PY -m compileall -f -q -j$j -x /site-packages/ "$TREE" >"$TMP/cpython-j$j.out" 2>/dev/null || true
	# the last line: /usr/bin/time first notes a non-zero exit status (compile errors) on its own line
	set -- $(tail -n 1 "$TMP/time")
	wall=$1 user=$2 sys=$3
	awk -v w="$wall" -v u="$user" -v s="$sys" -v n="$FILES" -v j="$j" 'BEGIN {
		printf "cpython -j%s: wall %.2fs (%.0f files/s), cpu %.2fs (%.0f files/cpu-s)\n", j, w, n / w, u + s, n / (u + s) }'
done
grep '^\*\*\* Error compiling' "$TMP/cpython-j1.out" | sort >"$TMP/cpython.failed" || true
echo "cpython rejected: $(wc -l <"$TMP/cpython.failed") files"

GOPYC_BENCH_TREE="$TREE" GOPYC_BENCH_FAILED="$TMP/gopyc.failed" \
	go test -run '^$' -bench 'CompileallStdlib' -benchtime 1x ./tools/compileall/ | grep Benchmark
sort -o "$TMP/gopyc.failed" "$TMP/gopyc.failed"
echo "files only gopyc's compiler rejected:"
comm -13 "$TMP/cpython.failed" "$TMP/gopyc.failed" | sed "s/^\*\*\* Error compiling /  /; s/\.\.\.\$//"
