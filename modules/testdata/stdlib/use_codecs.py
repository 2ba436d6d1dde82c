import codecs
print(codecs.encode("héllo", "utf-16-le"), codecs.decode(b"\xff\xfeh\x00", "utf-16"), codecs.lookup("latin1").name)
print("x".encode("cp1252"), b"\x80".decode("cp1252"), codecs.encode(b"hi", "hex"), codecs.escape_decode(b"\\n")[0])
print(codecs.decode(b"abc\\u00e9", "unicode_escape"), "é".encode("ascii", "xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"))
