#!/usr/bin/env python3.11
"""Oracle for the AST identity test: for each file path read from stdin (one per line), print
    path<TAB>sha256(ast.dump(ast.parse(src, path, 'exec', type_comments=True), include_attributes=True, indent=3))
which is the hash of what `python3 -m ast -a FILE` prints (without its final newline), or
    path<TAB>ERROR<TAB>class<TAB>repr(msg)<TAB>lineno<TAB>offset<TAB>end_lineno<TAB>end_offset
when CPython rejects the file. With --dump, print the full dump for each file instead."""
import ast
import hashlib
import sys

full = "--dump" in sys.argv
sys.setrecursionlimit(10000)
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    with open(path, "rb") as f:
        src = f.read()
    try:
        tree = ast.parse(src, path, "exec", type_comments=True)
        d = ast.dump(tree, include_attributes=True, indent=3)
    except SyntaxError as e:
        print(f"{path}\tERROR\t{type(e).__name__}\t{e.msg!r}\t{e.lineno}\t{e.offset}\t{e.end_lineno}\t{e.end_offset}", flush=full)
        continue
    except Exception as e:
        print(f"{path}\tEXC\t{type(e).__name__}", flush=full)
        continue
    if full:
        print(d)
        print("\x00", flush=True)
    else:
        print(f"{path}\t{hashlib.sha256(d.encode('utf-8', 'surrogatepass')).hexdigest()}")
