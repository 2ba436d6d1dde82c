package modules

import (
	"crypto/rand"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
	"unsafe"

	"gopyc/internal/pyerrno"
	. "gopyc/objects"
	"gopyc/vm"
)

// makePosix builds posix, the module os.py re-exports on Unix. System calls are Go
// (package syscall, so errno values and messages are the kernel's); the result types
// (stat_result, DirEntry, terminal_size, times_result, uname_result), scandir and environ
// are built in the Python part over them. dir_fd and follow_symlinks are accepted where
// os.py passes them; a dir_fd other than None is refused as CPython does on platforms
// without the *at calls (_have_functions is empty, so os.supports_dir_fd is empty).
func makePosix(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "posix", posixSrc, func(m *vm.Module) {
		posixProcessFuncs(m)
		fn(m, "_stat_raw", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			flushDirtyIO(t)
			var st syscall.Stat_t
			var err error
			if i, ok := vm.AsInt(a[0]); ok {
				fd, _ := i.Int64()
				err = syscall.Fstat(int(fd), &st)
			} else {
				p, _, perr := pathArg(t, a[0])
				if perr != nil {
					return nil, perr
				}
				follow, _ := t.IsTrue(a[1])
				t.ReleaseGIL(func() {
					if follow {
						err = syscall.Stat(p, &st)
					} else {
						err = syscall.Lstat(p, &st)
					}
				})
			}
			if err != nil {
				return nil, osError(t, err, a[0])
			}
			ns := func(ts syscall.Timespec) Object { return NewInt(ts.Sec*1e9 + ts.Nsec) }
			return NewTuple([]Object{
				NewInt(int64(st.Mode)), NewInt(int64(st.Ino)), NewInt(int64(st.Dev)),
				NewInt(int64(st.Nlink)), NewInt(int64(st.Uid)), NewInt(int64(st.Gid)),
				NewInt(st.Size), ns(st.Atim), ns(st.Mtim), ns(st.Ctim),
				NewInt(int64(st.Blksize)), NewInt(st.Blocks), NewInt(int64(st.Rdev)),
			}), nil
		})
		fn(m, "_listdir", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			p, isBytes, err := pathArg(t, a[0])
			if err != nil {
				return nil, err
			}
			var names []string
			var oerr error
			t.ReleaseGIL(func() {
				f, e := os.Open(p)
				if e != nil {
					oerr = e
					return
				}
				names, oerr = f.Readdirnames(-1)
				f.Close()
			})
			if oerr != nil {
				return nil, osError(t, oerr, a[0])
			}
			out := make([]Object, len(names))
			for i, n := range names {
				out[i] = strOrBytes(n, isBytes)
			}
			return NewList(out), nil
		})
		fn(m, "getcwd", 0, 0, func(t *vm.Thread, a []Object) (Object, error) {
			d, err := os.Getwd()
			if err != nil {
				return nil, osError(t, err)
			}
			return fsStr(d), nil
		})
		fn(m, "getcwdb", 0, 0, func(t *vm.Thread, a []Object) (Object, error) {
			d, err := os.Getwd()
			if err != nil {
				return nil, osError(t, err)
			}
			return NewBytes([]byte(d)), nil
		})
		fn(m, "chdir", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			return pathCall(t, a[0], func(p string) error { return syscall.Chdir(p) })
		})
		m.AddFunc("open", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := vm.ParseArgs("open", args, kw, []string{"path", "flags", "mode", "dir_fd"}, 2)
			if err != nil {
				return nil, err
			}
			if err := noDirFd(a[3]); err != nil {
				return nil, err
			}
			p, _, err := pathArg(t, a[0])
			if err != nil {
				return nil, err
			}
			flags, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			mode := int64(0o777)
			if a[2] != nil {
				if mode, err = intArg(t, a[2]); err != nil {
					return nil, err
				}
			}
			var fd int
			var oerr error
			t.ReleaseGIL(func() {
				fd, oerr = syscall.Open(p, int(flags)|syscall.O_CLOEXEC, uint32(mode))
				// Out of descriptors: file objects that became garbage hold some (their
				// cleanups close them, see _io._autoclose); collect, let the cleanups run, retry.
				for try := 0; try < 3 && (oerr == syscall.EMFILE || oerr == syscall.ENFILE); try++ {
					runtime.GC()
					time.Sleep(time.Duration(try+1) * time.Millisecond)
					fd, oerr = syscall.Open(p, int(flags)|syscall.O_CLOEXEC, uint32(mode))
				}
			})
			if oerr != nil {
				return nil, osError(t, oerr, a[0])
			}
			return NewInt(int64(fd)), nil
		})
		fn(m, "read", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			fd, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			n, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, vm.ValueError("negative count")
			}
			buf := make([]byte, n)
			var got int
			var rerr error
			t.ReleaseGIL(func() { got, rerr = syscall.Read(int(fd), buf) })
			if rerr != nil {
				return nil, osError(t, rerr)
			}
			return NewBytes(buf[:got]), nil
		})
		fn(m, "write", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			fd, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			if _, isStr := vm.Unwrap(a[1]).(*Str); isStr {
				return nil, vm.TypeError("a bytes-like object is required, not 'str'")
			}
			data, err := bytesArg(t, a[1])
			if err != nil {
				return nil, err
			}
			if fd == 1 || fd == 2 {
				t.FlushStdio()
			}
			var n int
			var werr error
			t.ReleaseGIL(func() { n, werr = syscall.Write(int(fd), data) })
			if werr != nil {
				return nil, osError(t, werr)
			}
			return NewInt(int64(n)), nil
		})
		fn(m, "close", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			fd, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			if err := syscall.Close(int(fd)); err != nil {
				return nil, osError(t, err)
			}
			return None, nil
		})
		fn(m, "lseek", 3, 3, func(t *vm.Thread, a []Object) (Object, error) {
			fd, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			off, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			wh, err := intArg(t, a[2])
			if err != nil {
				return nil, err
			}
			r, serr := syscall.Seek(int(fd), off, int(wh))
			if serr != nil {
				return nil, osError(t, serr)
			}
			return NewInt(r), nil
		})
		fdOp := func(name string, f func(fd int) error) {
			fn(m, name, 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
				fd, err := intArg(t, a[0])
				if err != nil {
					return nil, err
				}
				if err := f(int(fd)); err != nil {
					return nil, osError(t, err)
				}
				return None, nil
			})
		}
		fdOp("fsync", syscall.Fsync)
		fn(m, "dup", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			fd, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			r, derr := syscall.Dup(int(fd))
			if derr != nil {
				return nil, osError(t, derr)
			}
			return NewInt(int64(r)), nil
		})
		fn(m, "ftruncate", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			fd, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			n, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			if err := syscall.Ftruncate(int(fd), n); err != nil {
				return nil, osError(t, err)
			}
			return None, nil
		})
		fn(m, "pipe", 0, 0, func(t *vm.Thread, a []Object) (Object, error) {
			var p [2]int
			if err := syscall.Pipe2(p[:], syscall.O_CLOEXEC); err != nil {
				return nil, osError(t, err)
			}
			return NewTuple([]Object{NewInt(int64(p[0])), NewInt(int64(p[1]))}), nil
		})
		fn(m, "isatty", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			fd, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			var ws [4]uint16
			_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&ws)))
			return NewBool(e == 0), nil
		})
		fn(m, "_terminal_size", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			fd, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			var ws [4]uint16
			_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&ws)))
			if e != 0 {
				return nil, osError(t, e)
			}
			return NewTuple([]Object{NewInt(int64(ws[1])), NewInt(int64(ws[0]))}), nil
		})
		m.AddFunc("mkdir", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := vm.ParseArgs("mkdir", args, kw, []string{"path", "mode", "dir_fd"}, 1)
			if err != nil {
				return nil, err
			}
			if err := noDirFd(a[2]); err != nil {
				return nil, err
			}
			mode := int64(0o777)
			if a[1] != nil {
				if mode, err = intArg(t, a[1]); err != nil {
					return nil, err
				}
			}
			return pathCall(t, a[0], func(p string) error { return syscall.Mkdir(p, uint32(mode)) })
		})
		pathOp := func(name string, f func(p string) error) {
			m.AddFunc(name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
				a, err := vm.ParseArgs(name, args, kw, []string{"path", "dir_fd"}, 1)
				if err != nil {
					return nil, err
				}
				if err := noDirFd(a[1]); err != nil {
					return nil, err
				}
				return pathCall(t, a[0], f)
			})
		}
		pathOp("rmdir", syscall.Rmdir)
		pathOp("unlink", syscall.Unlink)
		pathOp("remove", syscall.Unlink)
		twoPath := func(name string, f func(a, b string) error) {
			m.AddFunc(name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
				a, err := vm.ParseArgs(name, args, kw, []string{"src", "dst", "src_dir_fd", "dst_dir_fd", "target_is_directory", "follow_symlinks"}, 2)
				if err != nil {
					return nil, err
				}
				if err := noDirFd(a[2]); err != nil {
					return nil, err
				}
				if err := noDirFd(a[3]); err != nil {
					return nil, err
				}
				s, _, err := pathArg(t, a[0])
				if err != nil {
					return nil, err
				}
				d, _, err := pathArg(t, a[1])
				if err != nil {
					return nil, err
				}
				var e error
				t.ReleaseGIL(func() { e = f(s, d) })
				if e != nil {
					return nil, osError(t, e, a[0], a[1])
				}
				return None, nil
			})
		}
		twoPath("rename", syscall.Rename)
		twoPath("replace", syscall.Rename)
		twoPath("link", syscall.Link)
		twoPath("symlink", syscall.Symlink)
		m.AddFunc("readlink", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := vm.ParseArgs("readlink", args, kw, []string{"path", "dir_fd"}, 1)
			if err != nil {
				return nil, err
			}
			p, isBytes, err := pathArg(t, a[0])
			if err != nil {
				return nil, err
			}
			r, rerr := os.Readlink(p)
			if rerr != nil {
				return nil, osError(t, rerr, a[0])
			}
			return strOrBytes(r, isBytes), nil
		})
		m.AddFunc("chmod", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := vm.ParseArgs("chmod", args, kw, []string{"path", "mode", "dir_fd", "follow_symlinks"}, 2)
			if err != nil {
				return nil, err
			}
			mode, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			if i, ok := vm.AsInt(a[0]); ok {
				fd, _ := i.Int64()
				if e := syscall.Fchmod(int(fd), uint32(mode)); e != nil {
					return nil, osError(t, e)
				}
				return None, nil
			}
			return pathCall(t, a[0], func(p string) error { return syscall.Chmod(p, uint32(mode)) })
		})
		// chown, lchown and fchown (tarfile's extractall calls chown when run as root).
		ids := func(t *vm.Thread, uid, gid Object) (int, int, error) {
			u, err := intArg(t, uid)
			if err != nil {
				return 0, 0, err
			}
			g, err := intArg(t, gid)
			return int(u), int(g), err
		}
		fchown := func(t *vm.Thread, fd int64, uid, gid int) (Object, error) {
			if e := syscall.Fchown(int(fd), uid, gid); e != nil {
				return nil, osError(t, e)
			}
			return None, nil
		}
		m.AddFunc("chown", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := vm.ParseArgs("chown", args, kw, []string{"path", "uid", "gid", "$dir_fd", "$follow_symlinks"}, 3)
			if err != nil {
				return nil, err
			}
			uid, gid, err := ids(t, a[1], a[2])
			if err != nil {
				return nil, err
			}
			if i, ok := vm.AsInt(a[0]); ok {
				fd, _ := i.Int64()
				return fchown(t, fd, uid, gid)
			}
			chown := syscall.Chown
			if a[4] != nil && a[4] != True {
				chown = syscall.Lchown
			}
			return pathCall(t, a[0], func(p string) error { return chown(p, uid, gid) })
		})
		m.AddFunc("lchown", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := vm.ParseArgs("lchown", args, kw, []string{"path", "uid", "gid"}, 3)
			if err != nil {
				return nil, err
			}
			uid, gid, err := ids(t, a[1], a[2])
			if err != nil {
				return nil, err
			}
			return pathCall(t, a[0], func(p string) error { return syscall.Lchown(p, uid, gid) })
		})
		m.AddFunc("fchown", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := vm.ParseArgs("fchown", args, kw, []string{"fd", "uid", "gid"}, 3)
			if err != nil {
				return nil, err
			}
			fd, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			uid, gid, err := ids(t, a[1], a[2])
			if err != nil {
				return nil, err
			}
			return fchown(t, fd, uid, gid)
		})
		m.AddFunc("access", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := vm.ParseArgs("access", args, kw, []string{"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2)
			if err != nil {
				return nil, err
			}
			p, _, err := pathArg(t, a[0])
			if err != nil {
				return nil, err
			}
			mode, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			return NewBool(syscall.Access(p, uint32(mode)) == nil), nil
		})
		m.AddFunc("_utime", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			// _utime(path, atime_ns, mtime_ns, follow); None times mean now.
			p, _, err := pathArg(t, args[0])
			if err != nil {
				return nil, err
			}
			now := time.Now().UnixNano()
			at, mt := now, now
			if args[1] != None {
				if at, err = intArg(t, args[1]); err != nil {
					return nil, err
				}
				if mt, err = intArg(t, args[2]); err != nil {
					return nil, err
				}
			}
			ts := []syscall.Timespec{syscall.NsecToTimespec(at), syscall.NsecToTimespec(mt)}
			if e := syscall.UtimesNano(p, ts); e != nil {
				return nil, osError(t, e, args[0])
			}
			return None, nil
		})
		fn(m, "truncate", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			n, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			return pathCall(t, a[0], func(p string) error { return syscall.Truncate(p, n) })
		})
		intFn := func(name string, f func() int) {
			fn(m, name, 0, 0, func(t *vm.Thread, a []Object) (Object, error) { return NewInt(int64(f())), nil })
		}
		intFn("getpid", os.Getpid)
		intFn("getppid", os.Getppid)
		intFn("getuid", os.Getuid)
		intFn("geteuid", os.Geteuid)
		intFn("getgid", os.Getgid)
		intFn("getegid", os.Getegid)
		intFn("cpu_count", runtime.NumCPU)
		fn(m, "umask", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			n, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			return NewInt(int64(syscall.Umask(int(n)))), nil
		})
		fn(m, "urandom", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			n, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, vm.ValueError("negative argument not allowed")
			}
			b := make([]byte, n)
			rand.Read(b)
			return NewBytes(b), nil
		})
		fn(m, "strerror", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			n, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			s := pyerrno.Strerror(syscall.Errno(n))
			return NewStr(s), nil
		})
		fn(m, "_exit", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			n, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			t.FlushStdio()
			os.Exit(int(n))
			return None, nil
		})
		fn(m, "kill", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			pid, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			sig, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			if e := syscall.Kill(int(pid), syscall.Signal(sig)); e != nil {
				return nil, osError(t, e)
			}
			return None, nil
		})
		fn(m, "_times_raw", 0, 0, func(t *vm.Thread, a []Object) (Object, error) {
			var tm syscall.Tms
			r, err := syscall.Times(&tm)
			if err != nil {
				return nil, osError(t, err)
			}
			const hz = 100.0
			return NewTuple([]Object{NewFloat(float64(tm.Utime) / hz), NewFloat(float64(tm.Stime) / hz),
				NewFloat(float64(tm.Cutime) / hz), NewFloat(float64(tm.Cstime) / hz), NewFloat(float64(r) / hz)}), nil
		})
		fn(m, "_uname_raw", 0, 0, func(t *vm.Thread, a []Object) (Object, error) {
			var u syscall.Utsname
			if err := syscall.Uname(&u); err != nil {
				return nil, osError(t, err)
			}
			cs := func(f [65]int8) Object {
				var b []byte
				for _, c := range f {
					if c == 0 {
						break
					}
					b = append(b, byte(c))
				}
				return NewStr(string(b))
			}
			return NewTuple([]Object{cs(u.Sysname), cs(u.Nodename), cs(u.Release), cs(u.Version), cs(u.Machine)}), nil
		})
		fn(m, "_environ_raw", 0, 0, func(t *vm.Thread, a []Object) (Object, error) {
			var out []Object
			for _, kv := range os.Environ() {
				if i := strings.IndexByte(kv, '='); i > 0 {
					out = append(out, NewTuple([]Object{NewBytes([]byte(kv[:i])), NewBytes([]byte(kv[i+1:]))}))
				}
			}
			return NewList(out), nil
		})
		fn(m, "putenv", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			k, _, err := pathArg(t, a[0])
			if err != nil {
				return nil, err
			}
			v, _, err := pathArg(t, a[1])
			if err != nil {
				return nil, err
			}
			if k == "" || strings.ContainsRune(k, '=') {
				return nil, vm.ValueError("illegal environment variable name")
			}
			os.Setenv(k, v)
			return None, nil
		})
		fn(m, "unsetenv", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			k, _, err := pathArg(t, a[0])
			if err != nil {
				return nil, err
			}
			os.Unsetenv(k)
			return None, nil
		})
		for name, v := range map[string]int{
			"F_OK": 0, "R_OK": 4, "W_OK": 2, "X_OK": 1,
			"O_RDONLY": syscall.O_RDONLY, "O_WRONLY": syscall.O_WRONLY, "O_RDWR": syscall.O_RDWR,
			"O_APPEND": syscall.O_APPEND, "O_CREAT": syscall.O_CREAT, "O_EXCL": syscall.O_EXCL,
			"O_TRUNC": syscall.O_TRUNC, "O_NONBLOCK": syscall.O_NONBLOCK, "O_NOCTTY": syscall.O_NOCTTY,
			"O_CLOEXEC": syscall.O_CLOEXEC, "O_DIRECTORY": syscall.O_DIRECTORY, "O_NOFOLLOW": syscall.O_NOFOLLOW,
			"O_SYNC": syscall.O_SYNC, "O_DSYNC": syscall.O_DSYNC, "O_ACCMODE": syscall.O_ACCMODE,
			"SEEK_SET": 0, "SEEK_CUR": 1, "SEEK_END": 2,
			"EX_OK": 0, "WNOHANG": 1, "WUNTRACED": 2,
		} {
			m.Set(name, NewInt(int64(v)))
		}
	})
}

