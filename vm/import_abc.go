package vm

// importlib.abc, importlib._bootstrap and importlib._bootstrap_external for gopyc. The abstract
// base classes are plain Python classes (gopyc's own source below, compiled when first
// imported): user finders and loaders subclass them for their default methods. The two
// _bootstrap modules are not CPython's: they expose the Go-native objects under the names
// libraries look up there.

import (
	"os"
	"path/filepath"

	"gopyc/imports"
	. "gopyc/objects"
	"gopyc/pycache"
)

const importlibABCSource = `"""Abstract base classes of the import system (gopyc)."""
import importlib.machinery as _machinery
import importlib.util as _util


class MetaPathFinder:
    """A finder for sys.meta_path: find_spec(fullname, path, target=None)."""

    def invalidate_caches(self):
        pass


class PathEntryFinder:
    """A finder for one path entry: find_spec(fullname, target=None)."""

    def invalidate_caches(self):
        pass


class Loader:
    """A loader: create_module(spec) and exec_module(module)."""

    def create_module(self, spec):
        return None

    def load_module(self, fullname):
        if not hasattr(self, 'exec_module'):
            raise ImportError
        import sys
        spec = _util.spec_from_loader(fullname, self)
        module = _util.module_from_spec(spec)
        sys.modules[fullname] = module
        self.exec_module(module)
        return sys.modules[fullname]


class ResourceLoader(Loader):
    def get_data(self, path):
        raise OSError


class InspectLoader(Loader):
    def is_package(self, fullname):
        raise ImportError

    def get_code(self, fullname):
        source = self.get_source(fullname)
        if source is None:
            return None
        return self.source_to_code(source)

    def get_source(self, fullname):
        raise ImportError

    @staticmethod
    def source_to_code(data, path='<string>'):
        return compile(data, path, 'exec', dont_inherit=True)

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError('cannot load module {!r} when get_code() returns None'.format(module.__name__))
        exec(code, module.__dict__)


class ExecutionLoader(InspectLoader):
    def get_filename(self, fullname):
        raise ImportError

    def get_code(self, fullname):
        source = self.get_source(fullname)
        if source is None:
            return None
        try:
            path = self.get_filename(fullname)
        except ImportError:
            return self.source_to_code(source)
        return self.source_to_code(source, path)


class FileLoader(ResourceLoader, ExecutionLoader):
    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()


class SourceLoader(ResourceLoader, ExecutionLoader):
    def path_mtime(self, path):
        raise OSError

    def path_stats(self, path):
        return {'mtime': self.path_mtime(path)}

    def set_data(self, path, data):
        pass

    def get_source(self, fullname):
        return _util.decode_source(self.get_data(self.get_filename(fullname)))


class Traversable:
    pass


class TraversableResources(ResourceLoader):
    pass
`

func makeImportlibABC(t *Thread) (*Module, error) {
	m := NewModule("importlib.abc")
	m.Set("__package__", NewStr("importlib"))
	co, err := t.compileSource([]byte(importlibABCSource), "<gopyc importlib.abc>", 0)
	if err != nil {
		return nil, err
	}
	t.interp.Modules.SetStr(NewStr("importlib.abc"), m)
	if _, err := t.RunCode(co, m.Dict, m.Dict); err != nil {
		_, _, _ = t.interp.Modules.Delete(NewStr("importlib.abc"), NewStr("importlib.abc").Hash(), nil)
		return nil, err
	}
	return m, nil
}

