from dataclasses import dataclass, field, KW_ONLY, InitVar, astuple
@dataclass
class A:
    x: int
    _: KW_ONLY
    y: int = 2
    z: InitVar[int] = 0
    w: list = field(default_factory=lambda: [1], repr=False)
    def __post_init__(self, z): self.x += z
a = A(1, y=3, z=10); print(a, astuple(a))
@dataclass(slots=True)
class S:
    v: int
print(S(1), S.__slots__)
