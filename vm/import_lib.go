package vm

// Go-native importlib: the modules importlib, importlib.util, importlib.machinery and zipimport,
// the ModuleSpec type and the loaders the import system attaches to modules (SourceFileLoader,
// SourcelessFileLoader, NamespaceLoader, zipimporter, BuiltinImporter). Finding and caching is
// done by package imports; this file only shapes its results as the Python objects importlib
// users expect. CPython's importlib/_bootstrap is never run.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"gopyc/imports"
	. "gopyc/objects"
	"gopyc/pycache"
)

var (
	strLoader = InternStr("__loader__")
	strCached = InternStr("__cached__")

	importTypesOnce      sync.Once
	moduleSpecType       *Type
	sourceLoaderType     *Type
	sourcelessLoaderType *Type
	namespaceLoaderType  *Type
	zipImporterType      *Type
	builtinImporterType  *Type
	pathFinderType       *Type
	fileFinderType       *Type
	extensionLoaderType  *Type
)

func sprintfLine(format string, args ...any) string { return fmt.Sprintf(format, args...) + "\n" }

func newImportType(name, module string) *Type {
	tp := &Type{Name: name, QualName: name, Module: module, Flags: TypeFlagHasDict}
	setupBuiltinType(tp, ObjectType)
	tp.Module = module
	tp.Flags |= TypeFlagHasDict
	ctors[tp] = func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		inst := &Instance{Class: tp, Dict: NewDict(8)}
		if len(args) > 0 || kwCount(kw) > 0 {
			// Called as the type: run __init__ here (the type call does not for ctor types).
			if init, ok := tp.Dict.GetStr(strInit).(*Builtin); ok {
				if _, err := init.Fn(t, append([]Object{inst}, args...), kw); err != nil {
					return nil, err
				}
			}
		}
		return inst, nil
	}
	return tp
}

func builtinImporter() Object { return builtinImporterType }

func isOurLoader(o Object) bool {
	i, ok := o.(*Instance)
	if !ok {
		return false
	}
	switch i.Class {
	case sourceLoaderType, sourcelessLoaderType, namespaceLoaderType, zipImporterType:
		return true
	}
	return false
}

func newInstance(tp *Type, kv ...any) *Instance {
	o := &Instance{Class: tp, Dict: NewDict(len(kv) / 2)}
	for i := 0; i < len(kv); i += 2 {
		o.Dict.SetStr(specKey(kv[i].(string)), kv[i+1].(Object))
	}
	return o
}

// specKeys are the attribute names of specs and loaders that the import system reads or writes
// for every module it loads, made once: a new str per access cost an allocation and a hash each
// time.
var specKeys = func() map[string]*Str {
	m := map[string]*Str{}
	for _, k := range []string{"name", "loader", "origin", "loader_state", "submodule_search_locations",
		"_set_fileattr", "cached", "parent", "has_location", "_initializing", "path", "archive", "prefix"} {
		m[k] = InternStr(k) // hashed on first use (the hash seed may still change at start-up)
	}
	return m
}()

// specKey returns a str for the attribute name k: the shared one when k is one of specKeys.
func specKey(k string) *Str {
	if s := specKeys[k]; s != nil {
		return s
	}
	return NewStr(k)
}

func strOrNone(s string) Object {
	if s == "" {
		return None
	}
	return NewStr(s)
}

func strList(ss []string) *List {
	l := make([]Object, len(ss))
	for i, s := range ss {
		l[i] = NewStr(s)
	}
	return NewList(l)
}

// newSpec builds a ModuleSpec.
func (t *Thread) newSpec(name string, loader, origin Object, locs Object, cached Object, hasLocation bool) *Instance {
	if locs == nil {
		locs = None
	}
	return newInstance(moduleSpecType, "name", NewStr(name), "loader", loader, "origin", origin,
		"loader_state", None, "submodule_search_locations", locs, "_set_fileattr", NewBool(hasLocation),
		"cached", cached)
}

// specObject turns a spec of package imports into a ModuleSpec with its loader.
func (t *Thread) specObject(s *imports.Spec) *Instance {
	var loader Object
	var locs Object = None
	if s.IsPackage {
		locs = strList(s.Locations)
	}
	switch s.Kind {
	case imports.KindSource:
		loader = newInstance(sourceLoaderType, "name", NewStr(s.Name), "path", NewStr(s.Origin))
	case imports.KindSourceless:
		loader = newInstance(sourcelessLoaderType, "name", NewStr(s.Name), "path", NewStr(s.Origin))
	case imports.KindNamespace:
		locs = t.newNSPath(s.Name, s.Locations)
		loader = newInstance(namespaceLoaderType, "_path", locs)
		return t.newSpec(s.Name, loader, None, locs, None, false)
	default:
		prefix := strings.TrimPrefix(filepath.Dir(s.Inner), ".")
		if prefix != "" {
			prefix += "/"
		}
		loader = newInstance(zipImporterType, "archive", NewStr(s.Archive), "prefix", NewStr(prefix), "path", NewStr(s.Origin))
	}
	return t.newSpec(s.Name, loader, NewStr(s.Origin), locs, strOrNone(s.Cached), true)
}

