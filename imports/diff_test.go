package imports

// Differential tests, one or more per rule of PYCACHE.md and per import-system feature of
// issue 6: the same steps under CPython 3.11 and gopyc (see e2e_test.go).

import (
	"archive/zip"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// showMod prints what the import system gave a module.
const showMod = `
def show(m):
    s = m.__spec__
    print(m.__name__, repr(m.__file__), repr(getattr(m, '__cached__', 'unset')), repr(m.__package__),
          type(m.__loader__).__name__, s.name, repr(s.origin), repr(s.cached), repr(s.parent),
          s.submodule_search_locations, s.has_location, type(s.loader).__name__,
          list(getattr(m, '__path__', ['nopath'])))
`

func TestDiffImportSystem(t *testing.T) {
	files := map[string]string{
		"show.py":              showMod,
		"m.py":                 "V = 1\n",
		"pkg/__init__.py":      "'''pkg doc'''\n__all__ = ['a', 'sub']\na = 1\nb = 2\n",
		"pkg/sub.py":           "from . import a as x\nimport m\nY = x + m.V\n",
		"pkg/deep/__init__.py": "",
		"pkg/deep/leaf.py":     "from .. import b\nfrom ..sub import Y\nfrom .. import sub\nZ = b + sub.Y + Y\ntry:\n    from ... import m\nexcept ImportError as e:\n    print('leaf:', e)\n",
		"ns/part/mod.py":       "Q = 4\n",
		"circ_a.py":            "import circ_b\nA = 1\ndef f(): return circ_b.B\n",
		"circ_b.py":            "import circ_a\nB = 2\ntry:\n    from circ_a import A\nexcept ImportError as e:\n    print('circular:', e)\n",
		"selfrep.py":           "import sys\nsys.modules[__name__] = 42\n",
		"bad_syntax.py":        "x = = 1\n",
		"raises.py":            "raise ValueError('boom')\n",
		"main.py": `import sys
from show import show
import m, pkg.sub, pkg.deep.leaf
show(m); show(pkg); show(pkg.sub); show(pkg.deep.leaf)
print(pkg.sub.Y, pkg.deep.leaf.Z, pkg.__doc__)
from pkg import *
print(a, sub.Y, 'b' in dir())
import ns.part.mod
print(ns.__file__, ns.__spec__.origin, list(ns.__path__) == [sys.path[0] + '/ns'], type(ns.__loader__).__name__, ns.part.mod.Q)
import circ_a
print(circ_a.f())
import selfrep
print(selfrep, sys.modules['selfrep'])
for stmt in ['import nosuch', 'import m.x', 'from pkg import nosuch', 'from . import m',
             'import bad_syntax', 'import raises', 'import pkg.nosuch', 'from pkg.deep import nothere',
             '__import__("")', 'import importlib; importlib.import_module(".x")']:
    try:
        exec(stmt, {'__name__': 'script'})
    except (ImportError, SyntaxError, ValueError, TypeError) as e:
        # (gopyc's SyntaxError does not carry CPython's file and line details yet: type only)
        print(stmt, '->', type(e).__name__, '' if isinstance(e, SyntaxError) else e, getattr(e, 'name', '-'))
print('raises' in sys.modules, 'bad_syntax' in sys.modules)
sys.modules['blocked'] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(e, e.name)
print(__import__('pkg.sub').__name__, __import__('pkg.sub', fromlist=['x']).__name__)
print(__import__('sub', globals={'__package__': 'pkg'}, level=1).__name__)
import importlib
print(importlib.import_module('pkg.sub') is pkg.sub, importlib.import_module('..sub', 'pkg.deep').__name__)
try:
    importlib.import_module('..m', 'pkg.deep')
except ImportError as e:
    print(type(e).__name__, e, e.name)
print(importlib.import_module('.leaf', 'pkg.deep').Z)
for g in [None, {}, {'__name__': 'top'}, {'__package__': 3}]:
    try:
        __import__('x', g, None, [], 1)
    except Exception as e:
        print(type(e).__name__, e)
`,
	}
	differential(t, files, []step{
		{args: py("main.py")},
		{args: py("main.py")},
	})
}

func TestDiffImportlib(t *testing.T) {
	files := map[string]string{
		"show.py":         showMod,
		"r.py":            "V = 1\nW = 'kept'\n",
		"pkg/__init__.py": "",
		"pkg/mod.py":      "V = 5\n",
		"loose/x.py":      "V = 'loose'\n",
		"main.py": `import sys, importlib, importlib.util as u, importlib.machinery as mach
from show import show
print(u.MAGIC_NUMBER, u.source_hash(b'x = 1\n').hex(), u.source_hash(b'').hex())
for p in ['a/b.py', '/x/foo.bar.py', 'foo', 'q.pyw']:
    print(u.cache_from_source(p), u.cache_from_source(p, optimization=0), u.cache_from_source(p, optimization=2),
          u.cache_from_source(p, optimization=''))
for p in ['a/__pycache__/b.cpython-311.pyc', 'a/__pycache__/b.gopyc-311.opt-1.pyc', 'a/b.pyc',
          'a/__pycache__/b.pyc', 'a/__pycache__/b.x.opt-.pyc', 'a/__pycache__/b.x.y.pyc', 'a/__pycache__/a.b.c.d.pyc']:
    try:
        print(u.source_from_cache(p).replace('gopyc', 'cpython'))
    except ValueError as e:
        print('ValueError', str(e).replace('gopyc', 'cpython'))
try:
    u.cache_from_source('a.py', optimization='x y')
except ValueError as e:
    print('ValueError', e)
print(mach.SOURCE_SUFFIXES, mach.BYTECODE_SUFFIXES, u.resolve_name('.b', 'a.c'), u.resolve_name('x', None))
s = u.find_spec('pkg.mod')
print(s.name, s.origin.endswith('pkg/mod.py'), s.parent, s.has_location, type(s.loader).__name__)
print(u.find_spec('nosuch'), u.find_spec('sys').origin, u.find_spec('pkg').submodule_search_locations == [sys.path[0] + '/pkg'])
spec = u.spec_from_file_location('loosex', 'loose/x.py')
mod = u.module_from_spec(spec)
print('loosex' in sys.modules, mod.__name__, mod.__file__ == spec.origin, spec.cached == u.cache_from_source(spec.origin))
spec.loader.exec_module(mod)
print(mod.V)
import r
show(r)
r.W = 'changed'
with open('r.py', 'w') as f:
    f.write('V = 22\n')
importlib.invalidate_caches()
r2 = importlib.reload(r)
print(r2 is r, r.V, r.W)
with open('late.py', 'w') as f:
    f.write('L = 1\n')
importlib.invalidate_caches()
import late
print(late.L)
import pkg.mod
del sys.modules['pkg.mod']
try:
    importlib.reload(sys.modules['pkg'].mod)
except ImportError as e:
    print(e)
ms = mach.ModuleSpec('zz', None, origin='here', is_package=True)
print(ms.name, ms.origin, ms.submodule_search_locations, ms.parent, ms.has_location, ms.cached)
print(importlib.import_module('pkg.mod').V)
ps = u.spec_from_file_location('lp', 'pkg/__init__.py')
print(ps.submodule_search_locations == [sys.path[0] + '/pkg'], ps.parent, ps.has_location)
ps2 = u.spec_from_file_location('lq', 'loose/x.py', submodule_search_locations=[])
print(ps2.submodule_search_locations == [sys.path[0] + '/loose'], ps2.parent)
ps3 = u.spec_from_file_location('lr', 'loose/x.py', loader=mach.SourcelessFileLoader('lr', 'loose/x.py'))
print(type(ps3.loader).__name__, u.spec_from_file_location('ls', 'loose/x.txt'))
try:
    u.find_spec('r.sub')
except ModuleNotFoundError as e:
    print(e, e.name)
print(u.find_spec('.mod', 'pkg').name, u.find_spec('pkg.nothere'))
`,
	}
	differential(t, files, []step{{args: py("main.py")}})
}

// TestDiffMainForms covers -m mod, -m pkg (its __main__), folders and zip archives with
// __main__.py, zip imports of .py and legacy .pyc, scripts and -c (which are never cached).
func TestDiffMainForms(t *testing.T) {
	show := `import sys
print(__name__, __file__, __cached__, __package__, __spec__ and __spec__.name, sys.argv)
`
	files := map[string]string{
		"mod.py":          show,
		"script.py":       show + "import mod\n",
		"app/__main__.py": show + "import helper\nprint(helper.H, helper.__file__, helper.__cached__)\n",
		"app/helper.py":   "H = 'helper'\n",
		"pkg/__init__.py": "print('pkg init')\n",
		"pkg/__main__.py": show,
		"pkg/sub.py":      show,
		"nomain/x.py":     "",
		"ns/m.py":         show,
		"zipmain.py":      "import sys\nsys.path.insert(0, 'lib.zip')\nimport zm, zpkg.inner, zpyc\nprint(zm.__file__, zm.__cached__, zpkg.__path__, zpkg.inner.__file__, zpyc.__file__, zpyc.__cached__, zpyc.V)\nprint(type(zm.__loader__).__name__, zm.__spec__.origin, zm.__spec__.parent, zpkg.inner.__package__)\n",
		"zsrc/zpyc.py":    "V = 'from pyc'\n",
		"selfdel.py":      "import sys\ndel sys.modules[__name__]\n",
	}
	makeZips := func(t *testing.T, dir string, exe string) {
		// A runnable archive and a library archive with .py and a legacy .pyc (compiled by the
		// interpreter under test).
		cmd := exec.Command(exe, "-m", "py_compile", "zsrc/zpyc.py")
		cmd.Dir, cmd.Env = dir, cleanEnv()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v %s", err, out)
		}
		pycs, _ := filepath.Glob(filepath.Join(dir, "zsrc/__pycache__/zpyc.*.pyc"))
		if len(pycs) != 1 {
			t.Fatalf("py_compile wrote %v", pycs)
		}
		pyc, _ := os.ReadFile(pycs[0])
		writeZip(t, filepath.Join(dir, "app.zip"), map[string]string{"__main__.py": show + "import helper\nprint(helper.H, helper.__file__)\n", "helper.py": "H = 'zipped'\n"})
		writeZip(t, filepath.Join(dir, "lib.zip"), map[string]string{"zm.py": "M = 1\n", "zpkg/__init__.py": "", "zpkg/inner.py": "", "zpyc.pyc": string(pyc)})
		rmCaches(t, dir)
	}
	var exe string
	steps := []step{
		{pre: func(t *testing.T, dir string) { makeZips(t, dir, exe) }, args: py("-m", "mod", "a1")},
		{args: py("-m", "pkg", "a2")},
		{args: py("-m", "pkg.sub")},
		{args: py("-m", "nomain")},
		{args: py("-m", "ns")},
		{args: py("-m", "nosuch")},
		{args: py("-m", "mod.x")},
		{args: py("-m", "mod.py")},
		{args: py("-m", ".mod")},
		{args: py("-m", "pkg.__main__")},
		{args: py("-c", "import sys\ntry:\n    import selfdel\nexcept KeyError as e:\n    print(repr(e), 'selfdel' in sys.modules)", "x")},
		{args: py("app", "a3")},
		{args: py("app/")},
		{args: py("app.zip", "a4")},
		{args: py("nomain")},
		{args: py("script.py", "a5")},
		{args: py("-c", "import mod; print(mod.__cached__)")},
		{args: py("zipmain.py")},
		{args: py("-I", "-c", "import sys; print(sys.path[0] != '')")},
		{args: py("-m", "mod")},
	}
	// The zips hold a .pyc compiled by the interpreter under test: run the two halves by hand.
	var transcripts []string
	for _, it := range interps(t) {
		exe = it.exe
		dir, _ := filepath.EvalSymlinks(t.TempDir())
		writeTree(t, dir, files)
		var out string
		for i, s := range steps {
			if s.pre != nil {
				s.pre(t, dir)
			}
			out += "== " + string(rune('a'+i)) + " " + joinArgs(s.args) + "\n" + it.run(t, dir, s) + "files:\n" + snapshot(t, dir, normalizer(dir, it.exe)) + "\n"
		}
		transcripts = append(transcripts, out)
	}
	if transcripts[0] != transcripts[1] {
		t.Errorf("transcripts differ\n%s", lineDiff(transcripts[0], transcripts[1]))
	} else if os.Getenv("GOPYC_SHOW_TRANSCRIPT") != "" {
		t.Logf("transcript:\n%s", transcripts[0])
	}
}

