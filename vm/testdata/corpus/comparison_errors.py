for op in [lambda: 1 < "a", lambda: [1] < (1,), lambda: None < 1, lambda: {} < {}, lambda: 1j > 1j, lambda: object() >= object(), lambda: "a" > 1.5, lambda: sorted([1, None])]:
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
print(1 == "1", [1] == (1,), None == 0, {} == [], 1.0 == 1, "a" != b"a")
