import random
random.seed(1234)
print(random.random(), random.randint(1, 10), random.choice("abcdef"), random.sample(range(50), 4))
l = list(range(10)); random.shuffle(l); print(l)
r = random.Random(99); print(r.uniform(0, 1), r.randrange(100), r.getrandbits(40), r.choices("ab", weights=[1, 3], k=4))
random.seed("text"); print(random.random())
