package vm

import (
	"os"
	"path/filepath"
	"strings"

	. "gopyc/objects"
)

func (t *Thread) importName(f *Frame, name *Str, fromlist, level Object) (Object, error) {
	imp := f.builtins.GetStr(InternStr("__import__"))
	lv := int64(0)
	if li, ok := level.(*Int); ok {
		lv, _ = li.Int64()
	}
	if b, ok := imp.(*Builtin); ok && b.Self == Object(t.interp.BuiltinsModule) {
		return t.importModuleLevel(name.String(), f.globals, fromlist, int(lv))
	}
	if imp == nil {
		return nil, Errorf(ImportErrorType, "__import__ not found")
	}
	var locals Object = None
	if f.locals != nil {
		locals = f.locals
	}
	return t.Call(imp, []Object{name, f.globals, locals, fromlist, level}, nil)
}

// importModuleLevel is the default __import__.
func (t *Thread) importModuleLevel(name string, globals *Dict, fromlist Object, level int) (Object, error) {
	full := name
	if level > 0 {
		pkg := ""
		if globals != nil {
			if p := globals.GetStr(strPackage); p != nil && p != None {
				pkg = strOf(p)
			} else if n := globals.GetStr(strName); n != nil {
				pkg = strOf(n)
				if globals.GetStr(strPath) == nil {
					if i := strings.LastIndexByte(pkg, '.'); i >= 0 {
						pkg = pkg[:i]
					} else {
						pkg = ""
					}
				}
			}
		}
		if pkg == "" {
			return nil, Errorf(ImportErrorType, "attempted relative import with no known parent package")
		}
		parts := strings.Split(pkg, ".")
		if level-1 > len(parts)-1 && level > 1 {
			return nil, Errorf(ImportErrorType, "attempted relative import beyond top-level package")
		}
		base := strings.Join(parts[:len(parts)-(level-1)], ".")
		if name == "" {
			full = base
		} else {
			full = base + "." + name
		}
	}
	if full == "" {
		return nil, valueErr("Empty module name")
	}
	mod, err := t.importFull(full)
	if err != nil {
		return nil, err
	}
	hasFrom := false
	if fromlist != nil && fromlist != None {
		if n, err := t.Len(fromlist); err == nil && n > 0 {
			hasFrom = true
		}
	}
	if hasFrom {
		if m, ok := mod.(*Module); ok && m.Dict.GetStr(strPath) != nil {
			err := t.iterate(fromlist, func(x Object) error {
				s := strOf(x)
				if s == "*" || m.Dict.GetStr(NewStr(s)) != nil {
					return nil
				}
				_, err := t.importFull(full + "." + s)
				if err != nil && isExc(err, ModuleNotFoundErrorType) {
					return nil
				}
				return err
			})
			if err != nil {
				return nil, err
			}
		}
		return mod, nil
	}
	if level == 0 && strings.Contains(name, ".") {
		return t.importFull(name[:strings.IndexByte(name, '.')])
	}
	if level > 0 && name != "" && strings.Contains(name, ".") {
		return mod, nil
	}
	return mod, nil
}

func (t *Thread) importFull(full string) (Object, error) {
	if m := t.interp.Modules.GetStr(NewStr(full)); m != nil {
		if m == None {
			return nil, Errorf(ModuleNotFoundErrorType, "import of %s halted; None in sys.modules", full)
		}
		return m, nil
	}
	var parent *Module
	var searchPath []string
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		p, err := t.importFull(full[:i])
		if err != nil {
			return nil, err
		}
		parent, _ = p.(*Module)
		if m := t.interp.Modules.GetStr(NewStr(full)); m != nil {
			return m, nil
		}
		if parent == nil || parent.Dict.GetStr(strPath) == nil {
			e := Errorf(ModuleNotFoundErrorType, "No module named '%s'; '%s' is not a package", full, full[:i])
			return nil, e
		}
		pp, _ := t.ToSlice(parent.Dict.GetStr(strPath))
		for _, x := range pp {
			searchPath = append(searchPath, strOf(x))
		}
	} else {
		if mk, ok := t.interp.NativeModules[full]; ok {
			m, err := mk(t)
			if err != nil {
				return nil, err
			}
			t.interp.Modules.SetStr(NewStr(full), m)
			return m, nil
		}
		if sp, ok := t.sysAttr("path").(*List); ok {
			for _, x := range sp.V {
				searchPath = append(searchPath, strOf(x))
			}
		}
	}
	short := full[strings.LastIndexByte(full, '.')+1:]
	for _, dir := range searchPath {
		if dir == "" {
			dir = "."
		}
		pkgInit := filepath.Join(dir, short, "__init__.py")
		if st, err := os.Stat(pkgInit); err == nil && !st.IsDir() {
			return t.loadSource(full, pkgInit, filepath.Join(dir, short), parent, short)
		}
		file := filepath.Join(dir, short+".py")
		if st, err := os.Stat(file); err == nil && !st.IsDir() {
			return t.loadSource(full, file, "", parent, short)
		}
		pyc := filepath.Join(dir, short+".pyc")
		if st, err := os.Stat(pyc); err == nil && !st.IsDir() {
			return t.loadSource(full, pyc, "", parent, short)
		}
	}
	e := Errorf(ModuleNotFoundErrorType, "No module named '%s'", full)
	e.Dict = NewDict(0)
	e.Dict.SetStr(NewStr("name"), NewStr(full))
	return nil, e
}

