// Package imports is gopyc's import system in pure Go: it finds modules, reads and writes their
// bytecode cache, and works out the settings that govern both. Package vm turns its results into
// module objects and runs them (vm/import*.go); importlib's Python API is built on it there.
//
// Finding (finder.go). Finder.Find(name, path) is importlib's PathFinder over a list of path
// entries (sys.path, or a package's __path__). For each entry in order:
//   - a folder: <entry>/<name>/__init__.py or __init__.pyc makes a package; else <name>.py, then
//     a legacy <name>.pyc, makes a module; a folder <name> without __init__ is remembered as a
//     namespace portion (PEP 420) unless a module of that name follows in the same entry;
//   - a zip archive, or a folder inside one (archive.zip/lib): zipimport's order, package
//     __init__.pyc then __init__.py, then module .pyc then .py; a folder in the archive is a
//     namespace portion.
//
// The first package or module wins; when none is found, the remembered portions make a namespace
// package. Relative entries are taken from the working directory and "" is the working directory.
// The result is a Spec (kind, origin, cached path, search locations) — the data of a ModuleSpec.
// Entries known to be folders and opened archives are remembered until InvalidateCaches.
//
// Caching (cache.go). Cache.Code(path, name, compile) returns a module's code object from a
// trustworthy cache file or compiles it and (unless DontWrite) writes the cache atomically, by the
// rules of PYCACHE.md, including gopyc's same-second ("racy") rule and the recompilation of files
// whose bodies do not unmarshal. Cache files are read with four system calls into a recycled
// buffer (nothing loaded refers to its bytes).
//
// Settings (path.go). Resolve combines the command line with the environment as CPython 3.11 does
// (-O and PYTHONOPTIMIZE, -B and PYTHONDONTWRITEBYTECODE, -X pycache_prefix and
// PYTHONPYCACHEPREFIX, -E/-I ignoring the environment, PYTHONPATH); StdlibDir finds CPython's
// standard library without running any program.
//
// Invariants: nothing here panics on hostile files (cache files and archives are parsed with
// checks); an installed cache file is always complete (pycache.WriteAtomic); failing to write a
// cache never fails an import. The finder and the cache are safe for concurrent use.
package imports
