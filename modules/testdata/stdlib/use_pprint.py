import pprint
d = {"k%d" % i: list(range(i)) for i in range(8)}
pprint.pprint(d, width=40); print(pprint.pformat({"b": 1, "a": [1, 2]}), pprint.saferepr([1, {2: 3}]))
