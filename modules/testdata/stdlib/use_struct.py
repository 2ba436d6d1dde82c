import struct
print(struct.pack("<ihQ", -1, 2, 3), struct.unpack(">HI", b"\x00\x01\x00\x00\x00\x02"), struct.calcsize("@cid"))
print(struct.unpack("<d", struct.pack("<d", 3.14)), struct.pack("3s", b"abcdef"), struct.Struct("!I").pack(1))