func joinArgs(a []string) string {
	s := ""
	for _, x := range a {
		s += x + " "
	}
	return s
}

func writeZip(t *testing.T, path string, files map[string]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := zip.NewWriter(f)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sortStrings(names)
	for _, n := range names {
		h := &zip.FileHeader{Name: n, Method: zip.Deflate, Modified: fixedTime}
		fw, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(files[n]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	os.Chtimes(path, fixedTime, fixedTime)
}

// TestDiffDontWrite: -B, PYTHONDONTWRITEBYTECODE (1, 0, empty, text), -E and -I ignoring it,
// sys.dont_write_bytecode; suppression stops writing only.
func TestDiffDontWrite(t *testing.T) {
	files := map[string]string{
		"a.py":    "import sys\nprint('a', sys.flags.dont_write_bytecode, sys.dont_write_bytecode)\n",
		"main.py": "import a\n",
		"dyn.py":  "import sys\nsys.dont_write_bytecode = True\nimport a\n",
	}
	fresh := func(t *testing.T, dir string) { rmCaches(t, dir) }
	differential(t, files, []step{
		{pre: fresh, args: py("-B", "main.py")},
		{pre: fresh, args: py("main.py"), env: []string{"PYTHONDONTWRITEBYTECODE=1"}},
		{pre: fresh, args: py("main.py"), env: []string{"PYTHONDONTWRITEBYTECODE=0"}},
		{pre: fresh, args: py("main.py"), env: []string{"PYTHONDONTWRITEBYTECODE="}},
		{pre: fresh, args: py("main.py"), env: []string{"PYTHONDONTWRITEBYTECODE=yes"}},
		{pre: fresh, args: py("-E", "main.py"), env: []string{"PYTHONDONTWRITEBYTECODE=1"}},
		{pre: fresh, args: py("-I", "-c", "import sys; sys.path.insert(0, ''); import a"), env: []string{"PYTHONDONTWRITEBYTECODE=1"}},
		{pre: fresh, args: py("dyn.py")},
		// A valid cache is still read under -B: make it stale-looking only to a reader that
		// ignores it (same size and mtime, different text).
		{pre: func(t *testing.T, dir string) {
			setSource(t, filepath.Join(dir, "a.py"), "import sys\nprint('A', sys.flags.dont_write_bytecode, sys.dont_write_bytecode)\n")
			backdateCaches(t, dir)
		}, args: py("-B", "main.py")},
	})
}

// backdateCaches sets every cache file's mtime to the present, far from the sources' fixed
// mtime, so that gopyc's same-second rule never applies where a test means to exercise other
// rules. (The cache files are written at the present anyway; this is only a guard.)
func backdateCaches(t *testing.T, dir string) {
	now := time.Now()
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && filepath.Ext(p) == ".pyc" {
			os.Chtimes(p, now, now)
		}
		return nil
	})
}

