print(abs(-3), abs(2.5), abs(-2**70), divmod(7, 2), round(7.25, 1), pow(2, 5))
print(chr(65), ord("A"), bin(5), oct(8), hex(16), hash(1) == hash(1.0), callable(len), callable(1))
print(repr("x"), ascii("ñ"), format(1234.5, ",.1f"), len({1, 2}), type(1) is int)
print(isinstance(1, (str, int)), isinstance("a", str), issubclass(int, object), issubclass(bool, (str, int)))
print(getattr(1, "real"), hasattr([], "append"), hasattr(1, "zzz"), getattr(1, "zzz", "dflt"))
class O: pass
o = O()
setattr(o, "x", 5); print(o.x, vars(o)); delattr(o, "x"); print(vars(o))
print(id(o) == id(o), max("abc"), min([4, 2, 8]), sorted(set([3, 3, 1])))
print(int.__name__, len.__name__, type(len).__name__, type(O).__name__)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
