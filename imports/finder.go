package imports

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"gopyc/pycache"
)

// Kind says how a found module is loaded.
type Kind int

// The kinds of module the path finder returns.
const (
	KindSource        Kind = iota // a .py file (through the cache)
	KindSourceless                // a legacy .pyc beside where the .py would be
	KindNamespace                 // a folder without __init__ (PEP 420), possibly in several path entries
	KindZipSource                 // a .py file inside a zip archive (never cached)
	KindZipSourceless             // a .pyc file inside a zip archive
)

// Spec is what the path finder knows about a module before it is created: the data behind
// importlib's ModuleSpec.
type Spec struct {
	Name      string
	Kind      Kind
	Origin    string   // __file__: the file path, "archive.zip/inner/path" for zips; "" for namespaces
	Cached    string   // __cached__ ("" for None)
	IsPackage bool     // has submodule_search_locations
	Locations []string // submodule_search_locations for packages and namespace packages
	Archive   string   // the zip archive for zip kinds
	Inner     string   // the member path inside Archive
}

// Parent is ModuleSpec.parent: the package name for a package, else the name up to its last dot.
func (s *Spec) Parent() string {
	if s.IsPackage {
		return s.Name
	}
	if i := strings.LastIndexByte(s.Name, '.'); i >= 0 {
		return s.Name[:i]
	}
	return ""
}

// Finder finds modules on path entries: folders (FileFinder) and zip archives, optionally with a
// folder inside the archive (zipimporter). It remembers opened archives until InvalidateCaches.
// It is safe for concurrent use.
type Finder struct {
	Cache *Cache
	mu    sync.Mutex
	zips  map[string]*zipDir // archive path -> its contents; nil value: not an archive
	// entries remembers path entries known to be folders (1) or to be neither a folder nor a
	// zip archive (-1; ignored then, as CPython caches None in sys.path_importer_cache), until
	// InvalidateCaches.
	entries map[string]int8
}

type zipDir struct {
	files map[string]*zip.File
	dirs  map[string]bool
}

// InvalidateCaches forgets the archives read so far (importlib.invalidate_caches).
func (f *Finder) InvalidateCaches() {
	f.mu.Lock()
	f.zips, f.entries = nil, nil
	f.mu.Unlock()
}

func isFile(p string) bool { return statType(p) == typeRegular }

func isDir(p string) bool { return statType(p) == typeDir }

// Find looks for the module name (its last component is looked up) on the path entries, in
// order, as importlib's PathFinder does: the first entry with a package (folder with
// __init__.py or __init__.pyc), a module (.py, then legacy .pyc) wins; folders without __init__
// are remembered and, when nothing else is found, make a namespace package. nil means not found.
func (f *Finder) Find(name string, path []string) *Spec {
	short := name[strings.LastIndexByte(name, '.')+1:]
	var portions []string
	for _, entry := range path {
		spec, portion := f.findIn(name, short, entry)
		if spec != nil {
			return spec
		}
		if portion != "" {
			portions = append(portions, portion)
		}
	}
	if portions != nil {
		return &Spec{Name: name, Kind: KindNamespace, IsPackage: true, Locations: portions}
	}
	return nil
}

// FindEntry searches a single path entry for name (whose last component is short): it returns
// a spec, or the folder that is a namespace portion of name, or neither.
func (f *Finder) FindEntry(name, entry string) (*Spec, string) {
	return f.findIn(name, name[strings.LastIndexByte(name, '.')+1:], entry)
}

