def evaluate(expr):
    match expr:
        case int(n) | float(n):
            return n
        case ("+", a, b):
            return evaluate(a) + evaluate(b)
        case ("*", a, b):
            return evaluate(a) * evaluate(b)
        case ("neg", a):
            return -evaluate(a)
        case {"op": "sum", "args": [*args]}:
            return sum(evaluate(x) for x in args)
        case _:
            raise ValueError(f"bad expr {expr!r}")
print(evaluate(("+", 1, ("*", 2, 3))), evaluate(("neg", 4.5)), evaluate({"op": "sum", "args": [1, 2, ("neg", 3)]}))
try:
    evaluate(("/", 1, 2))
except ValueError as e:
    print("ValueError:", e)
match {"name": "x", "tags": ["a", "b"], "extra": 1}:
    case {"name": str(name), "tags": [first, *others]}:
        print(name, first, others)