func (in *Interp) installImportlib() {
	importTypesOnce.Do(initImportTypes)
	in.NativeModules["importlib"] = makeImportlib
	in.NativeModules["importlib.util"] = makeImportlibUtil
	in.NativeModules["importlib.machinery"] = makeImportlibMachinery
	in.NativeModules["zipimport"] = makeZipimport
	in.NativeModules["importlib.abc"] = makeImportlibABC
	in.NativeModules["importlib._bootstrap"] = makeBootstrap("importlib._bootstrap")
	in.NativeModules["importlib._bootstrap_external"] = makeBootstrap("importlib._bootstrap_external")
	t := in.mainThread
	for _, m := range []*Module{in.Sys, in.BuiltinsModule} {
		m.Dict.SetStr(strSpec, t.newSpec(m.Name.String(), builtinImporterType, NewStr("built-in"), nil, None, false))
		m.Dict.SetStr(strLoader, builtinImporterType)
	}
}

func selfDict(args []Object) *Dict {
	if len(args) > 0 {
		if i, ok := args[0].(*Instance); ok && i.Dict != nil {
			return i.Dict
		}
	}
	return NewDict(0)
}

func initImportTypes() {
	moduleSpecType = newImportType("ModuleSpec", "_frozen_importlib")
	tp := moduleSpecType
	addRawMethod(tp, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("ModuleSpec", args[1:], kw, []string{"name", "loader", "$origin", "$loader_state", "$is_package"}, 2)
		if err != nil {
			return nil, err
		}
		for i := range a {
			if a[i] == nil {
				a[i] = None
			}
		}
		var locs Object = None
		if ok, err := t.Truth(a[4]); err != nil {
			return nil, err
		} else if ok {
			locs = NewList(nil)
		}
		d := selfDict(args)
		for _, kv := range []struct {
			k string
			v Object
		}{{"name", a[0]}, {"loader", a[1]}, {"origin", a[2]}, {"loader_state", a[3]},
			{"submodule_search_locations", locs}, {"_set_fileattr", False}, {"cached", None}} {
			d.SetStr(specKey(kv.k), kv.v)
		}
		return None, nil
	})
	tp.Dict.SetStr(NewStr("parent"), &GetSet{Name: "parent", Get: func(t *Thread, o Object) (Object, error) {
		d := selfDict([]Object{o})
		name := strOf(d.GetStr(specKey("name")))
		if l := d.GetStr(specKey("submodule_search_locations")); l != nil && l != None {
			return NewStr(name), nil
		}
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			return NewStr(name[:i]), nil
		}
		return NewStr(""), nil
	}})
	tp.Dict.SetStr(NewStr("has_location"), &GetSet{Name: "has_location", Get: func(t *Thread, o Object) (Object, error) {
		v := selfDict([]Object{o}).GetStr(specKey("_set_fileattr"))
		if v == nil {
			return False, nil
		}
		return v, nil
	}, Set: func(t *Thread, o Object, v Object) error {
		b, err := t.Truth(v)
		selfDict([]Object{o}).SetStr(NewStr("_set_fileattr"), NewBool(b))
		return err
	}})
	addRawMethod(tp, "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		d := selfDict(args)
		var parts []string
		for _, k := range []string{"name", "loader", "origin", "submodule_search_locations"} {
			v := d.GetStr(NewStr(k))
			if v == nil || (v == None && k != "loader" && k != "name") {
				continue
			}
			r, err := t.repr(v)
			if err != nil {
				return nil, err
			}
			parts = append(parts, k+"="+r)
		}
		return NewStr(args[0].(*Instance).Class.Name + "(" + strings.Join(parts, ", ") + ")"), nil
	})
	addRawMethod(tp, "__eq__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		b, ok := args[1].(*Instance)
		if !ok || !isSubtype(b.Class, moduleSpecType) {
			return NotImplemented, nil
		}
		da, db := selfDict(args), b.Dict
		for _, k := range []string{"name", "loader", "origin", "cached", "submodule_search_locations", "_set_fileattr"} {
			x, y := da.GetStr(NewStr(k)), db.GetStr(NewStr(k))
			if x == nil || y == nil {
				if x != y {
					return False, nil
				}
				continue
			}
			eq, err := t.RichCompare(x, y, 2)
			if err != nil {
				return nil, err
			}
			if ok, _ := t.Truth(eq); !ok {
				return False, nil
			}
		}
		return True, nil
	})

	fileLoader := func(name string) *Type {
		tp := newImportType(name, "_frozen_importlib_external")
		addRawMethod(tp, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := parseArgs(name, args[1:], kw, []string{"fullname", "path"}, 2)
			if err != nil {
				return nil, err
			}
			d := selfDict(args)
			d.SetStr(NewStr("name"), a[0])
			d.SetStr(NewStr("path"), a[1])
			return None, nil
		})
		addRawMethod(tp, "get_filename", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return selfDict(args).GetStr(NewStr("path")), nil
		})
		addLoaderMethods(tp)
		return tp
	}
	sourceLoaderType = fileLoader("SourceFileLoader")
	addRawMethod(sourceLoaderType, "get_source", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		data, err := os.ReadFile(strOf(selfDict(args).GetStr(NewStr("path"))))
		if err != nil {
			return nil, t.importError(err, "", "")
		}
		return NewStr(strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n")), nil
	})
	addRawMethod(sourceLoaderType, "source_to_code", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		// compile(data, path, 'exec', dont_inherit=True, optimize=_optimize), as importlib's
		// SourceLoader.source_to_code (py_compile calls it).
		a, err := parseArgs("source_to_code", args[1:], kw, []string{"data", "path", "$_optimize"}, 2)
		if err != nil {
			return nil, err
		}
		opt := t.interp.Optimize
		if o, ok := toIntObj(a[2]); ok {
			if v, _ := o.Int64(); v >= 0 {
				opt = int(v)
			}
		}
		var src []byte
		_, isText := a[0].(*Str)
		if isText {
			src = []byte(strOf(a[0]))
		} else if b, ok := bytesLike(a[0]); ok {
			src = b
		} else {
			return nil, typeErr("compile() arg 1 must be a string, bytes or AST object")
		}
		p, err := t.Str(a[1])
		if err != nil {
			return nil, err
		}
		return t.CompileSource(src, p.String(), "exec", opt, isText)
	})
	addRawMethod(sourceLoaderType, "path_stats", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("path_stats() takes exactly one argument")
		}
		st, err := os.Stat(strOf(args[1]))
		if err != nil {
			return nil, t.importError(err, "", "")
		}
		d := NewDict(2)
		d.SetStr(NewStr("mtime"), NewFloat(float64(st.ModTime().UnixNano())/1e9))
		d.SetStr(NewStr("size"), NewInt(st.Size()))
		return d, nil
	})
	sourcelessLoaderType = fileLoader("SourcelessFileLoader")
	addRawMethod(sourcelessLoaderType, "get_source", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return None, nil
	})

	namespaceLoaderType = newImportType("NamespaceLoader", "_frozen_importlib_external")
	addRawMethod(namespaceLoaderType, "is_package", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return True, nil })
	addRawMethod(namespaceLoaderType, "get_source", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewStr(""), nil })
	addRawMethod(namespaceLoaderType, "create_module", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })
	addRawMethod(namespaceLoaderType, "exec_module", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })

	zipImporterType = newImportType("zipimporter", "zipimport")
	addRawMethod(zipImporterType, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("zipimporter", args[1:], kw, []string{"path"}, 1)
		if err != nil {
			return nil, err
		}
		p := strOf(a[0])
		f := t.finder()
		arch, inner, ok := f.ZipArchive(p)
		if !ok {
			return nil, t.notAZipFile(p)
		}
		d := selfDict(args)
		d.SetStr(NewStr("archive"), NewStr(arch))
		d.SetStr(NewStr("prefix"), NewStr(inner))
		return None, nil
	})
	addRawMethod(zipImporterType, "find_spec", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("find_spec", args[1:], kw, []string{"fullname", "target"}, 1)
		if err != nil {
			return nil, err
		}
		d := selfDict(args)
		entry := strOf(d.GetStr(NewStr("archive")))
		if p := strOf(d.GetStr(NewStr("prefix"))); p != "" {
			entry += "/" + strings.TrimSuffix(p, "/")
		}
		s := t.finder().Find(strOf(a[0]), []string{entry})
		if s == nil {
			return None, nil
		}
		return t.specObject(s), nil
	})
	addRawMethod(zipImporterType, "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		d := selfDict(args)
		return NewStr(`<zipimporter object "` + strOf(d.GetStr(NewStr("archive"))) + "/" + strOf(d.GetStr(NewStr("prefix"))) + `">`), nil
	})
	addLoaderMethods(zipImporterType)
	// zipimporter's own per-module methods take the module name (the file loaders' take none).
	zipModule := func(t *Thread, args []Object, kw *Tuple, fname string) (*imports.Spec, error) {
		a, err := parseArgs(fname, args[1:], kw, []string{"fullname"}, 1)
		if err != nil {
			return nil, err
		}
		d := selfDict(args)
		entry := strOf(d.GetStr(NewStr("archive")))
		if p := strOf(d.GetStr(NewStr("prefix"))); p != "" {
			entry += "/" + strings.TrimSuffix(p, "/")
		}
		name := strOf(a[0])
		// The importer serves the top level of its entry: the last part of a dotted name.
		short := name[strings.LastIndexByte(name, '.')+1:]
		s := t.finder().Find(short, []string{entry})
		if s == nil || (s.Kind != imports.KindZipSource && s.Kind != imports.KindZipSourceless) {
			e := Errorf(t.zipImportError(), "can't find module %s", ReprStr(name))
			e.Dict = NewDict(1)
			e.Dict.SetStr(NewStr("name"), a[0])
			return nil, e
		}
		return s, nil
	}
	addRawMethod(zipImporterType, "get_filename", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		s, err := zipModule(t, args, kw, "get_filename")
		if err != nil {
			return nil, err
		}
		return NewStr(s.Origin), nil
	})
	addRawMethod(zipImporterType, "is_package", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		s, err := zipModule(t, args, kw, "is_package")
		if err != nil {
			return nil, err
		}
		return NewBool(s.IsPackage), nil
	})
	addRawMethod(zipImporterType, "get_source", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		s, err := zipModule(t, args, kw, "get_source")
		if err != nil {
			return nil, err
		}
		if s.Kind != imports.KindZipSource {
			return None, nil // bytecode only
		}
		data, err := t.finder().ReadZipMember(s.Archive, s.Inner)
		if err != nil {
			return nil, Errorf(t.zipImportError(), "can't find module %s", ReprStr(s.Name))
		}
		return decodeBytes(data, "utf-8", "strict") // as stored: no newline translation
	})

	builtinImporterType = newImportType("BuiltinImporter", "_frozen_importlib")
	addClassMethod(builtinImporterType, "find_spec", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("find_spec", args[1:], kw, []string{"fullname", "path", "target"}, 1)
		if err != nil {
			return nil, err
		}
		name := strOf(a[0])
		if _, ok := t.interp.NativeModules[name]; ok || name == "sys" || name == "builtins" {
			return t.newSpec(name, builtinImporterType, NewStr("built-in"), nil, None, false), nil
		}
		return None, nil
	})
	addClassMethod(builtinImporterType, "create_module", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) < 2 {
			return nil, typeErr("create_module() missing argument 'spec'")
		}
		n, err := t.GetAttr(args[1], NewStr("name"))
		if err != nil {
			return nil, err
		}
		if m := t.interp.Modules.GetStr(NewStr(strOf(n))); m != nil {
			return m, nil
		}
		return t.importFull(strOf(n))
	})
	addClassMethod(builtinImporterType, "exec_module", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })

	pathFinderType = newImportType("PathFinder", "_frozen_importlib_external")
	addClassMethod(pathFinderType, "find_spec", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("find_spec", args[1:], kw, []string{"fullname", "path", "target"}, 1)
		if err != nil {
			return nil, err
		}
		var entries []string
		if a[1] == nil || a[1] == None {
			entries = t.pathList(t.sysAttr("path"))
		} else {
			entries = t.pathList(a[1])
		}
		s := t.finder().Find(strOf(a[0]), entries)
		if s == nil {
			return None, nil
		}
		return t.specObject(s), nil
	})
	addClassMethod(pathFinderType, "invalidate_caches", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		t.interp.imp().finder.InvalidateCaches()
		return None, nil
	})

	// FileFinder serves one folder; gopyc's path finder does not need the objects, but
	// libraries construct and inspect them (pkgutil registers functions for the type).
	fileFinderType = newImportType("FileFinder", "_frozen_importlib_external")
	addRawMethod(fileFinderType, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) < 2 {
			return nil, typeErr("FileFinder() missing required argument 'path'")
		}
		p := strOf(args[1])
		if p == "" || p == "." {
			wd, err := getwd()
			if err != nil {
				return nil, err
			}
			p = wd
		} else if !filepath.IsAbs(p) {
			if wd, err := getwd(); err == nil {
				p = strings.TrimSuffix(wd, "/") + "/" + p
			}
		}
		d := selfDict(args)
		d.SetStr(NewStr("path"), NewStr(p))
		// Without (loader, suffixes) details a FileFinder finds only namespace portions, as
		// CPython's; with any, gopyc's full search is used.
		d.SetStr(NewStr("_loaders"), NewTuple(append([]Object(nil), args[2:]...)))
		return None, nil
	})
	addRawMethod(fileFinderType, "find_spec", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("find_spec", args[1:], kw, []string{"fullname", "target"}, 1)
		if err != nil {
			return nil, err
		}
		name := strOf(a[0])
		d := selfDict(args)
		s, portion := t.finder().FindEntry(name, strOf(d.GetStr(NewStr("path"))))
		if l, ok := d.GetStr(NewStr("_loaders")).(*Tuple); ok && len(l.V) == 0 && s != nil {
			s = nil
		}
		if s != nil {
			return t.specObject(s), nil
		}
		if portion != "" {
			return t.newSpec(name, None, None, strList([]string{portion}), None, false), nil
		}
		return None, nil
	})
	addRawMethod(fileFinderType, "invalidate_caches", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		t.interp.imp().finder.InvalidateCaches()
		return None, nil
	})
	addRawMethod(fileFinderType, "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewStr("FileFinder(" + ReprStr(strOf(selfDict(args).GetStr(NewStr("path")))) + ")"), nil
	})
	addClassMethod(fileFinderType, "path_hook", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		details := append([]Object(nil), args[1:]...)
		return &Builtin{Name: "path_hook_for_FileFinder", Fn: func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if len(args) != 1 {
				return nil, typeErr("path_hook_for_FileFinder() takes exactly one argument")
			}
			p := strOf(args[0])
			if p == "" {
				p = "."
			}
			if st, err := os.Stat(p); err != nil || !st.IsDir() {
				e := Errorf(ImportErrorType, "only directories are supported")
				e.Dict = NewDict(1)
				e.Dict.SetStr(NewStr("path"), args[0])
				return nil, e
			}
			inst := newInstance(fileFinderType)
			init := fileFinderType.Dict.GetStr(strInit).(*Builtin)
			if _, err := init.Fn(t, append([]Object{inst, args[0]}, details...), nil); err != nil {
				return nil, err
			}
			return inst, nil
		}}, nil
	})

	// Extension modules (.so) cannot be loaded by gopyc: the type exists for isinstance checks.
	extensionLoaderType = newImportType("ExtensionFileLoader", "_frozen_importlib_external")
}

