v = None
print(v[0])