// makeBootstrap builds importlib._bootstrap or _bootstrap_external from the native objects.
func makeBootstrap(name string) func(t *Thread) (*Module, error) {
	return func(t *Thread) (*Module, error) {
		m := NewModule(name)
		m.Set("__package__", NewStr("importlib"))
		util, err := t.importFull("importlib.util")
		if err != nil {
			return nil, err
		}
		mach, err := t.importFull("importlib.machinery")
		if err != nil {
			return nil, err
		}
		for _, src := range []*Module{util.(*Module), mach.(*Module)} {
			for _, k := range src.Dict.Keys() {
				ks := k.(*Str)
				if s := ks.String(); len(s) > 0 && s[0] != '_' {
					m.Dict.SetStr(ks, src.Dict.GetStr(ks))
				}
			}
		}
		if il, err := t.importFull("importlib"); err == nil {
			m.Set("_find_and_load", il.(*Module).Dict.GetStr(NewStr("import_module")))
		}
		if name == "importlib._bootstrap_external" {
			addPycHelpers(m)
		}
		return m, nil
	}
}

// importlibPath is importlib's __path__: CPython's importlib folder, so that its pure-Python
// submodules (resources, metadata) are found there; util, machinery, abc and the _bootstrap
// modules are Go-native and found first.
func importlibPath(in *Interp) *List {
	ignore := false
	if in.Flags != nil {
		ignore = in.Flags["ignore_environment"] != 0
	}
	if d := imports.StdlibDir(ignore); d != "" {
		return strList([]string{filepath.Join(d, "importlib")})
	}
	return NewList(nil)
}

// addPycHelpers adds the private helpers of importlib._bootstrap_external that py_compile uses
// to write a cache file: _code_to_timestamp_pyc, _code_to_hash_pyc, _calc_mode, _write_atomic.
func addPycHelpers(m *Module) {
	u32 := func(o Object) uint32 {
		if i, ok := toIntObj(o); ok {
			v, _ := i.Int64()
			return uint32(v)
		}
		return 0
	}
	pyc := func(h pycache.Header, co Object) (Object, error) {
		c, ok := co.(*Code)
		if !ok {
			return nil, typeErr("expected a code object, not %s", TypeName(co))
		}
		data, err := pycache.Pyc(h, c)
		if err != nil {
			return nil, Errorf(ValueErrorType, "%s", err.Error())
		}
		return NewBytes(data), nil
	}
	m.AddFunc("_code_to_timestamp_pyc", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("_code_to_timestamp_pyc", args, kw, []string{"code", "mtime", "source_size"}, 1)
		if err != nil {
			return nil, err
		}
		return pyc(pycache.Header{Mtime: u32(a[1]), Size: u32(a[2])}, a[0])
	})
	m.AddFunc("_code_to_hash_pyc", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("_code_to_hash_pyc", args, kw, []string{"code", "source_hash", "checked"}, 2)
		if err != nil {
			return nil, err
		}
		h := pycache.Header{Flags: pycache.FlagHashBased}
		if hb, ok := bytesLike(a[1]); ok {
			copy(h.Hash[:], hb)
		}
		checked := true
		if a[2] != nil {
			if checked, err = t.Truth(a[2]); err != nil {
				return nil, err
			}
		}
		if checked {
			h.Flags |= pycache.FlagCheckSource
		}
		return pyc(h, a[0])
	})
	m.AddFunc("_calc_mode", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("_calc_mode", args, kw, []string{"path"}, 1)
		if err != nil {
			return nil, err
		}
		mode := os.FileMode(0o666)
		if st, err := os.Stat(strOf(a[0])); err == nil {
			mode = st.Mode().Perm() | 0o200
		}
		return NewInt(int64(mode)), nil
	})
	m.AddFunc("_write_atomic", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("_write_atomic", args, kw, []string{"path", "data", "mode"}, 2)
		if err != nil {
			return nil, err
		}
		data, ok := bytesLike(a[1])
		if !ok {
			return nil, typeErr("a bytes-like object is required, not '%s'", TypeName(a[1]))
		}
		mode := os.FileMode(0o666)
		if a[2] != nil {
			mode = os.FileMode(u32(a[2]))
		}
		if err := pycache.WriteAtomic(strOf(a[0]), data, mode&0o666); err != nil {
			return nil, t.importError(err, "", strOf(a[0]))
		}
		return None, nil
	})
}
