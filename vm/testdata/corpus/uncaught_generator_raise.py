def g():
    yield 1
    raise RuntimeError('in generator')
list(g())
