def check(v):
    if v < 0:
        e = ValueError(f"negative: {v}")
        e.add_note("values must be >= 0")
        e.add_note("see the docs")
        raise e
check(-3)
