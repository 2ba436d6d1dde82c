text = """first line
  indented line
last line"""
print(text.count("\n"), len(text.splitlines()), [l.strip() for l in text.splitlines()])
print(text.upper().split("\n")[1], text.replace("line", "LINE", 2))
lines = [f"{i:>3}: {l}" for i, l in enumerate(text.splitlines(), 1)]
print("\n".join(lines))
print(max(text.split(), key=len), sorted(set(text.split()))[:3])
