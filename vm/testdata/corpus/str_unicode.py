s = "héllo wörld ☃ 😀"
print(len(s), s[1], s[-1], s[12:14], s.upper(), s.encode("utf-8"))
print(ord("é"), chr(233), chr(0x1F600), ord("😀"), "\u00e9" == "é", "\N{SNOWMAN}")
print(repr("tab\there"), repr("quote'"), repr('both\'"'), repr("\x00\x7f"), ascii("héllo"))
print(sorted("bca"), list("héllo"), "😀" in s, s.find("☃"), s.index("w"))
print("ÀÉÎ".lower(), "straße".upper(), "ǉ".title(), "Σ".lower())
print(str(b"bytes"), str(123), str([1, "a"]), str(None))
print("{:^9}".format("☃"), f"{'é':>4}|", "é".center(5, "·"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("ascii", "ignore"))
