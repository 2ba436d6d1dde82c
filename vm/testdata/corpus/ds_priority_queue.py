class Heap:
    def __init__(self): self.a = []
    def push(self, x):
        a = self.a; a.append(x); i = len(a) - 1
        while i and a[(i - 1) // 2] > a[i]:
            a[(i - 1) // 2], a[i] = a[i], a[(i - 1) // 2]; i = (i - 1) // 2
    def pop(self):
        a = self.a
        a[0], a[-1] = a[-1], a[0]
        top = a.pop(); i = 0
        while True:
            l, r, m = 2 * i + 1, 2 * i + 2, i
            if l < len(a) and a[l] < a[m]: m = l
            if r < len(a) and a[r] < a[m]: m = r
            if m == i: return top
            a[i], a[m] = a[m], a[i]; i = m
    def __len__(self): return len(self.a)
h = Heap()
for x in [5, 3, 8, 1, 9, 2, 7]:
    h.push(x)
print([h.pop() for _ in range(len(h))])
tasks = Heap()
for pri, name in [(2, "write"), (1, "plan"), (3, "ship"), (1, "coffee")]:
    tasks.push((pri, name))
print([tasks.pop() for _ in range(4)])