func (t *Thread) loadSource(full, file, pkgDir string, parent *Module, short string) (Object, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, Errorf(ImportErrorType, "%s", err.Error())
	}
	var code *Code
	if strings.HasSuffix(file, ".pyc") {
		if t.interp.LoadPyc == nil {
			return nil, Errorf(ImportErrorType, "cannot load %s: no .pyc loader", file)
		}
		code, err = t.interp.LoadPyc(data)
	} else {
		if t.interp.Compile == nil {
			return nil, Errorf(ImportErrorType, "cannot import %s: no compiler available", full)
		}
		code, err = t.interp.Compile(data, file, "exec", t.interp.Optimize)
	}
	if err != nil {
		return nil, err
	}
	m := NewModule(full)
	m.Dict.SetStr(strFile, NewStr(file))
	if pkgDir != "" {
		m.Dict.SetStr(strPath, NewList([]Object{NewStr(pkgDir)}))
		m.Dict.SetStr(strPackage, NewStr(full))
	} else if i := strings.LastIndexByte(full, '.'); i >= 0 {
		m.Dict.SetStr(strPackage, NewStr(full[:i]))
	} else {
		m.Dict.SetStr(strPackage, NewStr(""))
	}
	t.interp.Modules.SetStr(NewStr(full), m)
	if _, err := t.RunCode(code, m.Dict, m.Dict); err != nil {
		_, _, _ = t.interp.Modules.Delete(NewStr(full), NewStr(full).Hash(), nil)
		return nil, err
	}
	if parent != nil {
		parent.Dict.SetStr(NewStr(short), m)
	}
	if mm := t.interp.Modules.GetStr(NewStr(full)); mm != nil {
		return mm, nil
	}
	return m, nil
}

func (t *Thread) importFrom(mod Object, name *Str) (Object, error) {
	v, err := t.GetAttr(mod, name)
	if err == nil {
		return v, nil
	}
	if !isExc(err, AttributeErrorType) {
		return nil, err
	}
	modName := "<unknown module name>"
	if m, ok := mod.(*Module); ok {
		modName = m.Name.String()
		if sub := t.interp.Modules.GetStr(NewStr(modName + "." + name.String())); sub != nil {
			return sub, nil
		}
		if f := m.Dict.GetStr(strFile); f != nil {
			return nil, Errorf(ImportErrorType, "cannot import name '%s' from '%s' (%s)", name, modName, strOf(f))
		}
		return nil, Errorf(ImportErrorType, "cannot import name '%s' from '%s' (unknown location)", name, modName)
	}
	return nil, Errorf(ImportErrorType, "cannot import name '%s' from '%s' (unknown location)", name, modName)
}

func (t *Thread) importStar(f *Frame, mod Object) error {
	if f.locals == nil {
		return Errorf(SystemErrorType, "no locals found during 'import *'")
	}
	m, ok := mod.(*Module)
	if !ok {
		return nil
	}
	if all := m.Dict.GetStr(strAll); all != nil {
		return t.iterate(all, func(x Object) error {
			s, ok := x.(*Str)
			if !ok {
				return typeErr("Item in %s.__all__ must be str, not %s", m.Name, TypeName(x))
			}
			v, err := t.GetAttr(m, s)
			if err != nil {
				return err
			}
			f.locals.SetStr(s, v)
			return nil
		})
	}
	for _, k := range m.Dict.Keys() {
		s := k.(*Str)
		if strings.HasPrefix(s.String(), "_") {
			continue
		}
		f.locals.SetStr(s, m.Dict.GetStr(s))
	}
	return nil
}
