class Res:
    def __init__(self, name, fail_exit=False):
        self.name, self.fail_exit = name, fail_exit
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("close", self.name, et.__name__ if et else "-")
        if self.fail_exit:
            raise OSError("exit failed for " + self.name)
try:
    with Res("a"), Res("b", fail_exit=True):
        raise ValueError("body")
except OSError as e:
    print("OSError", e, "context:", repr(e.__context__))
try:
    with Res("c"):
        pass
except Exception:
    print("unexpected")
class BadEnter:
    def __enter__(self): raise RuntimeError("enter boom")
    def __exit__(self, *a): print("never")
try:
    with BadEnter():
        print("never body")
except RuntimeError as e:
    print("RuntimeError:", e)
