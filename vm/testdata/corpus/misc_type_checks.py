values = [1, 1.0, 1j, "s", b"b", [1], (1,), {1}, {1: 1}, None, True, len, int, range(1), slice(1), type]
for v in values:
    print(type(v).__name__, isinstance(v, (int, float)), callable(v), hasattr(v, "__iter__"), isinstance(v, type))
