import functools
def retry(times, exceptions=(Exception,)):
    def deco(fn):
        def wrapper(*a, **k):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return fn(*a, **k)
                except exceptions as e:
                    print(f"attempt {attempt} failed: {e}")
                    last = e
            raise RuntimeError(f"gave up after {times}") from last
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
calls = {"n": 0}
@retry(3, (ValueError,))
def flaky():
    calls["n"] += 1
    if calls["n"] < 3:
        raise ValueError(f"try {calls['n']}")
    return "success"
print(flaky(), flaky.__name__)
@retry(2)
def always():
    raise KeyError("nope")
try:
    always()
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
