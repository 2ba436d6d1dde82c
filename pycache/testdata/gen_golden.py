"""Generate pycache/testdata/golden.json from CPython 3.11's importlib, with gopyc's cache tag.

    python3 -S pycache/testdata/gen_golden.py > pycache/testdata/golden.json

sys.implementation.cache_tag is set to 'gopyc-311' and sys.pycache_prefix to each prefix under
test; the working directory is '/' (the Go test changes to '/' too), so that relative paths under
a prefix resolve the same way.
"""
import importlib.util
import json
import os
import sys

sys.implementation.cache_tag = "gopyc-311"
os.chdir("/")

PATHS = ["foo.py", "/a/b/foo.py", "foo", "foo.bar.py", "/a/b/.hidden", "a/b/c.py", "/foo.py",
         "dir/", "", ".py", "x.", "/a//b/c.py", "/a/b/c.PY", "\xe9/\xfc.py", "a.b/c", "/", "..py",
         "/a/b/foo.pyw", "./foo.py", "../x/y.py", "foo..py"]
OPTS = [None, "", 0, 1, 2, "a1", "-1", "x y", "\u0661", "\u2167", "\xbd", "_", "opt"]
PREFIXES = [None, "/p", "/p/", "rel", "/", "/p//q"]

CACHES = ["/a/__pycache__/foo.gopyc-311.pyc", "/a/__pycache__/foo.cpython-311.pyc",
          "__pycache__/foo.gopyc-311.pyc", "/a/foo.gopyc-311.pyc", "/a/__pycache__/foo.pyc",
          "/a/__pycache__/foo.gopyc-311.opt-1.pyc", "/a/__pycache__/foo.gopyc-311.opt-.pyc",
          "/a/__pycache__/foo.gopyc-311.xopt-1.pyc", "/a/__pycache__/foo.gopyc-311.opt-a_b.pyc",
          "/a/__pycache__/foo.a.b.c.d.pyc", "/a/__pycache__/foo.bar.gopyc-311.pyc",
          "/p/a/b/foo.gopyc-311.pyc", "/p/foo.gopyc-311.pyc", "/px/a/foo.gopyc-311.pyc",
          "/p/__pycache__/foo.gopyc-311.pyc", "foo.gopyc-311.pyc", "/a/__pycache__/.x.y.pyc",
          "/a/__pycache__/foo.gopyc-311.opt-\u0661.pyc", "/a/__pycache__//foo.gopyc-311.pyc",
          "/a/__pycache__/foo.gopyc-311.opt-1.x.pyc"]

SOURCES = [b"", b"abc", b"x = 1\n", b"x = 1\r\n", bytes(range(256)), b"V = 1\n", b"a" * 7,
           b"a" * 8, b"a" * 9, b"# coding: latin-1\n\xe9 = 1\n" * 40]


def result(f, *args):
    try:
        return {"result": f(*args)}
    except Exception as e:
        return {"class": type(e).__name__, "msg": str(e)}


HEADERS = ["", "a70d", "a70d0d0a", "a70d0d0b" + "00" * 12, "a70d0d0a00000000", "a70d0d0a" + "00" * 11,
           "a70d0d0a" + "00" * 12, "a70d0d0a03000000db0ebeb2ef939c45", "a70d0d0a01000000" + "11" * 8,
           "a70d0d0a02000000" + "00e10b5e06000000", "a70d0d0a04000000" + "00" * 8,
           "a70d0d0affffffff" + "00" * 8, "a70d0d0a00000080" + "00" * 8, "420d0d0a" + "00" * 12,
           "a70d0d0a00000000" + "00e10b5e06000000" + "e3"]


def main():
    out = {"cache_from_source": [], "source_from_cache": [], "source_hash": [], "headers": []}
    from importlib import _bootstrap_external as be
    for h in HEADERS:
        try:
            flags = be._classify_pyc(bytes.fromhex(h), "mod.name", {})
            out["headers"].append({"data": h, "flags": flags})
        except Exception as e:
            out["headers"].append({"data": h, "class": type(e).__name__, "msg": str(e)})
    for prefix in PREFIXES:
        sys.pycache_prefix = prefix
        for p in PATHS:
            for o in OPTS:
                r = result(lambda: importlib.util.cache_from_source(p, optimization=o))
                r.update(path=p, opt="" if o is None else str(o), prefix=prefix or "")
                out["cache_from_source"].append(r)
        for c in CACHES:
            r = result(importlib.util.source_from_cache, c)
            r.update(path=c, prefix=prefix or "")
            out["source_from_cache"].append(r)
    sys.pycache_prefix = None
    for s in SOURCES:
        out["source_hash"].append({"source": s.hex(), "hash": importlib.util.source_hash(s).hex()})
    json.dump(out, sys.stdout, indent=0, sort_keys=True, ensure_ascii=False)
    print()


main()
