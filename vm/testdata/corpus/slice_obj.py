s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(5), slice(-3, None).indices(10), slice(None, None, -1).indices(4))
a = list(range(10))
print(a[s], a[slice(None, 3)], "abcdef"[slice(1, None, 2)])
class C:
    def __getitem__(self, k):
        return k
c = C()
print(c[1:2], c[::3], c[1, 2:3], c[...], c[:, None])
