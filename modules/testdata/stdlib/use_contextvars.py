import contextvars
v = contextvars.ContextVar("v", default="d")
def show(): return v.get()
t = v.set("x"); c = contextvars.copy_context(); v.reset(t); print(show(), c.run(show), c[v], v.name)