// TestDiffOptimize: -O, -OO, PYTHONOPTIMIZE, precedence, one file per level.
func TestDiffOptimize(t *testing.T) {
	files := map[string]string{
		"o.py": `'''module doc'''
import sys
def f():
    '''f doc'''
    assert False, 'assert ran'
    return 'no assert'
try:
    print(f())
except AssertionError as e:
    print('AssertionError', e)
if __debug__:
    print('debug block')
print(__doc__, f.__doc__, __debug__, sys.flags.optimize, __cached__)
`,
		"main.py": "import o\n",
	}
	differential(t, files, []step{
		{args: py("main.py")},
		{args: py("-O", "main.py")},
		{args: py("-OO", "main.py")},
		{args: py("main.py"), env: []string{"PYTHONOPTIMIZE=1"}},
		{pre: func(t *testing.T, dir string) { rmCaches(t, dir) }, args: py("main.py"), env: []string{"PYTHONOPTIMIZE=2"}},
		{args: py("-O", "main.py"), env: []string{"PYTHONOPTIMIZE=2"}},
		{args: py("-OO", "main.py"), env: []string{"PYTHONOPTIMIZE=1"}},
		{args: py("-E", "main.py"), env: []string{"PYTHONOPTIMIZE=2"}},
		{args: py("-c", "import importlib.util as u; print(u.cache_from_source('x.py'))"), env: []string{"PYTHONOPTIMIZE=1"}},
	})
}

