for a in (7, -7, 0, 13, -13):
    for b in (2, -2, 5, -5):
        print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)
for a in (7.5, -7.5):
    for b in (2, -2, 0.5):
        print(a, b, a // b, a % b)
