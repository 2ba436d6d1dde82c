package modules

import (
	"os"
	"path/filepath"

	. "gopyc/objects"
	"gopyc/vm"
)

// preferStdlib wraps a Go-native module that has a pure-Python counterpart in CPython's
// standard library (functools): when that library is on sys.path, the module is built by
// running CPython's own source (so every helper it defines exists and behaves as CPython's);
// without it (embedded use, the VM's corpus tests) the Go-native subset is used.
func preferStdlib(name string, fallback func(t *vm.Thread) (*vm.Module, error)) func(t *vm.Thread) (*vm.Module, error) {
	return func(t *vm.Thread) (*vm.Module, error) {
		in := t.Interp()
		path, _ := in.Sys.Dict.GetStr(NewStr("path")).(*List)
		if path == nil || in.Compile == nil {
			return fallback(t)
		}
		for _, e := range path.V {
			dir, ok := e.(*Str)
			if !ok || dir.String() == "" {
				continue
			}
			file := filepath.Join(dir.String(), name+".py")
			if _, err := os.Stat(filepath.Join(dir.String(), "os.py")); err != nil {
				continue // not a standard library folder
			}
			src, err := os.ReadFile(file)
			if err != nil {
				continue
			}
			co, err := in.Compile(src, file, "exec", in.Optimize)
			if err != nil {
				return nil, err
			}
			m := vm.NewModule(name)
			m.Set("__file__", NewStr(file))
			m.Set("__builtins__", in.BuiltinsModule)
			if _, err := t.RunCode(co, m.Dict, m.Dict); err != nil {
				return nil, err
			}
			return m, nil
		}
		return fallback(t)
	}
}

// stdlibOnPath reports whether CPython's standard library is on sys.path.
func stdlibOnPath(in *vm.Interp) bool {
	path, _ := in.Sys.Dict.GetStr(NewStr("path")).(*List)
	if path == nil {
		return false
	}
	for _, e := range path.V {
		if dir, ok := e.(*Str); ok && dir.String() != "" {
			if _, err := os.Stat(filepath.Join(dir.String(), "encodings", "__init__.py")); err == nil {
				return true
			}
		}
	}
	return false
}

// installOpen makes builtins.open _io.open, as in CPython, when the standard library is on
// sys.path (the codecs under text files come from its encodings package); without it, the
// VM's own file type serves open(). The choice is made at the first call.
func installOpen(in *vm.Interp) {
	orig := in.Builtins.GetStr(NewStr("open"))
	if orig == nil {
		return
	}
	var ioOpen Object
	checked := false
	in.Builtins.SetStr(NewStr("open"), &vm.Builtin{Name: "open", Self: in.BuiltinsModule, Fn: func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if !checked {
			checked = true
			if stdlibOnPath(in) {
				imp := in.Builtins.GetStr(NewStr("__import__"))
				m, err := t.Call(imp, []Object{NewStr("_io")}, nil)
				if err != nil {
					return nil, err
				}
				if mod, ok := m.(*vm.Module); ok {
					ioOpen = mod.Dict.GetStr(NewStr("open"))
				}
			}
		}
		if ioOpen != nil {
			return t.Call(ioOpen, args, kw)
		}
		return t.Call(orig, args, kw)
	}})
}
