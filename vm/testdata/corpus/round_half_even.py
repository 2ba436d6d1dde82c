for v in [0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1.005, 10.5, 11.5, 1e16 + 1.5]:
    print(v, round(v), round(v, 1), round(v, 2))
for v in [15, 25, 35, 150, 250, -25, 1234567]:
    print(v, round(v, -1), round(v, -2), round(v, 0))
