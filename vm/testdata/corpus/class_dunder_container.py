class Grid:
    def __init__(self, w, h, fill=0):
        self.w, self.h = w, h
        self.cells = [[fill] * w for _ in range(h)]
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"{pos} out of bounds")
        return self.cells[y][x]
    def __setitem__(self, pos, v):
        x, y = pos
        self.cells[y][x] = v
    def __delitem__(self, pos):
        self[pos] = 0
    def __contains__(self, v): return any(v in row for row in self.cells)
    def __iter__(self):
        for row in self.cells:
            yield from row
    def __len__(self): return self.w * self.h
g = Grid(3, 2)
g[1, 1] = 5
g[2, 0] = 7
del g[2, 0]
print(g[1, 1], 5 in g, 7 in g, list(g), len(g), sum(g))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
