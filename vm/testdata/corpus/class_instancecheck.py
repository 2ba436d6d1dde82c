class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj > 10
    def __subclasscheck__(cls, sub):
        return sub is bool
class Big(metaclass=Meta): pass
print(isinstance(5, Big), isinstance(50, Big), issubclass(bool, Big), issubclass(int, Big))
print(isinstance(1, (str, Big)), isinstance(100, (str, Big)))
print(isinstance(3, int | str), issubclass(bool, int | None))
try:
    isinstance(1, 5)
except TypeError as e:
    print("TypeError:", e)
