import types
ns = types.SimpleNamespace(a=1, b=2); print(ns, ns.a)
print(types.FunctionType, types.ModuleType("m"), isinstance(len, types.BuiltinFunctionType))
C = types.new_class("C", (), {}, lambda ns: ns.update(x=1)); print(C.x, types.MappingProxyType({"a": 1})["a"])
def g(): yield
print(isinstance(g(), types.GeneratorType), type(None) is types.NoneType)
