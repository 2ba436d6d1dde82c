data = [4, 8, 15, 16, 23, 42]
print(any(10 < x < 20 for x in data), all(0 < x <= 42 for x in data), [x for x in data if 5 <= x < 20])
if (m := max(data)) > 40 and (n := min(data)) < 5:
    print("range", m, n)
acc = [s := 0] and [s := s + x for x in data]
print(acc, s)
print(1 < 2 > 1.5 == 1.5 != 2, (a := 3) == 3 == a)
