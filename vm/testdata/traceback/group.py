def fail(n):
    if n == 2:
        try:
            {}["k"]
        except KeyError as e:
            raise ValueError("converted") from e
    raise TypeError(f"bad {n}")
errors = []
for i in range(3):
    try:
        fail(i)
    except Exception as e:
        errors.append(e)
inner = ExceptionGroup("inner", [OSError("disk")])
raise ExceptionGroup("outer", errors + [inner])