func getwd() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", Errorf(OSErrorType, "%s", err.Error())
	}
	return wd, nil
}

// addLoaderMethods adds the methods shared by the Go-native file loaders.
func addLoaderMethods(tp *Type) {
	addRawMethod(tp, "get_data", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("get_data() takes exactly one argument")
		}
		p := strOf(args[1])
		if tp == zipImporterType {
			arch := strOf(selfDict(args).GetStr(NewStr("archive")))
			data, err := t.interp.imp().finder.ReadZipMember(arch, strings.TrimPrefix(p, arch+"/"))
			if err != nil {
				return nil, Errorf(OSErrorType, "[Errno 0] Error: %s", ReprStr(p))
			}
			return NewBytes(data), nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, t.importError(err, "", p)
		}
		return NewBytes(data), nil
	})
	addRawMethod(tp, "is_package", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		p := filepath.Base(strOf(selfDict(args).GetStr(NewStr("path"))))
		return NewBool(strings.SplitN(p, ".", 2)[0] == "__init__"), nil
	})
	addRawMethod(tp, "create_module", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })
	addRawMethod(tp, "exec_module", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("exec_module() takes exactly one argument")
		}
		m, ok := args[1].(*Module)
		if !ok {
			return nil, typeErr("exec_module() argument must be a module")
		}
		return None, t.execNative(loaderFor(args[0].(*Instance), m), m)
	})
	addRawMethod(tp, "get_code", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("get_code() takes exactly one argument")
		}
		co, err := t.loaderCode(args[0].(*Instance), strOf(args[1]))
		if err != nil || co == nil {
			return None, err
		}
		return co, nil
	})
	addRawMethod(tp, "load_module", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) < 2 {
			return nil, typeErr("load_module() missing argument 'fullname'")
		}
		return t.importFull(strOf(args[1]))
	})
}

