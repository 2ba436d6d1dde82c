s = "aaaa"
print(s.count("aa"), s.count(""), "".count(""), s.find(""), s.rfind(""), s.find("", 10), s.index("a", -2))
print("abc".find("c", -1), "abc".find("a", -10), "abc"[-10:2], "abc".replace("", "-"), "abc".replace("", "-", 2))
print("mississippi".split("ss"), "mississippi".rsplit("i", 2), "mississippi".partition("ss"))
print("ab".join("xyz"), "".join([]), " ".join(["a"]), "abc".startswith(""), "".endswith(""))
