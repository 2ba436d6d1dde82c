package compileall

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"gopyc/tools/pycompile"
)

func writeTree(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func run(t *testing.T, cfg *Config, args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	rc := cfg.Main(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), rc
}

func newCfg() *Config { return &Config{Config: &pycompile.Config{}, SysPath: []string{""}} }

// The gopyc extensions: --cache-tag names the files after another interpreter, --prefix puts
// them under a directory mirroring the absolute source path.
func TestCacheTagAndPrefix(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.py": "x = 1\n", "p/b.py": "y = 2\n"})
	if _, e, rc := run(t, newCfg(), "-q", "--cache-tag", "cpython-311", "-o", "0", "-o", "2", dir); rc != 0 {
		t.Fatalf("rc %d: %s", rc, e)
	}
	for _, f := range []string{"__pycache__/a.cpython-311.pyc", "__pycache__/a.cpython-311.opt-2.pyc", "p/__pycache__/b.cpython-311.pyc"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	pfx := t.TempDir()
	if _, e, rc := run(t, newCfg(), "-q", "--prefix", pfx, "--cache-tag", "x-1", dir); rc != 0 {
		t.Fatalf("rc %d: %s", rc, e)
	}
	want := filepath.Join(pfx, strings.TrimPrefix(dir, "/"), "p", "b.x-1.pyc")
	if _, err := os.Stat(want); err != nil {
		t.Error(err)
	}
	// The up-to-date check uses the tag too: a second run compiles nothing.
	out, _, _ := run(t, newCfg(), "--prefix", pfx, "--cache-tag", "x-1", dir)
	if strings.Contains(out, "Compiling") {
		t.Errorf("second run recompiled:\n%s", out)
	}
}

// -j output is identical to -j1 output whatever the scheduling, on a tree larger than the
// workers' lookahead window, with files of many sizes (the workers take the largest first).
func TestParallelOrder(t *testing.T) {
	files := map[string]string{}
	for i := range 300 {
		src := strings.Repeat("x = 1\n", 1+i*7%50)
		if i%37 == 0 {
			src = "x = (\n"
		}
		files[filepath.Join(string(rune('a'+i%7)), string(rune('a'+i%5)), "m"+strings.Repeat("z", i%3)+string(rune('A'+i%26))+".py")] = src
	}
	dir := writeTree(t, files)
	o1, _, rc1 := run(t, newCfg(), "-f", dir)
	for _, j := range []string{"0", "2", "8"} {
		oj, _, rcj := run(t, newCfg(), "-f", "-j", j, dir)
		if oj != o1 || rcj != rc1 {
			t.Errorf("-j%s output differs from -j1 (rc %d vs %d)", j, rcj, rc1)
		}
	}
	if rc1 != 1 || !strings.Contains(o1, "was never closed") {
		t.Errorf("rc %d, output:\n%s", rc1, o1)
	}
}

// compile_path: the current directory ("") is skipped with a message, each directory is
// compiled one level deep, and after the first failing directory the rest are skipped.
func TestCompilePath(t *testing.T) {
	bad := writeTree(t, map[string]string{"b.py": "x = (\n", "sub/s.py": "y = 1\n"})
	good := writeTree(t, map[string]string{"g.py": "x = 1\n"})
	cfg := newCfg()
	cfg.SysPath = []string{"", bad, "", good}
	out, _, rc := run(t, cfg)
	want := "Skipping current directory\nListing '" + bad + "'...\nCompiling '" + bad + "/b.py'...\n"
	if rc != 1 || !strings.HasPrefix(out, want) || !strings.HasSuffix(out, "Skipping current directory\n") ||
		strings.Contains(out, good) || strings.Contains(out, "sub") {
		t.Errorf("rc %d, output:\n%s", rc, out)
	}
}

// stopWriter sets the interrupt flag as soon as the first "Compiling" line is written.
type stopWriter struct {
	bytes.Buffer
	stop *atomic.Bool
}

func (w *stopWriter) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("Compiling")) {
		w.stop.Store(true)
	}
	return w.Buffer.Write(p)
}