// TestDiffPrefix: PYTHONPYCACHEPREFIX, -X pycache_prefix (which wins), empty values, -E; caches
// beside the sources are not read under a prefix.
func TestDiffPrefix(t *testing.T) {
	files := map[string]string{
		"sub/p.py": "import sys\nprint('p', sys.pycache_prefix is not None, __cached__)\n",
		"main.py":  "import sys\nsys.path.insert(0, 'sub')\nimport p\n",
	}
	differential(t, files, []step{
		{args: py("main.py"), env: []string{"PYTHONPYCACHEPREFIX={D}/pfx"}},
		{args: py("-X", "pycache_prefix={D}/xpfx", "main.py"), env: []string{"PYTHONPYCACHEPREFIX={D}/pfx"}},
		{args: py("-X", "pycache_prefix=", "main.py"), env: []string{"PYTHONPYCACHEPREFIX={D}/pfx2"}},
		{args: py("-E", "main.py"), env: []string{"PYTHONPYCACHEPREFIX={D}/pfx3"}},
		{args: py("main.py"), env: []string{"PYTHONPYCACHEPREFIX="}},
		{args: py("main.py"), env: []string{"PYTHONPYCACHEPREFIX=relpfx"}},
		// The cache beside the source is not read under a prefix: a same-size edit shows.
		{pre: func(t *testing.T, dir string) {
			setSource(t, filepath.Join(dir, "sub/p.py"), "import sys\nprint('P', sys.pycache_prefix is not None, __cached__)\n")
		}, args: py("main.py"), env: []string{"PYTHONPYCACHEPREFIX={D}/pfx4"}},
		{args: py("main.py")},
	})
}

// TestDiffCheckHashBased: checked and unchecked hash-based files (SOURCE_DATE_EPOCH with
// py_compile, compileall --invalidation-mode), --check-hash-based-pycs default/always/never and
// a bad value.
func TestDiffCheckHashBased(t *testing.T) {
	files := map[string]string{
		"h.py":    "V = 1\n",
		"main.py": "import h\nprint(h.V)\n",
	}
	edit := func(v string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) { setSource(t, filepath.Join(dir, "h.py"), "V = "+v+"\n") }
	}
	differential(t, files, []step{
		{args: py("-m", "py_compile", "h.py"), env: []string{"SOURCE_DATE_EPOCH=1"}},
		{args: py("main.py")},
		{pre: edit("2"), args: py("--check-hash-based-pycs", "never", "main.py")},
		{args: py("main.py")}, // checked: recompiled, rewritten as a checked hash file
		{pre: edit("3"), args: py("--check-hash-based-pycs", "always", "main.py")},
		{args: py("-m", "compileall", "-q", "--invalidation-mode", "unchecked-hash", "h.py")},
		{pre: edit("4"), args: py("main.py")}, // unchecked: trusted
		{args: py("--check-hash-based-pycs", "always", "main.py")},
		{pre: edit("5"), args: py("main.py")},
		{args: py("--check-hash-based-pycs", "bogus", "main.py")},
		{args: py("-m", "py_compile", "h.py")}, // timestamp form without SOURCE_DATE_EPOCH
		{args: py("-B", "-m", "py_compile", "h.py"), env: []string{"SOURCE_DATE_EPOCH="}},
	})
}

