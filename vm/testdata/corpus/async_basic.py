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

async def add(a, b):
    await Yield("tick")
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]
print(run(main()))
c = add(1, 1)
print(type(c).__name__, c.__name__, c.__qualname__)
c.close()
async def plain(): return 5
try:
    plain().send(None)
except StopIteration as e:
    print("StopIteration value", e.value)
