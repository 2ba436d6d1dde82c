b = bytearray(b"abcdef")
m = memoryview(b)
print(len(m), m[0], bytes(m[1:3]), m.tobytes(), m.tolist()[:3], m.readonly)
m[0] = 90
print(b)
m2 = memoryview(b"xyz")
print(m2.readonly, bytes(m2), m2 == b"xyz", m2.nbytes)
with memoryview(b"q") as mm:
    print(mm.tobytes())
