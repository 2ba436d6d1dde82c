from typing import Protocol, runtime_checkable, Literal, Final, Annotated, get_args, get_origin, overload, cast
@runtime_checkable
class P(Protocol):
    def go(self) -> int: ...
class Impl:
    def go(self): return 1
print(isinstance(Impl(), P), get_args(Literal[1, 2]), get_origin(list[int]), get_args(Annotated[int, "m"]), cast(int, "x"))
