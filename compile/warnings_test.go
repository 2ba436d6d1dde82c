package compile

import (
	"encoding/json"
	"os"
	"testing"
)

// TestWarnings compares the warnings of SourceWarnings with CPython's, recorded in
// testdata/warnings.json by testdata/gen_warnings.py (python3.11 testdata/gen_warnings.py >
// testdata/warnings.json): category, message and line of every warning, in order, and the
// offset of the first one (which CPython reports when warnings are errors).
func TestWarnings(t *testing.T) {
	data, err := os.ReadFile("testdata/warnings.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Src          string  `json:"src"`
		Warnings     [][]any `json:"warnings"`
		FirstAsError []any   `json:"first_as_error"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		_, ws, err := SourceWarnings([]byte(tc.Src), "x", Options{})
		if err != nil {
			t.Errorf("%q: %v", tc.Src, err)
			continue
		}
		if len(ws) != len(tc.Warnings) {
			t.Errorf("%q: got %d warnings %v, want %v", tc.Src, len(ws), ws, tc.Warnings)
			continue
		}
		for i, w := range ws {
			want := tc.Warnings[i]
			if w.Category != want[0].(string) || w.Msg != want[1].(string) || w.Lineno != int(want[2].(float64)) {
				t.Errorf("%q: warning %d: got %s %q line %d, want %v", tc.Src, i, w.Category, w.Msg, w.Lineno, want)
			}
		}
		if len(ws) > 0 && len(tc.FirstAsError) == 3 {
			if ws[0].Offset != int(tc.FirstAsError[2].(float64)) {
				t.Errorf("%q: first warning at offset %d, want %v", tc.Src, ws[0].Offset, tc.FirstAsError[2])
			}
		}
	}
}

// TestWarningsNotCollected: Compile and Source do not collect warnings and give the same code.
func TestWarningsNotCollected(t *testing.T) {
	src := []byte("x is 1\nassert (x, 'm')\n")
	a, err := Source(src, "x", "exec", 0)
	if err != nil {
		t.Fatal(err)
	}
	b, ws, err := SourceWarnings(src, "x", Options{})
	if err != nil || len(ws) != 2 {
		t.Fatalf("got %v, %v", ws, err)
	}
	if string(a.Code) != string(b.Code) {
		t.Error("code differs with warnings collected")
	}
}
