ba = bytearray(b"0123456789")
ba[2:5] = b""
print(ba)
ba[0:0] = b"ab"
print(ba)
del ba[::3]
print(ba)
ba.extend(range(65, 70))
print(ba, ba.pop(0), ba.index(b"C") if hasattr(ba, "index") else "")
ba[-1] = 0x7a
print(ba, bytes(ba[:3]), ba.count(b"6"), ba.find(b"zz"), len(ba))
try:
    ba[0] = 256
except ValueError as e:
    print("ValueError:", e)
