# Displays and calls past the 30-item stack guideline take the incremental code paths.
big_list = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, x := 34]
print(len(big_list), sum(big_list))
names = {f"k{i}": i for i in range(3)}
big_dict = {"a0": 0, "a1": 1, "a2": 2, "a3": 3, "a4": 4, "a5": 5, "a6": 6, "a7": 7, "a8": 8, "a9": 9,
            "b0": 0, "b1": 1, "b2": 2, "b3": 3, "b4": 4, "b5": 5, "b6": 6, "b7": 7, "b8": 8, "b9": 9, **names,
            "c0": x, "c1": x, "c2": x, "c3": x, "c4": x, "c5": x, "c6": x, "c7": x, "c8": x, "c9": x}
print(len(big_dict), big_dict["c9"], list(big_dict)[-3:])
def many(*a, **k):
    return len(a), len(k)
print(many(x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x))
print(many(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16, q=17))
print(many(*big_list, *big_list, x, **big_dict, z=1))
s = f"{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}"
print(s)
t = (x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, *big_list)
print(len(t))
st = {x, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}
print(len(st))
consts = (1, 2.5, "s", b"b", None, True, ..., (1, (2, 3)), 3j, -7, 10**20)
print(consts, [1, 2, 3, "four"], {1, 2, 3}, {"k": 1, "j": 2})
print(-2**63, 2**64 - 1, 1 << 100, 7 // 2, -7 % 3, 2**-2, 1 / 3, "ab" * 3, (1,) * 3)
class K:
    def m(self, *a, **k):
        return a, k
print(K().m(1, *big_list[:2], b=2, **{"c": 3}))
print(K().m(x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x))
