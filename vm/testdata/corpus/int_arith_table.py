vals = [0, 1, -1, 7, -7, 2**31, -2**31, 2**63 - 1, -2**63, 2**64, 10**20]
for a in vals[:6]:
    row = []
    for b in (3, -3, 2**40):
        row.append((a + b, a - b, a * b, a // b, a % b))
    print(a, row)
print([v.bit_length() for v in vals], [hash(v) for v in vals[-4:]])
print((2**63 - 1) + 1, -2**63 - 1, (2**63) * (2**63), (-2**63) // -1, abs(-2**63))
