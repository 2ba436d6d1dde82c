for spec in ["d", "5d", "<5d", "^5d", "+d", " d", "05d", ",d", "_d", "x", "X", "#x", "o", "#o", "b", "#b", "_b", "c", "n", "=+8d", "*^9", "08_d"]:
    print(repr(spec), repr(format(1234 if spec not in ("c",) else 65, spec)), repr(format(-42, spec)) if spec != "c" else "")
