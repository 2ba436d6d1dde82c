x = 10
g = (x * i for i in range(3))
x = 20
print(list(g))
data = [1, 2, 3]
g2 = (d for d in data)
data = [9]
print(list(g2))
try:
    list(y for y in range(3) if undefined_thing)
except NameError as e:
    print("NameError:", e)
print(sum(i for i in range(100)), max(len(w) for w in ["a", "bbb", "cc"]))
print(list((i, j) for i in range(2) for j in range(3) if i != j))
