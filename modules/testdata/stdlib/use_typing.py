from typing import List, Dict, Optional, Union, TypeVar, Generic, NamedTuple, TypedDict, Callable, Any, get_type_hints
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
class NT(NamedTuple):
    a: int
    b: str = "x"
class TD(TypedDict):
    k: int
def f(x: Optional[int], y: List[str]) -> Dict[str, int]: return {}
print(List[int], Optional[int], Union[int, str], Callable[[int], str], Box[int], NT(1), TD(k=1))
print(get_type_hints(f), NT._fields, Box[int]().__class__ if False else Box(3).v)
