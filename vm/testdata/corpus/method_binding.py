class K:
    def m(self, x): return (self.tag, x)
    tag = "k"
k = K()
bm = k.m
print(bm(1), bm.__self__ is k, bm.__func__ is K.m, K.m(k, 2), type(bm).__name__)
f = K.m
print(f(k, 3), f.__name__)
print(k.m == k.m, k.m is k.m, [].append.__self__ == [], len.__self__)
um = "abc".upper
print(um(), str.upper("xyz"), list.append.__name__)
meth = getattr(k, "m")
print(meth("via getattr"))
