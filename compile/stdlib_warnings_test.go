package compile

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"gopyc/internal/oracle"
)

// stdlibWarningsScript prints, for every file named on stdin, the SyntaxWarnings CPython's
// compile() records ("path:line:message" lines).
const stdlibWarningsScript = `
import sys, warnings
for path in sys.stdin.read().split('\n'):
    if not path:
        continue
    src = open(path, 'rb').read()
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter('always')
        try:
            compile(src, path, 'exec')
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
    for w in ws:
        if w.category is SyntaxWarning:
            print('%s:%d:%s' % (path, w.lineno, w.message))
`

// TestStdlibWarnings (opt-in: GOPYC_COMPILE_STDLIB=1) compares the SyntaxWarnings of every
// stdlib file with CPython's.
func TestStdlibWarnings(t *testing.T) {
	if os.Getenv("GOPYC_COMPILE_STDLIB") == "" {
		t.Skip("GOPYC_COMPILE_STDLIB not set")
	}
	files, err := oracle.StdlibFiles()
	if err != nil {
		t.Skip(err)
	}
	cmd, err := oracle.Command("-c", stdlibWarningsScript)
	if err != nil {
		t.Skip(err)
	}
	cmd.Stdin = strings.NewReader(strings.Join(files, "\n"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(string(out)), "\n")
	var got []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, ws, err := SourceWarnings(src, f, Options{})
		if err != nil {
			continue
		}
		for _, w := range ws {
			if w.Category == "SyntaxWarning" {
				got = append(got, fmt.Sprintf("%s:%d:%s", f, w.Lineno, w.Msg))
			}
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	t.Logf("SyntaxWarnings: CPython %d, gopyc %d", len(want), len(got))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		gs := map[string]int{}
		for _, g := range got {
			gs[g]++
		}
		for _, w := range want {
			gs[w]--
		}
		n := 0
		for k, v := range gs {
			if v != 0 && n < 20 {
				t.Errorf("%+d %s", v, k)
				n++
			}
		}
	}
}
