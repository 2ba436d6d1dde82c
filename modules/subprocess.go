package modules

import (
	"os"
	"syscall"
	"time"

	"gopyc/internal/pyerrno"
	. "gopyc/objects"
	"gopyc/vm"
)

// makePosixSubprocess builds _posixsubprocess. fork_exec starts the child with Go's
// syscall.ForkExec (Go cannot run Python between fork and exec, so preexec_fn is refused):
// the child's standard streams are the given pipe ends (or the parent's), pass_fds keep their
// numbers, every other descriptor is closed (gopyc opens all files close-on-exec), and
// cwd, env, setsid, process groups and credentials are applied. An exec failure is reported
// as CPython's child does, through errpipe_write ("OSError:<hex errno>:"), and the returned
// pid then names no child.
func makePosixSubprocess(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("_posixsubprocess")
	m.AddFunc("fork_exec", func(t *vm.Thread, a []Object, kw *Tuple) (Object, error) {
		flushDirtyIO(t) // the child may read files this process wrote without closing them
		if err := vm.CheckArgs("fork_exec", a, kw, 22, 23); err != nil {
			return nil, err
		}
		argv, err := t.ToSlice(a[0])
		if err != nil {
			return nil, err
		}
		var args []string
		for _, x := range argv {
			s, _, err := pathArg(t, x)
			if err != nil {
				return nil, err
			}
			args = append(args, s)
		}
		var execs []string
		if a[1] != None {
			l, err := t.ToSlice(a[1])
			if err != nil {
				return nil, err
			}
			for _, x := range l {
				s, _, err := pathArg(t, x)
				if err != nil {
					return nil, err
				}
				execs = append(execs, s)
			}
		}
		passFds, err := t.ToSlice(a[3])
		if err != nil {
			return nil, err
		}
		attr := &syscall.ProcAttr{Sys: &syscall.SysProcAttr{}}
		if a[4] != None {
			if attr.Dir, _, err = pathArg(t, a[4]); err != nil {
				return nil, err
			}
		}
		if a[5] != None {
			l, err := t.ToSlice(a[5])
			if err != nil {
				return nil, err
			}
			for _, x := range l {
				s, _, err := pathArg(t, x)
				if err != nil {
					return nil, err
				}
				attr.Env = append(attr.Env, s)
			}
		} else {
			attr.Env = os.Environ()
		}
		fd := func(i int) (int, error) {
			v, err := intArg(t, a[i])
			return int(v), err
		}
		p2cread, err := fd(6)
		if err != nil {
			return nil, err
		}
		c2pwrite, err := fd(9)
		if err != nil {
			return nil, err
		}
		errwrite, err := fd(11)
		if err != nil {
			return nil, err
		}
		errpipeWrite, err := fd(13)
		if err != nil {
			return nil, err
		}
		std := func(given, dflt int) uintptr {
			if given >= 0 {
				return uintptr(given)
			}
			return uintptr(dflt)
		}
		files := []uintptr{std(p2cread, 0), std(c2pwrite, 1), std(errwrite, 2)}
		for _, p := range passFds {
			n, err := intArg(t, p)
			if err != nil {
				return nil, err
			}
			if int(n) == errpipeWrite {
				continue // close-on-exec: the parent sees EOF once exec succeeds
			}
			for len(files) <= int(n) {
				files = append(files, ^uintptr(0))
			}
			files[n] = uintptr(n)
		}
		attr.Files = files
		if ok, _ := t.IsTrue(a[15]); ok {
			attr.Sys.Setsid = true
		}
		if pg, err := intArg(t, a[16]); err == nil && pg >= 0 {
			attr.Sys.Setpgid = true
			attr.Sys.Pgid = int(pg)
		}
		if a[17] != None || a[19] != None {
			cred := &syscall.Credential{Uid: uint32(os.Getuid()), Gid: uint32(os.Getgid()), NoSetGroups: true}
			if a[17] != None {
				g, _ := intArg(t, a[17])
				cred.Gid = uint32(g)
			}
			if a[19] != None {
				u, _ := intArg(t, a[19])
				cred.Uid = uint32(u)
			}
			if a[18] != None {
				gl, _ := t.ToSlice(a[18])
				cred.NoSetGroups = false
				for _, g := range gl {
					n, _ := intArg(t, g)
					cred.Groups = append(cred.Groups, uint32(n))
				}
			}
			attr.Sys.Credential = cred
		}
		if a[21] != None {
			return nil, vm.Errorf(vm.RuntimeErrorType, "gopyc: preexec_fn is not supported")
		}
		if len(execs) == 0 && len(args) > 0 {
			execs = []string{args[0]}
		}
		var pid int
		var ferr error = syscall.ENOENT
		t.ReleaseGIL(func() {
			for _, exe := range execs {
				pid, ferr = syscall.ForkExec(exe, args, attr)
				if ferr == nil || (ferr != syscall.ENOENT && ferr != syscall.ENOTDIR) {
					break
				}
			}
		})
		if ferr != nil {
			errno, _ := ferr.(syscall.Errno)
			name := "OSError"
			if n := pyerrno.Class(errno); n != "" {
				name = n // the subclass CPython's OSError(errno, ...) would pick
			}
			msg := name + ":" + hexInt(int(errno)) + ":"
			if errno == syscall.ENOENT && attr.Dir != "" {
				if _, err := os.Stat(attr.Dir); err != nil {
					msg += "noexec"
				}
			}
			syscall.Write(errpipeWrite, []byte(msg))
			return NewInt(0x7fffffff), nil
		}
		return NewInt(int64(pid)), nil
	})
	return m, nil
}

