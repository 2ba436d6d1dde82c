package marshal

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopyc/internal/oracle"
	"gopyc/marshal/marshaltest"
	"gopyc/objects"
)

func TestMain(m *testing.M) {
	code := m.Run()
	marshaltest.Cleanup()
	os.Exit(code)
}

// TestRoundTripStdlib reads every .pyc CPython wrote for its standard library, writes each
// code object back, and has one CPython process check that what gopyc wrote loads as an object
// equal to the original.
func TestRoundTripStdlib(t *testing.T) {
	files := marshaltest.Pycs(t)
	out := t.TempDir()
	var list strings.Builder
	readFail := 0
	var bytesIn, bytesOut int
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		o, err := Loads(data[16:])
		if err != nil {
			readFail++
			t.Errorf("%s: %v", f, err)
			continue
		}
		if _, ok := o.(*objects.Code); !ok {
			t.Errorf("%s: not a code object: %s", f, objects.TypeName(o))
		}
		b, err := Dumps(o, Version)
		if err != nil {
			t.Errorf("%s: dumps: %v", f, err)
			continue
		}
		o2, err := Loads(b)
		if err != nil {
			t.Errorf("%s: gopyc cannot read its own output: %v", f, err)
			continue
		}
		if why := deepDiff(o, o2, "obj"); why != "" {
			t.Errorf("%s: gopyc reads back a different object: %s", f, why)
		}
		bytesIn += len(data) - 16
		bytesOut += len(b)
		p := filepath.Join(out, fmt.Sprintf("%05d.bin", i))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&list, "%s\t%s\n", f, p)
	}
	cmd, err := oracle.Command("testdata/roundtrip_check.py")
	if err != nil {
		t.Skip(err)
	}
	cmd.Stdin = strings.NewReader(list.String())
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, res)
	}
	lines := strings.Split(strings.TrimSpace(string(res)), "\n")
	for _, l := range lines[:len(lines)-1] {
		t.Error(l)
	}
	last := lines[len(lines)-1]
	t.Logf("%d pycs; gopyc read failures %d; CPython check: %s; marshal bytes CPython %d, gopyc %d (%.3f)",
		len(files), readFail, last, bytesIn, bytesOut, float64(bytesOut)/float64(bytesIn))
	if !strings.Contains(last, " failed 0 ") {
		t.Fail()
	}
}

// deepDiff compares two marshal results structurally (types, float bits, code fields, set
// members) and describes the first difference, or returns "".
func deepDiff(a, b objects.Object, path string) string {
	if a == nil || b == nil {
		if a != b {
			return path + ": NULL mismatch"
		}
		return ""
	}
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: type %s != %s", path, objects.TypeName(a), objects.TypeName(b))
	}
	switch x := a.(type) {
	case *objects.Float:
		if math.Float64bits(x.V) != math.Float64bits(b.(*objects.Float).V) {
			return path + ": float differs"
		}
		return ""
	case *objects.Complex:
		y := b.(*objects.Complex)
		if math.Float64bits(real(x.V)) != math.Float64bits(real(y.V)) || math.Float64bits(imag(x.V)) != math.Float64bits(imag(y.V)) {
			return path + ": complex differs"
		}
		return ""
	case *objects.Tuple:
		return seqDiff(x.V, b.(*objects.Tuple).V, path)
	case *objects.List:
		return seqDiff(x.V, b.(*objects.List).V, path)
	case *objects.Dict:
		var ka, kb []objects.Object
		x.Range(func(k, v objects.Object) bool { ka = append(ka, k, v); return true })
		b.(*objects.Dict).Range(func(k, v objects.Object) bool { kb = append(kb, k, v); return true })
		return seqDiff(ka, kb, path+".items")
	case *objects.Set:
		return seqDiff(x.Items(), b.(*objects.Set).Items(), path)
	case *objects.Code:
		y := b.(*objects.Code)
		if x.ArgCount != y.ArgCount || x.PosOnlyArgCount != y.PosOnlyArgCount || x.KwOnlyArgCount != y.KwOnlyArgCount ||
			x.StackSize != y.StackSize || x.Flags != y.Flags || x.FirstLineNo != y.FirstLineNo ||
			!bytes.Equal(x.Code, y.Code) || !bytes.Equal(x.LineTable, y.LineTable) ||
			!bytes.Equal(x.ExceptionTable, y.ExceptionTable) || !bytes.Equal(x.LocalsPlusKinds, y.LocalsPlusKinds) ||
			x.Filename.String() != y.Filename.String() || x.Name.String() != y.Name.String() ||
			x.QualName.String() != y.QualName.String() || fmt.Sprint(x.Names) != fmt.Sprint(y.Names) ||
			fmt.Sprint(x.LocalsPlusNames) != fmt.Sprint(y.LocalsPlusNames) {
			return path + ": code fields differ"
		}
		return seqDiff(x.Consts, y.Consts, path+".co_consts")
	}
	if eq, err := objects.EqualConst(a, b); err != nil || !eq {
		return fmt.Sprintf("%s: %s != %s", path, objects.ReprConst(a), objects.ReprConst(b))
	}
	return ""
}

func seqDiff(a, b []objects.Object, path string) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%s: len %d != %d", path, len(a), len(b))
	}
	for i := range a {
		if d := deepDiff(a[i], b[i], fmt.Sprintf("%s[%d]", path, i)); d != "" {
			return d
		}
	}
	return ""
}
