for op in [lambda: 1 / 0, lambda: 1 % 0, lambda: 2.0 ** 5000, lambda: int("1.5"), lambda: float("x"), lambda: 10 ** -1 // 0, lambda: divmod(1.0, 0), lambda: pow(0, -1), lambda: round(float("inf")), lambda: (-8) ** 0.5, lambda: 1 << -1, lambda: chr(0x110000)]:
    try:
        print(op())
    except Exception as e:
        print(type(e).__name__ + ":", e)
