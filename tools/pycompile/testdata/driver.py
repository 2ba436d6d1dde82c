# Differential-test driver for gopyc's py_compile and compileall (run by the Go tests with the
# oracle CPython 3.11). It reads one JSON request on stdin and writes one JSON answer on stdout.
#
# Request: {"mode": "run" | "inspect", "scenarios": [{"dir": DIR, "steps": [STEP...],
#           "inspect": [DIR...]}]}
# STEP is one of
#   {"cli": "compileall" | "py_compile", "args": [...], "env": {...}, "stdin": "..."}
#   {"api": {"file":..., "cfile":..., "dfile":..., "doraise":..., "optimize":...,
#            "mode": null | "TIMESTAMP" | ..., "quiet":...}, "env": {...}}
#   {"touch": RELPATH, "mtime": SECONDS}
# In "run" mode each scenario's steps run in DIR (CLI steps in-process as the module's main(), or
# as `python -S -m NAME` with GOPYC_DRIVER_SUBPROCESS=1; API steps in-process); in both modes every directory of "inspect" is then listed: one line per file with
# its path, and for cache files the 16-byte header, co_filename, mode and hard-link group.
import json
import marshal
import os
import subprocess
import sys
import io
import contextlib


def listing(top):
    out = []
    inodes = {}
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]):
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, top)
            if os.path.islink(p):
                out.append(rel + " -> " + os.readlink(p))
                continue
            st = os.lstat(p)
            line = rel
            if name.endswith(".pyc"):
                with open(p, "rb") as f:
                    data = f.read()
                try:
                    fn = marshal.loads(data[16:]).co_filename
                except Exception as e:
                    fn = "ERR " + type(e).__name__
                line += " %s %r mode=%o" % (data[:16].hex(), fn, st.st_mode & 0o777)
                if st.st_nlink > 1:
                    key = (st.st_dev, st.st_ino)
                    line += " link=" + inodes.setdefault(key, rel)
            out.append(line)
    return out


def run_api(d, api, env):
    import py_compile
    old = os.getcwd()
    saved = dict(os.environ)
    os.chdir(d)
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    os.environ.update(env)
    err = io.StringIO()
    res = {}
    try:
        mode = api.get("mode")
        if mode is not None:
            mode = py_compile.PycInvalidationMode[mode]
        with contextlib.redirect_stderr(err):
            try:
                r = py_compile.compile(api["file"], api.get("cfile"), api.get("dfile"),
                                       api.get("doraise", False), api.get("optimize", -1),
                                       mode, api.get("quiet", 0))
                res["result"] = r
            except py_compile.PyCompileError as e:
                res["exc"] = "PyCompileError"
                res["exc_type_name"] = e.exc_type_name
                res["file"] = e.file
                res["msg"] = e.msg
            except OSError as e:
                res["exc"] = type(e).__name__
                res["msg"] = str(e)
    finally:
        os.chdir(old)
        os.environ.clear()
        os.environ.update(saved)
    res["stderr"] = err.getvalue()
    return res


def run_cli_inproc(d, step):
    """Runs `python -m NAME ARGS` inside this interpreter: cwd, argv, stdin, stdout, stderr,
    the environment and sys.pycache_prefix (which CPython reads from PYTHONPYCACHEPREFIX at start)
    are set for the call and restored after; the exit status is what the module's __main__ block
    would make of its result."""
    import importlib, traceback
    mod = importlib.import_module(step["cli"])
    old = (os.getcwd(), sys.argv, sys.stdin, sys.pycache_prefix, dict(os.environ))
    out, err = io.StringIO(), io.StringIO()
    env = step.get("env", {})
    os.chdir(d)
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    os.environ.pop("PYTHONPYCACHEPREFIX", None)
    os.environ.update(env)
    sys.pycache_prefix = env.get("PYTHONPYCACHEPREFIX") or None
    sys.argv = [mod.__file__] + step.get("args", [])
    sys.stdin = io.StringIO(step.get("stdin", ""), newline="\n")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                r = mod.main()
                rc = int(not r) if step["cli"] == "compileall" else 0
            except SystemExit as e:
                rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            except Exception:
                traceback.print_exc()
                rc = 1
    finally:
        os.chdir(old[0])
        sys.argv, sys.stdin, sys.pycache_prefix = old[1], old[2], old[3]
        os.environ.clear()
        os.environ.update(old[4])
    return {"stdout": out.getvalue(), "stderr": err.getvalue(), "rc": rc}


def run_cli(d, step):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    env.update(step.get("env", {}))
    p = subprocess.run([sys.executable, "-S", "-m", step["cli"]] + step.get("args", []), cwd=d, env=env,
                       input=step.get("stdin", "").encode(), capture_output=True)
    return {"stdout": p.stdout.decode("utf-8", "surrogateescape"),
            "stderr": p.stderr.decode("utf-8", "surrogateescape"), "rc": p.returncode}


def scenario(sc, mode):
    res = {"steps": []}
    if mode == "run":
        for step in sc["steps"] or []:
            if "touch" in step:
                os.utime(os.path.join(sc["dir"], step["touch"]), (step["mtime"], step["mtime"]))
                res["steps"].append({})
            elif "api" in step:
                res["steps"].append(run_api(sc["dir"], step["api"], step.get("env", {})))
            elif IN_PROCESS:
                res["steps"].append(run_cli_inproc(sc["dir"], step))
            else:
                res["steps"].append(run_cli(sc["dir"], step))
    res["listing"] = [listing(d) for d in sc.get("inspect", [])]
    return res


# CLI steps run inside the driver (one interpreter start per batch) unless GOPYC_DRIVER_SUBPROCESS
# is set, which runs each as its own `python -S -m NAME` process, the most faithful way.
IN_PROCESS = not os.environ.get("GOPYC_DRIVER_SUBPROCESS")


def main():
    req = json.load(sys.stdin)
    if IN_PROCESS:
        json.dump([scenario(sc, req["mode"]) for sc in req["scenarios"]], sys.stdout)
        return
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(2) as ex:
        # API steps change the working directory: run scenarios that have them one at a time.
        has_api = [any("api" in s for s in sc["steps"] or []) for sc in req["scenarios"]]
        futs = [None if a else ex.submit(scenario, sc, req["mode"])
                for sc, a in zip(req["scenarios"], has_api)]
        out = []
        for sc, f in zip(req["scenarios"], futs):
            out.append(f.result() if f else None)
    for i, sc in enumerate(req["scenarios"]):
        if out[i] is None:
            out[i] = scenario(sc, req["mode"])
    json.dump(out, sys.stdout)


main()