// loaderFor returns the loader to run module m with: a zipimporter serves every module of its
// archive, so its member comes from the module's spec.
func loaderFor(l *Instance, m *Module) *Instance {
	if l.Class != zipImporterType {
		return l
	}
	c := newInstance(zipImporterType)
	for _, k := range l.Dict.Keys() {
		c.Dict.SetStr(k.(*Str), l.Dict.GetStr(k.(*Str)))
	}
	if f, ok := m.Dict.GetStr(strFile).(*Str); ok {
		c.Dict.SetStr(NewStr("path"), f)
	}
	return c
}

func makeImportlib(t *Thread) (*Module, error) {
	m := NewModule("importlib")
	m.Set("__path__", importlibPath(t.interp))
	m.Set("__package__", NewStr("importlib"))
	m.Set("__import__", t.interp.Builtins.GetStr(NewStr("__import__")))
	m.AddFunc("import_module", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("import_module", args, kw, []string{"name", "package"}, 1)
		if err != nil {
			return nil, err
		}
		name := strOf(a[0])
		level := 0
		for level < len(name) && name[level] == '.' {
			level++
		}
		if level > 0 {
			if a[1] == nil || a[1] == None {
				return nil, typeErr("the 'package' argument is required to perform a relative import for %s", ReprStr(name))
			}
			full, err := resolveName(name[level:], strOf(a[1]), level)
			if err != nil {
				return nil, err
			}
			name = full
		}
		if name == "" {
			return nil, valueErr("Empty module name")
		}
		return t.importFull(name)
	})
	m.AddFunc("invalidate_caches", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		t.interp.imp().finder.InvalidateCaches()
		if mp, ok := t.sysAttr("meta_path").(*List); ok {
			for _, f := range append([]Object(nil), mp.V...) {
				if ic, err := t.GetAttr(f, NewStr("invalidate_caches")); err == nil {
					if _, err := t.Call(ic, nil, nil); err != nil {
						return nil, err
					}
				}
			}
		}
		return None, nil
	})
	m.AddFunc("reload", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("reload", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return t.reload(args[0])
	})
	return m, nil
}

