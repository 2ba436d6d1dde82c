package syntax

import "testing"

// TestWarningsOnce: a literal is decoded once, so its warning is reported once, as CPython
// (whose parser memoises the strings rule) reports it; call arguments used to be parsed twice.
func TestWarningsOnce(t *testing.T) {
	for _, src := range []string{"f('\\d')\n", "f('\\d', 1)\n", "f(x='\\d')\n", "'\\d'\n", "[f('\\d') for x in y]\n"} {
		_, ws, err := ParseWarnings("<s>", []byte(src), Exec, 0)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if len(ws) != 1 {
			t.Errorf("%q: %d warnings, want 1: %v", src, len(ws), ws)
		}
	}
}
