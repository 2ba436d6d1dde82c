# One small program per CPython 3.11 opcode, each compiled by CPython so that its code contains that
# opcode (checked by vm/opcode_test.go). "single:" programs are compiled in 'single' mode.
SNIPPETS = {
    "CACHE": "x = [1]\nprint(x[0])",
    "POP_TOP": "len([])\nprint('ok')",
    "PUSH_NULL": "print(len('ab'))",
    "NOP": "try:\n    pass\nexcept Exception:\n    pass\nprint('nop')",
    "UNARY_POSITIVE": "x = 5\nprint(+x)",
    "UNARY_NEGATIVE": "x = 5\nprint(-x)",
    "UNARY_NOT": "x = 5\nprint(not x)",
    "UNARY_INVERT": "x = 5\nprint(~x)",
    "BINARY_SUBSCR": "d = {'a': 1}\nprint(d['a'])",
    "GET_LEN": "match [1, 2]:\n    case [a, b]:\n        print(a + b)",
    "MATCH_MAPPING": "match {'k': 1}:\n    case {'k': v}:\n        print(v)",
    "MATCH_SEQUENCE": "match (1, 2):\n    case (x, y):\n        print(x, y)",
    "MATCH_KEYS": "match {'a': 1, 'b': 2}:\n    case {'a': 1, 'b': b}:\n        print(b)",
    "PUSH_EXC_INFO": "try:\n    1/0\nexcept ZeroDivisionError:\n    print('caught')",
    "CHECK_EXC_MATCH": "try:\n    [][0]\nexcept IndexError as e:\n    print(e)",
    "CHECK_EG_MATCH": "try:\n    raise ExceptionGroup('g', [ValueError(1)])\nexcept* ValueError as g:\n    print(len(g.exceptions))",
    "WITH_EXCEPT_START": "class C:\n    def __enter__(self): return self\n    def __exit__(self, *a):\n        print('exit', a[0].__name__)\n        return True\nwith C():\n    raise KeyError",
    "GET_AITER": "async def f():\n    async for x in g():\n        print(x)\nasync def g():\n    yield 1\ntry:\n    f().send(None)\nexcept StopIteration:\n    print('done')",
    "GET_ANEXT": "async def g():\n    yield 7\nasync def f():\n    async for x in g():\n        print(x)\ntry:\n    f().send(None)\nexcept StopIteration:\n    pass",
    "BEFORE_ASYNC_WITH": "class A:\n    async def __aenter__(self):\n        print('in')\n    async def __aexit__(self, *a):\n        print('out')\nasync def f():\n    async with A():\n        print('body')\ntry:\n    f().send(None)\nexcept StopIteration:\n    pass",
    "BEFORE_WITH": "class C:\n    def __enter__(self): return 1\n    def __exit__(self, *a): pass\nwith C() as v:\n    print(v)",
    "END_ASYNC_FOR": "async def g():\n    yield 1\n    yield 2\nasync def f():\n    async for x in g():\n        print(x)\ntry:\n    f().send(None)\nexcept StopIteration:\n    print('end')",
    "STORE_SUBSCR": "l = [0]\nl[0] = 5\nprint(l)",
    "DELETE_SUBSCR": "l = [1, 2]\ndel l[0]\nprint(l)",
    "GET_ITER": "for x in 'ab':\n    print(x)",
    "GET_YIELD_FROM_ITER": "def g():\n    yield from [1, 2]\nprint(list(g()))",
    "PRINT_EXPR": "single:1 + 2",
    "LOAD_BUILD_CLASS": "class K: pass\nprint(K.__name__)",
    "LOAD_ASSERTION_ERROR": "try:\n    assert False, 'msg'\nexcept AssertionError as e:\n    print(e)",
    "RETURN_GENERATOR": "def g():\n    yield 1\nprint(next(g()))",
    "LIST_TO_TUPLE": "a = [1, 2]\nprint(*a, *a)",
    "RETURN_VALUE": "def f():\n    return 3\nprint(f())",
    "IMPORT_STAR": "from math import *\nprint(floor(2.5))",
    "SETUP_ANNOTATIONS": "x: int = 1\nprint(__annotations__)",
    "YIELD_VALUE": "def g():\n    yield 'y'\nprint(list(g()))",
    "ASYNC_GEN_WRAP": "async def g():\n    yield 5\nprint(type(g()).__name__)",
    "PREP_RERAISE_STAR": "try:\n    try:\n        raise ExceptionGroup('g', [ValueError(1), KeyError(2)])\n    except* ValueError:\n        print('v')\nexcept* KeyError:\n    print('k')",
    "POP_EXCEPT": "try:\n    raise KeyError\nexcept KeyError:\n    pass\nprint('after')",
    "STORE_NAME": "x = 1\nprint(x)",
    "DELETE_NAME": "x = 1\ndel x\nprint('x' in dir())",
    "UNPACK_SEQUENCE": "a, b = [1, 2]\nprint(a, b)",
    "FOR_ITER": "for i in range(2):\n    print(i)",
    "UNPACK_EX": "a, *b = 'xyz'\nprint(a, b)",
    "STORE_ATTR": "class O: pass\no = O()\no.a = 4\nprint(o.a)",
    "DELETE_ATTR": "class O: pass\no = O()\no.a = 4\ndel o.a\nprint(hasattr(o, 'a'))",
    "STORE_GLOBAL": "def f():\n    global G\n    G = 9\nf()\nprint(G)",
    "DELETE_GLOBAL": "G = 1\ndef f():\n    global G\n    del G\nf()\nprint('G' in globals())",
    "SWAP": "a, b = 1, 2\na, b = b, a\nprint(a, b)",
    "LOAD_CONST": "print(42)",
    "LOAD_NAME": "x = 3\nprint(x)",
    "BUILD_TUPLE": "a = 1\nprint((a, a))",
    "BUILD_LIST": "a = 1\nprint([a, a])",
    "BUILD_SET": "a = 1\nprint({a})",
    "BUILD_MAP": "a = 1\nprint({a: a})",
    "LOAD_ATTR": "class O:\n    v = 8\nprint(O.v)",
    "COMPARE_OP": "a = 1\nprint(a < 2)",
    "IMPORT_NAME": "import math\nprint(math.floor(1.5))",
    "IMPORT_FROM": "from math import floor\nprint(floor(1.5))",
    "JUMP_FORWARD": "x = 1\nif x:\n    y = 1\nelse:\n    y = 2\nprint(y)",
    "JUMP_IF_FALSE_OR_POP": "a = 0\nb = a and 5\nprint(b)",
    "JUMP_IF_TRUE_OR_POP": "a = 3\nb = a or 5\nprint(b)",
    "POP_JUMP_FORWARD_IF_FALSE": "x = 0\nif x:\n    print('t')\nprint('end')",
    "POP_JUMP_FORWARD_IF_TRUE": "x = 1\nif not x:\n    print('f')\nprint('end')",
    "LOAD_GLOBAL": "def f():\n    return len('abc')\nprint(f())",
    "IS_OP": "x = None\nprint(x is None)",
    "CONTAINS_OP": "print(1 in [1, 2])",
    "RERAISE": "try:\n    try:\n        1/0\n    finally:\n        print('fin')\nexcept ZeroDivisionError:\n    print('zde')",
    "COPY": "a = [1]\na[0] += 1\nprint(a)",
    "BINARY_OP": "a = 2\nprint(a * 3)",
    "SEND": "def g():\n    yield from (x for x in [1])\nprint(list(g()))",
    "LOAD_FAST": "def f(x):\n    return x\nprint(f(1))",
    "STORE_FAST": "def f():\n    y = 2\n    return y\nprint(f())",
    "DELETE_FAST": "def f():\n    y = 2\n    del y\n    return 'ok'\nprint(f())",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "x = 1\nif x is None:\n    print('none')\nprint('end')",
    "POP_JUMP_FORWARD_IF_NONE": "x = None\nif x is not None:\n    print('some')\nprint('end')",
    "RAISE_VARARGS": "try:\n    raise ValueError('v')\nexcept ValueError as e:\n    print(e)",
    "GET_AWAITABLE": "async def a():\n    return 1\nasync def b():\n    print(await a())\ntry:\n    b().send(None)\nexcept StopIteration:\n    pass",
    "MAKE_FUNCTION": "def f(): pass\nprint(f.__name__)",
    "BUILD_SLICE": "a = 1\nprint([1, 2, 3][a:])",
    "JUMP_BACKWARD_NO_INTERRUPT": "def g():\n    yield from [1, 2]\nprint(list(g()))",
    "MAKE_CELL": "def f():\n    x = 1\n    def g(): return x\n    return g()\nprint(f())",
    "LOAD_CLOSURE": "def f():\n    x = 2\n    return lambda: x\nprint(f()())",
    "LOAD_DEREF": "def f():\n    x = 3\n    def g(): return x\n    return g()\nprint(f())",
    "STORE_DEREF": "def f():\n    x = 0\n    def g():\n        nonlocal x\n        x = 4\n    g()\n    return x\nprint(f())",
    "DELETE_DEREF": "def f():\n    x = 0\n    def g(): return x\n    del x\n    try:\n        g()\n    except NameError as e:\n        print('NameError', e)\nf()",
    "JUMP_BACKWARD": "t = 0\nfor i in range(3):\n    t += i\nprint(t)",
    "CALL_FUNCTION_EX": "args = (1, 2)\nprint(*args)",
    "EXTENDED_ARG": "x = 0\n" + "".join("x += %d\n" % i for i in range(300)) + "print(x)",
    "LIST_APPEND": "print([i for i in range(3)])",
    "SET_ADD": "print({i for i in range(3)})",
    "MAP_ADD": "print({i: i for i in range(3)})",
    "LOAD_CLASSDEREF": "def f():\n    v = 'cell'\n    class C:\n        w = v\n    return C.w\nprint(f())",
    "COPY_FREE_VARS": "def f():\n    x = 5\n    def g(): return x\n    return g()\nprint(f())",
    "RESUME": "print('resume')",
    "MATCH_CLASS": "class P:\n    __match_args__ = ('a',)\n    def __init__(self): self.a = 1\nmatch P():\n    case P(a):\n        print(a)",
    "FORMAT_VALUE": "x = 5\nprint(f'{x}')",
    "BUILD_CONST_KEY_MAP": "a = 1\nprint({'x': a, 'y': a})",
    "BUILD_STRING": "x = 5\nprint(f'a{x}b')",
    "LOAD_METHOD": "print('ab'.upper())",
    "LIST_EXTEND": "a = [1]\nprint([*a, 2])",
    "SET_UPDATE": "a = [1]\nprint({*a, 2})",
    "DICT_MERGE": "def f(**k): return k\nd = {'a': 1}\nprint(f(**d, b=2))",
    "DICT_UPDATE": "d = {'a': 1}\nprint({**d, 'b': 2})",
    "PRECALL": "print(abs(-1))",
    "CALL": "print(abs(-2))",
    "KW_NAMES": "print('a', 'b', sep='-')",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "x = 3\nwhile x is not None:\n    x = None if x == 1 else x - 1\nprint('done')",
    "POP_JUMP_BACKWARD_IF_NONE": "x = None\nn = 0\nwhile x is None:\n    n += 1\n    x = 1 if n > 2 else None\nprint(n)",
    "POP_JUMP_BACKWARD_IF_FALSE": "n = 0\nwhile not n > 3:\n    n += 1\nprint(n)",
    "POP_JUMP_BACKWARD_IF_TRUE": "n = 0\nwhile n < 3:\n    n += 1\nprint(n)",
}


if __name__ == "__main__":
    # Emit, for vm/opcode_test.go, each snippet's marshalled code, whether CPython's code really
    # contains the opcode, and CPython's output.
    import contextlib, dis, io, json, marshal, opcode, sys

    def ops(code):
        s = {opcode.opname[code.co_code[i]] for i in range(0, len(code.co_code), 2)}
        for c in code.co_consts:
            if hasattr(c, "co_code"):
                s |= ops(c)
        return s

    out = {}
    for name, src in SNIPPETS.items():
        mode = "exec"
        if src.startswith("single:"):
            mode, src = "single", src[len("single:"):]
        code = compile(src, "<" + name + ">", mode)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            sys.displayhook = sys.__displayhook__
            exec(code, {"__name__": "__main__"})
        out[name] = {"marshal": marshal.dumps(code).hex(), "has_op": name in ops(code), "stdout": buf.getvalue()}
    json.dump(out, sys.stdout)
