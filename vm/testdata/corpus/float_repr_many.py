vals = [0.1 * i for i in range(12)] + [1 / i for i in range(1, 12)] + [10.0 ** e for e in range(-6, 23, 3)] + [2.0 ** -30, 1e-10 + 1, 123.456e7]
for v in vals:
    print(repr(v), str(v), f"{v:.3g}")
