import contextlib
@contextlib.contextmanager
def cm(x):
    print("enter", x); yield x * 2; print("exit")
with cm(3) as v:
    print(v)
with contextlib.suppress(KeyError):
    {}["x"]
print("suppressed")
with contextlib.ExitStack() as st:
    for i in range(2):
        st.callback(print, "cb", i)
import io
with contextlib.redirect_stdout(io.StringIO()) as f:
    print("hidden")
print(repr(f.getvalue()), contextlib.nullcontext(5).__enter__())
