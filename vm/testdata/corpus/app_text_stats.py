text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity."""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(words), len(freq), top)
lines = text.splitlines()
print([len(l) for l in lines], max(lines, key=len)[:20])
print(sum(1 for c in text if c in "aeiou"), text.count("it was"), text.title()[:30])
longest = max(words, key=len)
print(longest, len(longest), sorted({len(w) for w in words}))