// reload re-executes a module's (possibly changed) source in its existing namespace.
func (t *Thread) reload(mod Object) (Object, error) {
	m, ok := mod.(*Module)
	if !ok {
		return nil, typeErr("reload() argument must be a module")
	}
	name := strOf(m.Dict.GetStr(strName))
	if sp := m.Dict.GetStr(strSpec); sp != nil && sp != None {
		if n, err := t.GetAttr(sp, NewStr("name")); err == nil {
			name = strOf(n)
		}
	}
	if t.interp.Modules.GetStr(NewStr(name)) != mod {
		e := Errorf(ImportErrorType, "module %s not in sys.modules", name)
		e.Dict = NewDict(1)
		e.Dict.SetStr(NewStr("name"), NewStr(name))
		return nil, e
	}
	var path Object = None
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		p := t.interp.Modules.GetStr(NewStr(name[:i]))
		if p == nil {
			e := Errorf(ImportErrorType, "parent %s not in sys.modules", ReprStr(name[:i]))
			e.Dict = NewDict(1)
			e.Dict.SetStr(NewStr("name"), NewStr(name[:i]))
			return nil, e
		}
		pp, err := t.GetAttr(p, strPath)
		if err != nil {
			return nil, err
		}
		path = pp
	}
	if _, ok := t.interp.NativeModules[name]; ok {
		return mod, nil
	}
	spec, err := t.findSpecObject(name, path)
	if err != nil {
		return nil, err
	}
	if spec == nil {
		return nil, notFound("spec not found for the module "+ReprStr(name), name)
	}
	if err := t.initModuleAttrs(m, spec); err != nil {
		return nil, err
	}
	loader, _ := t.GetAttr(spec, NewStr("loader"))
	if err := t.execModule(loader, m); err != nil {
		return nil, err
	}
	if r := t.interp.Modules.GetStr(NewStr(name)); r != nil {
		return r, nil
	}
	return mod, nil
}

