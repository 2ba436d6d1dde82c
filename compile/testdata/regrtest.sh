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
TESTS=${*:-test_grammar test_exceptions test_scope test_generators test_coroutines test_patma test_with
  test_contextlib test_dataclasses test_functools test_itertools test_collections test_re test_json
  test_string test_fstring test_unpack test_unpack_ex test_class test_descr test_keywordonlyarg
  test_named_expressions test_listcomps test_setcomps test_dictcomps test_genexps test_exception_group
  test_except_star test_asyncgen test_types test_typing test_enum test_traceback test_sys_settrace
  test_inspect test_dis test_opcodes test_augassign test_positional_only_arg test_raise test_super
  test_decorators test_global test_binop test_compare test_bool test_int test_float test_complex
  test_list test_tuple test_dict test_set test_unicode test_bytes test_format test_operator
  test_abc test_copy test_pickle test_argparse test_textwrap test_statistics test_fractions
  test_decimal test_datetime test_heapq test_bisect test_random test_math test_struct test_io
  test_os test_pathlib test_tempfile test_shutil test_glob test_csv test_configparser test_logging
  test_unittest test_doctest test_difflib test_pprint test_reprlib test_weakref test_gc
  test_threading test_queue test_asyncio.test_tasks test_asyncio.test_futures}
PY=$(python3 -c 'import sys; print(sys.executable)')
echo "== baseline (CPython's own bytecode)"
env -u PYTHONPYCACHEPREFIX PYTHONDONTWRITEBYTECODE=1 "$PY" -m test -j2 $TESTS 2>&1 | tail -15
echo "== gopyc's bytecode"
PYTHONPYCACHEPREFIX=$TREE PYTHONDONTWRITEBYTECODE=1 "$PY" -m test -j2 $TESTS 2>&1 | tail -15
