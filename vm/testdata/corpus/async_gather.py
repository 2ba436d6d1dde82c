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

log = []
async def worker(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        await Yield(None)
    return name * n
def gather(*coros):
    results = [None] * len(coros)
    pending = list(enumerate(coros))
    while pending:
        nxt = []
        for i, c in pending:
            try:
                c.send(None)
                nxt.append((i, c))
            except StopIteration as e:
                results[i] = e.value
        pending = nxt
    return results
print(gather(worker("a", 2), worker("b", 3), worker("c", 1)))
print(log)
