def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield float("inf")
print(list(safe_div([(1, 2), (3, 0), (4, 4)])))
def validate(items):
    for x in items:
        if x < 0:
            raise ValueError(f"negative {x}")
        yield x
try:
    for v in validate([1, 2, -3, 4]):
        print("ok", v)
except ValueError as e:
    print("ValueError:", e)
g = validate([5])
print(next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
