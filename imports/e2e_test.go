package imports

// End-to-end tests: the gopyc binary (built once in TestMain) and CPython 3.11 (the oracle) run
// the same steps in twin temporary folders; the transcripts (program output, exit status, every
// file with its mode and, for cache files, the 16-byte header) must be equal once folder names
// and cache tags are normalised. gopyc-only tests cover where gopyc deliberately differs.

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gopyc/internal/oracle"
)

var gopycBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gopyc-imports")
	if err != nil {
		panic(err)
	}
	gopycBin = filepath.Join(dir, "gopyc")
	_ = os.Chmod(dir, 0o755) // permission tests run it as nobody
	if out, err := exec.Command("go", "build", "-o", gopycBin, "gopyc/cmd/gopyc").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixedTime is the mtime given to every source file, so both interpreters record the same one.
var fixedTime = time.Unix(1600000000, 0)

type interp struct {
	name string
	exe  string
}

func interps(t *testing.T) []interp {
	t.Helper()
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	return []interp{{"cpython", py}, {"gopyc", gopycBin}}
}

// cleanEnv is the environment without the settings that change caching (the machines export
// PYTHONDONTWRITEBYTECODE=1), plus PYTHONHASHSEED=0 and the extras.
func cleanEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "PYTHONOPTIMIZE", "PYTHONPATH",
			"PYTHONVERBOSE", "SOURCE_DATE_EPOCH", "PYTHONHASHSEED", "PYTHONSAFEPATH", "PYTHONHOME":
			continue
		}
		env = append(env, kv)
	}
	return append(append(env, "PYTHONHASHSEED=0"), extra...)
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, fixedTime, fixedTime); err != nil {
			t.Fatal(err)
		}
	}
}

// setSource rewrites a source file keeping the fixed mtime (a same-size edit is then invisible
// to timestamp validation).
func setSource(t *testing.T, p, text string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, fixedTime, fixedTime); err != nil {
		t.Fatal(err)
	}
}

// normalizer replaces what legitimately differs between the twin runs.
func normalizer(dir, exe string) *strings.Replacer {
	return strings.NewReplacer(dir, "<D>", strings.TrimPrefix(dir, "/"), "<D>", exe, "<EXE>",
		"cpython-311", "<TAG>", "gopyc-311", "<TAG>")
}

// snapshot lists every file under dir: path, mode and, for .pyc files, the header.
func snapshot(t *testing.T, dir string, norm *strings.Replacer) string {
	t.Helper()
	var lines []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil
		}
		rel := norm.Replace(p[len(dir)+1:])
		if strings.Contains(rel, "python3.11") || strings.Contains(rel, ".pyenv") || strings.HasSuffix(rel, "/root") {
			return nil // CPython's own start-up imports, cached under a prefix
		}
		info, err := os.Lstat(p)
		if err != nil {
			return nil
		}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			lines = append(lines, fmt.Sprintf("%s -> %s", rel, norm.Replace(target)))
		case info.IsDir():
			lines = append(lines, fmt.Sprintf("%s/ %o", rel, info.Mode().Perm()))
		default:
			line := fmt.Sprintf("%s %o", rel, info.Mode().Perm())
			if strings.HasSuffix(p, ".pyc") {
				data, _ := os.ReadFile(p)
				if len(data) > 16 {
					data = data[:16]
				}
				line += " " + hex.EncodeToString(data)
			}
			lines = append(lines, line)
		}
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

type step struct {
	args  []string // {D} is replaced by the folder
	env   []string // {D} too
	umask string   // run under this umask (through sh)
	// nobody runs the step as user nobody (setpriv), for permission tests as root.
	nobody bool
	pre    func(t *testing.T, dir string)
	preExe func(t *testing.T, dir, exe string) // like pre, given the interpreter under test
	stdin  string
}

func subst(dir string, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ReplaceAll(s, "{D}", dir)
	}
	return out
}

// run runs one interpreter in dir and returns its normalised output and exit status.
func (it interp) run(t *testing.T, dir string, s step) string {
	t.Helper()
	args := subst(dir, s.args)
	var cmd *exec.Cmd
	if s.umask != "" {
		cmd = exec.Command("sh", append([]string{"-c", "umask " + s.umask + `; exec "$0" "$@"`, it.exe}, args...)...)
	} else if s.nobody {
		cmd = exec.Command("setpriv", append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", it.exe}, args...)...)
	} else {
		cmd = exec.Command(it.exe, args...)
	}
	cmd.Dir = dir
	cmd.Env = cleanEnv(subst(dir, s.env)...)
	cmd.Stdin = strings.NewReader(s.stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	norm := normalizer(dir, it.exe)
	return fmt.Sprintf("stdout:\n%sstderr:\n%sexit %d\n", norm.Replace(out.String()), norm.Replace(lastLines(errb.String())), code)
}

// lastLines keeps the last line of a traceback (the two interpreters' tracebacks may differ in
// the frames of the import machinery) and any non-traceback text.
func lastLines(s string) string {
	if !strings.Contains(s, "Traceback (most recent call last)") {
		return s
	}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1] + "\n"
}

// differential runs the steps under both interpreters in twin folders and compares transcripts.
func differential(t *testing.T, files map[string]string, steps []step) {
	t.Helper()
	var transcripts []string
	its := interps(t)
	for _, it := range its {
		dir := t.TempDir()
		dir, _ = filepath.EvalSymlinks(dir)
		writeTree(t, dir, files)
		var b strings.Builder
		for i, s := range steps {
			if s.pre != nil {
				s.pre(t, dir)
			}
			if s.preExe != nil {
				s.preExe(t, dir, it.exe)
			}
			fmt.Fprintf(&b, "== step %d: %v %v umask=%s\n", i, s.args, s.env, s.umask)
			b.WriteString(it.run(t, dir, s))
			b.WriteString("files:\n" + snapshot(t, dir, normalizer(dir, it.exe)) + "\n")
		}
		transcripts = append(transcripts, b.String())
	}
	if transcripts[0] != transcripts[1] {
		t.Errorf("transcripts differ\n%s", lineDiff(transcripts[0], transcripts[1]))
	} else if os.Getenv("GOPYC_SHOW_TRANSCRIPT") != "" {
		t.Logf("transcript:\n%s", transcripts[0])
	}
}

// lineDiff shows the lines of a (cpython) and b (gopyc) around the first difference.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	lo := i - 12
	if lo < 0 {
		lo = 0
	}
	hiA, hiB := min(len(al), i+12), min(len(bl), i+12)
	return fmt.Sprintf("first difference at line %d\n--- cpython\n%s\n--- gopyc\n%s", i+1,
		strings.Join(al[lo:hiA], "\n"), strings.Join(bl[lo:hiB], "\n"))
}

func rmCaches(t *testing.T, dir string) {
	t.Helper()
	var dirs []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "__pycache__" {
			dirs = append(dirs, p)
		}
		return nil
	})
	for _, d := range dirs {
		if err := os.RemoveAll(d); err != nil {
			t.Fatal(err)
		}
	}
}

func py(args ...string) []string { return append([]string{"-S"}, args...) }
