total = 0
count = 0
while True:
    try:
        line = input()
    except EOFError:
        break
    if not line.strip():
        continue
    for tok in line.split():
        total += int(tok)
        count += 1
print("count", count, "total", total, "avg", total / count)
