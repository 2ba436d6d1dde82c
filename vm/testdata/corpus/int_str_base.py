for base in (2, 3, 8, 10, 16, 36):
    print(base, int("101", base), int("zz", 36) if base == 36 else "")
print(bin(10), oct(64), hex(255), bin(-5), hex(-255), hex(2**70))
print(int("1_000_000"), int("0x_ff", 16), int("0o17", 0), int("z", 36))
for s in ("12a", "", " ", "1__0", "0x", "08"):
    try:
        print(int(s, 0))
    except ValueError as e:
        print("ValueError:", e)
print(format(255, "x"), format(255, "#b"), format(255, "08o"), format(-42, "+d"))
print(int(3.99), int(-3.99), int(True), int("-17"))
