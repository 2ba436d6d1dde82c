b = bytes(range(0, 256, 51))
print(b, list(b), b.hex(), len(b), b[1:3], b[::-1])
print(b"abc".upper().lower(), b"ab".ljust(4, b"."), b"ab".rjust(4, b"."), b"ab".center(5, b"*"))
print(b"a,b,,c".split(b","), b"  x  ".strip(), b"xxhixx".strip(b"x"), b"abc".replace(b"b", b"BB"))
print(b"abc" == b"abc", b"abc" != bytearray(b"abc"), b"a" < b"b", bytes(2) + b"\x01", b"%s" % b"x")
print(bytes([1, 2, 3]).count(2), b"hello".find(b"l"), b"hello".rindex(b"l"), b"hello".endswith(b"lo"))
ba = bytearray(b"xyz")
ba[0:1] = b"AB"
ba += b"!"
print(ba, ba * 2, ba[-1], ba.hex(), len(ba))
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "big") == b"\x10\x00")
