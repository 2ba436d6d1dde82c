package vm

// The import statement and __import__: a thin layer over package imports, which finds modules
// (folders, zip archives, namespace packages, legacy .pyc files) and reads and writes the
// bytecode cache. This file resolves names, consults sys.modules and sys.meta_path, creates
// module objects with CPython's attributes (__file__, __cached__, __spec__, __loader__,
// __package__, __path__) and executes them. importlib's Go-native API is in import_lib.go.

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"gopyc/imports"
	. "gopyc/objects"
	"gopyc/pycache"
)

// importer is the interpreter's import state (Interp.importer).
type importer struct {
	finder imports.Finder
	// Settings fixed at start-up (command line and environment).
	checkHashBased string
	verbose        bool
	// initializing counts the modules being executed by the import system now (for the
	// "partially initialized module" message).
	initializing map[string]int
	// locks are the per-module import locks: a thread importing a module that another thread
	// is executing waits for it (unless that would deadlock: then, as CPython, it gets the
	// partially initialized module). waiting records which lock each thread waits for.
	locks   map[string]*importLock
	waiting map[*Thread]*importLock
}

type importLock struct {
	owner *Thread
	done  chan struct{}
}

// waitForModule blocks (without the GIL) while another thread executes module full.
func (t *Thread) waitForModule(full string) {
	im := t.interp.imp()
	for {
		lk := im.locks[full]
		if lk == nil || lk.owner == t {
			return
		}
		// Deadlock check: follow the chain of waits from the owner.
		for o := lk.owner; o != nil; {
			if o == t {
				return
			}
			w := im.waiting[o]
			if w == nil {
				break
			}
			o = w.owner
		}
		im.waiting[t] = lk
		t.ReleaseGIL(func() { <-lk.done })
		delete(im.waiting, t)
	}
}

func (in *Interp) imp() *importer {
	if in.importer == nil {
		in.importer = &importer{checkHashBased: "default", initializing: map[string]int{},
			locks: map[string]*importLock{}, waiting: map[*Thread]*importLock{}}
	}
	return in.importer
}

// ConfigureImports sets the cache settings that come from the command line: the optimisation
// level, pycache_prefix ("" for none), whether bytecode is written, the
// --check-hash-based-pycs mode and -v.
func (in *Interp) ConfigureImports(optimize int, prefix string, dontWrite bool, checkHashBased string, verbose bool) {
	im := in.imp()
	in.Optimize = optimize
	in.DontWriteBytecode = dontWrite
	if checkHashBased != "" {
		im.checkHashBased = checkHashBased
	}
	im.verbose = verbose
	if prefix != "" {
		in.Sys.Dict.SetStr(NewStr("pycache_prefix"), NewStr(prefix))
	}
	in.Sys.Dict.SetStr(NewStr("dont_write_bytecode"), NewBool(dontWrite))
}

// cache returns the cache settings in force now: sys.dont_write_bytecode and sys.pycache_prefix
// are read at every import, as CPython does.
func (t *Thread) cache() *imports.Cache {
	in := t.interp
	im := in.imp()
	c := &imports.Cache{Optimize: in.Optimize, CheckHashBased: im.checkHashBased, DontWrite: in.DontWriteBytecode}
	if v := t.sysAttr("dont_write_bytecode"); v != nil {
		c.DontWrite = v == True
	}
	if p, ok := t.sysAttr("pycache_prefix").(*Str); ok {
		c.Prefix = p.String()
	}
	if im.verbose {
		c.Verbose = func(format string, args ...any) {
			_ = in.Stderr.write(t, sprintfLine(format, args...))
		}
	}
	return c
}

func (t *Thread) finder() *imports.Finder {
	f := &t.interp.imp().finder
	f.Cache = t.cache()
	return f
}

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

