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

// TestEncodeLocations checks the location entries encodeOnePass writes itself against
// bytecode's LocationWriter, for positions around the limits of its short, one-line and long
// forms and instructions of 1, 2, 6 and 11 code units (and 2 with an EXTENDED_ARG).
func TestEncodeLocations(t *testing.T) {
	vals := []int32{-1, 0, 1, 7, 8, 15, 16, 61, 62, 63, 64, 79, 80, 127, 128, 300}
	type shape struct{ o, arg int32 }
	shapes := []shape{{op.LOAD_FAST, 0}, {op.BINARY_OP, 0}, {op.LOAD_GLOBAL, 1}, {op.LOAD_METHOD, 2}, {op.LOAD_FAST, 300}}
	c := &compiler{scratch: &scratch{}, u: &unit{}}
	for _, sh := range shapes {
		for _, line := range []int32{-1, 1, 2, 3, 4, 40, 100} {
			for _, dl := range []int32{-1, 0, 1, 63, 64} {
				var ins []instr
				for _, col := range vals {
					for _, endCol := range vals {
						l := loc{line, line + dl, col, endCol}
						if dl == -1 {
							l.endLine = -1
						}
						// after an instruction on another line (line deltas 32, 31, 2, 1, -1, -31, -32, -40), then
						// again on the same line
						for _, yl := range []int32{line - 32, line - 31, line - 2, line - 1, line + 1, line + 31, line + 32, line + 40} {
							ins = append(ins, instr{op: op.LOAD_FAST, loc: loc{yl, yl, 1, 2}},
								instr{op: sh.o, arg: sh.arg, loc: l}, instr{op: sh.o, arg: sh.arg, loc: l})
						}
					}
				}
				ins = append(ins, instr{op: op.RETURN_VALUE, loc: noLoc})
				_, got, _, ok := c.encodeOnePass([]*block{{instrs: ins}}, 1, false)
				if !ok {
					t.Fatal("encodeOnePass failed without jumps")
				}
				var w op.LocationWriter
				w.Reset(1, nil)
				for i := range ins {
					in := &ins[i]
					w.Add(instrSize(in), op.Position{Line: int(in.loc.line), EndLine: int(in.loc.endLine),
						Col: int(in.loc.col), EndCol: int(in.loc.endCol)})
				}
				if !bytes.Equal(got, w.Bytes()) {
					t.Fatalf("%v line %d end-line delta %d: encodeOnePass %x, LocationWriter %x", sh, line, dl, got, w.Bytes())
				}
			}
		}
	}
}
