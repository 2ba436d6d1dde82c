# sys's trace/profile hooks (kept, returned), call_tracing, coroutine origin depth, dlopen flags,
# _current_frames, and float.__getformat__ (what test.support needs to import).
import sys
print(sys.gettrace(), sys.getprofile(), sys.abiflags, sys.base_exec_prefix == sys.exec_prefix)
def tr(*a): pass
sys.settrace(tr); print(sys.gettrace() is tr); sys.settrace(None); print(sys.gettrace())
print(sys.call_tracing(lambda a, b: a + b, (1, 2)), sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(3); print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(0)  # test harnesses run many programs in one process
print(sys.getdlopenflags(), type(sys._current_frames()).__name__, list(sys._current_frames().values())[0].f_code.co_name)
print(float.__getformat__("double"), float.__getformat__("float"))
try: float.__getformat__("x")
except ValueError as e: print(e)
try: sys.call_tracing(print, [1])
except TypeError as e: print(e)
