import sys
for n in [0, 1, -1, 255, -255, 2**100, -(3**80), 10**50 + 7]:
    for b in (2, 8, 10, 16, 36):
        s = format(n, {2: "b", 8: "o", 10: "d", 16: "x", 36: "d"}[b]) if b != 36 else None
        if s is not None:
            assert int(s, b) == n, (n, b)
    print(n, bin(n)[:12], oct(n)[:12], hex(n)[:12], len(str(n)))
print(int("zz", 36), int("-ZZ", 36), int("  -0b1010 ", 0), int("+42"), int("٤٢"))
print(str(2**4000)[:20], len(str(2**4000)))
