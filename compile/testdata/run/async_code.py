import asyncio

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

class ACtx:
    async def __aenter__(self):
        print("aenter")
        return "res"
    async def __aexit__(self, *a):
        print("aexit", a[0])
        return False

async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    else:
        print("async for else")
    print(out)
    print([v async for v in agen(4) if v % 2])
    print({v: v async for v in agen(2)})
    async with ACtx() as r:
        print("inside", r)
    try:
        async with ACtx():
            raise ValueError("x")
    except ValueError:
        print("caught")
    res = await asyncio.gather(*(sq(i) for i in range(3)))
    print(res)
    print([await sq(i) for i in range(3)])
    return "main done"

async def sq(x):
    await asyncio.sleep(0)
    return x * x

print(asyncio.run(main()))