// TestDiffModes: cache file modes from the source mode and the umask; __pycache__'s mode.
func TestDiffModes(t *testing.T) {
	files := map[string]string{
		"m644.py": "", "m755.py": "", "m444.py": "", "m600.py": "", "m640.py": "", "m000.py": "",
		"main.py": "import m644, m755, m444, m600, m640, m000\n",
	}
	chmods := func(t *testing.T, dir string) {
		for name, mode := range map[string]os.FileMode{"m644.py": 0o644, "m755.py": 0o755, "m444.py": 0o444, "m600.py": 0o600, "m640.py": 0o640, "m000.py": 0} {
			os.Chmod(filepath.Join(dir, name), mode)
		}
	}
	differential(t, files, []step{
		{pre: chmods, args: py("main.py"), umask: "022"},
		{pre: func(t *testing.T, dir string) { rmCaches(t, dir) }, args: py("main.py"), umask: "077"},
		{pre: func(t *testing.T, dir string) { rmCaches(t, dir) }, args: py("main.py"), umask: "002"},
	})
}

// TestDiffCorrupt: bad magic, short files, bad flags and a cache that is a directory are
// recompiled silently and rewritten; flags 2 is a timestamp file.
func TestDiffCorrupt(t *testing.T) {
	files := map[string]string{"c.py": "print('c ran')\n", "main.py": "import c\n"}
	corrupt := func(data func([]byte) []byte) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			p := globOne(t, dir, "__pycache__/c.*.pyc")
			old, _ := os.ReadFile(p)
			os.WriteFile(p, data(old), 0o644)
		}
	}
	differential(t, files, []step{
		{args: py("main.py")},
		{pre: corrupt(func(b []byte) []byte { return append([]byte("XXXX"), b[4:]...) }), args: py("main.py")},
		{pre: corrupt(func(b []byte) []byte { return b[:10] }), args: py("main.py")},
		{pre: corrupt(func(b []byte) []byte { return nil }), args: py("main.py")},
		{pre: corrupt(func(b []byte) []byte { c := append([]byte(nil), b...); c[4] = 4; return c }), args: py("main.py")},
		{pre: corrupt(func(b []byte) []byte { c := append([]byte(nil), b...); c[4] = 2; return c }), args: py("main.py")},
		{pre: corrupt(func(b []byte) []byte { c := append([]byte(nil), b...); c[4] = 2; c[8]++; return c }), args: py("main.py")},
		{pre: func(t *testing.T, dir string) {
			p := globOne(t, dir, "__pycache__/c.*.pyc")
			os.Remove(p)
			os.Mkdir(p, 0o755)
		}, args: py("main.py")},
	})
}

func globOne(t *testing.T, dir, pat string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, pat))
	if len(m) != 1 {
		t.Fatalf("%s: %v", pat, m)
	}
	return m[0]
}

// TestDiffSymlinks: a symlink at the cache path is replaced and its target left alone; a
// symlinked source is cached beside the link.
func TestDiffSymlinks(t *testing.T) {
	files := map[string]string{"real.py": "print('real', __file__, __cached__)\n", "s.py": "print('s')\n", "main.py": "import s, link\n", "elsewhere/keep.txt": "keep\n"}
	differential(t, files, []step{
		{pre: func(t *testing.T, dir string) {
			os.Symlink("real.py", filepath.Join(dir, "link.py"))
			os.Mkdir(filepath.Join(dir, "__pycache__"), 0o755)
			for _, tag := range []string{"cpython-311", "gopyc-311"} {
				os.Symlink("../elsewhere/keep.txt", filepath.Join(dir, "__pycache__/s."+tag+".pyc"))
			}
		}, args: py("main.py")},
	})
}

// TestDiffNonASCII: module, package and folder names outside ASCII.
func TestDiffNonASCII(t *testing.T) {
	files := map[string]string{
		"modé.py":             "print('é', __name__, __cached__)\n",
		"模块.py":               "print('模块', __name__, __cached__)\n",
		"пакет/__init__.py":   "from . import ünter\n",
		"пакет/ünter.py":      "print(__name__, __cached__)\n",
		"dossier ä/spaced.py": "print(__name__, __cached__)\n",
		"main.py":             "import sys\nsys.path.append('dossier ä')\nimport modé, 模块, пакет, spaced\n",
	}
	differential(t, files, []step{{args: py("main.py")}, {args: py("main.py")}})
}

// TestDiffSourceless: legacy .pyc files beside where the source would be are imported when the
// source is absent (modules and packages); a __pycache__ file alone is not importable.
func TestDiffSourceless(t *testing.T) {
	files := map[string]string{
		"leg.py":           "print('leg', __name__)\n",
		"lp/__init__.py":   "print('lp init')\n",
		"orphan.py":        "print('orphan')\n",
		"main.py":          "import leg, lp\nprint(leg.__file__, leg.__cached__, leg.__spec__.cached, type(leg.__loader__).__name__, lp.__file__, lp.__path__)\ntry:\n    import orphan\nexcept ImportError as e:\n    print(type(e).__name__, e)\n",
		"keep/placeholder": "",
	}
	differential(t, files, []step{
		{args: py("-m", "compileall", "-q", "-b", "leg.py", "lp")},
		{args: py("-m", "py_compile", "orphan.py")},
		// With the source present, the source wins over the legacy file beside it.
		{pre: func(t *testing.T, dir string) {
			setSource(t, filepath.Join(dir, "leg.py"), "print('LEG', __name__)\n")
		}, args: py("-c", "import leg; print(leg.__file__.endswith('.py'))")},
		{pre: func(t *testing.T, dir string) {
			for _, f := range []string{"leg.py", "lp/__init__.py", "orphan.py"} {
				os.Remove(filepath.Join(dir, f))
			}
		}, args: py("main.py")},
	})
}

