def run(coro):
    """A tiny event loop: drives coroutines that await Sleep-like futures."""
    ready = [(coro, None)]
    result = {}
    while ready:
        c, val = ready.pop(0)
        try:
            fut = c.send(val)
        except StopIteration as e:
            result[id(c)] = e.value
            continue
        ready.append((c, fut))
    return result.get(id(coro))
class Yield:
    def __init__(self, v): self.v = v
    def __await__(self):
        got = yield self.v
        return got

async def fails():
    await Yield(0)
    raise KeyError("async boom")
async def main():
    try:
        await fails()
    except KeyError as e:
        return "caught " + repr(e)
print(run(main()))
async def inner():
    try:
        await Yield(1)
    except ValueError as e:
        return "inner caught " + str(e)
async def outer():
    return await inner()
c = outer()
c.send(None)
try:
    c.throw(ValueError("thrown"))
except StopIteration as e:
    print(e.value)
class NotAwaitable: pass
async def bad():
    await NotAwaitable()
try:
    run(bad())
except TypeError as e:
    print("TypeError:", e)
