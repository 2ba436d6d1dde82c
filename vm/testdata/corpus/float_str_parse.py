for s in ["1", "1.0", "-1.5e10", "  3.25  ", "1_000.5", "infinity", "-Infinity", "NaN", ".5e-3", "1e", "abc", "1.2.3", "", "0x10", "1__0"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