// TestDiffRunPyc: running cache files directly, with good and bad magic numbers.
func TestDiffRunPyc(t *testing.T) {
	files := map[string]string{"prog.py": "import sys\nprint('ran', __name__, sys.argv)\n", "bad.pyc": "not a pyc at all", "m.py": "x = 1\n"}
	differential(t, files, []step{
		{args: py("-m", "compileall", "-q", "-b", "prog.py")},
		{args: py("prog.pyc", "arg")},
		{args: py("bad.pyc")},
		{pre: func(t *testing.T, dir string) {
			// Right magic, a body that is not a code object (marshalled int 1).
			os.WriteFile(filepath.Join(dir, "notcode.pyc"), append([]byte{0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 'i', 1, 0, 0, 0), 0o644)
		}, args: py("notcode.pyc")},
	})
}

// TestDiffUnwritable: read-only and immutable folders, __pycache__ being a file, the cache path
// being a folder: the import succeeds and nothing is written.
func TestDiffUnwritable(t *testing.T) {
	probe := t.TempDir()
	if err := exec.Command("chattr", "+i", probe).Run(); err != nil {
		t.Skipf("chattr +i does not work here (%v): unwritable folders not tested", err)
	}
	exec.Command("chattr", "-i", probe).Run()
	files := map[string]string{"ro/r.py": "print('r ran')\n", "pf/q.py": "print('q ran')\n", "main.py": "import sys\nsys.path[:0] = ['ro', 'pf']\nimport r, q\n"}
	var immutable []string
	t.Cleanup(func() {
		for _, d := range immutable {
			exec.Command("chattr", "-i", d).Run()
		}
	})
	differential(t, files, []step{
		{pre: func(t *testing.T, dir string) {
			d := filepath.Join(dir, "ro")
			if err := exec.Command("chattr", "+i", d).Run(); err != nil {
				t.Fatal(err)
			}
			immutable = append(immutable, d)
			os.WriteFile(filepath.Join(dir, "pf/__pycache__"), []byte("a file"), 0o644)
		}, args: py("main.py")},
		{pre: func(t *testing.T, dir string) {
			exec.Command("chattr", "-i", filepath.Join(dir, "ro")).Run()
			os.Remove(filepath.Join(dir, "pf/__pycache__"))
			for _, tag := range []string{"cpython-311", "gopyc-311"} {
				os.MkdirAll(filepath.Join(dir, "pf/__pycache__/q."+tag+".pyc"), 0o755)
			}
		}, args: py("main.py")},
	})
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// TestDiffMetaPath: user finders and loaders on sys.meta_path, built on importlib.abc.
func TestDiffMetaPath(t *testing.T) {
	files := map[string]string{
		"main.py": `import sys, importlib, importlib.abc, importlib.util
class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.startswith('virtual'):
            return importlib.util.spec_from_loader(name, Loader(), is_package=(name == 'virtual'))
        return None
class Loader(importlib.abc.Loader):
    def exec_module(self, module):
        module.X = 'virtual module ' + module.__name__
sys.meta_path.insert(0, Finder())
import virtual, virtual.sub
print(virtual.X, virtual.__spec__.name, type(virtual.__loader__).__name__, virtual.__path__, virtual.sub.X)
print(virtual.sub.__package__, virtual.__package__, hasattr(virtual, '__file__'))
class SrcLoader(importlib.abc.SourceLoader):
    def get_filename(self, fullname):
        return 'gen_' + fullname + '.py'
    def get_data(self, path):
        return b'Y = 6 * 7\n'
spec = importlib.util.spec_from_loader('gen', SrcLoader())
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
print(m.Y, m.__name__)
`,
	}
	differential(t, files, []step{{args: py("main.py")}})
}

// TestDiffThreadedImport: a thread importing a module that another thread is executing waits
// for it to finish (module import locks) instead of seeing it half-initialised.
func TestDiffThreadedImport(t *testing.T) {
	files := map[string]string{
		"slowmod.py": "import time\nA = 1\ntime.sleep(0.2)\nB = 2\n",
		"main.py": `import _thread, time
res = []
def worker():
    import slowmod
    res.append(hasattr(slowmod, 'B'))
for i in range(3):
    _thread.start_new_thread(worker, ())
time.sleep(0.05)
import slowmod
res.append(hasattr(slowmod, 'B'))
while len(res) < 4:
    time.sleep(0.01)
print(res)
`,
	}
	differential(t, files, []step{{args: py("main.py")}})
}

// TestDiffNamespaceDynamic: a namespace package's __path__ follows sys.path (PEP 420).
func TestDiffNamespaceDynamic(t *testing.T) {
	files := map[string]string{
		"ns/a.py":       "A = 1\n",
		"other/ns/w.py": "W = 5\n",
		"main.py": `import sys, ns, ns.a
print(repr(ns.__path__).replace(sys.path[0], '<D>'), len(ns.__path__), ns.a.A, ns.__file__, ns.__spec__.origin)
sys.path.append('other')
print(len(ns.__path__), ns.__path__[1].replace(sys.path[0], '<D>'), 'other/ns' in str(list(ns.__path__)))
import ns.w
print(ns.w.W, repr(ns.__spec__.submodule_search_locations).replace(sys.path[0], '<D>'))
try:
    import ns.missing
except ModuleNotFoundError as e:
    print(e)
`,
	}
	differential(t, files, []step{{args: py("main.py")}})
}

// TestDiffSysPath: the script folder, PYTHONPATH (ignored under -E and -I), the standard library.
func TestDiffSysPath(t *testing.T) {
	files := map[string]string{
		"lib1/one.py": "print('one', __file__)\n",
		"lib2/two.py": "print('two', __file__)\n",
		"app/main.py": `import sys
print([p.replace(sys.argv[1], '<D>') for p in sys.path if p.startswith(sys.argv[1]) or p == ''])
print(any(p.endswith('python3.11') for p in sys.path))
for m in ('one', 'two'):
    try:
        __import__(m)
    except ImportError as e:
        print(e)
`,
	}
	differential(t, files, []step{
		{args: py("app/main.py", "{D}"), env: []string{"PYTHONPATH={D}/lib1:{D}/lib2"}},
		{args: py("-E", "app/main.py", "{D}"), env: []string{"PYTHONPATH={D}/lib1:{D}/lib2"}},
		{args: py("-I", "app/main.py", "{D}"), env: []string{"PYTHONPATH={D}/lib1"}},
		{args: py("-c", "import sys; print(sys.path[0] == '', sys.path[1].endswith('lib2'))"), env: []string{"PYTHONPATH={D}/lib2"}},
		{args: py("-m", "one"), env: []string{"PYTHONPATH={D}/lib1"}},
	})
}

// TestDiffMovedTree: cache files copied with their sources to another folder (mtimes kept) are
// used there, and co_filename is the new path (PYCACHE.md, "When a cache file is used" 5).
func TestDiffMovedTree(t *testing.T) {
	files := map[string]string{
		"a/mod.py":  "def f():\n    return f.__code__.co_filename\nclass C:\n    def m(self):\n        return C.m.__code__.co_filename\n",
		"a/main.py": "import sys, mod\nprint(mod.f() == mod.__file__, mod.C().m() == mod.__file__, mod.__file__.replace(sys.argv[1], '<D>'))\n",
	}
	copyTree := func(t *testing.T, dir string) {
		_ = filepath.Walk(filepath.Join(dir, "a"), func(p string, info os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, "b", p[len(filepath.Join(dir, "a")):])
			if info.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			data, _ := os.ReadFile(p)
			os.WriteFile(dst, data, info.Mode())
			return os.Chtimes(dst, info.ModTime(), info.ModTime())
		})
	}
	differential(t, files, []step{
		{args: py("a/main.py", "{D}")},
		{pre: copyTree, args: py("b/main.py", "{D}")},
	})
}

// TestDiffNonRoot: as an ordinary user (nobody, through setpriv), folders that cannot be written
// and cache files that cannot be read only mean no cache: imports succeed, nothing is written.
func TestDiffNonRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to switch to nobody")
	}
	if err := exec.Command("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true").Run(); err != nil {
		t.Skipf("setpriv does not work here: %v", err)
	}
	files := map[string]string{
		"ro/r.py": "print('r ran')\n",
		"pc/q.py": "print('q ran', __cached__ is not None)\n",
		"main.py": "import sys\nsys.path[:0] = ['ro', 'pc']\nimport r, q\n",
	}
	open := func(t *testing.T, dir string) {
		for _, d := range []string{filepath.Dir(dir), dir} {
			os.Chmod(d, 0o755)
		}
		_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
			switch {
			case err != nil:
			case info.IsDir():
				os.Chmod(p, 0o755)
			case filepath.Ext(p) == ".pyc":
				os.Chmod(p, 0o600) // unreadable to nobody
			default:
				os.Chmod(p, 0o644)
			}
			return nil
		})
		rmCaches(t, filepath.Join(dir, "ro"))
	}
	differential(t, files, []step{
		{args: py("main.py")},
		{pre: open, args: py("main.py"), nobody: true},
		{pre: func(t *testing.T, dir string) {
			setSource(t, filepath.Join(dir, "pc/q.py"), "print('Q ran', __cached__ is not None)\n")
		}, args: py("main.py"), nobody: true},
	})
}

