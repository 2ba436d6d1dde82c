def f(x):
    match x:
        case (1 | 2) as small:
            return f"small {small}"
        case [1, (2 | 3) as mid, *_]:
            return f"list mid {mid}"
        case {"k": (int() | float()) as num}:
            return f"num {num}"
        case "a" | "b" | "c":
            return "abc"
        case -5 | 5:
            return "five-ish"
        case 1.5 | 2.5:
            return "half"
        case True | False:
            return "bool"
    return "none"
for v in [1, 2, [1, 3, 9], {"k": 2.5}, {"k": "s"}, "b", -5, 2.5, True, 0, None]:
    print(repr(v), f(v))
