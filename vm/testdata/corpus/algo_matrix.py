def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def mpow(m, k):
    r = identity(len(m))
    while k:
        if k & 1: r = matmul(r, m)
        m = matmul(m, m); k >>= 1
    return r
fibm = mpow([[1, 1], [1, 0]], 90)
print(fibm[0][1])
a = [[1, 2], [3, 4]]
print(matmul(a, a), matmul(a, identity(2)) == a, [list(r) for r in zip(*a)])
def det(m):
    if len(m) == 1: return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det(identity(4)))
