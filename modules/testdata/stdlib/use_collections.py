from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap
d = deque(maxlen=3); [d.append(i) for i in range(5)]; print(d, d.popleft(), d)
dd = defaultdict(int); [dd.__setitem__(c, dd[c] + 1) for c in "hello"]; print(sorted(dd.items()))
c = Counter("mississippi"); print(c.most_common(2), c["s"], sorted((c + Counter("ss")).items()))
P = namedtuple("P", ["x", "y"], defaults=[0]); p = P(1); print(p, p.x, p._fields, P(3, 4)._asdict(), P._make([5, 6]))
o = OrderedDict(); o["b"] = 1; o["a"] = 2; o.move_to_end("b"); print(list(o.items()), o.popitem(last=False))
print(ChainMap({"a": 1}, {"a": 2, "b": 3}).maps, dict(ChainMap({"a": 1}, {"b": 2})))
