words = ["w%d" % i for i in range(1000)]
s = " ".join(words)
print(len(s), s[:20], s.count("w"), len(s.split()), s.split()[-1])
parts = s.split(" ", 3)
print(parts[:3], len(parts[3]))
csv = "\n".join(",".join(str(i * j) for j in range(5)) for i in range(5))
print(csv)
print([line.split(",")[2] for line in csv.splitlines()])
