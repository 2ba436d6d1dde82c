s = {1}
for op in [lambda: s.remove(9), lambda: set().pop(), lambda: s.add([1]), lambda: s | [1], lambda: s < [1], lambda: {[]}, lambda: frozenset([{1}])]:
    try:
        op()
    except Exception as e:
        print(type(e).__name__ + ":", e)
