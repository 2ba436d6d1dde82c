#!/bin/bash
# Runs CPython 3.11's own regression tests on bytecode compiled by gopyc, and compares them with a
# run on CPython's own bytecode.
#
#   scripts/cpython_regrtest.sh [--quick] [-j N] [--timeout SEC] [--keep DIR] [TEST ...]
#
#   --quick        the representative subset (QUICK_TESTS below; what CI runs)
#   -j N           regrtest worker processes (default 2)
#   --timeout SEC  regrtest's per-test-module timeout (default: none)
#   --keep DIR     write gopyc's tree into DIR (must not exist) and keep it, to rerun tests on it
#   TEST ...       test modules (default: regrtest's default selection, i.e. the whole suite)
#
# 1. gopyc's compileall (tools/compileall/cmd/compileall) compiles the oracle's whole standard
#    library, Lib/test included and site-packages excluded, under CPython's cache tag (cpython-311)
#    into a temporary PYTHONPYCACHEPREFIX tree. Timestamp headers are right: the sources do not change.
# 2. `python3 -m test` runs twice on the same selection, each side with its own prefix and with
#    PYTHONDONTWRITEBYTECODE unset:
#      baseline: an empty prefix, which CPython fills with its own bytecode;
#      gopyc:    gopyc's tree. CPython trusts the valid caches and never rewrites them; it writes
#                only caches for sources gopyc did not compile (site-packages, files tests create).
#    Both sides use a prefix, so tests sensitive to the prefix itself (test_inspect's
#    `python -m inspect --details`, which runs with -I and so sees no prefix) behave alike.
#    After the run, any standard-library .pyc in the tree newer than gopyc's compilation was written
#    by CPython, i.e. that module did not run on gopyc's bytecode: the script lists them and fails.
# 3. Prints per side: test modules and tests run, passed and failed; then the test modules that
#    pass on the baseline and fail on gopyc's bytecode (regressions), less the modules named in
#    scripts/cpython_regrtest_exclude.txt. Dotted entries of that file (full test ids) are ignored
#    (regrtest -i) on both sides. Exits 1 if a regression remains.
#
# GOPYC_ORACLE overrides the interpreter (default: python3 resolved to its real binary).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# Representative subset: fast modules that exercise the grammar and the compiler broadly.
QUICK_TESTS=(test_grammar test_exceptions test_scope test_patma test_with test_contextlib
	test_dataclasses test_json test_string_literals test_fstring test_unpack test_unpack_ex test_listcomps
	test_genexps test_class test_generators test_coroutines test_asyncgen test_syntax test_compile
	test_keywordonlyarg test_positional_only_arg test_named_expressions test_except_star test_super
	test_raise test_dis test_peepholer)

JOBS=2
TIMEOUT=()
TESTS=()
KEEP=
while [ $# -gt 0 ]; do
	case $1 in
	--quick) TESTS+=("${QUICK_TESTS[@]}") ;;
	-j) JOBS=$2; shift ;;
	-j*) JOBS=${1#-j} ;;
	--timeout) TIMEOUT=(--timeout "$2"); shift ;;
	--keep) KEEP=$2; shift ;;
	-h | --help) sed -n '2,30p' "$0"; exit 0 ;;
	-*) echo "unknown option $1" >&2; exit 2 ;;
	*) TESTS+=("$1") ;;
	esac
	shift
done
[ "$JOBS" -ge 1 ] 2>/dev/null || { echo "-j needs a positive number (regrtest's summary format)" >&2; exit 2; }

PY=${GOPYC_ORACLE:-python3}
PY=$("$PY" -S -c 'import sys; print(sys.executable)')
LIB=$("$PY" -S -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
TAG=$("$PY" -S -c 'import sys; print(sys.implementation.cache_tag)')
[ "$TAG" = cpython-311 ] || { echo "$PY is not CPython 3.11 ($TAG)" >&2; exit 2; }
[ -d "$LIB/test/libregrtest" ] || { echo "$LIB has no Lib/test" >&2; exit 2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

IGNORE=()
EXCLUDED_MODULES=" "
while read -r entry _; do
	case $entry in
	'' | '#'*) ;;
	*.*) IGNORE+=(-i "$entry") ;;
	*) EXCLUDED_MODULES+="$entry " ;;
	esac
done <"$ROOT/scripts/cpython_regrtest_exclude.txt"

go build -o "$TMP/compileall" ./tools/compileall/cmd/compileall
TREE=$TMP/gopyc
if [ -n "$KEEP" ]; then
	[ ! -e "$KEEP" ] || { echo "--keep $KEEP: already exists" >&2; exit 2; }
	mkdir -p "$KEEP"
	TREE=$(cd "$KEEP" && pwd)
