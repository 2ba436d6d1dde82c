s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
chars = [c for c in "hello" if c != "l"]
print(chars, "".join(chars))
acc = []
for i, ch in enumerate("abc"):
    acc.append(ch * (i + 1))
print("|".join(acc))
print(list(map(ord, "AZ")), "".join(map(chr, range(97, 102))))
print(reversed("abc").__class__.__name__, "".join(reversed("abc")), "abc"[::-1])
