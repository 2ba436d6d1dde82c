def bubble(a):
    a = a[:]
    for i in range(len(a)):
        for j in range(len(a) - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a
def quick(a):
    if len(a) <= 1: return a
    p, *rest = a
    return quick([x for x in rest if x < p]) + [p] + quick([x for x in rest if x >= p])
def merge(a):
    if len(a) <= 1: return a
    m = len(a) // 2
    l, r = merge(a[:m]), merge(a[m:])
    out = []
    while l and r:
        out.append(l.pop(0) if l[0] <= r[0] else r.pop(0))
    return out + l + r
def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        k = a[i]; j = i - 1
        while j >= 0 and a[j] > k:
            a[j + 1] = a[j]; j -= 1
        a[j + 1] = k
    return a
data = [(i * 7919) % 101 for i in range(40)]
print(bubble(data) == quick(data) == merge(data) == insertion(data) == sorted(data))
print(quick(data)[:10], merge(["pear", "apple", "fig"]))
