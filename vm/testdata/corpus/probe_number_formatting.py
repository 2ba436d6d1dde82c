vals = [0, 1, -1, 3.5, -2.25, 1e10, 1.5e-8, 123456.789, float("inf"), -0.0, 2**70]
for v in vals:
    print(repr(v), f"{v}", f"{v:e}" if not isinstance(v, int) or v < 2**60 else "", f"{v:>12.3g}", f"{v:,}" if isinstance(v, int) else f"{v:,.2f}")
print(f"{12345.6789:_.2f}", f"{-1234:_}", f"{0.1:.20f}", f"{1/3:.50f}"[:30], f"{2**64:x}", f"{-255:#o}")
print(f"{5:*^9d}", f"{-5:09d}", f"{5:+09.2f}", f"{3.0:#.3g}", f"{0.00012:.2g}", f"{1234567.0:g}")
print(format(0.1, "r") if False else "", format(10, "n"), format(1e-320, "g"), format(-1e-320, ".3e"))
print("%10.3e|%-10.2g|%+.0f|%x|%o|%E|%G" % (12345.678, 0.000123, 2.5, 3735928559, 511, 1e-10, 1e20))
print(str(10**-5), str(1e-5), repr(1e22), repr(1e21), repr(1e16), repr(9.999999999999999e15))
print(int(1e21), float(2**1023) * 2 if False else float(2**1023), 10**308 * 10.0 if False else 1.7976931348623157e308)
print(0.1 + 0.7, 1.1 * 3, 3 * 0.1 == 0.3, round(0.1 + 0.7, 1), 100 * 1.1, 2 / 3, -2 / 3, 7 / 7)
print(divmod(2**100, 7), (2**100) % -7, -(2**100) // 3, pow(7, 2**100, 13), (-7) ** 3 % 5)