// packageOf computes the package a relative import is relative to, from the importing
// module's globals (__package__, else __spec__.parent, else __name__).
func (t *Thread) packageOf(globals *Dict) (string, error) {
	if globals == nil {
		return "", typeErr("globals must be a dict")
	}
	if p := globals.GetStr(strPackage); p != nil && p != None {
		s, ok := p.(*Str)
		if !ok {
			return "", typeErr("package must be a string")
		}
		return s.String(), nil
	}
	if sp := globals.GetStr(strSpec); sp != nil && sp != None {
		if p, err := t.GetAttr(sp, specKey("parent")); err == nil {
			return strOf(p), nil
		}
	}
	n := globals.GetStr(strName)
	if n == nil {
		return "", Errorf(KeyErrorType, "'__name__' not in globals")
	}
	pkg := strOf(n)
	if globals.GetStr(strPath) == nil {
		if i := strings.LastIndexByte(pkg, '.'); i >= 0 {
			pkg = pkg[:i]
		} else {
			pkg = ""
		}
	}
	return pkg, nil
}

// resolveName turns a relative name into an absolute one (importlib's _resolve_name).
func resolveName(name, pkg string, level int) (string, error) {
	if pkg == "" {
		return "", Errorf(ImportErrorType, "attempted relative import with no known parent package")
	}
	parts := strings.Split(pkg, ".")
	if level-1 >= len(parts) {
		return "", Errorf(ImportErrorType, "attempted relative import beyond top-level package")
	}
	base := strings.Join(parts[:len(parts)-(level-1)], ".")
	if name == "" {
		return base, nil
	}
	return base + "." + name, nil
}

