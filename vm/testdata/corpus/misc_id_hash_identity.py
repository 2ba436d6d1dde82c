a = [1]
b = a
print(id(a) == id(b), a is b, [1] is [1], hash("abc") == hash("ab" + "c"), hash(1) == hash(True))
x = 300
y = 300
print(x == y, type(id(a)).__name__, hash(None) == hash(None), hash(()) == hash(()))
s1 = "hello"
s2 = "".join(["hel", "lo"])
print(s1 == s2, hash(s1) == hash(s2))
print(hash((1, 2)) != hash((2, 1)), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
