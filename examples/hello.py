"""A small real program: word frequencies, primes and a class, printed deterministically."""


class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1

    def most_common(self, n):
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def primes(limit):
    sieve = [True] * limit
    for i in range(2, limit):
        if sieve[i]:
            yield i
            for j in range(i * i, limit, i):
                sieve[j] = False


text = "the cache keeps the bytecode and the bytecode keeps the cache warm"
c = Counter()
for w in text.split():
    c.add(w)
print("hello from", __name__)
print(c.most_common(3))
print(list(primes(50)))
print(f"{sum(primes(10_000)):,} is the sum of the primes below 10,000")
