#!/bin/sh
# Runs CPython's own tests on bytecode compiled by gopyc: compiles the oracle's whole standard
# library (Lib/test included) with gopyc's compileall under CPython's cache tag into a private
# prefix, then runs `python3 -m test ARGS` with that prefix and bytecode writing disabled, so that
# every standard-library module CPython imports from source is loaded from gopyc's .pyc files
# (timestamp caches: valid as long as the sources are unchanged).
#
# usage: tools/compileall/cpython_on_gopyc.sh [python -m test arguments, e.g. test_json -v]
# The prefix is kept in $GOPYC_PREFIX (default: a temporary directory, removed afterwards).
set -eu
cd "$(dirname "$0")/../.."
PY=${PY:-$(python3 -S -c 'import sys; print(sys.executable)')}
LIB=$($PY -S -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PREFIX=${GOPYC_PREFIX:-$TMP/prefix}
go build -o "$TMP/compileall" ./tools/compileall/cmd/compileall
echo "compiling $LIB with gopyc into $PREFIX ..."
"$TMP/compileall" -q -j0 -x '/site-packages/' --cache-tag "$($PY -S -c 'import sys; print(sys.implementation.cache_tag)')" \
	--prefix "$PREFIX" "$LIB" >"$TMP/compile.out" || echo "($(grep -c '^\*\*\* Error' "$TMP/compile.out") files not compiled: see the list above the test run)"
grep '^\*\*\* Error compiling' "$TMP/compile.out" | head -50 || true
PYTHONPYCACHEPREFIX="$PREFIX" PYTHONDONTWRITEBYTECODE=1 "$PY" -m test "$@"
