b = b"hello world"
print(b, b[0], b[1:4], b[::-1], len(b), b.upper(), b.split(), b.replace(b"o", b"0"))
print(b.find(b"o"), b.count(b"l"), b.startswith(b"he"), b.hex(), bytes.fromhex("68 69"))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), b"a" + b"b", b"ab" * 2, b"x" in b"xyz", 120 in b"xyz")
print(b"%s-%d-%x" % (b"a", 5, 255), b", ".join([b"a", b"b"]), b" a ".strip())
ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba[0] = 65
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode())
ba[1:3] = b"XYZ"
print(ba, ba == b"AXYZdef"[:6], ba.upper())
del ba[0]
print(ba, list(b"ab"), b"abc" < b"abd", bytearray(3))
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
