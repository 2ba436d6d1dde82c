import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), issubclass(set, cabc.Set), isinstance(iter([]), cabc.Iterator))
class M(cabc.Mapping):
    def __getitem__(self, k): return k * 2
    def __len__(self): return 2
    def __iter__(self): return iter([1, 2])
print(dict(M()), list(M().items()), 1 in M())
