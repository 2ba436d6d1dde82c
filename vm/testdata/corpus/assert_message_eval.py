def check(x):
    assert isinstance(x, int), f"expected int, got {type(x).__name__}"
    assert x > 0, "must be positive"
    return x
for v in [5, "s", -1]:
    try:
        print(check(v))
    except AssertionError as e:
        print("AssertionError:", e)
try:
    assert (1, 2) == (1, 3), ("tuple", "message")
except AssertionError as e:
    print(e.args)
