x, y = 10, 3.14159
name = "world"
print(f"hello {name}!", f"{x + 1}", f"{y:.2f}", f"{x!r}", f"{name!r:>10}", f"{x:#x}")
print(f"{'nested'}", f"{x if x > 5 else 0}", f"{[i * 2 for i in range(3)]}", f"{ {'a': 1}['a'] }")
print(f"{x=}", f"{y=:.1f}", f"{name = }")
w = 8
print(f"{y:{w}.{2}f}|", f"{'a':{'>'}{w}}|")
d = {"k": [1, 2]}
print(f"{d['k'][1]}", f"{len(name)}", f"{'{'}{x}{'}'}")
print(f"""multi
{x}
line""")
