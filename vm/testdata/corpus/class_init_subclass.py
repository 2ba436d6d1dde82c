class Plugin:
    registry = []
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key
        Plugin.registry.append(cls.__name__)
class A(Plugin, key="a"): pass
class B(Plugin): pass
print(Plugin.registry, A.key, B.key)
class G:
    def __class_getitem__(cls, item):
        return f"G[{item.__name__ if isinstance(item, type) else item}]"
print(G[int], G["x"], list[int], dict[str, int])
