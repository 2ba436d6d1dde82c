class Animal:
    sound = "..."
    def __init__(self, name): self.name = name
    def speak(self): return f"{self.name} says {self.sound}"
    def __repr__(self): return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self): return super().speak() + "!"
class Cat(Animal):
    sound = "meow"
    def speak(self): return Animal.speak(self).upper()
pets = [Dog("rex"), Puppy("bit"), Cat("tom"), Animal("x")]
for p in pets:
    print(repr(p), p.speak(), isinstance(p, Dog))
print([type(p).__mro__[1].__name__ for p in pets])
print(Puppy.sound, Puppy.__bases__[0].__name__, issubclass(Puppy, Animal))
