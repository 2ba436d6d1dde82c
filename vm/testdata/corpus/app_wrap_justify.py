def wrap(text, width):
    lines, cur = [], []
    for w in text.split():
        if sum(len(x) for x in cur) + len(cur) + len(w) > width:
            lines.append(" ".join(cur)); cur = []
        cur.append(w)
    if cur: lines.append(" ".join(cur))
    return lines
def justify(line, width):
    ws = line.split()
    if len(ws) == 1: return ws[0].ljust(width)
    gaps = len(ws) - 1; spaces = width - sum(map(len, ws))
    out = ""
    for i, w in enumerate(ws[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + ws[-1]
text = "The quick brown fox jumps over the lazy dog and keeps running far into the distance"
for l in wrap(text, 20):
    print("|" + justify(l, 20) + "|")
for l in wrap(text, 30):
    print("|" + l.center(30) + "|")