// importModuleLevel is the default __import__.
func (t *Thread) importModuleLevel(name string, globals *Dict, fromlist Object, level int) (Object, error) {
	if level < 0 {
		return nil, valueErr("level must be >= 0")
	}
	full := name
	if level > 0 {
		pkg, err := t.packageOf(globals)
		if err != nil {
			return nil, err
		}
		if full, err = resolveName(name, pkg, level); err != nil {
			return nil, err
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
	if !hasFrom {
		if level == 0 {
			if i := strings.IndexByte(name, '.'); i >= 0 {
				return t.importFull(name[:i])
			}
			return mod, nil
		}
		if name == "" {
			return mod, nil
		}
		// Return the top package of the relative name: full minus the dotted part after it.
		cut := len(full) - (len(name) - strings.IndexByte(name+".", '.'))
		if top := t.interp.Modules.GetStr(NewStr(full[:cut])); top != nil {
			return top, nil
		}
		return nil, NewException(KeyErrorType, NewStr(full[:cut]))
	}
	if m, ok := mod.(*Module); ok && m.Dict.GetStr(strPath) != nil {
		if err := t.handleFromlist(m, full, fromlist, false); err != nil {
			return nil, err
		}
	}
	return mod, nil
}

// handleFromlist imports the submodules named in a from-import's list (and, for "*", in the
// package's __all__). A submodule that does not exist is not an error here.
func (t *Thread) handleFromlist(m *Module, full string, fromlist Object, recursive bool) error {
	return t.iterate(fromlist, func(x Object) error {
		s, ok := x.(*Str)
		if !ok {
			where := "``from list''"
			if recursive {
				where = full + ".__all__"
			}
			return typeErr("Item in %s must be str, not %s", where, TypeName(x))
		}
		if s.String() == "*" {
			if !recursive {
				if all := m.Dict.GetStr(strAll); all != nil {
					return t.handleFromlist(m, full, all, true)
				}
			}
			return nil
		}
		if m.Dict.GetStr(s) != nil {
			return nil
		}
		sub := full + "." + s.String()
		_, err := t.importFull(sub)
		if err != nil {
			if e, ok := err.(*Exception); ok && isSubtype(e.Class, ModuleNotFoundErrorType) {
				if n := excName(e); n == sub {
					return nil
				}
			}
			return err
		}
		return nil
	})
}

func excName(e *Exception) string {
	if e.Dict != nil {
		if n, ok := e.Dict.GetStr(NewStr("name")).(*Str); ok {
			return n.String()
		}
	}
	return ""
}

// notFound is ModuleNotFoundError("No module named 'x'") with its name attribute.
func notFound(msg, name string) *Exception {
	e := Errorf(ModuleNotFoundErrorType, "%s", msg)
	e.Dict = NewDict(2)
	e.Dict.SetStr(NewStr("name"), NewStr(name))
	e.Dict.SetStr(NewStr("path"), None)
	return e
}

// importFull imports a module by absolute name, parents first, and returns it.
func (t *Thread) importFull(full string) (Object, error) {
	key := NewStr(full)
	if m := t.interp.Modules.GetStr(key); m != nil {
		if len(t.interp.imp().locks) > 0 {
			t.waitForModule(full)
			if m = t.interp.Modules.GetStr(key); m == nil {
				return t.importFull(full) // the other thread's import failed
			}
		}
		if m == None {
			return nil, notFound("import of "+full+" halted; None in sys.modules", full)
		}
		return m, nil
	}
	var parent Object
	var searchPath Object = None
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		p, err := t.importFull(full[:i])
		if err != nil {
			return nil, err
		}
		parent = p
		if m := t.interp.Modules.GetStr(key); m != nil {
			return m, nil
		}
		pm, _ := p.(*Module)
		var pp Object
		if pm != nil {
			pp = pm.Dict.GetStr(strPath)
		} else {
			pp, _ = t.GetAttr(p, strPath)
		}
		if pp == nil {
			return nil, notFound("No module named '"+full+"'; '"+full[:i]+"' is not a package", full)
		}
		searchPath = pp
	}
	if mk, ok := t.interp.NativeModules[full]; ok {
		m, err := mk(t)
		if err != nil {
			return nil, err
		}
		if m.Dict.GetStr(strSpec) == None {
			m.Dict.SetStr(strSpec, t.newSpec(full, builtinImporter(), NewStr("built-in"), nil, None, false))
			m.Dict.SetStr(strLoader, builtinImporter())
		}
		t.interp.Modules.SetStr(key, m)
		if parent != nil {
			_ = t.SetAttr(parent, NewStr(full[strings.LastIndexByte(full, '.')+1:]), m)
		}
		return m, nil
	}
	spec, err := t.findSpecObject(full, searchPath)
	if err != nil {
		return nil, err
	}
	if spec == nil {
		return nil, notFound("No module named '"+full+"'", full)
	}
	m, err := t.loadFromSpec(spec, full)
	if err != nil {
		return nil, err
	}
	if parent != nil {
		short := NewStr(full[strings.LastIndexByte(full, '.')+1:])
		if err := t.SetAttr(parent, short, m); err != nil && !isExc(err, AttributeErrorType) {
			return nil, err
		}
	}
	return m, nil
}

// pathList converts a __path__ or sys.path value to strings (non-strings are skipped, as the
// path finder does).
func (t *Thread) pathList(p Object) []string {
	var out []string
	if l, ok := p.(*List); ok {
		for _, x := range l.V {
			if s, ok := x.(*Str); ok {
				out = append(out, s.String())
			}
		}
		return out
	}
	_ = t.iterate(p, func(x Object) error {
		if s, ok := x.(*Str); ok {
			out = append(out, s.String())
		}
		return nil
	})
	return out
}

// findSpecObject asks the finders on sys.meta_path (Python objects with find_spec), then the
// built-in path finder, for the spec of full. path is the parent's __path__ or None.
func (t *Thread) findSpecObject(full string, path Object) (Object, error) {
	if mp, ok := t.sysAttr("meta_path").(*List); ok && len(mp.V) > 0 {
		for _, finder := range append([]Object(nil), mp.V...) {
			if finder == Object(pathFinderType) || finder == Object(builtinImporterType) {
				continue
			}
			fs, err := t.GetAttr(finder, NewStr("find_spec"))
			if err != nil {
				if isExc(err, AttributeErrorType) {
					continue
				}
				return nil, err
			}
			spec, err := t.Call(fs, []Object{NewStr(full), path, None}, nil)
			if err != nil {
				return nil, err
			}
			if spec != None {
				return spec, nil
			}
		}
	}
	var entries []string
	if path == None {
		entries = t.pathList(t.sysAttr("path"))
	} else {
		entries = t.pathList(path)
	}
	if hooks, ok := t.sysAttr("path_hooks").(*List); ok && len(hooks.V) > 0 {
		return t.findWithHooks(full, entries, hooks)
	}
	s := t.finder().Find(full, entries)
	if s == nil {
		return nil, nil
	}
	return t.specObject(s), nil
}

// loadFromSpec creates the module for a spec, registers it in sys.modules, executes it and
// returns what sys.modules holds afterwards (a module may replace itself there).
func (t *Thread) loadFromSpec(spec Object, full string) (Object, error) {
	loader, _ := t.GetAttr(spec, specKey("loader"))
	if loader == nil {
		loader = None
	}
	var mod Object
	if loader != None && !isOurLoader(loader) {
		cm, err := t.GetAttr(loader, NewStr("create_module"))
		if err == nil {
			r, err := t.Call(cm, []Object{spec}, nil)
			if err != nil {
				return nil, err
			}
			if r != None {
				mod = r
			}
		} else if !isExc(err, AttributeErrorType) {
			return nil, err
		} else if _, err2 := t.GetAttr(loader, NewStr("exec_module")); err2 != nil {
			// A legacy loader with load_module only.
			lm, err := t.GetAttr(loader, NewStr("load_module"))
			if err != nil {
				return nil, Errorf(ImportErrorType, "loader for %s cannot handle %s", full, full)
			}
			return t.Call(lm, []Object{NewStr(full)}, nil)
		}
	}
	if mod == nil {
		mod = NewModule(full)
	}
	if err := t.initModuleAttrs(mod, spec); err != nil {
		return nil, err
	}
	key := NewStr(full)
	t.interp.Modules.SetStr(key, mod)
	im := t.interp.imp()
	im.initializing[full]++
	lk := im.locks[full]
	if lk == nil {
		lk = &importLock{owner: t, done: make(chan struct{})}
		im.locks[full] = lk
	}
	initFlag := specKey("_initializing")
	if si, ok := spec.(*Instance); ok && si.Dict != nil {
		si.Dict.SetStr(initFlag, True)
	}
	err := t.execModule(loader, mod)
	if si, ok := spec.(*Instance); ok && si.Dict != nil {
		si.Dict.SetStr(initFlag, False)
	}
	if im.initializing[full]--; im.initializing[full] <= 0 {
		delete(im.initializing, full)
	}
	if lk.owner == t && im.locks[full] == lk {
		delete(im.locks, full)
		close(lk.done)
	}
	if err != nil {
		_, _, _ = t.interp.Modules.Delete(key, key.Hash(), nil)
		return nil, err
	}
	if m := t.interp.Modules.GetStr(key); m != nil {
		return m, nil
	}
	return nil, NewException(KeyErrorType, key)
}

// initModuleAttrs sets the import-related attributes of a new module from its spec, in
// CPython's order: __name__, __loader__, __package__, __spec__, __path__, __file__, __cached__.
func (t *Thread) initModuleAttrs(mod Object, spec Object) error {
	get := func(n string) Object {
		v, err := t.GetAttr(spec, specKey(n))
		if err != nil {
			return None
		}
		return v
	}
	set := func(n *Str, v Object) {
		if m, ok := mod.(*Module); ok {
			m.Dict.SetStr(n, v)
			return
		}
		_ = t.SetAttr(mod, n, v)
	}
	set(strName, get("name"))
	set(strLoader, get("loader"))
	set(strPackage, get("parent"))
	set(strSpec, spec)
	if locs := get("submodule_search_locations"); locs != None {
		set(strPath, locs)
	}
	if l, ok := get("loader").(*Instance); ok && l.Class == namespaceLoaderType {
		set(strFile, None)
	}
	if get("has_location") == True {
		set(strFile, get("origin"))
		if c := get("cached"); c != None {
			set(strCached, c)
		}
	}
	return nil
}

// execModule runs a module's code with its loader: Go-native loaders directly, others through
// their exec_module method.
func (t *Thread) execModule(loader, mod Object) error {
	if isOurLoader(loader) {
		m, ok := mod.(*Module)
		if !ok {
			return typeErr("module object expected")
		}
		return t.execNative(loader.(*Instance), m)
	}
	if loader == None {
		return Errorf(ImportErrorType, "missing loader")
	}
	em, err := t.GetAttr(loader, NewStr("exec_module"))
	if err != nil {
		return err
	}
	_, err = t.Call(em, []Object{mod}, nil)
	return err
}

// loaderCode returns the code object a Go-native loader runs for module name (nil for a
// namespace package).
func (t *Thread) loaderCode(l *Instance, name string) (*Code, error) {
	path := strOf(l.Dict.GetStr(specKey("path")))
	switch l.Class {
	case namespaceLoaderType:
		return nil, nil
	case sourceLoaderType:
		c := t.cache()
		co, err := c.Code(path, name, func(src []byte, filename string, optimize int) (*Code, error) {
			return t.compileSource(src, filename, optimize)
		})
		if err != nil {
			return nil, t.importError(err, name, path)
		}
		return co, nil
	case sourcelessLoaderType:
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, t.importError(err, name, path)
		}
		_, co, err := pycache.ReadPyc(data, name, path)
		if err != nil {
			return nil, t.importError(err, name, path)
		}
		return co, nil
	case zipImporterType:
		arch := strOf(l.Dict.GetStr(NewStr("archive")))
		if !strings.HasPrefix(path, arch+"/") {
			return nil, Errorf(ImportErrorType, "can't find module %s", ReprStr(name))
		}
		member := path[len(arch)+1:]
		data, err := t.interp.imp().finder.ReadZipMember(arch, member)
		if err != nil {
			return nil, t.importError(err, name, path)
		}
		if strings.HasSuffix(member, ".pyc") {
			_, co, err := pycache.ReadPyc(data, name, path)
			if err != nil {
				return nil, t.importError(err, name, path)
			}
			return co, nil
		}
		return t.compileSource(data, path, t.interp.Optimize)
	}
	return nil, Errorf(ImportErrorType, "unknown loader")
}

