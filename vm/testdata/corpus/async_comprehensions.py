class AIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    a = [x async for x in AIter(4)]
    b = {x: x * x async for x in AIter(3)}
    c = [x async for x in AIter(5) if x % 2]
    return a, b, c
try:
    main().send(None)
except StopIteration as e:
    print(e.value)
