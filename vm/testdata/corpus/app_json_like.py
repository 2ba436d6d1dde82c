def dump(o, indent=0):
    pad = "  " * indent
    if isinstance(o, dict):
        if not o: return "{}"
        items = [f"{pad}  {k!r}: {dump(v, indent + 1)}" for k, v in o.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(o, list):
        return "[" + ", ".join(dump(x, indent) for x in o) + "]"
    if o is None: return "null"
    if isinstance(o, bool): return "true" if o else "false"
    if isinstance(o, str): return '"' + o.replace('"', '\\"') + '"'
    return repr(o)
doc = {"name": "gopyc", "version": [3, 11], "ok": True, "missing": None, "nested": {"a": 1.5, "b": {}, "q": 'say "hi"'}}
print(dump(doc))
def tokenize(s):
    toks, i = [], 0
    while i < len(s):
        c = s[i]
        if c.isspace(): i += 1; continue
        if c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit(): j += 1
            toks.append(int(s[i:j])); i = j; continue
        toks.append(c); i += 1
    return toks
print(tokenize("[12, {3: 45}]"))
