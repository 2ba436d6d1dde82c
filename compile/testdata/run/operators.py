a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a // b, -a % b)
print(a << 2, a >> 1, a & b, a | b, a ^ b, ~a, +a, -a, not a)
print(a < b, a <= b, a == b, a != b, a > b, a >= b, 1 < a < 20, 1 < a > 20)
print(a is b, a is not b, 3 in [1, 2, 3], 4 not in (1, 2))
x = 10
x += 1; x -= 2; x *= 3; x //= 2; x %= 7; x **= 2; x <<= 1; x >>= 1; x |= 8; x &= 12; x ^= 5
print(x)
y = 7.5; y /= 2
print(y)
l = [1, 2, 3]; l[0] += 10; l[1:2] = [9, 9]
print(l, l[::-1], l[1:], l[:-1], l[::2])
class O: pass
o = O(); o.attr = 1; o.attr += 5
print(o.attr)
del l[0]
del o.attr
print(l, hasattr(o, "attr"))
print(2 ** -1, 2 ** 100, -2 ** 2, (-2) ** 2, 10 / 4, 7 // -2, 7 % -3, 1e300 * 1e10)
print(True + True, True & False, "ab" * 3, b"x" + b"y", (1,) * 3, [0] * 4)
print(1 if a > b else 2, a and b, a or b, 0 and a, 0 or b, None or 0 or "z")
print(not (a is b), not (1 in l), "%s-%d" % ("s", 3), "abc"[1], (1, 2, 3)[-1])
print(1j * 1j, 1 + 2j, -3j, abs(3 + 4j))
z = [1, 2, 3]
print(z[-1], z[0:2], z[slice(1, None)])
print(0x1f, 0o17, 0b101, 1_000_000, 1.5e3, 0.1 + 0.2)
import math
print(math.pi > 3, -0.0, 1 / 3)
if not a:
    print("no")
elif a > 100 or b < 0:
    print("no2")
elif (a > 1 and b > 1) or a is None:
    print("yes")
print(a > b and b > 0 and a < 100)
print(x if (x := 4) > 3 else -x)
print(f"{a}+{b}={a + b:>5} {a!r} {'s'!s:^7} {3.14159:.2f} {a=}")
print(f"{'nested ' + f'{b}'}", f"{{literal}}", F"{a:{b}}")
print("concat" "enated", b"by" b"tes")