// TestDiffZipBytecode: in a zip archive a .pyc is used unless the .py beside it says it is
// stale (timestamp: the member's mtime and size; checked hash: the source hash).
func TestDiffZipBytecode(t *testing.T) {
	files := map[string]string{
		"zsrc/fresh.py":   "V = 'fresh pyc'\n",
		"zsrc/stale.py":   "V = 'stale pyc'\n",
		"zsrc/hashed.py":  "V = 'hash pyc'\n",
		"zsrc/uhashed.py": "V = 'uhash pyc'\n",
		"main.py": `import sys
sys.path.insert(0, 'b.zip')
import fresh, stale, hashed, uhashed
for m in (fresh, stale, hashed, uhashed):
    print(m.__name__, m.V, m.__file__, m.__cached__)
`,
	}
	build := func(t *testing.T, dir, exe string) {
		compile := func(env []string, args ...string) {
			cmd := exec.Command(exe, append([]string{"-m"}, args...)...)
			cmd.Dir, cmd.Env = dir, cleanEnv(env...)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%v %s", err, out)
			}
		}
		compile(nil, "py_compile", "zsrc/fresh.py", "zsrc/stale.py")
		compile([]string{"SOURCE_DATE_EPOCH=1"}, "py_compile", "zsrc/hashed.py")
		compile(nil, "compileall", "-q", "--invalidation-mode", "unchecked-hash", "zsrc/uhashed.py")
		pyc := func(name string) string {
			m, _ := filepath.Glob(filepath.Join(dir, "zsrc/__pycache__", name+".*.pyc"))
			if len(m) != 1 {
				t.Fatalf("%s: %v", name, m)
			}
			data, _ := os.ReadFile(m[0])
			return string(data)
		}
		f, err := os.Create(filepath.Join(dir, "b.zip"))
		if err != nil {
			t.Fatal(err)
		}
		w := zip.NewWriter(f)
		add := func(name, data string, mtime time.Time) {
			fw, err := w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mtime})
			if err != nil {
				t.Fatal(err)
			}
			fw.Write([]byte(data))
		}
		add("fresh.pyc", pyc("fresh"), fixedTime)
		add("fresh.py", "V = 'fresh src'\n", fixedTime) // same size and time: the .pyc is used
		add("stale.pyc", pyc("stale"), fixedTime)
		add("stale.py", "V = 'stale src'\n", fixedTime.Add(10*time.Second))
		add("hashed.pyc", pyc("hashed"), fixedTime)
		add("hashed.py", "V = 'hash src'\n", fixedTime)
		add("uhashed.pyc", pyc("uhashed"), fixedTime)
		add("uhashed.py", "V = 'uhash src'\n", fixedTime)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		rmCaches(t, dir)
	}
	differential(t, files, []step{
		{preExe: build, args: py("main.py"), env: []string{"TZ=UTC"}},
		{args: py("--check-hash-based-pycs", "always", "main.py"), env: []string{"TZ=UTC"}},
		{args: py("--check-hash-based-pycs", "never", "main.py"), env: []string{"TZ=UTC"}},
	})
}

