class K:
    count = 0
    def __init__(self):
        K.count += 1
    @staticmethod
    def helper(x):
        return x * 2
    @classmethod
    def create(cls):
        return cls()
    @classmethod
    def how_many(cls):
        return cls.count
class Sub(K): pass
print(K.helper(3), K().helper(4), K.create().__class__.__name__, Sub.create().__class__.__name__)
print(K.how_many(), Sub.how_many())
sm = K.__dict__["helper"]
print(type(sm).__name__, sm.__func__(5), type(K.__dict__["create"]).__name__)