func (t *Thread) optimization(o Object) (string, error) {
	if o == nil || o == None {
		if t.interp.Optimize == 0 {
			return "", nil
		}
		return fmt.Sprint(t.interp.Optimize), nil
	}
	return t.strArg(o)
}

func (t *Thread) strArg(o Object) (string, error) {
	s, err := t.callMethod0(o, "__str__")
	if err != nil {
		return "", err
	}
	return strOf(s), nil
}

func (t *Thread) callMethod0(o Object, name string) (Object, error) {
	f, err := t.GetAttr(o, NewStr(name))
	if err != nil {
		return nil, err
	}
	return t.Call(f, nil, nil)
}

func (t *Thread) fspath(o Object) (string, error) {
	switch v := o.(type) {
	case *Str:
		return v.String(), nil
	case *Bytes:
		return string(v.B), nil
	}
	f, err := t.GetAttr(o, NewStr("__fspath__"))
	if err != nil {
		return "", typeErr("expected str, bytes or os.PathLike object, not %s", TypeName(o))
	}
	r, err := t.Call(f, nil, nil)
	if err != nil {
		return "", err
	}
	return t.fspath(r)
}

func pyErr(err error) error {
	var pe *pycache.Error
	if e, ok := err.(*pycache.Error); ok {
		pe = e
		switch pe.Class {
		case "ValueError":
			return Errorf(ValueErrorType, "%s", pe.Msg)
		case "IndexError":
			return Errorf(IndexErrorType, "%s", pe.Msg)
		}
		return Errorf(ImportErrorType, "%s", pe.Msg)
	}
	return Errorf(OSErrorType, "%s", err.Error())
}

func (t *Thread) prefix() string {
	if p, ok := t.sysAttr("pycache_prefix").(*Str); ok {
		return p.String()
	}
	return ""
}

