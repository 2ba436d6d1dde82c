def compute(a, b):
    total = a + b * 2
    return total / (b - b)
print(compute(1, 2))
