import ast
t = ast.parse("def f(x):\n    return x * 2 + 1\n")
print(ast.dump(t))
print(ast.unparse(t), ast.literal_eval("{'a': (1, 2.5, -3j)}"))
print([type(n).__name__ for n in ast.walk(t)])
class V(ast.NodeTransformer):
    def visit_Constant(self, node): return ast.Constant(node.value * 10)
print(ast.unparse(V().visit(ast.parse("y = 1 + 2"))))
ns = {}; exec(compile(ast.fix_missing_locations(V().visit(ast.parse("y = 1 + 2"))), "<a>", "exec"), ns); print(ns["y"])
