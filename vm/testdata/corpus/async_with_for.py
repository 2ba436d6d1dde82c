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

class ACtx:
    async def __aenter__(self):
        print("aenter")
        await Yield(1)
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return True
class ACount:
    def __init__(self, n): self.n = n; self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Yield(None)
        return self.i
async def main():
    async with ACtx() as r:
        print("inside", r)
        raise ValueError("suppressed")
    total = []
    async for v in ACount(3):
        total.append(v)
    return total
print(run(main()))