// findIn searches one path entry. It returns a spec, or the folder that is a namespace portion.
func (f *Finder) findIn(name, short, entry string) (*Spec, string) {
	dir := entry
	if dir == "" || dir == "." || !strings.HasPrefix(dir, "/") {
		// Relative entries are taken from the working directory, as FileFinder does.
		wd, err := syscall.Getwd()
		if err != nil {
			return nil, ""
		}
		if dir == "" || dir == "." {
			dir = wd
		} else {
			dir = strings.TrimSuffix(wd, "/") + "/" + dir
		}
	}
	f.mu.Lock()
	known := f.entries[dir]
	f.mu.Unlock()
	if known < 0 {
		return nil, ""
	}
	if known == 0 {
		if spec, portion, isFolder := f.entryNotFolder(name, short, entry, dir); !isFolder {
			return spec, portion
		}
	}
	base := filepath.Join(dir, short)
	if isDir(base) {
		for _, init := range []string{"__init__.py", "__init__.pyc"} {
			p := filepath.Join(base, init)
			if isFile(p) {
				return f.fileSpec(name, p, true, []string{base}), ""
			}
		}
		if isIdentifier(short) {
			// A namespace portion unless a module of that name follows in the same folder.
			if spec := f.moduleIn(name, base); spec != nil {
				return spec, ""
			}
			return nil, base
		}
	}
	return f.moduleIn(name, base), ""
}

// entryNotFolder handles a path entry not yet known to be a folder: a zip archive (or a folder
// inside one) is searched; a folder is remembered and reported with isFolder.
func (f *Finder) entryNotFolder(name, short, entry, dir string) (spec *Spec, portion string, isFolder bool) {
	remember := func(kind int8) {
		f.mu.Lock()
		if f.entries == nil {
			f.entries = map[string]int8{}
		}
		f.entries[dir] = kind
		f.mu.Unlock()
	}
	st, err := os.Stat(dir)
	if err == nil && st.IsDir() {
		remember(1)
		return nil, "", true
	}
	if z, arch, inner := f.zipFor(entry); entry != "" && z != nil {
		spec, portion = f.findInZip(name, short, z, arch, inner)
	} else {
		remember(-1)
	}
	return spec, portion, false
}

func (f *Finder) moduleIn(name, base string) *Spec {
	if p := base + ".py"; isFile(p) {
		return f.fileSpec(name, p, false, nil)
	}
	if p := base + ".pyc"; isFile(p) {
		return f.fileSpec(name, p, false, nil)
	}
	return nil
}

func isIdentifier(s string) bool { return s != "" && !strings.ContainsAny(s, ". /") }

// fileSpec builds the spec of a module file on disk.
func (f *Finder) fileSpec(name, file string, pkg bool, locs []string) *Spec {
	s := &Spec{Name: name, Origin: file, IsPackage: pkg, Locations: locs}
	if strings.HasSuffix(file, ".pyc") {
		s.Kind = KindSourceless
		s.Cached = file
	} else {
		s.Kind = KindSource
		s.Cached = f.cachePath(file)
	}
	return s
}

func (f *Finder) cachePath(file string) string {
	c := f.Cache
	if c == nil {
		c = &Cache{}
	}
	p, err := c.CachePath(file)
	if err != nil {
		return ""
	}
	return p
}

// zipFor splits a path into an archive on disk and a folder inside it, and returns the
// archive's contents when the archive is a readable zip file.
func (f *Finder) zipFor(p string) (*zipDir, string, string) {
	arch, inner := p, ""
	for {
		st, err := os.Stat(arch)
		if err == nil {
			if !st.Mode().IsRegular() {
				return nil, "", ""
			}
			break
		}
		i := strings.LastIndexByte(arch, '/')
		if i <= 0 {
			return nil, "", ""
		}
		if inner == "" {
			inner = arch[i+1:]
		} else {
			inner = arch[i+1:] + "/" + inner
		}
		arch = arch[:i]
	}
	z := f.openZip(arch)
	if z == nil {
		return nil, "", ""
	}
	if inner != "" {
		inner += "/"
	}
	return z, arch, inner
}

func (f *Finder) openZip(arch string) *zipDir {
	f.mu.Lock()
	defer f.mu.Unlock()
	if z, ok := f.zips[arch]; ok {
		return z
	}
	if f.zips == nil {
		f.zips = map[string]*zipDir{}
	}
	var z *zipDir
	if r, err := zip.OpenReader(arch); err == nil {
		z = &zipDir{files: map[string]*zip.File{}, dirs: map[string]bool{}}
		for _, file := range r.File {
			z.files[file.Name] = file
			for d := file.Name; ; {
				i := strings.LastIndexByte(strings.TrimSuffix(d, "/"), '/')
				if strings.HasSuffix(d, "/") {
					z.dirs[strings.TrimSuffix(d, "/")] = true
				}
				if i < 0 {
					break
				}
				d = d[:i+1]
			}
		}
		// The archive stays open: members are read on demand.
	}
	f.zips[arch] = z
	return z
}