// An interrupt stops the walk after the files under way, sequentially and in parallel.
func TestInterrupt(t *testing.T) {
	files := map[string]string{}
	for i := range 50 {
		files[fmt.Sprintf("m%02d.py", i)] = "x = 1\n"
	}
	dir := writeTree(t, files)
	for _, workers := range []int{1, 2} {
		var stop atomic.Bool
		w := &stopWriter{stop: &stop}
		_, err := newCfg().CompileDir(w, dir, &Options{MaxLevels: -1, Force: true, Workers: workers, stop: &stop})
		if !errors.Is(err, ErrInterrupted) {
			t.Errorf("-j%d: err %v", workers, err)
		}
		if n := strings.Count(w.String(), "Compiling"); n == 0 || n > 30 { // bounded by the queues (about 20), not 50
			t.Errorf("-j%d: %d files compiled after the interrupt", workers, n)
		}
	}
}

// On a terminal the output is CPython's plus a status line that each later write erases: with
// the status lines and erase sequences removed it is byte-identical to the piped output.
func TestTerminalStatus(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.py": "x = 1\n", "b.py": "x = (\n", "p/c.py": "y = 2\n"})
	for _, workers := range []int{1, 2} {
		var plain, term bytes.Buffer
		o := &Options{MaxLevels: -1, Force: true, Workers: workers}
		newCfg().CompileDir(&plain, dir, o)
		tw := &ttyWriter{Writer: bufio.NewWriter(&term), tty: true}
		newCfg().CompileDir(tw, dir, o)
		tw.Flush()
		got := term.String()
		if !strings.Contains(got, "[3 files, 1 errors]\r") {
			t.Errorf("-j%d: no final status line in %q", workers, got)
		}
		stripped := regexp.MustCompile(`\[\d+ files, \d+ errors\]\r`).ReplaceAllString(got, "")
		stripped = strings.ReplaceAll(stripped, "\x1b[K", "")
		if stripped != plain.String() {
			t.Errorf("-j%d: terminal output differs:\n%q\n%q", workers, stripped, plain.String())
		}
	}
}

func TestPrefixStable(t *testing.T) {
	for _, c := range []struct {
		pat  string
		want bool
	}{
		{"/site-packages/", true}, {"(?m)^/tmp|a.*b", true}, {`\Afoo`, true},
		{"foo$", false}, {`(?m)foo$`, false}, {`\bfoo`, false}, {`x\B`, false}, {`a\z`, false},
	} {
		o := &Options{Rx: regexp.MustCompile(c.pat)}
		if got := excludedTrees(o) != nil; got != c.want {
			t.Errorf("%q: %v, want %v", c.pat, got, c.want)
		}
	}
	if excludedTrees(&Options{Rx: regexp.MustCompile("x"), HardlinkDupes: true}) != nil {
		t.Error("--hardlink-dupes: the files must be yielded")
	}
}

// TestExcludedWalk checks that the walk of excluded trees prints what the full walk prints and
// yields the same files that -x does not exclude.
func TestExcludedWalk(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"a.py", "sp/x.py", "sp/d/e/f.py", "sp/d/g.txt", "sp/__pycache__/h/i.py",
		"b/sp.py", "b/c/j.py", "spx/k.py"} {
		p := filepath.Join(root, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	os.Symlink("b", filepath.Join(root, "sp", "link"))
	rx := regexp.MustCompile("/sp/")
	for quiet := 0; quiet <= 2; quiet++ {
		for _, maxlevels := range []int{0, 1, 2, 10} {
			var outs [2]bytes.Buffer
			var files [2][]string
			for i, ex := range []func(string) bool{nil, excludedTrees(&Options{Rx: rx})} {
				wk := &walker{w: &outs[i], quiet: quiet, excluded: ex, yield: func(p string) error {
					if !rx.MatchString(p) {
						files[i] = append(files[i], p)
					}
					return nil
				}}
				if err := wk.dir(root, maxlevels); err != nil {
					t.Fatal(err)
				}
			}
			if outs[0].String() != outs[1].String() || !slices.Equal(files[0], files[1]) {
				t.Errorf("quiet %d, maxlevels %d: got %q %q, want %q %q", quiet, maxlevels,
					outs[1].String(), files[1], outs[0].String(), files[0])
			}
		}
	}
}

// TestReadDir compares readDir with os.ReadDir on a directory that takes several reads.
func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	for i := range 3000 {
		name := fmt.Sprintf("file-with-a-long-name-%04d.py", i)
		if i%7 == 0 {
			os.Mkdir(filepath.Join(dir, name), 0o755)
		} else {
			os.WriteFile(filepath.Join(dir, name), nil, 0o644)
		}
	}
	os.Symlink("file-with-a-long-name-0001.py", filepath.Join(dir, "link"))
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, dirsOnly := range []bool{false, true} {
		var want []dirEntry
		for _, e := range des {
			if !dirsOnly || e.IsDir() {
				want = append(want, dirEntry{e.Name(), e.Type()})
			}
		}
		got, err := readDir(dir, dirsOnly)
		if err != nil {
			t.Fatal(err)
		}
		sortEntries(got)
		if !slices.Equal(got, want) {
			t.Errorf("dirsOnly %v: %d entries, want %d", dirsOnly, len(got), len(want))
		}
	}
	if _, err := readDir(filepath.Join(dir, "missing"), false); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing directory: %v", err)
	}
	if _, err := readDir(filepath.Join(dir, "file-with-a-long-name-0001.py"), false); err == nil {
		t.Error("listing a file succeeded")
	}
}

