import io
s = io.StringIO("line1\nline2\n"); print(s.readline(), s.read(), s.tell())
b = io.BytesIO(); b.write(b"abc"); b.seek(0); print(b.read(), b.getvalue())
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"); w.write("é"); w.flush(); print(w.buffer.getvalue())
print(isinstance(s, io.TextIOBase), isinstance(b, io.BufferedIOBase), io.DEFAULT_BUFFER_SIZE)
import os
p = "/tmp/gopyc_io_%d.txt" % os.getpid()
with open(p, "w") as f:
    f.write("a\nb\n")
with open(p) as f:
    print(list(f))
with open(p, "rb") as f:
    print(f.read())
os.remove(p)
