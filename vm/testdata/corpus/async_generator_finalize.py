async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")
async def main():
    g = agen()
    print(await g.__anext__())
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("stopped")
    return "done"
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