// The work queue hands out every job once, the largest of the next lookahead first, and
// nothing after a stop; a walker that filled it waits for room.
func TestWorkQueue(t *testing.T) {
	dir := t.TempDir()
	var infos []fs.FileInfo
	for i := range 3 * lookahead {
		p := filepath.Join(dir, fmt.Sprint(i))
		os.WriteFile(p, make([]byte, i*37%101), 0o644)
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		infos = append(infos, fi)
	}
	q := newWorkQueue()
	for i, fi := range infos {
		if i%5 == 0 {
			fi = nil // no stat: size 0
		}
		q.push(job{idx: i, file: "f", info: fi})
	}
	q.end(false)
	seen := map[int]bool{}
	for first := 0; ; {
		j, ok := q.pop()
		if !ok {
			break
		}
		if seen[j.idx] {
			t.Fatalf("job %d handed out twice", j.idx)
		}
		seen[j.idx] = true
		for i := first; i < min(len(infos), first+lookahead); i++ {
			if !seen[i] && i%5 != 0 && infos[i].Size() > jobSize(&j) {
				t.Fatalf("job %d (size %d) before %d (size %d)", j.idx, jobSize(&j), i, infos[i].Size())
			}
		}
		for first < len(infos) && seen[first] {
			first++
		}
	}
	if len(seen) != len(infos) {
		t.Fatalf("%d of %d jobs handed out", len(seen), len(infos))
	}
	// A full queue: the walker waits until a worker takes a job.
	q = newWorkQueue()
	for i := range maxQueued {
		q.push(job{idx: i})
	}
	pushed := make(chan bool)
	go func() { pushed <- q.push(job{idx: maxQueued}) }()
	if j, ok := q.pop(); !ok || j.idx != 0 {
		t.Fatalf("pop: %v %v", j.idx, ok)
	}
	if !<-pushed {
		t.Fatal("push after a pop failed")
	}
	go func() { pushed <- q.push(job{idx: maxQueued + 1}) }()
	q.end(true)
	if <-pushed {
		t.Error("a push waiting for room succeeded after the stop")
	}

	q = newWorkQueue()
	q.push(job{idx: 0})
	q.end(true)
	if _, ok := q.pop(); ok {
		t.Error("a job handed out after the stop")
	}
	if q.push(job{idx: 1}) {
		t.Error("a job queued after the stop")
	}
}
