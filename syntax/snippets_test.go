package syntax

import (
	"encoding/json"
	"os"
	"testing"

	"gopyc/ast"
)

// TestValidSnippets compares gopyc's dump with CPython's for every snippet of the corpus that
// CPython parses (testdata/valid_snippets.json, from gen_errors.py), in exec, eval and single mode.
func TestValidSnippets(t *testing.T) {
	data, err := os.ReadFile("testdata/valid_snippets.json")
	if err != nil {
		t.Fatal(err)
	}
	var snips []struct {
		Origin, Mode, Source, Dump string
	}
	if err := json.Unmarshal(data, &snips); err != nil {
		t.Fatal(err)
	}
	modes := map[string]Mode{"exec": Exec, "eval": Eval, "single": Single}
	ok, bad := 0, 0
	for _, s := range snips {
		mod, err := Parse("<unknown>", []byte(s.Source), modes[s.Mode], 0)
		got := ""
		if err != nil {
			got = "error: " + err.Error()
		} else {
			got = ast.Dump(mod, ast.DumpOptions{IncludeAttributes: true, Indent: -1})
		}
		if got == s.Dump {
			ok++
			continue
		}
		bad++
		if bad <= 15 {
			t.Errorf("%s (%s) %q:\n want %s\n got  %s", s.Origin, s.Mode, s.Source, s.Dump, got)
		}
	}
	t.Logf("valid snippets: %d/%d identical", ok, ok+bad)
}
