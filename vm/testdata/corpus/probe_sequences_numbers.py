from math import inf
import math
class Stack:
    def __init__(self): self._d = []
    def push(self, *xs): self._d.extend(xs); return self
    def __len__(self): return len(self._d)
    def __getitem__(self, i): return self._d[i]
    def __repr__(self): return f"Stack({self._d})"
s = Stack().push(1, 2).push(3)
print(s, len(s), s[-1], list(s), s[0:2], 2 in s, list(reversed(s)))
def gen_squares(n):
    yield from (i * i for i in range(n))
print(list(gen_squares(5)), sum(gen_squares(10)), max(gen_squares(4)), sorted(gen_squares(3), reverse=True))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(map(list, zip(*matrix))), [sum(col) for col in zip(*matrix)], [max(r) for r in matrix])
print(math.floor(-inf) if False else "", math.hypot(*[3, 4]), math.dist([0, 0], [3, 4]), math.prod([]))
print(list(filter(lambda x: x > 1, map(lambda x: x * 2, range(3)))), any(map(bool, [0, ""])))
data = {"a": [3, 1], "b": [2]}
print({k: sorted(v) for k, v in data.items()}, sum(map(len, data.values())), sorted(data, key=lambda k: -len(data[k])))
import sys
print(sys.maxsize + 1, -sys.maxsize - 1, (sys.maxsize + 1) // 2, type(sys.maxsize * 2).__name__)
x = 0.1
print(x.as_integer_ratio(), x.hex(), float.fromhex(x.hex()) == x, x.is_integer(), x.real, x.imag, x.conjugate())
print((17).bit_length(), (255).to_bytes(1, "big"), int.from_bytes(b"\x01\x00\x00", "little"), (-1) ** 0.5 if False else "")
print(bool([]) is False, bool([0]) is True, None.__class__.__name__, (...).__class__.__name__)
print(divmod(-2**70, 12345), (-2**70) % 12345, (-2**70) // 12345, abs(-2**70) == 2**70)
print(1 if [] else 2, [] or [0], () and 5, "s" and "t", 0 or None)
