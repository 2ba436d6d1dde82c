"""Run pairs of (source, pyc) in this one process and report differing output.

stdin: lines "SOURCE<TAB>PYC"; stdout: one JSON object per pair with the verdict.
Each program runs in a fresh __main__ namespace with stdout/stderr captured; an uncaught
exception or SystemExit is reported in the captured text, so the two runs compare equal
only when they behave alike.
"""
import contextlib, io, json, marshal, sys

def run(code, path):
    out = io.StringIO()
    g = {'__name__': '__main__', '__file__': path, '__builtins__': __builtins__}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            exec(code, g)
    except SystemExit as e:
        out.write('SystemExit(%r)\n' % (e.code,))
    except BaseException as e:
        out.write('EXC %s: %s\n' % (type(e).__name__, e))
    return out.getvalue()

def main():
    for line in sys.stdin:
        src, pyc = line.rstrip('\n').split('\t')
        res = {'src': src}
        try:
            with open(pyc, 'rb') as f:
                data = f.read()
            gcode = marshal.loads(data[16:])
        except BaseException as e:
            res['error'] = 'load: %s: %s' % (type(e).__name__, e)
            print(json.dumps(res), flush=True)
            continue
        with open(src, 'rb') as f:
            ccode = compile(f.read(), src, 'exec')
        want = run(ccode, src)
        got = run(gcode, src)
        res['ok'] = want == got
        if want != got:
            res['want'] = want[-2000:]
            res['got'] = got[-2000:]
        print(json.dumps(res), flush=True)

main()
