s = "abc"
for op in [lambda: s.index("z"), lambda: s.split(""), lambda: s.join([1]), lambda: s.center(5, "ab"), lambda: s + 1, lambda: s.startswith(1), lambda: s.replace(1, 2), lambda: "%d" % "x", lambda: s[1:2:0], lambda: int(s)]:
    try:
        op()
    except Exception as e:
        print(type(e).__name__ + ":", e)
