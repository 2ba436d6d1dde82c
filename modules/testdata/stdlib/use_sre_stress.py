import re
email = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.-]+$")
print([bool(email.match(s)) for s in ["a@b.co", "bad@", "x.y+z@q-r.org"]])
print(re.sub(r"(?m)^\s+", "", "  a\n    b\n c"), re.findall(r"\b[A-Z]{2,}\b", "THE cat IS ok"))
print(re.match(r"(?P<a>x)(?P=a)", "xx").group(), re.split(r"\b", "hi there"), re.findall(r"(\d+)(?:px|em)", "10px 2em 3pt"))
print(re.sub(r"(\d+)", lambda m: str(int(m.group(1)) * 2), "a1b22"), re.search(r"a{3,}", "caaaat").span(), re.fullmatch(r"(?:a|bc)*", "abca") is not None)
print(len(re.findall(r"\w+", "word " * 2000)), re.search(r"(a|b)*c", "ab" * 500 + "c").end())
print(re.compile(r"[\u0400-\u04ff]+").findall("abc привет def"), re.findall(r"[^\x00-\x7f]", "aéb¢"))
