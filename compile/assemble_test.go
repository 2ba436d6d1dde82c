package compile

import (
	"bytes"
	"os"
	"testing"

	op "gopyc/bytecode"
	"gopyc/internal/oracle"
	"gopyc/objects"
	"gopyc/syntax"
)

// TestKeptState compiles the standard library (at every optimisation level) with checkKept on:
// wherever the CFG passes keep the predecessor counts instead of recomputing them, the kept
// counts must equal markReachable's, and a block whose nops flag is off must have no NOP.
func TestKeptState(t *testing.T) {
	files, err := oracle.StdlibFiles()
	if err != nil {
		t.Skip(err)
	}
	checkKept = true
	defer func() { checkKept = false }()
	step := 3 // a third of the library: a few seconds
	if testing.Short() {
		step = 20
	}
	for i := 0; i < len(files); i += step {
		src, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		for opt := 0; opt <= 2; opt++ {
			m, err := syntax.Parse(files[i], src, syntax.Exec, 0)
			if err != nil {
				continue
			}
			if _, err := Compile(m, files[i], Options{Optimize: opt, MarshalOnly: true}); err != nil {
				if _, ok := err.(*InternalError); ok {
					t.Fatalf("%s -O%d: %v", files[i], opt, err)
				}
			}
		}
	}
}

// TestConstEffects checks stackDepth's table against stackEffects.
func TestConstEffects(t *testing.T) {
	for o := 0; o < opPropsLimit; o++ {
		e := constEffects[o]
		if !e.ok {
			continue
		}
		for _, arg := range []int{0, 1, 2, 3, 254, 255, 256, 257, 1 << 20, 1<<20 + 1} {
			n, j := stackEffects(int32(o), arg)
			m := int(e.mul)*arg + int(e.low)*(arg&1)
			if n != int(e.noJump)+m || j != int(e.jump)+m {
				t.Errorf("opcode %d arg %d: table %d %d %d %d, stackEffects %d %d", o, arg, e.noJump, e.jump, e.mul, e.low, n, j)
			}
		}
	}
	if !constEffects[op.LOAD_FAST].ok || constEffects[op.BUILD_TUPLE].mul != -1 || !constEffects[pJump].ok ||
		constEffects[op.LOAD_GLOBAL].low != 1 || constEffects[op.MAKE_FUNCTION].ok {
		t.Error("unexpected table entries")
	}
}

// TestLocationTables re-encodes the location table of every code object compiled from a
// sample of the standard library with bytecode.LocationWriter, entry by entry, from its
// decoded positions: the assembler must write the canonical bytes.
func TestLocationTables(t *testing.T) {
	files, err := oracle.StdlibFiles()
	if err != nil {
		t.Skip(err)
	}
	step := 5
	if testing.Short() {
		step = 40
	}
	codes := 0
	var walk func(co *objects.Code, file string)
	walk = func(co *objects.Code, file string) {
		codes++
		w := op.NewLocationWriter(co.FirstLineNo)
		pos := op.Positions(co.LineTable, co.FirstLineNo)
		for _, r := range op.Lines(co.LineTable, co.FirstLineNo) {
			w.Add((r.End-r.Start)/2, pos[r.Start/2])
		}
		if !bytes.Equal(w.Bytes(), co.LineTable) {
			t.Fatalf("%s %s: location table\n got %x\nwant %x", file, co.QualName, co.LineTable, w.Bytes())
		}
		for _, c := range co.Consts {
			if sub, ok := c.(*objects.Code); ok {
				walk(sub, file)
			}
		}
	}
	for i := 0; i < len(files); i += step {
		src, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		m, err := syntax.Parse(files[i], src, syntax.Exec, 0)
		if err != nil {
			continue
		}
		co, err := Compile(m, files[i], Options{})
		if err != nil {
			continue
		}
		walk(co, files[i])
	}
	if codes == 0 {
		t.Skip("nothing compiled")
	}
}
