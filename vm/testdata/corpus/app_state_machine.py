class Machine:
    transitions = {
        ("idle", "start"): "running",
        ("running", "pause"): "paused",
        ("paused", "resume"): "running",
        ("running", "stop"): "idle",
        ("paused", "stop"): "idle",
    }
    def __init__(self):
        self.state = "idle"
        self.log = []
    def fire(self, event):
        key = (self.state, event)
        if key not in self.transitions:
            raise RuntimeError(f"invalid event {event!r} in state {self.state!r}")
        self.log.append(f"{self.state}->{self.transitions[key]}")
        self.state = self.transitions[key]
m = Machine()
for ev in ["start", "pause", "resume", "stop", "pause"]:
    try:
        m.fire(ev)
    except RuntimeError as e:
        print("RuntimeError:", e)
print(m.state, m.log)
