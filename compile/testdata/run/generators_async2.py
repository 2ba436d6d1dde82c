import asyncio
def countdown(n):
    while n > 0:
        got = yield n
        if got:
            n = got
        n -= 1
    return "liftoff"
g = countdown(5)
print(next(g), g.send(3), next(g), next(g, "done"))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "ab")))
def sub():
    x = yield 1
    return x * 2
def outer():
    r = yield from sub()
    yield r
o = outer(); next(o); print(o.send(21))
gen_exp = (x * x for x in range(4) if x)
print(sum(gen_exp), list(gen_exp))
async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)
async def consume():
    agen = ticker(3)
    print(await agen.__anext__(), await agen.asend(None))
    await agen.aclose()
    total = 0
    async for v in ticker(4):
        if v == 2:
            continue
        total += v
    return total, [x async for x in ticker(3)], (y async for y in ticker(2)).__class__.__name__
print(asyncio.run(consume()))
async def waiter(i):
    await asyncio.sleep(0)
    return i
async def gather_all():
    results = []
    for coro in asyncio.as_completed([waiter(i) for i in range(3)]):
        results.append(await coro)
    return sorted(results)
print(asyncio.run(gather_all()))
async def exc_in_async():
    try:
        await waiter(1)
        raise ValueError("async boom")
    except ValueError as e:
        return str(e)
    finally:
        print("async finally")
print(asyncio.run(exc_in_async()))
