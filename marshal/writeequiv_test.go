package marshal

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"

	"gopyc/compile"
	"gopyc/internal/oracle"
	"gopyc/objects"
	"gopyc/syntax"
)

// checkSame fails unless the writer and the reference writer give the same bytes (or both fail)
// for o at every version.
func checkSame(t testing.TB, name string, o objects.Object) {
	t.Helper()
	for v := 0; v <= Version; v++ {
		want, werr := refAppendDumpsTop(nil, o, v)
		got, gerr := Dumps(o, v)
		if (werr == nil) != (gerr == nil) || !bytes.Equal(got, want) {
			t.Fatalf("%s, version %d: got %x (%v), want %x (%v)", name, v, got, gerr, want, werr)
		}
	}
}

// TestWriterEquivStdlib compares the writer with the reference writer on the code objects
// gopyc's compiler makes for (a sample of) the standard library, as compileall marshals them.
func TestWriterEquivStdlib(t *testing.T) {
	srcs, err := oracle.StdlibFiles()
	if err != nil {
		t.Skip(err)
	}
	step := 1
	if testing.Short() {
		step = 25
	}
	n := 0
	for i := 0; i < len(srcs); i += step {
		f := srcs[i]
		if !strings.HasSuffix(f, ".py") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		mod, err := syntax.Parse(f, src, syntax.Exec, 0)
		if err != nil {
			continue
		}
		for _, marshalOnly := range []bool{true, false} {
			co, err := compile.Compile(mod, f, compile.Options{Mode: "exec", MarshalOnly: marshalOnly, Optimize: i % 3})
			if err != nil {
				break
			}
			checkSame(t, f, co)
			n++
		}
	}
	if n == 0 {
		t.Skip("nothing compiled")
	}
}

// randObject builds a random object graph in which objects are often shared (from pool), with
// every kind of value the writer treats specially.
func randObject(r *rand.Rand, pool *[]objects.Object, depth int) objects.Object {
	if len(*pool) > 0 && r.Intn(4) == 0 {
		return (*pool)[r.Intn(len(*pool))]
	}
	var o objects.Object
	k := r.Intn(18)
	if depth > 4 && k >= 12 {
		k = r.Intn(12)
	}
	switch k {
	case 0:
		o = objects.NewInt(int64(r.Intn(300) - 10))
	case 1:
		o = objects.NewInt(r.Int63() - r.Int63())
	case 2:
		o = objects.NewStr([]string{"", "a", "é", "ab", "name", "x y", "\u20ac", "\xed\xa0\x80", "\xc3"}[r.Intn(9)])
	case 3:
		o = objects.InternStr([]string{"a", "bc", "name", "def", "é"}[r.Intn(5)])
	case 4:
		o = objects.NewPrivateInterned([]string{"a", "bc", "name", "def"}[r.Intn(4)])
	case 5:
		o = objects.NewBytes([]byte("xyz")[:r.Intn(4)])
	case 6:
		o = objects.NewFloat(float64(r.Intn(5)) / 2)
	case 7:
		o = []objects.Object{objects.None, objects.Ellipsis, objects.True, objects.False, objects.StopIterationType}[r.Intn(5)]
	case 8:
		o = objects.NewComplex(complex(float64(r.Intn(3)), 1))
	case 9:
		o = objects.NewStr(strings.Repeat("long", 70))
	case 10:
		o = objects.NewTuple(nil)
	case 11:
		o = objects.NewInt(int64(r.Intn(300) - 10)) // small ints again, as separate objects
	case 12, 13:
		items := make([]objects.Object, r.Intn(5))
		for i := range items {
			items[i] = randObject(r, pool, depth+1)
		}
		o = objects.NewTuple(items)
	case 14:
		items := make([]objects.Object, r.Intn(4))
		for i := range items {
			items[i] = randObject(r, pool, depth+1)
		}
		o = objects.NewList(items)
	case 15:
		var items []objects.Object
		for range r.Intn(5) {
			switch x := randObject(r, pool, depth+1).(type) {
			case *objects.Int, *objects.Str, *objects.Bytes, *objects.Float:
				items = append(items, x)
			}
		}
		fs, err := objects.NewFrozenSetConst(items)
		if err != nil {
			return objects.None
		}
		o = fs
	case 16:
		d := objects.NewDict(0)
		for range r.Intn(3) {
			if s, ok := randObject(r, pool, depth+1).(*objects.Str); ok {
				_ = d.SetItemConst(s, randObject(r, pool, depth+1))
			}
		}
		o = d
	case 17:
		str := func() *objects.Str {
			if s, ok := randObject(r, pool, depth+1).(*objects.Str); ok && r.Intn(2) == 0 {
				return s
			}
			return objects.InternStr("n" + string(rune('a'+r.Intn(4))))
		}
		consts := make([]objects.Object, r.Intn(4))
		for i := range consts {
			consts[i] = randObject(r, pool, depth+1)
		}
		c := &objects.Code{Code: []byte("\x97\x00d\x00S\x00")[:r.Intn(7)], Consts: consts,
			LocalsPlusKinds: []byte(" ")[:r.Intn(2)], Filename: str(), Name: str(), QualName: str(),
			LineTable: []byte("ab")[:r.Intn(3)], FirstLineNo: r.Intn(9)}
		for range r.Intn(4) {
			c.Names = append(c.Names, str())
		}
		for range r.Intn(3) {
			c.LocalsPlusNames = append(c.LocalsPlusNames, str())
		}
		o = c
	}
	*pool = append(*pool, o)
	return o
}

func TestWriterEquivRandom(t *testing.T) {
	for seed := int64(0); seed < 3000; seed++ {
		r := rand.New(rand.NewSource(seed))
		var pool []objects.Object
		checkSame(t, fmt.Sprint("seed ", seed), randObject(r, &pool, 0))
	}
}

// FuzzWriterEquiv compares the writer with the reference writer on whatever Loads makes of the
// input (shared objects included).
func FuzzWriterEquiv(f *testing.F) {
	data, err := os.ReadFile("testdata/golden.json")
	if err == nil {
		for _, s := range hexStrings(data) {
			if b, err := hex.DecodeString(s); err == nil && len(b) < 4096 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		o, err := Loads(b)
		if err != nil {
			return
		}
		checkSame(t, "input", o)
	})
}
