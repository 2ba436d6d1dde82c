for op in [lambda: iter(1), lambda: next([]), lambda: list(5), lambda: [*None], lambda: dict(1), lambda: sorted(1), lambda: sum(1), lambda: min(1), lambda: "".join(1), lambda: zip(1), lambda: enumerate(1), lambda: {**[]}]:
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
