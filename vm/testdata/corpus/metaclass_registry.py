class RegistryMeta(type):
    registry = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.registry.append(name)
        return cls
    def __len__(cls): return len(RegistryMeta.registry)
    def __iter__(cls): return iter(RegistryMeta.registry)
class Plugin(metaclass=RegistryMeta): pass
class A(Plugin): pass
class B(Plugin): pass
print(RegistryMeta.registry, len(Plugin), list(Plugin), type(A).__name__)
class Singleton(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Db(metaclass=Singleton):
    def __init__(self): print("connecting")
print(Db() is Db())
