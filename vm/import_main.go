package vm

// The __main__ module of `gopyc -m mod`, `gopyc dir/`, `gopyc app.zip` and scripts: found and
// loaded through the import system (so its bytecode is cached), with runpy's attributes and
// messages.

import (
	"strings"

	. "gopyc/objects"
)

// MainError is a failure to find the main module: the command line prints
// "<executable>: <message>" and exits with status 1, as runpy does.
type MainError struct{ Msg string }

func (e *MainError) Error() string { return e.Msg }

// FlushStdio flushes sys.stdout and sys.stderr (before the command line prints a MainError).
func (t *Thread) FlushStdio() { t.flushStd() }

// SetFlag sets one field of sys.flags (optimize, dont_write_bytecode, verbose, ...).
func (in *Interp) SetFlag(name string, v int) {
	if in.Flags == nil {
		in.Flags = map[string]int{}
	}
	in.Flags[name] = v
	fl, ok := in.Sys.Dict.GetStr(NewStr("flags")).(*Instance)
	if !ok {
		return
	}
	tup, ok := fl.Value.(*Tuple)
	if !ok {
		return
	}
	gs, ok := fl.Class.Dict.GetStr(NewStr(name)).(*GetSet)
	if !ok {
		return
	}
	for i := range tup.V {
		probe := &Instance{Class: fl.Class, Value: NewTuple(make([]Object, len(tup.V)))}
		probe.Value.(*Tuple).V[i] = True
		if r, _ := gs.Get(nil, probe); r == True {
			if _, isBool := tup.V[i].(*Bool); isBool {
				tup.V[i] = NewBool(v != 0)
			} else {
				tup.V[i] = NewInt(int64(v))
			}
			return
		}
	}
}

// mainFromSpec fills the __main__ module from a spec, as runpy's _run_code does, and returns the
// code to run (compiled through the cache for source modules).
func (t *Thread) mainFromSpec(main *Module, spec Object, name string) (*Code, error) {
	get := func(n string) Object {
		v, err := t.GetAttr(spec, NewStr(n))
		if err != nil {
			return None
		}
		return v
	}
	loader := get("loader")
	l, ok := loader.(*Instance)
	if !ok || !isOurLoader(l) {
		return nil, &MainError{"No code object available for " + name}
	}
	if l.Class == namespaceLoaderType {
		return nil, &MainError{"No code object available for " + name}
	}
	co, err := t.loaderCode(l, name)
	if err != nil {
		return nil, err
	}
	d := main.Dict
	d.SetStr(strName, NewStr("__main__"))
	if get("has_location") == True {
		d.SetStr(strFile, get("origin"))
		d.SetStr(strCached, get("cached"))
	} else {
		d.SetStr(strFile, None)
		d.SetStr(strCached, None)
	}
	d.SetStr(InternStr("__doc__"), None)
	d.SetStr(strLoader, loader)
	d.SetStr(strPackage, get("parent"))
	d.SetStr(strSpec, spec)
	return co, nil
}

// MainModule prepares `-m name`: it imports the parent packages, finds the module (a package
// runs its __main__ submodule) and returns its code; sys.argv[0] becomes the module's file.
func (t *Thread) MainModule(main *Module, name string) (*Code, error) {
	argv, _ := t.sysAttr("argv").(*List)
	if argv != nil && len(argv.V) > 0 {
		argv.V[0] = NewStr("-m") // as CPython, while the module is searched for
	}
	co, spec, err := t.mainModule(main, name)
	if err != nil {
		return nil, err
	}
	if o, err := t.GetAttr(spec, NewStr("origin")); err == nil {
		if argv != nil && len(argv.V) > 0 {
			argv.V[0] = o
		}
	}
	return co, nil
}

func (t *Thread) mainModule(main *Module, name string) (*Code, Object, error) {
	if strings.HasPrefix(name, ".") {
		return nil, nil, &MainError{"Relative module names not supported"}
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		pkg := name[:i]
		if _, err := t.importFull(pkg); err != nil {
			e, ok := err.(*Exception)
			if !ok || !isSubtype(e.Class, ImportErrorType) {
				return nil, nil, err
			}
			en := excName(e)
			if en == "" || (en != pkg && !strings.HasPrefix(pkg, en+".")) {
				return nil, nil, err
			}
		}
	}
	var spec Object
	var path Object = None
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		if p := t.interp.Modules.GetStr(NewStr(name[:i])); p != nil {
			pp, err := t.GetAttr(p, strPath)
			if err != nil {
				msg := "Error while finding module specification for " + ReprStr(name) +
					" (ModuleNotFoundError: __path__ attribute not found on " + ReprStr(name[:i]) + " while trying to find " + ReprStr(name) + ")"
				if strings.HasSuffix(name, ".py") {
					msg += ". Try using '" + name[:len(name)-3] + "' instead of '" + name + "' as the module name."
				}
				return nil, nil, &MainError{msg}
			}
			path = pp
		} else {
			return nil, nil, &MainError{"No module named " + name}
		}
	}
	if m := t.interp.Modules.GetStr(NewStr(name)); m != nil && m != None {
		spec, _ = t.GetAttr(m, strSpec)
	} else {
		s, err := t.findSpecObject(name, path)
		if err != nil {
			return nil, nil, err
		}
		spec = s
	}
	if spec == nil || spec == None {
		return nil, nil, &MainError{"No module named " + name}
	}
	if locs, err := t.GetAttr(spec, NewStr("submodule_search_locations")); err == nil && locs != None {
		if name == "__main__" || strings.HasSuffix(name, ".__main__") {
			return nil, nil, &MainError{"Cannot use package as __main__ module"}
		}
		co, s, err := t.mainModule(main, name+".__main__")
		if me, ok := err.(*MainError); ok {
			if t.interp.Modules.GetStr(NewStr(name)) == nil {
				return nil, nil, err
			}
			return nil, nil, &MainError{me.Msg + "; " + ReprStr(name) + " is a package and cannot be directly executed"}
		}
		return co, s, err
	}
	co, err := t.mainFromSpec(main, spec, name)
	return co, spec, err
}

// MainPath prepares running a folder or zip archive: sys.path[0] is entry, and its __main__
// module is found there and returned as code.
func (t *Thread) MainPath(main *Module, entry string) (*Code, error) {
	s := t.finder().Find("__main__", []string{entry})
	if s == nil || s.IsPackage {
		return nil, &MainError{"can't find '__main__' module in " + ReprStr(entry)}
	}
	return t.mainFromSpec(main, t.specObject(s), "__main__")
}

// SetScriptMain gives a script's __main__ module CPython's attributes: a SourceFileLoader (or
// SourcelessFileLoader for .pyc) as __loader__, __cached__ None, __spec__ None.
func (t *Thread) SetScriptMain(main *Module, path string) {
	tp := sourceLoaderType
	if strings.HasSuffix(path, ".pyc") {
		tp = sourcelessLoaderType
	}
	main.Dict.SetStr(strLoader, newInstance(tp, "name", NewStr("__main__"), "path", NewStr(path)))
	main.Dict.SetStr(strCached, None)
}
