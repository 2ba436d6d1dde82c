# io.StringIO and BytesIO writes at, inside and beyond the end, truncate, newline translation;
# bytearray slice assignment that grows, shrinks, inserts and copies from itself.
import io
f = io.StringIO("hello"); f.write("XY"); print(repr(f.getvalue()), f.tell())
f.seek(10); f.write("z"); print(repr(f.getvalue()))
f.seek(3); f.write("abcdefghijklmnop"); print(repr(f.getvalue()), f.tell())
f.truncate(5); print(repr(f.getvalue())); f.seek(0, 2); f.write("!"); print(repr(f.getvalue()))
g = io.StringIO(newline=None); g.write("a\r\nb\rc\n"); print(repr(g.getvalue()), g.newlines)
b = bytearray(b"0123456789"); b[2:5] = b"ab"; print(b); b[8:] = b[:3]; print(b); b[0:0] = b; print(b); b[3:3] = b""; b[20:30] = b"xyz"; print(b)
b2 = bytearray(b"abc"); m = b2; b2[1:2] = b2; print(b2, m)
B = io.BytesIO(b"hello"); B.seek(8); B.write(b"!"); print(B.getvalue())
