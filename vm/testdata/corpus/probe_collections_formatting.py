import sys
def show(*a): print(*a, sep=" | ")
show(list(range(-3, 3)), list(range(10, -10, -7)), range(3, 1)[::-1], len(range(-10**18, 10**18, 10**17)))
show(sorted([(1, 'b'), (1, 'a'), (0, 'c')], key=lambda t: t[0]), sorted("Hello World".split(), key=str.casefold))
show([i ** 2 for i in range(-3, 4) if i % 2], {i: chr(65 + i) for i in range(3)}, set(map(abs, [-1, 1, -2])))
show(str(list(map(lambda x: x / 2, [1, 2, 3]))), repr(tuple("ab")), str({1: [2, {3: (4,)}]}))
show(min([[2], [1, 5]]), max(["b", "ab"]), sorted([[3, 1], [2], [3, 0]]), [1, 2] < [1, 2, 0])
show(dict.fromkeys("aba"), list({}.items()), {**{}}, dict([("a", 1)], b=2))
nested = [[1, [2, [3, [4]]]]]
flat = []
stack = [nested]
while stack:
    top = stack.pop()
    for item in reversed(top):
        if isinstance(item, list):
            stack.append(item)
        else:
            flat.append(item)
show(flat, len(str(nested)), str(nested).count("["))
show("%05.1f" % -2.5, "%+.3d" % 7, "%x" % -255, "%#X" % 255, "%.3s" % "abcdef", "%-5d|" % -3)
show(f"{'x' * 3:>{2 + 3}}", f"{3.14159:{'.'}{2}f}" if False else "", f"{1e-10:.2e}", f"{-1.5:+08.2f}")