func hexInt(n int) string {
	const digits = "0123456789abcdef"
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{digits[n%16]}, b...)
		n /= 16
	}
	return string(b)
}

// makeSelect builds select with select() only (selectors then uses SelectSelector).
func makeSelect(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("select")
	m.Set("error", vm.OSErrorType)
	m.Set("PIPE_BUF", NewInt(4096))
	fileno := func(t *vm.Thread, o Object) (int, error) {
		if i, ok := vm.AsInt(o); ok {
			v, _ := i.Int64()
			return int(v), nil
		}
		f, err := t.GetAttr(o, NewStr("fileno"))
		if err != nil {
			return 0, vm.TypeError("argument must be an int, or have a fileno() method.")
		}
		r, err := t.Call(f, nil, nil)
		if err != nil {
			return 0, err
		}
		v, err := intArg(t, r)
		return int(v), err
	}
	m.AddFunc("select", func(t *vm.Thread, a []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("select", a, kw, 3, 4); err != nil {
			return nil, err
		}
		var lists [3][]Object
		var sets [3]syscall.FdSet
		nfd := 0
		for i := 0; i < 3; i++ {
			l, err := t.ToSlice(a[i])
			if err != nil {
				return nil, err
			}
			lists[i] = l
			for _, o := range l {
				n, err := fileno(t, o)
				if err != nil {
					return nil, err
				}
				if n < 0 || n >= 1024 {
					return nil, vm.ValueError("filedescriptor out of range in select()")
				}
				sets[i].Bits[n/64] |= 1 << (uint(n) % 64)
				if n+1 > nfd {
					nfd = n + 1
				}
			}
		}
		var tv *syscall.Timeval
		if len(a) == 4 && a[3] != None {
			secs, err := t.ToFloat(a[3])
			if err != nil {
				return nil, vm.TypeError("timeout must be a float or None")
			}
			if secs < 0 {
				return nil, vm.ValueError("timeout must be non-negative")
			}
			v := syscall.NsecToTimeval(int64(time.Duration(secs * 1e9)))
			tv = &v
		}
		var serr error
		t.ReleaseGIL(func() {
			for {
				_, serr = syscall.Select(nfd, &sets[0], &sets[1], &sets[2], tv)
				if serr != syscall.EINTR {
					return
				}
			}
		})
		if serr != nil {
			return nil, osError(t, serr)
		}
		var out [3]Object
		for i := 0; i < 3; i++ {
			var ready []Object
			for _, o := range lists[i] {
				n, _ := fileno(t, o)
				if sets[i].Bits[n/64]&(1<<(uint(n)%64)) != 0 {
					ready = append(ready, o)
				}
			}
			out[i] = NewList(ready)
		}
		return NewTuple(out[:]), nil
	})
	return m, nil
}

// posixProcessFuncs adds the process functions subprocess needs to posix.
func posixProcessFuncs(m *vm.Module) {
	fn(m, "waitpid", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
		pid, err := intArg(t, a[0])
		if err != nil {
			return nil, err
		}
		opts, err := intArg(t, a[1])
		if err != nil {
			return nil, err
		}
		var st syscall.WaitStatus
		var r int
		var werr error
		t.ReleaseGIL(func() {
			for {
				r, werr = syscall.Wait4(int(pid), &st, int(opts), nil)
				if werr != syscall.EINTR {
					return
				}
			}
		})
		if werr != nil {
			return nil, osError(t, werr)
		}
		return NewTuple([]Object{NewInt(int64(r)), NewInt(int64(st))}), nil
	})
	fn(m, "dup2", 2, 3, func(t *vm.Thread, a []Object) (Object, error) {
		o, err := intArg(t, a[0])
		if err != nil {
			return nil, err
		}
		n, err := intArg(t, a[1])
		if err != nil {
			return nil, err
		}
		if err := syscall.Dup3(int(o), int(n), 0); err != nil {
			return nil, osError(t, err)
		}
		return NewInt(n), nil
	})
	fn(m, "get_inheritable", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
		fd, err := intArg(t, a[0])
		if err != nil {
			return nil, err
		}
		flags, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0)
		if e != 0 {
			return nil, osError(t, e)
		}
		return NewBool(flags&syscall.FD_CLOEXEC == 0), nil
	})
	fn(m, "set_inheritable", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
		fd, err := intArg(t, a[0])
		if err != nil {
			return nil, err
		}
		on, _ := t.IsTrue(a[1])
		flags, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0)
		if e != 0 {
			return nil, osError(t, e)
		}
		if on {
			flags &^= syscall.FD_CLOEXEC
		} else {
			flags |= syscall.FD_CLOEXEC
		}
		if _, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_SETFD, flags); e != 0 {
			return nil, osError(t, e)
		}
		return None, nil
	})
}
