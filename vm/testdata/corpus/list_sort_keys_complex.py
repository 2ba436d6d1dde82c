records = [{"name": "b", "age": 30}, {"name": "a", "age": 25}, {"name": "c", "age": 30}, {"name": "d", "age": 20}]
print([r["name"] for r in sorted(records, key=lambda r: (r["age"], r["name"]))])
print([r["name"] for r in sorted(records, key=lambda r: r["age"], reverse=True)])
records.sort(key=lambda r: r["name"], reverse=True)
print([r["name"] for r in records])
nums = [-5, 3, -1, 4, -2]
print(sorted(nums, key=abs), sorted(nums, key=lambda x: (x < 0, x)), sorted(map(str, nums)))
pairs = [(1, "b"), (1, "a"), (0, "z")]
pairs.sort()
print(pairs, sorted(pairs, key=lambda p: p[1]), sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.casefold))
