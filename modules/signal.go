package modules

import (
	"os"
	"syscall"

	. "gopyc/objects"
	"gopyc/vm"
)

// makeSignal builds _signal. Handlers are recorded and reported (signal, getsignal) as
// CPython does, but delivery is the VM's: Ctrl-C raises KeyboardInterrupt, and other
// signals keep the process's default action; raise_signal sends a real signal to the
// process (for SIGINT, the VM's KeyboardInterrupt path).
func makeSignal(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_signal", signalSrc, func(m *vm.Module) {
		names := map[string]syscall.Signal{
			"SIGHUP": syscall.SIGHUP, "SIGINT": syscall.SIGINT, "SIGQUIT": syscall.SIGQUIT, "SIGILL": syscall.SIGILL,
			"SIGTRAP": syscall.SIGTRAP, "SIGABRT": syscall.SIGABRT, "SIGIOT": syscall.SIGIOT, "SIGBUS": syscall.SIGBUS,
			"SIGFPE": syscall.SIGFPE, "SIGKILL": syscall.SIGKILL, "SIGUSR1": syscall.SIGUSR1, "SIGSEGV": syscall.SIGSEGV,
			"SIGUSR2": syscall.SIGUSR2, "SIGPIPE": syscall.SIGPIPE, "SIGALRM": syscall.SIGALRM, "SIGTERM": syscall.SIGTERM,
			"SIGSTKFLT": syscall.SIGSTKFLT, "SIGCHLD": syscall.SIGCHLD, "SIGCONT": syscall.SIGCONT, "SIGSTOP": syscall.SIGSTOP,
			"SIGTSTP": syscall.SIGTSTP, "SIGTTIN": syscall.SIGTTIN, "SIGTTOU": syscall.SIGTTOU, "SIGURG": syscall.SIGURG,
			"SIGXCPU": syscall.SIGXCPU, "SIGXFSZ": syscall.SIGXFSZ, "SIGVTALRM": syscall.SIGVTALRM, "SIGPROF": syscall.SIGPROF,
			"SIGWINCH": syscall.SIGWINCH, "SIGIO": syscall.SIGIO, "SIGPOLL": syscall.SIGIO, "SIGPWR": syscall.SIGPWR,
			"SIGSYS": syscall.SIGSYS,
		}
		for n, s := range names {
			m.Set(n, NewInt(int64(s)))
		}
		m.Set("SIGRTMIN", NewInt(34))
		m.Set("SIGRTMAX", NewInt(64))
		fn(m, "_strsignal", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			n, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			s := syscall.Signal(n).String()
			if len(s) > 0 && s[0] >= 'a' && s[0] <= 'z' {
				s = string(s[0]-32) + s[1:]
			}
			return NewStr(s), nil
		})
		fn(m, "_kill_self", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			n, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			if err := syscall.Kill(os.Getpid(), syscall.Signal(n)); err != nil {
				return nil, osError(t, err)
			}
			return None, nil
		})
	})
}

const signalSrc = `
NSIG = 65
SIG_DFL = 0
SIG_IGN = 1
SIG_BLOCK = 0
SIG_UNBLOCK = 1
SIG_SETMASK = 2
ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
ITIMER_PROF = 2


class ItimerError(OSError):
    pass


def default_int_handler(signalnum, frame):
    raise KeyboardInterrupt

_handlers = {}


def _check(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(signalnum).__name__)
    if not 1 <= signalnum < NSIG:
        raise ValueError('signal number out of range')


def getsignal(signalnum):
    _check(signalnum)
    if signalnum in _handlers:
        return _handlers[signalnum]
    if signalnum == SIGINT:
        return default_int_handler
    return SIG_DFL


def signal(signalnum, handler):
    _check(signalnum)
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object')
    if signalnum in (SIGKILL, SIGSTOP):
        raise OSError(22, 'Invalid argument')
    old = getsignal(signalnum)
    _handlers[signalnum] = handler
    return old


def strsignal(signalnum):
    _check(signalnum)
    return _strsignal(signalnum)


def valid_signals():
    return set(range(1, 32)) | set(range(SIGRTMIN, SIGRTMAX + 1))


def raise_signal(signalnum):
    _check(signalnum)
    h = _handlers.get(signalnum)
    if callable(h):
        import sys
        h(signalnum, sys._getframe(1))
        return
    if h == SIG_IGN:
        return
    if signalnum == SIGINT:
        raise KeyboardInterrupt
    _kill_self(signalnum)


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    return -1


def siginterrupt(signalnum, flag):
    _check(signalnum)


def alarm(seconds):
    return 0


def pause():
    import time
    while True:
        time.sleep(3600)


def pthread_sigmask(how, mask):
    return set()


def pthread_kill(thread_id, signalnum):
    raise_signal(signalnum)


def setitimer(which, seconds, interval=0.0):
    return (0.0, 0.0)


def getitimer(which):
    return (0.0, 0.0)
`
