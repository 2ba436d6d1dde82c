eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), str(eg), len(eg.exceptions), eg.message)
match, rest = eg.split(ValueError)
print(match.exceptions, rest.exceptions)
print(eg.subgroup(TypeError).exceptions, eg.subgroup(KeyError))
try:
    raise eg
except* ValueError as g:
    print("handled values", [str(x) for x in g.exceptions])
except* TypeError as g:
    print("handled types", [str(x) for x in g.exceptions])
try:
    try:
        raise ExceptionGroup("g", [KeyError("a"), OSError("b")])
    except* KeyError:
        print("got key")
except ExceptionGroup as e:
    print("remaining", repr(e))
try:
    raise ValueError("plain")
except* ValueError as g:
    print("plain wrapped", repr(g))
bg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(bg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print("ValueError:", e)