func (t *Thread) compileSource(src []byte, filename string, optimize int) (*Code, error) {
	if t.interp.Compile == nil && t.interp.CompileWarnings == nil {
		return nil, Errorf(ImportErrorType, "cannot compile %s: no compiler available", filename)
	}
	return t.CompileSource(src, filename, "exec", optimize, false)
}

// execNative runs a Go-native loader's module in the module's namespace.
func (t *Thread) execNative(l *Instance, m *Module) error {
	co, err := t.loaderCode(l, m.Name.String())
	if err != nil || co == nil {
		return err
	}
	_, err = t.RunCode(co, m.Dict, m.Dict)
	return err
}

// importError converts errors of the cache and file layers into Python exceptions.
func (t *Thread) importError(err error, name, path string) error {
	var pe *pycache.Error
	if errors.As(err, &pe) {
		cls := ImportErrorType
		switch pe.Class {
		case "ValueError":
			cls = ValueErrorType
		case "EOFError":
			cls = EOFErrorType
		case "IndexError":
			cls = IndexErrorType
		}
		e := Errorf(cls, "%s", pe.Msg)
		if cls == ImportErrorType {
			e.Dict = NewDict(2)
			e.Dict.SetStr(NewStr("name"), NewStr(name))
			e.Dict.SetStr(NewStr("path"), NewStr(path))
		}
		return e
	}
	if _, ok := err.(*Exception); ok {
		return err
	}
	var perr *fs.PathError
	if errors.As(err, &perr) {
		cls := OSErrorType
		if errors.Is(err, fs.ErrNotExist) {
			cls = FileNotFoundErrorType
		}
		return Errorf(cls, "%s: %s", perr.Err.Error(), ReprStr(perr.Path))
	}
	// Marshal errors of a legacy .pyc file.
	msg := err.Error()
	if strings.Contains(msg, "EOF") {
		return Errorf(EOFErrorType, "marshal data too short")
	}
	return Errorf(ValueErrorType, "bad marshal data (%s)", msg)
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
	var m *Module
	if mm, ok := mod.(*Module); ok {
		m = mm
		if n, ok := m.Dict.GetStr(strName).(*Str); ok {
			modName = n.String()
		}
		if sub := t.interp.Modules.GetStr(NewStr(modName + "." + name.String())); sub != nil {
			return sub, nil
		}
	}
	e := Errorf(ImportErrorType, "cannot import name '%s' from '%s' (unknown location)", name, modName)
	if m != nil {
		if f, ok := m.Dict.GetStr(strFile).(*Str); ok {
			initializing := false
			if sp := m.Dict.GetStr(strSpec); sp != nil && sp != None {
				if v, err := t.GetAttr(sp, specKey("_initializing")); err == nil && v == True {
					initializing = true
				}
			}
			if initializing || t.interp.imp().initializing[modName] > 0 {
				e = Errorf(ImportErrorType, "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import) (%s)", name, modName, f)
			} else {
				e = Errorf(ImportErrorType, "cannot import name '%s' from '%s' (%s)", name, modName, f)
			}
		}
	}
	e.Dict = NewDict(2)
	e.Dict.SetStr(NewStr("name"), NewStr(modName))
	if m != nil && m.Dict.GetStr(strFile) != nil {
		e.Dict.SetStr(NewStr("path"), m.Dict.GetStr(strFile))
	} else {
		e.Dict.SetStr(NewStr("path"), None)
	}
	return nil, e
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

// findWithHooks is the path finder when sys.path_hooks holds user hooks: for each entry, the
// finder cached in sys.path_importer_cache, else the first hook that accepts the entry (cached
// there), else gopyc's own search of the entry. Namespace portions from all of them combine.
func (t *Thread) findWithHooks(full string, entries []string, hooks *List) (Object, error) {
	cache, _ := t.sysAttr("path_importer_cache").(*Dict)
	f := t.finder()
	var portions []string
	for _, entry := range entries {
		key := NewStr(entry)
		var finder Object
		if cache != nil {
			finder = cache.GetStr(key)
		}
		if finder == nil {
			finder = None
			for _, hook := range append([]Object(nil), hooks.V...) {
				r, err := t.Call(hook, []Object{key}, nil)
				if err == nil {
					finder = r
					break
				}
				if !isExc(err, ImportErrorType) {
					return nil, err
				}
			}
			if cache != nil && finder != None {
				cache.SetStr(key, finder)
			}
		}
		if finder == None {
			s, portion := f.FindEntry(full, entry)
			if s != nil {
				return t.specObject(s), nil
			}
			if portion != "" {
				portions = append(portions, portion)
			}
			continue
		}
		fs, err := t.GetAttr(finder, NewStr("find_spec"))
		if err != nil {
			return nil, err
		}
		spec, err := t.Call(fs, []Object{NewStr(full)}, nil)
		if err != nil {
			return nil, err
		}
		if spec == None {
			continue
		}
		if l, err := t.GetAttr(spec, NewStr("loader")); err == nil && l != None {
			return spec, nil
		}
		if locs, err := t.GetAttr(spec, NewStr("submodule_search_locations")); err == nil && locs != None {
			portions = append(portions, t.pathList(locs)...)
		}
	}
	if portions != nil {
		return t.specObject(&imports.Spec{Name: full, Kind: imports.KindNamespace, IsPackage: true, Locations: portions}), nil
	}
	return nil, nil
}
