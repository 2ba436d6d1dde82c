import binascii
print(binascii.hexlify(b"\x00\xff"), binascii.unhexlify(b"cafe"), binascii.crc32(b"abc"), binascii.b2a_base64(b"x"))
