package modules

// threadExtras adds to _thread what threading.py needs beyond locks and threads: RLock
// (owner and count over a plain lock), TIMEOUT_MAX, get_native_id, stack_size, exit,
// the 3.x aliases, _count, and _set_sentinel (the lock threading.Thread.join waits for,
// released by start_new_thread's wrapper when the thread's function returns).
const threadExtras = `
TIMEOUT_MAX = 9223372036.0

class RLock:
    def __init__(self):
        self._block = allocate_lock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if blocking:
            ok = self._block.acquire(True, timeout) if timeout != -1 else self._block.acquire()
        else:
            ok = self._block.acquire(False)
        if ok:
            self._owner = me
            self._count = 1
        return ok

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __exit__(self, *args):
        self.release()

    def _is_owned(self):
        return self._owner == get_ident()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def __repr__(self):
        return '<%s %s._thread.RLock object owner=%r count=%d at %s>' % (
            'locked' if self._owner is not None else 'unlocked', 'gopyc', self._owner, self._count, hex(id(self)))

RLock.__module__ = '_thread'

def get_native_id():
    return get_ident()

def stack_size(size=0):
    return 0

def exit():
    raise SystemExit

exit_thread = exit
allocate = allocate_lock

_sentinels = {}


def _set_sentinel():
    # threading joins a thread by waiting for this lock, released when the thread ends.
    lock = allocate_lock()
    _sentinels[get_ident()] = lock
    return lock


_go_start_new_thread = start_new_thread


def start_new_thread(function, args, kwargs=None):
    if not isinstance(args, tuple):
        raise TypeError('2nd arg must be a tuple')
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError('optional 3rd arg must be a dictionary')

    def bootstrap():
        try:
            function(*args, **(kwargs or {}))
        except SystemExit:
            pass
        finally:
            lock = _sentinels.pop(get_ident(), None)
            if lock is not None and lock.locked():
                lock.release()
    return _go_start_new_thread(bootstrap, ())

start_new = start_new_thread


def _count():
    return 0

def interrupt_main(signum=2):
    raise KeyboardInterrupt
`
