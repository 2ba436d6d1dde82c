import textwrap
s = "The quick brown fox jumps over the lazy dog " * 3
print(textwrap.wrap(s, 30)); print(textwrap.fill(s, 40, initial_indent="> "))
print(textwrap.dedent("    a\n      b\n    c"), textwrap.indent("x\ny", "  "), textwrap.shorten(s, 30))
