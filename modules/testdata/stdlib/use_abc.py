import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
class B(A):
    def f(self): return 1
try:
    A()
except TypeError as e:
    print(e)
print(B().f(), isinstance(B(), A), issubclass(B, A), A.__abstractmethods__)
class V(abc.ABC): pass
V.register(int); print(isinstance(3, V), issubclass(bool, V))
