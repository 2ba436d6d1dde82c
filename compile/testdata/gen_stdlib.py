"""Golden data for compile/stdlib_test.go: CPython's own code objects for a list of files.

stdin: one source path per line. The output file (argv[1]) holds, per input file, two
length-prefixed records (4-byte little-endian length): the path (UTF-8) and
marshal.dumps(compile(source, path, 'exec', dont_inherit=True, optimize=N)), or an empty
record when CPython rejects the file. argv[2] is the optimisation level (default 0).
"""
import marshal, struct, sys, warnings

warnings.simplefilter('ignore')
opt = int(sys.argv[2]) if len(sys.argv) > 2 else 0
with open(sys.argv[1], 'wb') as out:
    for line in sys.stdin:
        path = line.rstrip('\n')
        try:
            with open(path, 'rb') as f:
                src = f.read()
            data = marshal.dumps(compile(src, path, 'exec', dont_inherit=True, optimize=opt))
        except Exception:
            data = b''
        p = path.encode()
        out.write(struct.pack('<I', len(p)) + p + struct.pack('<I', len(data)) + data)
