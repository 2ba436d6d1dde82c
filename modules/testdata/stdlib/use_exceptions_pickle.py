# Exceptions as data: __reduce__/__setstate__ (copy and pickle), ImportError's name/path
# keywords, OSError's errno -> subclass mapping, and the Unicode errors' attributes and messages,
# both when constructed and when raised by codecs.
import copy
import pickle

e = ValueError(1, 2)
e.x = 5
print(e.__reduce__())
c = copy.copy(e)
print(type(c).__name__, c.args, c.x)
d = pickle.loads(pickle.dumps(e))
print(type(d).__name__, d.args, d.x)
print(repr(pickle.loads(pickle.dumps(KeyError("k")))))
o = pickle.loads(pickle.dumps(OSError(2, "No such file", "f.txt")))
print(type(o).__name__, o, o.errno, o.filename)
print(OSError(2, "x", "a", None, "b").__reduce__())
print(pickle.loads(pickle.dumps(StopIteration(3))).value)

class MyErr(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a = a

m = pickle.loads(pickle.dumps(MyErr(1, 2)))
print(type(m).__name__, m.args, m.a)
try:
    Exception().__setstate__(5)
except TypeError as x:
    print("TypeError", x)
print(BaseException().__reduce__(), Exception("a").__setstate__(None))

ie = ImportError("m", name="n", path="p")
print(ie.msg, ie.name, ie.path, ie.args, ie.__reduce__())
ie2 = pickle.loads(pickle.dumps(ie))
print(ie2.name, ie2.path)
print(ImportError("a", "b").msg, ModuleNotFoundError("x", name="x").name)
try:
    ImportError("m", foo=1)
except TypeError as x:
    print("TypeError", x)

for o in [OSError(2, "x"), OSError(13, "x", "f"), OSError(17, "e"), OSError(32, "p"), OSError(999, "q"),
          OSError("a"), OSError(2), OSError(110, "t"), OSError(11, "again")]:
    print(type(o).__name__, o)
try:
    open("/nonexistent/file")
except FileNotFoundError as x:
    print(type(x).__name__, x.errno, x.filename)

for args in [("x",), (1, b"", 0, 1, "r"), ("u", "s", 0, 1, "r"), ("u", bytearray(b"ab"), 0, 1, "r")]:
    try:
        u = UnicodeDecodeError(*args)
        print(repr(u), type(u.object).__name__, str(u))
    except TypeError as x:
        print("TypeError", x)
for args in [("u", "s\u1234", 1, 2, "r"), ("u", "ab", 5, 9, "r"), ("u", "\U0001f600x", 0, 1, "r")]:
    u = UnicodeEncodeError(*args)
    print(repr(u), str(u), u.start, u.end, u.encoding, u.reason)
t = UnicodeTranslateError("abc", 0, 3, "r")
print(repr(t), str(t), t.encoding)
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "bad")
u.start = 1
print(str(u), u.end)
print(hasattr(UnicodeError("a"), "encoding"))

for b in [b"a\xffb", b"\xe4\xb8", b"a\xf0\x9f\x98", b"\xed\xa0\x80", b"\xe4\x41"]:
    try:
        b.decode()
    except UnicodeDecodeError as x:
        print(repr(x), x.start, x.end, x.reason)
    print(ascii(b.decode("utf-8", "replace")), ascii(b.decode("utf-8", "backslashreplace")))
for s, enc in [("a\xe9", "ascii"), ("a\xe9\xe8b", "ascii"), ("a\ud800b", "utf-8"), ("\u20ac", "latin-1")]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as x:
        print(repr(x), str(x), x.start, x.end)
