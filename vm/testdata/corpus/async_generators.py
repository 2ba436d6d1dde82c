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

async def agen(n):
    for i in range(n):
        await Yield(i)
        yield i * 10
async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    out.append([x async for x in agen(2)])
    g = agen(5)
    out.append(await g.__anext__())
    out.append(await g.asend(None))
    await g.aclose()
    return out
print(run(main()))
async def squares():
    return [i * i for i in range(3)]
print(run(squares()))