func makeImportlibUtil(t *Thread) (*Module, error) {
	m := NewModule("importlib.util")
	m.Set("__package__", NewStr("importlib"))
	m.Set("MAGIC_NUMBER", NewBytes([]byte{0xa7, 0x0d, 0x0d, 0x0a}))
	m.AddFunc("cache_from_source", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("cache_from_source", args, kw, []string{"path", "debug_override", "$optimization"}, 1)
		if err != nil {
			return nil, err
		}
		path, err := t.fspath(a[0])
		if err != nil {
			return nil, err
		}
		opt := a[2]
		if a[1] != nil && a[1] != None {
			if opt != nil && opt != None {
				return nil, typeErr("debug_override or optimization must be set to None")
			}
			if b, _ := t.Truth(a[1]); b {
				opt = NewStr("")
			} else {
				opt = NewInt(1)
			}
		}
		o, err := t.optimization(opt)
		if err != nil {
			return nil, err
		}
		r, err := pycache.CacheFromSource(path, o, t.prefix())
		if err != nil {
			return nil, pyErr(err)
		}
		return NewStr(r), nil
	})
	m.AddFunc("source_from_cache", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("source_from_cache", args, kw, []string{"path"}, 1)
		if err != nil {
			return nil, err
		}
		path, err := t.fspath(a[0])
		if err != nil {
			return nil, err
		}
		r, err := pycache.SourceFromCache(path, t.prefix())
		if err != nil {
			return nil, pyErr(err)
		}
		return NewStr(r), nil
	})
	m.AddFunc("source_hash", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("source_hash", args, kw, []string{"source_bytes"}, 1)
		if err != nil {
			return nil, err
		}
		b, ok := a[0].(*Bytes)
		if !ok {
			return nil, typeErr("a bytes-like object is required, not '%s'", TypeName(a[0]))
		}
		h := pycache.SourceHash(b.B)
		return NewBytes(h[:]), nil
	})
	m.AddFunc("resolve_name", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("resolve_name", args, kw, []string{"name", "package"}, 2)
		if err != nil {
			return nil, err
		}
		name := strOf(a[0])
		if !strings.HasPrefix(name, ".") {
			return NewStr(name), nil
		}
		if a[1] == None || strOf(a[1]) == "" {
			return nil, Errorf(ImportErrorType, "no package specified for %s (required for relative module names)", ReprStr(name))
		}
		level := len(name) - len(strings.TrimLeft(name, "."))
		r, err := resolveName(name[level:], strOf(a[1]), level)
		if err != nil {
			return nil, err
		}
		return NewStr(r), nil
	})
	m.AddFunc("find_spec", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("find_spec", args, kw, []string{"name", "package"}, 1)
		if err != nil {
			return nil, err
		}
		name := strOf(a[0])
		if strings.HasPrefix(name, ".") {
			if a[1] == nil || a[1] == None {
				return nil, Errorf(ImportErrorType, "no package specified for %s (required for relative module names)", ReprStr(name))
			}
			level := len(name) - len(strings.TrimLeft(name, "."))
			if name, err = resolveName(name[level:], strOf(a[1]), level); err != nil {
				return nil, err
			}
		}
		if mod := t.interp.Modules.GetStr(NewStr(name)); mod != nil {
			sp, err := t.GetAttr(mod, strSpec)
			if err != nil {
				return nil, valueErr("%s.__spec__ is not set", name)
			}
			if sp == None {
				return nil, valueErr("%s.__spec__ is None", name)
			}
			return sp, nil
		}
		var path Object = None
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			p, err := t.importFull(name[:i])
			if err != nil {
				return nil, err
			}
			pp, err := t.GetAttr(p, strPath)
			if err != nil {
				e := notFound(fmt.Sprintf("__path__ attribute not found on %s while trying to find %s", ReprStr(name[:i]), ReprStr(name)), name)
				return nil, e
			}
			path = pp
		} else if _, ok := t.interp.NativeModules[name]; ok {
			return t.newSpec(name, builtinImporterType, NewStr("built-in"), nil, None, false), nil
		}
		spec, err := t.findSpecObject(name, path)
		if err != nil || spec == nil {
			return None, err
		}
		return spec, nil
	})
	m.AddFunc("spec_from_file_location", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("spec_from_file_location", args, kw, []string{"name", "location", "$loader", "$submodule_search_locations"}, 1)
		if err != nil {
			return nil, err
		}
		name := strOf(a[0])
		if a[1] == nil || a[1] == None {
			return nil, typeErr("spec_from_file_location() requires a location")
		}
		loc, err := t.fspath(a[1])
		if err != nil {
			return nil, err
		}
		if !filepath.IsAbs(loc) {
			if wd, err := os.Getwd(); err == nil {
				loc = filepath.Join(wd, loc)
			}
		}
		loader := a[2]
		if loader == nil || loader == None {
			switch {
			case strings.HasSuffix(loc, ".py"):
				loader = newInstance(sourceLoaderType, "name", NewStr(name), "path", NewStr(loc))
			case strings.HasSuffix(loc, ".pyc"):
				loader = newInstance(sourcelessLoaderType, "name", NewStr(name), "path", NewStr(loc))
			default:
				return None, nil
			}
		}
		var locs Object = None
		if a[3] == nil {
			isPkg := false
			if ip, err := t.GetAttr(loader, NewStr("is_package")); err == nil {
				r, err := t.Call(ip, []Object{NewStr(name)}, nil)
				if err == nil {
					isPkg, _ = t.Truth(r)
				} else if !isExc(err, ImportErrorType) {
					return nil, err
				}
			}
			if isPkg {
				locs = NewList(nil)
			}
		} else {
			locs = a[3]
		}
		if l, ok := locs.(*List); ok && len(l.V) == 0 {
			l.V = append(l.V, NewStr(filepath.Dir(loc)))
		}
		var cached Object = None
		if strings.HasSuffix(loc, ".pyc") {
			cached = NewStr(loc)
		} else if strings.HasSuffix(loc, ".py") {
			if o, err := t.optimization(nil); err == nil {
				if c, err := pycache.CacheFromSource(loc, o, t.prefix()); err == nil {
					cached = NewStr(c)
				}
			}
		}
		return t.newSpec(name, loader, NewStr(loc), locs, cached, true), nil
	})
	m.AddFunc("spec_from_loader", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("spec_from_loader", args, kw, []string{"name", "loader", "$origin", "$is_package"}, 2)
		if err != nil {
			return nil, err
		}
		origin := a[2]
		if origin == nil {
			origin = None
		}
		var locs Object = None
		if a[3] != nil {
			if b, _ := t.Truth(a[3]); b {
				locs = NewList(nil)
			}
		}
		return t.newSpec(strOf(a[0]), a[1], origin, locs, None, false), nil
	})
	m.AddFunc("module_from_spec", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("module_from_spec", args, kw, 1, 1); err != nil {
			return nil, err
		}
		spec := args[0]
		var mod Object
		if loader, err := t.GetAttr(spec, NewStr("loader")); err == nil && loader != None && !isOurLoader(loader) {
			if cm, err := t.GetAttr(loader, NewStr("create_module")); err == nil {
				r, err := t.Call(cm, []Object{spec}, nil)
				if err != nil {
					return nil, err
				}
				if r != None {
					mod = r
				}
			} else if _, err := t.GetAttr(loader, NewStr("exec_module")); err == nil {
				return nil, Errorf(ImportErrorType, "loaders that define exec_module() must also define create_module()")
			}
		}
		if mod == nil {
			n, err := t.GetAttr(spec, NewStr("name"))
			if err != nil {
				return nil, err
			}
			mod = NewModule(strOf(n))
		}
		return mod, t.initModuleAttrs(mod, spec)
	})
	m.AddFunc("decode_source", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("decode_source", args, kw, 1, 1); err != nil {
			return nil, err
		}
		b, ok := args[0].(*Bytes)
		if !ok {
			return nil, typeErr("decode_source() argument must be bytes")
		}
		return NewStr(strings.ReplaceAll(strings.ReplaceAll(string(b.B), "\r\n", "\n"), "\r", "\n")), nil
	})
	return m, nil
}

