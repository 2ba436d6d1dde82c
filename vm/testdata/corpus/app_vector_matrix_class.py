class Matrix:
    def __init__(self, rows): self.rows = [list(r) for r in rows]
    @classmethod
    def identity(cls, n): return cls([[int(i == j) for j in range(n)] for i in range(n)])
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __add__(self, o): return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])
    def __eq__(self, o): return isinstance(o, Matrix) and self.rows == o.rows
    def __getitem__(self, ij): i, j = ij; return self.rows[i][j]
    def __setitem__(self, ij, v): i, j = ij; self.rows[i][j] = v
    def __repr__(self): return "Matrix(" + repr(self.rows) + ")"
    @property
    def T(self): return Matrix(zip(*self.rows))
m = Matrix([[1, 2], [3, 4]])
print(m @ m, m + m, m.T, m @ Matrix.identity(2) == m, m[1, 0])
m[0, 0] = 10
print(m, m.T.T == m)
