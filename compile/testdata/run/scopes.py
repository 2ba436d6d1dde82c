x = "global"
def f():
    print(x)
def g():
    x = "local"
    def h():
        return x
    return h()
def k():
    global x
    x = "changed"
f(); print(g()); k(); print(x)
class A:
    x = "class"
    def m(self):
        return x
    y = [x for _ in range(1)]
print(A().m(), A.y)
def outer():
    a = 1
    class Inner:
        a = 2
        def get(self):
            return a
    return Inner().get(), Inner.a
print(outer())
def cell_arg(v):
    def get():
        return v
    v += 1
    return get()
print(cell_arg(1))
def del_local():
    q = 1
    del q
    try:
        q
    except UnboundLocalError as e:
        print("unbound", e)
del_local()
def freevar_in_class():
    val = 3
    class C:
        val2 = val
        def meth(self):
            return val
    return C.val2, C().meth()
print(freevar_in_class())
def shadow():
    len = lambda s: 42
    return len("abc")
print(shadow())
import os.path as osp
from os import path, sep as SEP
print(osp.basename("/a/b"), path is osp, SEP)
def imp_local():
    import json
    from collections import OrderedDict as OD
    return json.dumps(OD(a=1))
print(imp_local())
print((lambda: x)())
def nl():
    out = []
    def a():
        out.append(1)
        def b():
            nonlocal out
            out = out + [2]
        b()
    a()
    return out
print(nl())
