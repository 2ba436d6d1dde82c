import sys
def f():
    raise ValueError("inner")
try:
    f()
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
    print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name)
e = None
try:
    1 / 0
except ZeroDivisionError as err:
    e = err
print(type(e.__traceback__).__name__, e.__traceback__.tb_lineno)
print(e.with_traceback(None).__traceback__)
