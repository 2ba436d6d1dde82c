for x in (0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789.0, 1e-5, 0.0001, 1e22, 1.5e-7, -0.0, 100.0, 3.14159265358979):
    print(repr(x), str(x))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e500"), float("  2.5  "), float("1_0.5"), float(".5"), float("5."))
print(1e308 * 10, -1e308 * 10)
print(2.0 ** 0.5, 10 ** 0.5, 4 ** 0.5)
