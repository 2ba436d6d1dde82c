class Base:
    subclasses = {}
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Base.subclasses[tag or cls.__name__.lower()] = cls
class Alpha(Base, tag="a"): pass
class Beta(Base): pass
class Gamma(Beta, tag="g"): pass
print(sorted(Base.subclasses), Base.subclasses["g"].__name__)
try:
    class Bad(Base, unknown=1): pass
except TypeError as e:
    print("TypeError:", e)
