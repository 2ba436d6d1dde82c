assert True
assert 1 == 1, "never"
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError:", repr(e))
x = []
try:
    assert x, f"empty list {x}"
except AssertionError as e:
    print(e)
