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
