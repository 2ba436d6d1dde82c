for v in [5, "s", 2.5, [1], (1,), {1: 2}, {1}, True, None, b"b"]:
    match v:
        case bool(b):
            r = f"bool {b}"
        case int(i):
            r = f"int {i}"
        case str(s):
            r = f"str {s}"
        case float(f):
            r = f"float {f}"
        case list(l):
            r = f"list {l}"
        case tuple(t):
            r = f"tuple {t}"
        case dict(d):
            r = f"dict {d}"
        case set(s):
            r = f"set {s}"
        case bytes(b):
            r = f"bytes {b}"
        case None:
            r = "none"
    print(r)
