package modules

import (
	"errors"
	"os"
	"sort"
	"strings"
	"syscall"

	"gopyc/internal/pyerrno"
	. "gopyc/objects"
	"gopyc/vm"
)

// pyModule builds a module whose body is partly Go (setup adds Go functions first) and partly
// Python source compiled and run in the module's namespace. Several of gopyc's counterparts of
// CPython's C modules are written this way: the Python part is gopyc's own code, kept small.
func pyModule(t *vm.Thread, name, src string, setup func(m *vm.Module)) (*vm.Module, error) {
	m := vm.NewModule(name)
	if setup != nil {
		setup(m)
	}
	if src == "" {
		return m, nil
	}
	in := t.Interp()
	if in.Compile == nil {
		return nil, vm.Errorf(vm.ImportErrorType, "no compiler available to build module %s", name)
	}
	co, err := in.Compile([]byte(src), "<gopyc "+name+">", "exec", 0)
	if err != nil {
		return nil, err
	}
	m.Set("__builtins__", in.BuiltinsModule)
	if _, err := t.RunCode(co, m.Dict, m.Dict); err != nil {
		return nil, err
	}
	builtinFuncs(m)
	return m, nil
}

// builtinFuncs turns the module-level Python functions of a module into builtin functions,
// which (like C functions) do not bind as methods when stored in a class (codecs.py's
// IncrementalDecoder subclasses keep _buffer_decode = codecs.utf_8_decode).
func builtinFuncs(m *vm.Module) {
	var names []Object
	var fns []Object
	m.Dict.Range(func(k, v Object) bool {
		if f, ok := v.(*vm.Function); ok && f.Globals == m.Dict {
			names = append(names, k)
			fns = append(fns, v)
		}
		return true
	})
	for i, k := range names {
		pf := fns[i]
		name, _ := k.(*Str)
		if name == nil {
			continue
		}
		m.Dict.SetStr(name, &vm.Builtin{Name: name.String(), Self: m, Fn: func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			return t.Call(pf, args, kw)
		}})
	}
}

// osError converts a Go error from a system call into the Python OSError CPython would raise,
// with errno, strerror and the file names.
func osError(t *vm.Thread, err error, filenames ...Object) error {
	var errno syscall.Errno
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		err = le.Err
	}
	if se, ok := err.(*os.SyscallError); ok {
		err = se.Err
	}
	if !errors.As(err, &errno) {
		return vm.Errorf(vm.OSErrorType, "%s", err.Error())
	}
	cls := vm.OSErrorType
	if name := pyerrno.Class(errno); name != "" {
		if c, ok := t.Interp().Builtins.GetStr(NewStr(name)).(*Type); ok {
			cls = c
		}
	}
	args := []Object{NewInt(int64(errno)), NewStr(pyerrno.Strerror(errno))}
	for _, f := range filenames {
		if f != nil {
			args = append(args, f)
		}
	}
	if len(args) == 4 {
		args = []Object{args[0], args[1], args[2], NewInt(0), args[3]}
	}
	exc, cerr := t.Call(cls, args, nil)
	if cerr != nil {
		return cerr
	}
	if e, ok := exc.(*vm.Exception); ok {
		return e
	}
	return vm.Errorf(cls, "%s", pyerrno.Strerror(errno))
}

// fn is shorthand for a module function that takes no keywords and checks its argument count.
func fn(m *vm.Module, name string, lo, hi int, f func(t *vm.Thread, a []Object) (Object, error)) {
	m.AddFunc(name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs(name, args, kw, lo, hi); err != nil {
			return nil, err
		}
		return f(t, args)
	})
}

// setBuiltinModuleNames makes sys.builtin_module_names list the Go-native modules (os.py
// chooses posix by looking there).
func setBuiltinModuleNames(in *vm.Interp) {
	if in.Sys == nil {
		return
	}
	names := []string{"builtins", "sys"}
	for n := range in.NativeModules {
		if !strings.Contains(n, ".") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	items := make([]Object, len(names))
	for i, n := range names {
		items[i] = NewStr(n)
	}
	in.Sys.Set("builtin_module_names", NewTuple(items))
	str := func(name, v string) {
		if in.Sys.Dict.GetStr(NewStr(name)) == nil {
			in.Sys.AddFunc(name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) { return NewStr(v), nil })
		}
	}
	str("getfilesystemencoding", "utf-8")
	str("getfilesystemencodeerrors", "surrogateescape")
	// Async-generator hooks are stored and reported (asyncio saves and restores them); the
	// VM does not call them.
	if in.Sys.Dict.GetStr(NewStr("get_asyncgen_hooks")) == nil {
		var firstiter, finalizer Object = None, None
		in.Sys.AddFunc("get_asyncgen_hooks", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			return NewTuple([]Object{firstiter, finalizer}), nil
		})
		in.Sys.AddFunc("set_asyncgen_hooks", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := vm.ParseArgs("set_asyncgen_hooks", args, kw, []string{"firstiter", "finalizer"}, 0)
			if err != nil {
				return nil, err
			}
			if a[0] != nil {
				firstiter = a[0]
			}
			if a[1] != nil {
				finalizer = a[1]
			}
			return None, nil
		})
	}
}

// extendModule runs Python source in the namespace of a module built by base, to add the
// parts of a C module's API that are simplest written in Python.
func extendModule(base func(t *vm.Thread) (*vm.Module, error), src string) func(t *vm.Thread) (*vm.Module, error) {
	return func(t *vm.Thread) (*vm.Module, error) {
		m, err := base(t)
		if err != nil {
			return nil, err
		}
		in := t.Interp()
		if in.Compile == nil {
			return m, nil
		}
		co, err := in.Compile([]byte(src), "<gopyc "+m.Name.String()+">", "exec", 0)
		if err != nil {
			return nil, err
		}
		if _, err := t.RunCode(co, m.Dict, m.Dict); err != nil {
			return nil, err
		}
		return m, nil
	}
}
