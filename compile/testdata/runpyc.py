"""Run pairs of (source, pyc) in this one process and report differing output.

stdin: lines "SOURCE<TAB>PYC"; stdout: one JSON object per pair with the verdict.
Each program runs in a fresh __main__ namespace with stdout/stderr captured and stdin read
from NAME.stdin next to the source (empty when absent); an uncaught exception or SystemExit is
reported in the captured text, so the two runs compare equal only when they behave alike; the
program's atexit callbacks run after it, and object addresses are masked.
CPython's own code object goes through a marshal round trip too, so that both sides run what a
.pyc holds (3.11's marshal sorts frozenset members, which changes some set display orders).
"""
import atexit, contextlib, io, json, marshal, re, sys

def run(code, path):
    out = io.StringIO()
    stdin_path = path[:-3] + '.stdin'
    try:
        with open(stdin_path) as f:
            sys.stdin = io.StringIO(f.read())
    except OSError:
        sys.stdin = io.StringIO('')
    g = {'__name__': '__main__', '__file__': path, '__builtins__': __builtins__}
    limit = sys.getrecursionlimit()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            exec(code, g)
    except SystemExit as e:
        out.write('SystemExit(%r)\n' % (e.code,))
    except BaseException as e:
        out.write('EXC %s: %s\n' % (type(e).__name__, e))
    # The program's atexit callbacks run now, as at the end of its own process (this also
    # unregisters them); their errors are reported with object addresses, which differ.
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        atexit._run_exitfuncs()
    sys.setrecursionlimit(limit)
    return re.sub(r' at 0x[0-9a-f]+>', ' at 0x...>', out.getvalue())

def main():
    lines = sys.stdin.readlines()
    real_stdout = sys.stdout
    for line in lines:
        src, pyc = line.rstrip('\n').split('\t')
        res = {'src': src}
        try:
            with open(pyc, 'rb') as f:
                data = f.read()
            gcode = marshal.loads(data[16:])
        except BaseException as e:
            res['error'] = 'load: %s: %s' % (type(e).__name__, e)
            print(json.dumps(res), file=real_stdout, flush=True)
            continue
        with open(src, 'rb') as f:
            ccode = marshal.loads(marshal.dumps(compile(f.read(), src, 'exec')))
        want = run(ccode, src)
        got = run(gcode, src)
        res['ok'] = want == got
        if want != got:
            res['want'] = want[-2000:]
            res['got'] = got[-2000:]
        print(json.dumps(res), file=real_stdout, flush=True)

main()
