package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"gopyc/internal/oracle"
)

// TestRunpyFrames: a main module run with -m, from a package's __main__, from a folder or from
// a zip archive sits below runpy's two frames in CPython, and they show in tracebacks and in
// stack walks (traceback.print_stack, sys._getframe().f_back); a script or -c does not. Each
// case runs under python3 and gopyc in the same folder and compares stdout, stderr and status.
func TestRunpyFrames(t *testing.T) {
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	body := "import sys, traceback\n" +
		"def f():\n" +
		"    traceback.print_stack(file=sys.stdout)\n" +
		"    fr = sys._getframe()\n" +
		"    while fr.f_back:\n" +
		"        fr = fr.f_back\n" +
		"    print(fr.f_code.co_name, fr.f_code.co_filename, __name__)\n" +
		"    1/0\n" +
		"f()\n"
	files := map[string]string{
		"modx.py":            body,
		"pk/__init__.py":     "",
		"pk/__main__.py":     body,
		"folder/__main__.py": body,
		"script.py":          body,
	}
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	zipCmd := exec.Command(py, "-c", "import zipfile, sys\nwith zipfile.ZipFile(sys.argv[1], 'w') as z:\n    z.write(sys.argv[2], '__main__.py')\n",
		filepath.Join(dir, "app.zip"), filepath.Join(dir, "script.py"))
	if out, err := zipCmd.CombinedOutput(); err != nil {
		t.Fatalf("making app.zip: %v %s", err, out)
	}
	// Object addresses never match; nothing else is masked.
	addr := regexp.MustCompile(`0x[0-9a-f]+`)
	for _, args := range [][]string{{"-m", "modx"}, {"-m", "pk"}, {"folder"}, {"app.zip"}, {"script.py"}, {"-c", body}} {
		run := func(exe string) (string, int) {
			cmd := exec.Command(exe, args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			return addr.ReplaceAllString(string(out), "0x?"), code
		}
		want, wc := run(py)
		got, gc := run(bin)
		if got != want || gc != wc {
			t.Errorf("args %q\n--- python3 (status %d):\n%s--- gopyc (status %d):\n%s", args, wc, want, gc, got)
		}
	}
}

// TestZipimporterMethods compares zipimporter's per-module methods and its errors with CPython's.
func TestZipimporterMethods(t *testing.T) {
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	prog := `import sys, zipfile, zipimport
arch = sys.argv[1]
with zipfile.ZipFile(arch, "w") as z:
    z.writestr("mod.py", "x = 1\r\ny = 2\n")
    z.writestr("pkg/__init__.py", "'''pkg'''\n")
    z.writestr("pkg/sub.py", "z = 3\n")
z = zipimport.zipimporter(arch)
for name in ["mod", "pkg", "nope"]:
    for meth in ["get_filename", "is_package", "get_source"]:
        try:
            r = getattr(z, meth)(name)
            print(meth, name, repr(r.replace(arch, "ARCH") if isinstance(r, str) else r))
        except zipimport.ZipImportError as e:
            print(meth, name, type(e).__name__, e, e.name)
zp = zipimport.zipimporter(arch + "/pkg")
print(repr(zp.get_source("sub")), zp.is_package("sub"))
for p in ["", arch + "/missing/deeper", sys.argv[2], "/"]:
    try:
        zipimport.zipimporter(p)
    except zipimport.ZipImportError as e:
        print(type(e).__name__, str(e).replace(sys.argv[2], "FILE"), repr(e.path.replace(sys.argv[2], "FILE")))
print(zipimport.ZipImportError.__mro__)
`
	script := filepath.Join(dir, "prog.py")
	plain := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(script, []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plain, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(exe string) string {
		out, err := exec.Command(exe, script, filepath.Join(dir, "a.zip"), plain).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", exe, err, out)
		}
		return string(out)
	}
	if want, got := run(py), run(bin); got != want {
		t.Errorf("--- python3:\n%s--- gopyc:\n%s", want, got)
	}
}
