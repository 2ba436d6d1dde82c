def solve(n):
    sols = []
    def place(row, cols, d1, d2, cur):
        if row == n:
            sols.append(cur[:]); return
        for c in range(n):
            if c in cols or row - c in d1 or row + c in d2:
                continue
            cur.append(c)
            place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}, cur)
            cur.pop()
    place(0, set(), set(), set(), [])
    return sols
for n in range(1, 8):
    print(n, len(solve(n)))
print(solve(6)[0])
