for spec in ["", "10", "<10", ">10", "^10", "*<10", "-^11", ".2", "10.3", "^7.1"]:
    print(repr(spec), repr(format("hello", spec)), repr(format("é", spec)))
for bad in ["d", "+", "=10", ",d"]:
    try:
        format("s", bad)
    except ValueError as e:
        print("ValueError:", e)
for bad, v in [("s", 1), ("z", 1.5), (".2d", 3), ("c", 1.5)]:
    try:
        format(v, bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