// pathArg converts a path argument (str, bytes or os.PathLike) to a Go string, reporting
// whether it was bytes.
func pathArg(t *vm.Thread, o Object) (string, bool, error) {
	switch v := vm.Unwrap(o).(type) {
	case *Str:
		s := v.String()
		if strings.IndexByte(s, 0) >= 0 {
			return "", false, vm.ValueError("embedded null byte")
		}
		return fsEncode(s), false, nil
	case *Bytes:
		return string(v.B), true, nil
	}
	f, err := t.GetAttr(o, NewStr("__fspath__"))
	if err != nil {
		return "", false, vm.TypeError("expected str, bytes or os.PathLike object, not %s", o.Type().Name)
	}
	r, err := t.Call(f, nil, nil)
	if err != nil {
		return "", false, err
	}
	switch vm.Unwrap(r).(type) {
	case *Str, *Bytes:
		return pathArg(t, r)
	}
	return "", false, vm.TypeError("expected %s.__fspath__() to return str or bytes, not %s", o.Type().Name, r.Type().Name)
}

// fsEncode maps surrogateescape'd code points (U+DC80..U+DCFF, which gopyc's strings hold
// as 3-byte WTF-8 sequences) back to the raw bytes they stand for.
func fsEncode(s string) string {
	if !strings.Contains(s, "\xed") {
		return s
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == 0xED && i+2 < len(s) {
			c := rune(0xD000) | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if c >= 0xDC80 && c <= 0xDCFF {
				b = append(b, byte(c-0xDC00))
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

// fsStr decodes a file-system name as CPython does: UTF-8, with each undecodable byte
// becoming a lone surrogate U+DC80..U+DCFF (surrogateescape), held as WTF-8.
func fsStr(s string) Object {
	if utf8.ValidString(s) {
		return NewStr(s)
	}
	var b []byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			c := 0xDC00 + rune(s[i])
			b = append(b, 0xE0|byte(c>>12), 0x80|byte(c>>6&0x3F), 0x80|byte(c&0x3F))
			i++
			continue
		}
		b = append(b, s[i:i+n]...)
		i += n
	}
	return NewStr(string(b))
}

func strOrBytes(s string, isBytes bool) Object {
	if isBytes {
		return NewBytes([]byte(s))
	}
	return fsStr(s)
}

func pathCall(t *vm.Thread, o Object, f func(p string) error) (Object, error) {
	p, _, err := pathArg(t, o)
	if err != nil {
		return nil, err
	}
	var e error
	t.ReleaseGIL(func() { e = f(p) })
	if e != nil {
		return nil, osError(t, e, o)
	}
	return None, nil
}

func noDirFd(o Object) error {
	if o != nil && o != None {
		return vm.Errorf(vm.NotImplementedErrorType, "dir_fd unavailable on this platform")
	}
	return nil
}

func intArg(t *vm.Thread, o Object) (int64, error) {
	i, err := t.Index(o)
	if err != nil {
		return 0, err
	}
	v, ok := i.Int64()
	if !ok {
		return 0, vm.Errorf(vm.OverflowErrorType, "Python int too large to convert to C long")
	}
	return v, nil
}

const posixSrc = `
_have_functions = []

def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not " + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}".format(
        path_type.__name__, type(path_repr).__name__))


class _StructSeq(tuple):
    n_sequence_fields = 0
    _fields = ()
    _extra = ()

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        n = cls.n_sequence_fields
        if len(seq) < n:
            raise TypeError('%s.%s() takes an at least %d-sequence (%d-sequence given)'
                            % (cls.__module__, cls.__name__, n, len(seq)))
        self = tuple.__new__(cls, seq[:n])
        extra = {}
        for i, name in enumerate(cls._extra):
            v = seq[n + i] if n + i < len(seq) else None
            if dict and name in dict:
                v = dict[name]
            extra[name] = v
        object.__setattr__(self, '_gopyc_extra', extra)
        return self

    def __getattr__(self, name):
        try:
            i = type(self)._fields.index(name)
        except ValueError:
            pass
        else:
            return self[i]
        extra = object.__getattribute__(self, '_gopyc_extra')
        if name in extra:
            return extra[name]
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __repr__(self):
        return '%s.%s(%s)' % (self.__module__, type(self).__name__,
                              ', '.join('%s=%r' % (f, v) for f, v in zip(self._fields, self)))

    def __reduce__(self):
        return (type(self), (tuple(self), object.__getattribute__(self, '_gopyc_extra')))


class stat_result(_StructSeq):
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _fields = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size')
    _extra = ('st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns',
              'st_blksize', 'st_blocks', 'st_rdev')

    def __repr__(self):
        names = self._fields + ('st_atime', 'st_mtime', 'st_ctime')
        return 'os.stat_result(%s)' % ', '.join('%s=%r' % (f, v) for f, v in zip(names, self))

stat_result.__module__ = 'os'


def _make_stat(raw):
    (mode, ino, dev, nlink, uid, gid, size, atns, mtns, ctns, blksize, blocks, rdev) = raw
    return stat_result((mode, ino, dev, nlink, uid, gid, size,
                        atns // 1000000000, mtns // 1000000000, ctns // 1000000000,
                        atns / 1e9, mtns / 1e9, ctns / 1e9, atns, mtns, ctns, blksize, blocks, rdev))


def _nodirfd(dir_fd):
    if dir_fd is not None:
        raise NotImplementedError('dir_fd unavailable on this platform')


def stat(path, *, dir_fd=None, follow_symlinks=True):
    _nodirfd(dir_fd)
    return _make_stat(_stat_raw(path, follow_symlinks))


def lstat(path, *, dir_fd=None):
    _nodirfd(dir_fd)
    return _make_stat(_stat_raw(path, False))


def fstat(fd):
    if not isinstance(fd, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(fd).__name__)
    return _make_stat(_stat_raw(fd, True))


def listdir(path=None):
    if path is None:
        path = '.'
    return _listdir(path)


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    _nodirfd(dir_fd)
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError('utime: \'times\' must be either a tuple of two ints or None')
        ns = (int(times[0] * 1e9), int(times[1] * 1e9))
    if ns is None:
        _utime(path, None, None, follow_symlinks)
    else:
        _utime(path, ns[0], ns[1], follow_symlinks)


class terminal_size(_StructSeq):
    n_sequence_fields = 2
    _fields = ('columns', 'lines')

terminal_size.__module__ = 'os'


def get_terminal_size(fd=1):
    return terminal_size(_terminal_size(fd))


class times_result(_StructSeq):
    n_sequence_fields = 5
    _fields = ('user', 'system', 'children_user', 'children_system', 'elapsed')


def times():
    return times_result(_times_raw())


class uname_result(_StructSeq):
    n_sequence_fields = 5
    _fields = ('sysname', 'nodename', 'release', 'version', 'machine')


def uname():
    return uname_result(_uname_raw())


def device_encoding(fd):
    if isatty(fd):
        return 'UTF-8'
    return None


class DirEntry:
    __slots__ = ('name', 'path', '_stat', '_lstat')

    def __init__(self, dirpath, name):
        self.name = name
        if isinstance(dirpath, bytes):
            sep = b'/'
        else:
            sep = '/'
        if dirpath == '.' or dirpath == b'.':
            self.path = ('./' if sep == '/' else b'./') + name
        elif dirpath.endswith(sep):
            self.path = dirpath + name
        else:
            self.path = dirpath + sep + name
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return (self._mode(follow_symlinks) & 0o170000) == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return (self._mode(follow_symlinks) & 0o170000) == 0o100000

    def is_symlink(self):
        return (self._mode(False) & 0o170000) == 0o120000

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class _ScandirIterator:
    def __init__(self, path):
        if path is None:
            path = '.'
        if not isinstance(path, (str, bytes)):
            path = fspath(path)
        self._it = iter([DirEntry(path, n) for n in _listdir(path)])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def close(self):
        self._it = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path=None):
    return _ScandirIterator(path)


environ = dict(_environ_raw())


def WIFEXITED(status):
    return (status & 0x7f) == 0

def WEXITSTATUS(status):
    return (status >> 8) & 0xff

def WIFSIGNALED(status):
    return ((status & 0x7f) + 1) >> 1 > 0 and (status & 0x7f) != 0x7f and (status & 0x7f) != 0

def WTERMSIG(status):
    return status & 0x7f

def WIFSTOPPED(status):
    return (status & 0xff) == 0x7f

def WSTOPSIG(status):
    return WEXITSTATUS(status)

def waitstatus_to_exitcode(status):
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    if WIFSIGNALED(status):
        return -WTERMSIG(status)
    raise ValueError('invalid wait status: %r' % (status,))

`
