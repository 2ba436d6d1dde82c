package syntax

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"gopyc/ast"
	"gopyc/internal/oracle"
	"gopyc/internal/pystr"
)

// oracleLines runs testdata/astdump_oracle.py over files and returns its output lines by path.
func oracleLines(t testing.TB, files []string, dump bool) []string {
	script, _ := filepath.Abs("testdata/astdump_oracle.py")
	args := []string{script}
	if dump {
		args = append(args, "--dump")
	}
	cmd, err := oracle.Command(args...)
	if err != nil {
		t.Skip(err)
	}
	cmd.Stdin = strings.NewReader(strings.Join(files, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	if dump {
		return strings.Split(string(out), "\x00\n")
	}
	return strings.Split(strings.TrimRight(string(out), "\n"), "\n")
}

// goResult returns the oracle-format line for one file parsed by gopyc, in arena a (nil: none).
func goResult(a *Arena, path string) (string, string) {
	src, err := os.ReadFile(path)
	if err != nil {
		return path + "\tREADERROR", ""
	}
	mod, _, err := ParseArena(a, path, src, Exec, TypeComments)
	if err != nil {
		if e, ok := err.(*Error); ok {
			return fmt.Sprintf("%s\tERROR\t%s\t%s\t%s\t%s\t%s\t%s", path, e.Kind, pyRepr(e.Msg), pyInt(e.Lineno, e.HasLine()), pyInt(e.Offset, e.HasLine()), pyInt(e.EndLineno, e.EndLineno != 0), pyInt(e.EndOffset, e.EndLineno != 0)), ""
		}
		return path + "\tEXC\t" + err.Error(), ""
	}
	d := ast.Dump(mod, ast.DumpOptions{IncludeAttributes: true, Indent: 3})
	h := sha256.Sum256([]byte(d))
	return path + "\t" + hex.EncodeToString(h[:]), d
}

func pyRepr(s string) string { return pystr.ReprStr(s) }

func pyInt(v int, ok bool) string {
	if !ok {
		return "None"
	}
	return fmt.Sprint(v)
}

func readXfail(t testing.TB, name string) map[string]bool {
	m := map[string]bool{}
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		return m
	}
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}

func TestStdlibASTIdentity(t *testing.T) {
	files, err := oracle.StdlibFiles()
	if err != nil {
		t.Skip(err)
	}
	stdlib, _ := oracle.Stdlib()
	if testing.Short() {
		var s []string
		for i := 0; i < len(files); i += 25 {
			s = append(s, files[i])
		}
		files = s
	}
	var want []string
	done := make(chan struct{})
	go func() {
		want = oracleLines(t, files, false)
		close(done)
	}()
	got := make([]string, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := new(Arena) // each tree is dumped before the next parse
			for i := range next {
				got[i], _ = goResult(a, files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	<-done
	if len(want) != len(files) {
		t.Fatalf("oracle returned %d lines for %d files", len(want), len(files))
	}
	xfail := readXfail(t, "stdlib_xfail.txt")
	ok := 0
	var unexpected []string
	for i, f := range files {
		rel, _ := filepath.Rel(stdlib, f)
		if got[i] == want[i] {
			ok++
			if xfail[rel] {
				t.Errorf("%s passes but is listed in testdata/stdlib_xfail.txt", rel)
			}
			continue
		}
		if !xfail[rel] {
			unexpected = append(unexpected, f)
			if len(unexpected) <= 10 {
				t.Errorf("%s:\n  want %s\n  got  %s", rel, strings.TrimPrefix(want[i], f), strings.TrimPrefix(got[i], f))
			}
		}
	}
	t.Logf("AST identity: %d/%d files (%d listed as expected failures)", ok, len(files), len(xfail))
	if len(unexpected) > 0 {
		n := min(3, len(unexpected))
		dumps := oracleLines(t, unexpected[:n], true)
		for i := 0; i < n && i < len(dumps); i++ {
			_, g := goResult(nil, unexpected[i])
			if g == "" {
				continue
			}
			t.Errorf("first difference in %s:\n%s", unexpected[i], firstDiff(strings.TrimSuffix(dumps[i], "\n"), g))
		}
		t.Errorf("%d unexpected mismatches", len(unexpected))
	}
}

// firstDiff shows a small unified-style diff around the first differing line.
func firstDiff(want, got string) string {
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	var b strings.Builder
	lo := max(0, i-6)
	fmt.Fprintf(&b, "@@ line %d @@\n", i+1)
	for k := lo; k < i; k++ {
		b.WriteString("  " + wl[k] + "\n")
	}
	for k := i; k < min(len(wl), i+6); k++ {
		b.WriteString("- " + wl[k] + "\n")
	}
	for k := i; k < min(len(gl), i+6); k++ {
		b.WriteString("+ " + gl[k] + "\n")
	}
	return b.String()
}

// keep bufio imported for future streaming use
var _ = bufio.NewReader
