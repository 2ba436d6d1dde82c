texts = ["ascii", "caf\u00e9", "\u65e5\u672c", "emoji \U0001F600", "mixed \u00e9\u65e5"]
for t in texts:
    b = t.encode("utf-8")
    print(len(t), len(b), b, b.decode("utf-8") == t, t.encode("utf-8", "ignore").decode("ascii", "replace"))
print("\u00e9".encode("latin-1"), b"\xe9".decode("latin-1"), "x".encode("ascii"))
