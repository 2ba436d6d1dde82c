import tokenize, io
for t in tokenize.generate_tokens(io.StringIO("x = (1 + 2)  # c\n").readline):
    print(tokenize.tok_name[t.type], repr(t.string), t.start, t.end)
