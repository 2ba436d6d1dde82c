print((1.5).as_integer_ratio(), (0.75).hex(), float.fromhex("0x1.8p0"), (3.0).is_integer())
print(float("1.5e3"), float("-inf"), float(" nan ") != float("nan"), float(True), float(10**20))
print(1.0.__add__(2), 2.5.__floordiv__(1), (2.5).__round__(), round(2.5000001), round(-1.5))
print(3.7 // 1, -3.7 // 1, 3.7 % 1 < 0.71, int(3.7), int(-3.7), float(int(1e15)))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(1e-320, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308)
print(0.1 * 3, 1.1 + 2.2, 100 * 1.1, 1 / 7, 2 ** 0.5 * 2 ** 0.5)
