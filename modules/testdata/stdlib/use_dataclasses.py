import dataclasses
from dataclasses import dataclass, field
@dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = P(1, 2); print(p, p == P(1, 2), P(0) < P(1), dataclasses.asdict(p), dataclasses.replace(p, y=5))
print([f.name for f in dataclasses.fields(P)], dataclasses.is_dataclass(p))
@dataclass(frozen=True)
class F:
    a: int
try:
    F(1).a = 2
except dataclasses.FrozenInstanceError as e:
    print("frozen", e)
print(hash(F(1)) == hash(F(1)))
