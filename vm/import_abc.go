package vm

// importlib.abc, importlib._bootstrap and importlib._bootstrap_external for gopyc. The abstract
// base classes are plain Python classes (gopyc's own source below, compiled when first
// imported): user finders and loaders subclass them for their default methods. The two
// _bootstrap modules are not CPython's: they expose the Go-native objects under the names
// libraries look up there.

import (
	"path/filepath"

	"gopyc/imports"
	. "gopyc/objects"
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
