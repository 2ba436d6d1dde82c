"""Regenerate vm/testdata/corpus_expected.json from CPython 3.11.

Run from the repository root:  python3 vm/testdata/gen_expected.py

Each corpus program is byte-compiled (py_compile, dfile NAME.py) and the .pyc runs as
`python3 -S NAME.pyc` with PYTHONHASHSEED=0 in the corpus directory -- the same .pyc gopyc runs, which
matters because marshal stores frozenset constants in a sorted order that differs from the order a
from-source run sees --
stdin from NAME.stdin when present (else empty). Recorded: stdout, exit status, and the last line of
stderr (what the Go test compares for uncaught exceptions).
"""
import json
import os
import py_compile
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "corpus")
out = {}
tmp = tempfile.mkdtemp()
env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
for name in sorted(os.listdir(corpus)):
    if not name.endswith(".py"):
        continue
    stdin_path = os.path.join(corpus, name[:-3] + ".stdin")
    stdin = open(stdin_path, "rb").read() if os.path.exists(stdin_path) else b""
    pyc = os.path.join(tmp, name + "c")
    py_compile.compile(os.path.join(corpus, name), cfile=pyc, dfile=name, doraise=True)
    p = subprocess.run([sys.executable, "-S", pyc], cwd=corpus, input=stdin,
                       capture_output=True, env=env, timeout=60)
    err = p.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
    out[name] = {"stdout": p.stdout.decode("utf-8", "surrogateescape"), "exit": p.returncode,
                 "stderr_last": err[-1] if err and err[-1] else ""}
with open(os.path.join(here, "corpus_expected.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True, ensure_ascii=False)
    f.write("\n")
print(len(out), "programs")
