package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"gopyc/bytecode/discmd"
	"gopyc/imports"
	"gopyc/syntax/astcmd"
	"gopyc/tools/compileall"
	"gopyc/tools/pycachecmd"
	"gopyc/tools/pycompile"
	"gopyc/vm"
)

type toolMain = func(args []string, stdin io.Reader, stdout, stderr io.Writer) int

// tools maps -m module names to Go-native command-line tools.
var tools = map[string]toolMain{
	"dis":     discmd.Main,
	"ast":     astcmd.Main,
	"pycache": pycachecmd.Main,
}

// configuredTool returns the cache tools (py_compile, compileall) configured with this process's
// settings (-O/PYTHONOPTIMIZE, the pycache prefix, sys.path), or nil for other names.
func configuredTool(name string, s imports.Settings, isolated bool) toolMain {
	pc := pycompile.DefaultConfig()
	pc.Optimize, pc.Prefix = s.Optimize, s.Prefix
	switch name {
	case "py_compile":
		return pc.Main
	case "compileall":
		c := &compileall.Config{Config: pc}
		if !isolated {
			c.SysPath = append(c.SysPath, cwd())
		}
		c.SysPath = append(append(c.SysPath, s.PythonPath...), stdlibPath(isolated)...)
		return c.Main
	}
	return nil
}

// stdlibPath is the CPython standard library entry of sys.path, when one is found.
func stdlibPath(ignoreEnv bool) []string {
	if d := imports.StdlibDir(ignoreEnv); d != "" {
		return []string{d}
	}
	return nil
}

// setFlags records the command line in sys.flags.
func setFlags(in *vm.Interp, o *options, s imports.Settings) {
	b := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	if s.Verbose && o.verbose == 0 {
		o.verbose = 1
	}
	if in.Flags == nil {
		in.Flags = map[string]int{}
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"optimize", s.Optimize}, {"dont_write_bytecode", b(s.DontWrite)}, {"verbose", o.verbose},
		{"ignore_environment", b(o.ignoreEnv)}, {"isolated", b(o.isolated)}, {"no_site", b(o.noSite)},
		{"safe_path", b(o.isolated)}} {
		// sys.flags starts with these at 0; setting one rebuilds probes for every field.
		if f.v != 0 {
			in.SetFlag(f.name, f.v)
		}
	}
}

// isPathEntry reports whether a script argument is a folder or a zip archive (run through its
// __main__ module) rather than a source or .pyc file.
func isPathEntry(p string) bool {
	st, err := os.Stat(p)
	if err != nil {
		return false
	}
	if st.IsDir() {
		return true
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	// A zip archive ends with its end-of-central-directory record; look for the signature in
	// the last 64 KiB + 22 bytes, as zipimport does.
	size := st.Size()
	n := int64(65536 + 22)
	if n > size {
		n = size
	}
	buf := make([]byte, n)
	if _, err := f.ReadAt(buf, size-n); err != nil && err != io.EOF {
		return false
	}
	return strings.Contains(string(buf), "PK\x05\x06")
}

// mainError reports a failure to find or load the main module: runpy's "<executable>: message"
// with status 1, or the Python exception.
func mainError(t *vm.Thread, err error, stderr io.Writer) int {
	if me, ok := err.(*vm.MainError); ok {
		t.FlushStdio()
		exe, _ := os.Executable()
		fmt.Fprintf(stderr, "%s: %s\n", exe, me.Msg)
		return 1
	}
	return t.HandleUncaught(err)
}
