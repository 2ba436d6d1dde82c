package modules

import (
	"sync"
	"time"

	. "gopyc/objects"
	"gopyc/vm"
)

// lock is _thread.lock: a binary semaphore usable across goroutines.
type lock struct {
	ch chan struct{}
}

var lockType = func() *Type {
	tp := &Type{Name: "lock", QualName: "lock", Module: "_thread"}
	return tp
}()

func (*lock) Type() *Type { return lockType }

func newLock() *lock { return &lock{ch: make(chan struct{}, 1)} }

func (l *lock) acquire(t *vm.Thread, blocking bool, timeout float64) bool {
	select {
	case l.ch <- struct{}{}:
		return true
	default:
	}
	if !blocking {
		return false
	}
	ok := false
	t.ReleaseGIL(func() {
		if timeout < 0 {
			l.ch <- struct{}{}
			ok = true
			return
		}
		select {
		case l.ch <- struct{}{}:
			ok = true
		case <-time.After(time.Duration(timeout * 1e9)):
		}
	})
	return ok
}

var initLockOnce sync.Once

func initLockType() {
	initLockOnce.Do(func() {
		vm.SetupType(lockType)
		acq := func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := vm.ParseArgs("acquire", args[1:], kw, []string{"blocking", "timeout"}, 0)
			if err != nil {
				return nil, err
			}
			blocking := true
			if a[0] != nil {
				blocking, _ = t.IsTrue(a[0])
			}
			timeout := -1.0
			if a[1] != nil {
				timeout, _ = t.ToFloat(a[1])
			}
			return NewBool(args[0].(*lock).acquire(t, blocking, timeout)), nil
		}
		rel := func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			l := args[0].(*lock)
			select {
			case <-l.ch:
			default:
				return nil, vm.Errorf(vm.RuntimeErrorType, "release unlocked lock")
			}
			return None, nil
		}
		vm.AddTypeMethod(lockType, "acquire", acq)
		vm.AddTypeMethod(lockType, "acquire_lock", acq)
		vm.AddTypeMethod(lockType, "release", rel)
		vm.AddTypeMethod(lockType, "release_lock", rel)
		vm.AddTypeMethod(lockType, "__enter__", acq)
		vm.AddTypeMethod(lockType, "__exit__", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			_, err := rel(t, args[:1], nil)
			return None, err
		})
		vm.AddTypeMethod(lockType, "locked", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			return NewBool(len(args[0].(*lock).ch) == 1), nil
		})
	})
}

func makeThread(t *vm.Thread) (*vm.Module, error) {
	initLockType()
	m := vm.NewModule("_thread")
	m.Set("LockType", lockType)
	m.Set("error", vm.RuntimeErrorType)
	m.AddFunc("allocate_lock", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) { return newLock(), nil })
	m.AddFunc("get_ident", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) { return NewInt(t.Ident()), nil })
	m.AddFunc("start_new_thread", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("start_new_thread", args, kw, 2, 3); err != nil {
			return nil, err
		}
		tup, ok := args[1].(*Tuple)
		if !ok {
			return nil, vm.TypeError("2nd arg must be a tuple")
		}
		var kwd *Dict
		if len(args) == 3 {
			kwd, _ = args[2].(*Dict)
		}
		return NewInt(t.Interp().StartThread(args[0], tup.V, kwd)), nil
	})
	return m, nil
}
