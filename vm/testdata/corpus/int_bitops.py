print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~5, ~-1)
print(1 << 70, (1 << 70) >> 68, -1 >> 3, -16 >> 2, 5 << 0)
print((2**100) & (2**99 + 1), (2**100) | 1, -(2**80) ^ 12345)
print((255).bit_length(), (-(2**70)).bit_length(), (0).bit_length())
print((7).bit_count(), (-7).bit_count())
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
