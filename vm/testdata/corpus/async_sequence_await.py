class Sleep:
    def __init__(self, n): self.n = n
    def __await__(self):
        for i in range(self.n):
            yield f"sleep{i}"
        return self.n * 10
async def task(n):
    r = await Sleep(n)
    return r + 1
async def main():
    results = []
    for n in range(3):
        results.append(await task(n))
    return results
coro = main()
yields = []
try:
    while True:
        yields.append(coro.send(None))
except StopIteration as e:
    print("result", e.value)
print(yields)
