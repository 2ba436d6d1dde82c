d = {"a": 1}
for op in [lambda: d["z"], lambda: d.pop("z"), lambda: {}.popitem(), lambda: d.update(1), lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: d[[1]], lambda: d.fromkeys(1)]:
    try:
        op()
    except Exception as e:
        print(type(e).__name__ + ":", e)
