code = compile("x * 2 + 1", "<expr>", "eval")
print(eval(code, {"x": 5}))
ns = {}
exec(compile("a = 1\nb = a + 1\ndef f(): return b * 10", "<exec>", "exec"), ns)
print(ns["a"], ns["b"], ns["f"]())
print(eval("1 + 2"), eval("len(s)", {"s": "abc"}), eval("y", {}, {"y": 3}))
g = {"v": 10}
exec("v += 1", g)
print(g["v"])
exec("print('inside exec', __name__)")