// findInZip is zipimporter's lookup: package __init__ (bytecode, then source), then the module
// (bytecode, then source); a folder without __init__ is a namespace portion.
func (f *Finder) findInZip(name, short string, z *zipDir, arch, inner string) (*Spec, string) {
	base := inner + short
	mk := func(member string, pkg bool) *Spec {
		s := &Spec{Name: name, Origin: arch + "/" + member, IsPackage: pkg, Archive: arch, Inner: member}
		if pkg {
			s.Locations = []string{arch + "/" + base}
		}
		if strings.HasSuffix(member, ".pyc") {
			s.Kind = KindZipSourceless
			s.Cached = s.Origin
		} else {
			s.Kind = KindZipSource
			s.Cached = f.cachePath(s.Origin)
		}
		return s
	}
	for _, c := range []struct {
		suffix string
		pkg    bool
	}{{"/__init__.pyc", true}, {"/__init__.py", true}, {".pyc", false}, {".py", false}} {
		if _, ok := z.files[base+c.suffix]; ok {
			if strings.HasSuffix(c.suffix, ".pyc") && f.zipPycStale(z, arch, base+c.suffix) {
				continue // the source next to it is used instead, as zipimport does
			}
			return mk(base+c.suffix, c.pkg), ""
		}
	}
	if z.dirs[base] {
		return nil, arch + "/" + base
	}
	return nil, ""
}

// zipPycStale reports whether a .pyc member of an archive must give way to the .py member
// beside it (zipimport's rules): a timestamp file whose mtime (within a second) or size differs
// from the source member's (the mtime is the member's MS-DOS local time); a hash file that is
// checked (or --check-hash-based-pycs always) whose hash differs. Without a source member, or
// when the header cannot be read, the .pyc stays (its loading reports any error).
func (f *Finder) zipPycStale(z *zipDir, arch, member string) bool {
	src := z.files[strings.TrimSuffix(member, "c")]
	if src == nil {
		return false
	}
	data, err := f.ReadZipMember(arch, member)
	if err != nil || len(data) < pycache.HeaderSize {
		return false
	}
	hdr, err := pycache.ParseHeader(data, "")
	if err != nil {
		return false
	}
	check := "default"
	if f.Cache != nil && f.Cache.CheckHashBased != "" {
		check = f.Cache.CheckHashBased
	}
	if hdr.HashBased() {
		if check == "never" || (!hdr.CheckSource() && check != "always") {
			return false
		}
		source, err := f.ReadZipMember(arch, src.Name)
		return err == nil && hdr.ValidateHash(source, "") != nil
	}
	m := src.Modified
	local := time.Date(m.Year(), m.Month(), m.Day(), m.Hour(), m.Minute(), m.Second(), 0, time.Local).Unix()
	diff := int64(hdr.Mtime) - local
	return diff < -1 || diff > 1 || hdr.Size != uint32(src.UncompressedSize64)
}

// ReadZipMember returns the bytes of a member of a zip archive already opened by the finder.
func (f *Finder) ReadZipMember(arch, member string) ([]byte, error) {
	z := f.openZip(arch)
	if z == nil || z.files[member] == nil {
		return nil, os.ErrNotExist
	}
	rc, err := z.files[member].Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// ZipMembers lists the member names of an archive (sorted), for tests and tools.
func (f *Finder) ZipMembers(arch string) []string {
	z := f.openZip(arch)
	if z == nil {
		return nil
	}
	var names []string
	for n := range z.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ZipArchive splits a path naming a zip archive, or a folder inside one, into the archive and
// the folder prefix inside it ("" or ending in "/"); ok is false when no zip archive is there.
func (f *Finder) ZipArchive(p string) (arch, inner string, ok bool) {
	z, arch, inner := f.zipFor(p)
	return arch, inner, z != nil
}
