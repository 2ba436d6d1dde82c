#!/usr/bin/env python3.11
"""Time ast.parse over every .py file of a standard library tree, in one process, for comparison
with `go test ./syntax -bench ParseStdlib`. Usage:

    /usr/bin/python3.11 syntax/testdata/time_ast_parse.py [STDLIB_DIR] [ROUNDS]

STDLIB_DIR defaults to this interpreter's stdlib; use the oracle's (pyenv 3.11.7, with Lib/test)
to parse the same files as the Go benchmark. Files CPython rejects are skipped (as in Go)."""
import ast
import os
import sys
import sysconfig
import time

root = sys.argv[1] if len(sys.argv) > 1 else sysconfig.get_paths()["stdlib"]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
files = []
for d, dirs, names in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
    for n in sorted(names):
        if n.endswith(".py"):
            p = os.path.join(d, n)
            with open(p, "rb") as f:
                files.append((p, f.read()))
ok = []
for p, src in files:
    try:
        ast.parse(src, p, "exec", type_comments=True)
        ok.append((p, src))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
total = sum(len(s) for _, s in ok)
best = None
for _ in range(rounds):
    t0 = time.perf_counter()
    for p, src in ok:
        ast.parse(src, p, "exec", type_comments=True)
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
print(f"{sys.executable} {sys.version.split()[0]}: {len(ok)} files, {total/1e6:.1f} MB in {best:.2f} s: "
      f"{len(ok)/best:.0f} files/s, {total/1e6/best:.2f} MB/s")
