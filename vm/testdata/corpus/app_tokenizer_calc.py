def tokenize(s):
    toks, num = [], ""
    for ch in s:
        if ch.isdigit() or ch == ".":
            num += ch
        else:
            if num: toks.append(float(num)); num = ""
            if ch in "+-*/()": toks.append(ch)
    if num: toks.append(float(num))
    return toks
def parse(toks):
    pos = 0
    def peek(): return toks[pos] if pos < len(toks) else None
    def take():
        nonlocal pos
        pos += 1
        return toks[pos - 1]
    def expr():
        v = term()
        while peek() in ("+", "-"):
            v = v + term() if take() == "+" else v - term()
        return v
    def term():
        v = factor()
        while peek() in ("*", "/"):
            v = v * factor() if take() == "*" else v / factor()
        return v
    def factor():
        t = take()
        if t == "(":
            v = expr(); take(); return v
        if t == "-":
            return -factor()
        return t
    return expr()
for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "-(2 + 3) * 2", "2 * (3 + (4 - 1)) / 3"]:
    print(e, "=", parse(tokenize(e)))
