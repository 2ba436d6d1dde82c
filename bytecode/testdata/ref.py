"""Reference data from CPython 3.11 for the bytecode package's tests.

    ref.py hash < list-of-pycs   prints "PATH<TAB>TABLES-SHA256<TAB>DIS-SHA256" per file
    ref.py tables FILE.pyc       prints the canonical table text of every code object
    ref.py dis FILE.pyc          prints dis.dis of the module code object (addresses normalised)

The canonical table text lists, for each code object in depth-first order of co_consts (the order
dis recurses in): "C name firstlineno", then "L start end line" per co_lines() entry,
"P line endline col endcol" per co_positions() entry, and "E start end target depth lasti" per
dis._parse_exception_table entry, None written as N. dis output has every " at 0x..." replaced by
" at 0x?". Run with PYTHONHASHSEED=0 so frozenset constants print in a fixed order.
"""
import dis
import hashlib
import io
import marshal
import re
import sys

ADDR = re.compile(r" at 0x[0-9a-f]+")


def n(v):
    return "N" if v is None else str(v)


def tables(co, out):
    out.append("C %s %d" % (co.co_name, co.co_firstlineno))
    for s, e, l in co.co_lines():
        out.append("L %d %d %s" % (s, e, n(l)))
    for p in co.co_positions():
        out.append("P " + " ".join(n(x) for x in p))
    for e in dis._parse_exception_table(co):
        out.append("E %d %d %d %d %d" % (e.start, e.end, e.target, e.depth, e.lasti))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            tables(c, out)


def load(path):
    with open(path, "rb") as f:
        return marshal.loads(f.read()[16:])


def dis_text(co):
    buf = io.StringIO()
    dis.dis(co, file=buf)
    return ADDR.sub(" at 0x?", buf.getvalue())


def main():
    mode = sys.argv[1]
    if mode == "hash":
        for line in sys.stdin:
            path = line.rstrip("\n")
            co = load(path)
            out = []
            tables(co, out)
            t = hashlib.sha256(("\n".join(out) + "\n").encode("utf-8", "surrogatepass")).hexdigest()
            d = hashlib.sha256(dis_text(co).encode("utf-8", "surrogatepass")).hexdigest()
            print("%s\t%s\t%s" % (path, t, d))
    elif mode == "tables":
        out = []
        tables(load(sys.argv[2]), out)
        sys.stdout.write("\n".join(out) + "\n")
    elif mode == "dis":
        sys.stdout.write(dis_text(load(sys.argv[2])))


main()
