#!/bin/sh
# Run CPython's regression tests on the standard library as compiled by gopyc.
#
#   compile/testdata/regrtest.sh [test names...]
#
# 1. writes gopyc's .pyc for every stdlib file into $TREE (PYTHONPYCACHEPREFIX layout,
#    cpython-311 tag, unchecked hash headers: CPython uses them as they are);
# 2. runs `python3 -m test` twice on the same tests: once with CPython compiling (baseline)
#    and once importing gopyc's bytecode; prints both summaries.
set -e
cd "$(dirname "$0")/.."
TREE=${TREE:-/tmp/gopyc-pyc-tree}
rm -rf "$TREE"
GOPYC_PYC_TREE=$TREE go test -run TestWriteStdlibTree -count=1 -v . | grep -E 'written|FAIL'
# Default: the 153 test modules of testdata/regrtest_tests.txt (the session report's figures).
TESTS=${*:-$(cat testdata/regrtest_tests.txt)}
PY=$(python3 -c 'import sys; print(sys.executable)')
echo "== baseline (CPython's own bytecode)"
env -u PYTHONPYCACHEPREFIX PYTHONDONTWRITEBYTECODE=1 "$PY" -m test -j1 $TESTS 2>&1 | tail -15
echo "== gopyc's bytecode"
PYTHONPYCACHEPREFIX=$TREE PYTHONDONTWRITEBYTECODE=1 "$PY" -m test -j1 $TESTS 2>&1 | tail -15
