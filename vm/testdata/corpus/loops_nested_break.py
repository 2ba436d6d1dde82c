found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print(found)
count = 0
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        count += 1
print(count)
i = 0
while i < 10:
    i += 1
    if i % 2: continue
    if i > 6: break
    print(i, end=" ")
print()
for x in []:
    print("never")
else:
    print("empty loop else")
