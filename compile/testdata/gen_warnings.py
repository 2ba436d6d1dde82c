import warnings, json, sys
cases = [
 "x is 1", "x is not 'a'", "1 is x", "x is None", "x is ()", "x is (1, 2)", "x is -1", "x is ...",
 "if x is 1: pass", "if a < b is 1: pass", "a < b is 1", "x is [1]", "x is not b''",
 "assert (x, 'msg')", "assert (1, 2)", "assert ()", "assert (x,)",
 "1()", "'a'()", "(1, 2)()", "(x, y)()", "[1]()", "[x for x in y]()", "{}()", "{1}()", "(x for x in y)()", "f'{x}'()", "None()", "...()", "(1).real()",
 "1[0]", "None[0]", "{1}[0]", "(x for x in y)[0]", "(lambda: 0)[0]", "1.5[0]", "True[0]",
 "'abc'['a']", "'abc'[1.5]", "(1, 2)['a']", "[1, 2]['a']", "(x, y)['a']", "[x][(1,2)]", "'abc'[1]", "'abc'[x]", "[1][1:2]", "b'a'[None]", "f'{x}'['a']", "[x for x in y]['a']", "'a'[True]",
 "x[0] = 1\n1[0] = 2", "del 'a'['b']",
 "try:\n  x is 1\nfinally:\n  y is 2",
 "def f():\n  return 1()\n",
 "lambda: 2 is 3",
 "x = [i is 1 for i in y]",
 "'a' 'b'()",
 "f((1,2)(3))",
 "(1)(2)",
 "if (1,2)['a']: pass",
 "while x is 'a': pass",
 "x = 1 if 2 is 3 else 4",
 "1 < 1 is 1 is not 1", "if 1 < 2 is not 2 is 3: pass", "if not 1 is not 1: x", "assert not 1 is 1",
]
out = []
for src in cases:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            compile(src, 'x', 'exec')
            err = None
        except SyntaxError as e:
            err = str(e)
    ws = [[str(x.category.__name__), str(x.message), x.lineno] for x in w]
    # offsets: turn warnings into errors
    offs = []
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        try:
            compile(src, 'x', 'exec')
        except SyntaxError as e:
            offs = [e.msg, e.lineno, e.offset]
    out.append({"src": src, "warnings": ws, "first_as_error": offs})
json.dump(out, sys.stdout, indent=1)