fi
start=$(date +%s)
# The only sources gopyc (like CPython's compileall) rejects are deliberately invalid test data
# (test/badsyntax_*, test/tokenizedata/bad_coding*, lib2to3/tests/data's Python 2 files), so the
# exit status is not checked; the list is printed.
"$TMP/compileall" -q -j0 -x '/site-packages/' --cache-tag "$TAG" --prefix "$TREE" "$LIB" >"$TMP/compile.out" 2>&1 || true
touch "$TMP/compiled"
echo "gopyc compiled $(find "$TREE" -name '*.pyc' | wc -l) files of $LIB in $(($(date +%s) - start)) s;" \
	"not compiled: $(sed -n "s|^\*\*\* Error compiling '$LIB/\(.*\)'.*|\1|p" "$TMP/compile.out" | tr '\n' ' ')"

# run NAME PREFIX: python3 -m test on the selection; output in $TMP/NAME.out.
run() {
	echo "== $1: python3 -m test -j$JOBS ${TIMEOUT[*]} ${IGNORE[*]} ${TESTS[*]:-(whole suite)}"
	env -u PYTHONDONTWRITEBYTECODE -u PYTHONPYCACHEPREFIX PYTHONPYCACHEPREFIX="$2" \
		"$PY" -m test -j"$JOBS" "${TIMEOUT[@]}" "${IGNORE[@]}" "${TESTS[@]}" >"$TMP/$1.out" 2>&1 || true
}

# summary NAME: the failing test modules, one a line, from regrtest's final summary.
failed_modules() {
	awk '/^[0-9]+ tests? (failed|crashed|interrupted|timed out)/ || /^[0-9]+ tests? failed again/ { on = 1; next }
		/^$/ { next }
		/^    / { if (on) for (i = 1; i <= NF; i++) print $i; next }
		{ on = 0 }' "$TMP/$1.out" | sed 's/\..*//' | sort -u
}

report() {
	local total files
	total=$(grep -E '^Total tests: run=' "$TMP/$1.out" | tail -1 | tr -d ,)
	files=$(grep -E '^Total test files: run=' "$TMP/$1.out" | tail -1)
	local run fail skip
	run=$(sed -n 's/.*run=\([0-9]*\).*/\1/p' <<<"$total")
	fail=$(sed -n 's/.*failures=\([0-9]*\).*/\1/p' <<<"$total")
	skip=$(sed -n 's/.*skipped=\([0-9]*\).*/\1/p' <<<"$total")
	printf '%-9s %s | tests: run=%s passed=%s failed=%s skipped=%s | failed modules: %s\n' "$1:" \
		"${files:-no summary (see the log)}" "${run:-?}" "$((${run:-0} - ${fail:-0} - ${skip:-0}))" "${fail:-0}" "${skip:-0}" \
		"$(failed_modules "$1" | tr '\n' ' ')"
	grep -qE '^Total test files: run=' "$TMP/$1.out"
}

run baseline "$TMP/cpython"
run gopyc "$TREE"
echo
ok=0
report baseline || { tail -30 "$TMP/baseline.out"; ok=1; }
report gopyc || { tail -30 "$TMP/gopyc.out"; ok=1; }

# gopyc writes no .opt-1/.opt-2 files: the few tests that run children with -O or -OO use CPython's.
rewritten=$(find "$TREE$LIB" -name '*.pyc' -newer "$TMP/compiled" -not -path '*/site-packages/*' -not -name '*.opt-*' | sed "s|^$TREE||")
if [ -n "$rewritten" ]; then
	echo "CPython compiled these standard-library modules itself (no valid gopyc cache):"
	echo "$rewritten"
	ok=1
fi

regressions=$(comm -13 <(failed_modules baseline) <(failed_modules gopyc))
excluded="" left=""
for m in $regressions; do
	case $EXCLUDED_MODULES in
	*" $m "*) excluded+="$m " ;;
	*) left+="$m " ;;
	esac
done
echo "excluded (scripts/cpython_regrtest_exclude.txt): ignored test ids: ${IGNORE[*]:-none}; modules failing only on gopyc but excluded: ${excluded:-none}"
if [ -n "$left" ]; then
	echo "REGRESSIONS (pass on CPython's bytecode, fail on gopyc's): $left"
	for m in $left; do
		echo "--- $m (gopyc side)"
		grep -A12 -E "^test $m(\.[^ ]*)? failed|^$m(\.[^ ]*)? failed|FAIL: .*\($m\.|ERROR: .*\($m\." "$TMP/gopyc.out" | head -40 || true
	done
	echo "rerun one on gopyc's bytecode (keep the tree with --keep DIR):" \
		"PYTHONPYCACHEPREFIX=${KEEP:-DIR} $PY -m test -v ${IGNORE[*]} TEST"
	ok=1
else
	echo "no regressions"
fi
exit $ok
