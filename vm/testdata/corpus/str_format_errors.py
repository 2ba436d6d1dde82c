for f, a, k in [("{", (), {}), ("}", (), {}), ("{0}{}", (1, 2), {}), ("{}{0}", (1, 2), {}), ("{1}", (1,), {}), ("{x}", (), {}), ("{!z}", (1,), {}), ("{:d}", ("s",), {})]:
    try:
        print(f.format(*a, **k))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__ + ":", e)
print("{0.real}".format(5), "{a[0]}".format(a=[9]), "{:{}}".format("x", 3), "{}".format({"k": 1}))
