parts = []
for i in range(5):
    parts.append(f"[{i}:{'#' * i}]")
print("".join(parts))
table = "\n".join(f"{n:>3} {n*n:>5} {n**3:>7}" for n in range(1, 6))
print(table)
print("=" * 20, "-".join("abc"), "%s" % "x" * 3, ("ab" * 2).upper())
print(str.join(", ", ["x", "y"]), "{}-{}".format(*"ab"), "{a}{b}".format(**{"a": 1, "b": 2}))