// TestDiffPathHooks: a user hook on sys.path_hooks serves the entries it accepts (its finder is
// cached in sys.path_importer_cache); other entries are searched as usual.
func TestDiffPathHooks(t *testing.T) {
	files := map[string]string{
		"real/r.py": "R = 'real'\n",
		"main.py": `import sys, importlib.util, importlib.abc
class Loader(importlib.abc.Loader):
    def exec_module(self, module):
        module.V = 'from hook ' + module.__name__
class Finder:
    def __init__(self, entry):
        self.entry = entry
    def find_spec(self, name, target=None):
        if name.startswith('hooked'):
            return importlib.util.spec_from_loader(name, Loader())
        return None
def hook(entry):
    if entry.startswith('virtual:'):
        return Finder(entry)
    raise ImportError('not mine')
sys.path_hooks.insert(0, hook)
sys.path[:0] = ['virtual:one', 'real']
import hooked, r
print(hooked.V, r.R, type(sys.path_importer_cache['virtual:one']).__name__)
try:
    import nothere
except ImportError as e:
    print(e)
`,
	}
	differential(t, files, []step{{args: py("main.py")}})
}

// TestDiffFileFinder: importlib.machinery.FileFinder and its path hook, as libraries use them.
func TestDiffFileFinder(t *testing.T) {
	files := map[string]string{
		"pkg/__init__.py": "",
		"pkg/sub.py":      "",
		"ns/x.py":         "",
		"main.py": `import importlib.machinery as m, sys
f = m.FileFinder('pkg', (m.SourceFileLoader, m.SOURCE_SUFFIXES))
print(f.path == sys.path[0] + '/pkg', f.find_spec('pkg.sub').name, f.find_spec('nothing'))
print(m.FileFinder('pkg').find_spec('pkg.sub'))
hook = m.FileFinder.path_hook((m.SourceFileLoader, m.SOURCE_SUFFIXES))
print(type(hook(sys.path[0])).__name__)
try:
    hook('/nonexistent')
except ImportError as e:
    print('ImportError', e, e.path)
ns = m.FileFinder(sys.path[0]).find_spec('ns')
print(type(hook(sys.path[0]).find_spec('pkg').loader).__name__)
print(ns.loader, ns.submodule_search_locations == [sys.path[0] + '/ns'], ns.origin)
print(m.FrozenImporter.__name__ in ('FrozenImporter', 'BuiltinImporter'), m.EXTENSION_SUFFIXES is not None)
`,
	}
	differential(t, files, []step{{args: py("main.py")}})
}
