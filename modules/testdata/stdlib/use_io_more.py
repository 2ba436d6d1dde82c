import io
t = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\n"), newline=None); print(t.readlines())
t = io.TextIOWrapper(io.BytesIO(b"a\r\nb"), newline=""); print(t.readlines())
s = io.StringIO(); print("x", 1, file=s, end="!"); print(repr(s.getvalue()))
b = io.BufferedReader(io.BytesIO(b"line1\nline2")); print(b.readline(), b.peek(3)[:3], b.read())
