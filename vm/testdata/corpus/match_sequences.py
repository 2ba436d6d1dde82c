def m(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x} {y}"
        case [x, *rest] if len(rest) > 2:
            return f"many {x} +{len(rest)}"
        case (a, b, c):
            return f"three {a}{b}{c}"
        case _:
            return "?"
for v in ([], [1], (1, 2), [1, 2, 3, 4], (1, 2, 3), "ab", range(2), {1, 2}):
    print(repr(v), m(v))
match [1, [2, 3]]:
    case [a, [b, *c]]:
        print(a, b, c)
match (1, 2, 3, 4, 5):
    case (first, *mid, last):
        print(first, mid, last)
