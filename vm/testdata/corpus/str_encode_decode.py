s = "Grüße, 世界 €"
for enc in ("utf-8", "latin-1", "ascii"):
    for err in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
        try:
            print(enc, err, s.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, "UnicodeEncodeError:", e)
b = s.encode()
print(b.decode(), b.decode("latin-1"), len(b), b.decode("ascii", "replace"), b.decode("ascii", "ignore"))
print(bytes("x", "ascii"), str(b"caf\xc3\xa9", "utf-8"), "é".encode("utf8"), b"\xe9".decode("latin1"))
