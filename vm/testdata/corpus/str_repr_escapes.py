samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\t", "nl\n", "cr\r", "bell\x07", "del\x7f", "latin\xe9\xa0", "\u2028", "\U0001F600", "\ud800x", "back\\slash", "\x00"]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(repr(b"\x00\x7f\x80\xff'\""), repr(bytearray(b"q'")), repr(b'"'))