func makeImportlibMachinery(t *Thread) (*Module, error) {
	m := NewModule("importlib.machinery")
	m.Set("__package__", NewStr("importlib"))
	m.Set("ModuleSpec", moduleSpecType)
	m.Set("SourceFileLoader", sourceLoaderType)
	m.Set("SourcelessFileLoader", sourcelessLoaderType)
	m.Set("NamespaceLoader", namespaceLoaderType)
	m.Set("BuiltinImporter", builtinImporterType)
	m.Set("PathFinder", pathFinderType)
	m.Set("FileFinder", fileFinderType)
	m.Set("ExtensionFileLoader", extensionLoaderType)
	m.Set("FrozenImporter", builtinImporterType)
	m.Set("SOURCE_SUFFIXES", strList([]string{".py"}))
	m.Set("BYTECODE_SUFFIXES", strList([]string{".pyc"}))
	m.Set("DEBUG_BYTECODE_SUFFIXES", strList([]string{".pyc"}))
	m.Set("OPTIMIZED_BYTECODE_SUFFIXES", strList([]string{".pyc"}))
	m.Set("EXTENSION_SUFFIXES", strList(nil))
	m.AddFunc("all_suffixes", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return strList([]string{".py", ".pyc"}), nil
	})
	return m, nil
}

func makeZipimport(t *Thread) (*Module, error) {
	m := NewModule("zipimport")
	m.Set("zipimporter", zipImporterType)
	m.Set("ZipImportError", t.zipImportError())
	return m, nil
}

// notAZipFile is zipimporter's error for a path that is not in a zip archive. As CPython's, it
// names the archive when the path's longest existing prefix is a regular file, and otherwise
// reports that prefix (a folder, or "" when nothing exists) as the exception's path.
func (t *Thread) notAZipFile(p string) error {
	if p == "" {
		e := Errorf(t.zipImportError(), "archive path is empty")
		e.Dict = NewDict(1)
		e.Dict.SetStr(NewStr("path"), NewStr(""))
		return e
	}
	path := p
	for {
		st, err := os.Stat(path)
		if err == nil {
			e := Errorf(t.zipImportError(), "not a Zip file")
			if st.Mode().IsRegular() && st.Size() < 22 {
				// Shorter than an end-of-central-directory record.
				e = Errorf(t.zipImportError(), "can't read Zip file: %s", ReprStr(path))
			} else if st.Mode().IsRegular() {
				e = Errorf(t.zipImportError(), "not a Zip file: %s", ReprStr(path))
			}
			e.Dict = NewDict(1)
			e.Dict.SetStr(NewStr("path"), NewStr(path))
			return e
		}
		dir := ""
		if i := strings.LastIndexByte(path, '/'); i >= 0 {
			dir = path[:i]
		}
		if dir == path {
			e := Errorf(t.zipImportError(), "not a Zip file")
			e.Dict = NewDict(1)
			e.Dict.SetStr(NewStr("path"), NewStr(path))
			return e
		}
		path = dir
	}
}

// zipImportError returns zipimport.ZipImportError, an ImportError subclass made once per
// interpreter.
func (t *Thread) zipImportError() *Type {
	in := t.interp
	if in.zipImportErr == nil {
		ns := NewDict(1)
		ns.SetStr(NewStr("__module__"), NewStr("zipimport"))
		cls, err := t.Call(TypeType, []Object{NewStr("ZipImportError"), NewTuple([]Object{ImportErrorType}), ns}, nil)
		if err != nil {
			return ImportErrorType
		}
		in.zipImportErr = cls.(*Type)
	}
	return in.zipImportErr
}
