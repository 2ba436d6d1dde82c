words = "the cat and the hat and the bat".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
inv = {v: k for k, v in freq.items()}
print(inv)
groups = {}
for w in words:
    groups.setdefault(len(w), []).append(w)
print(groups)
print({k: sorted(set(v)) for k, v in groups.items()})
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("x", {}).get("y"))
merged = {**{"a": 1, "b": 2}, **{"b": 3, "c": 4}}
print(merged, list(merged), len(merged))
