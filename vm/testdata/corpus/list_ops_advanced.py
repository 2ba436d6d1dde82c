m = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*m)], [x for row in m for x in row], sum(m, []))
a = [5, 3, 8, 1]
b = a
b += [9]
print(a, a is b)
c = a
c = c + [0]
print(a, c, a is c)
print(a * 0, [None] * 3, [1, 2] * -1, list(range(3)) * 2)
l = [3, 1, 2]
print(sorted(l), l, l.sort(), l)
s = [1, 2, 3, 4, 5]
s[1:4] = [0]
print(s)
s[len(s):] = [6, 7]
print(s, s.index(6), s[-2:], s[:-5])
x = [[0] * 2] * 2
x[0][0] = 1
print(x)
print([1, [2, [3]]] == [1, [2, [3]]], [1, 2] != [1, 2, 3], [[]] < [[1]])
