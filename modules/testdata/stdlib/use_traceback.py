import traceback
def f():
    raise ValueError("bad value")
try:
    f()
except ValueError as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
    print(traceback.format_exception_only(type(e), e))
print(len(traceback.extract_stack()) >= 1)
