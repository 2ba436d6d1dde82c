package syntax

import (
	"testing"

	"gopyc/ast"
)

// TestSourceIsText: compile(str) ignores coding declarations and reports character offsets.
func TestSourceIsText(t *testing.T) {
	// python3: ast.parse('# coding: foo\nx = "é"\n') parses; the bytes form fails
	src := []byte("# coding: foo\nx = \"é\"\n")
	if _, err := Parse("<s>", src, Exec, 0); err == nil || err.Error() != "SyntaxError: unknown encoding: foo" {
		t.Errorf("bytes: got %v", err)
	}
	mod, err := Parse("<s>", src, Exec, SourceIsText)
	if err != nil {
		t.Fatal(err)
	}
	want := "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='é'))], type_ignores=[])"
	if got := ast.Dump(mod, ast.DumpOptions{Indent: -1}); got != want {
		t.Errorf("got %s", got)
	}
	// ast.parse('é = (1 2)') -> offset 6 (characters); bytes input gives 7
	_, err = Parse("<s>", []byte("é = (1 2)"), Exec, SourceIsText)
	if e, ok := err.(*Error); !ok || e.Offset != 6 || e.EndOffset != 9 {
		t.Errorf("text offsets: %v", errorAttrs(err))
	}
	_, err = Parse("<s>", []byte("é = (1 2)"), Exec, 0)
	if e, ok := err.(*Error); !ok || e.Offset != 7 || e.EndOffset != 10 {
		t.Errorf("bytes offsets: %v", errorAttrs(err))
	}
}
