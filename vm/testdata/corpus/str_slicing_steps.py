s = "0123456789"
for sl in [slice(None, None, 2), slice(1, None, 3), slice(None, None, -1), slice(-1, -5, -1), slice(8, 2, -2), slice(-100, 100), slice(5, 5), slice(None, -3), slice(3, None, -1)]:
    print(sl, s[sl], list(range(10))[sl], tuple(s)[sl] == tuple(s[sl]))
u = "añ☃😀b"
print(u[1:4], u[::-1], u[-2], u[::2], len(u[1:]))
