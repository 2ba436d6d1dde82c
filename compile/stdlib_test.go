package compile

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopyc/bytecode"
	"gopyc/internal/oracle"
	"gopyc/marshal"
	"gopyc/objects"
)

// stdlibStats are the figures of issue 5 gathered by compareStdlib.
type stdlibStats struct {
	files, compiled, rejectedByBoth, compileErrors int
	scopes, scopesOK, missing                      int
	fieldBad                                       map[string]int
	instrs, instrsSameLine                         int
	sameCode                                       int
	excTables, excTablesSame                       int
	posUnits, posSame                              int
	constsSame                                     int
	stackHigher, stackLower, stackSame             int
	examples                                       []string
}

func walkCodes(co *objects.Code, out []*objects.Code) []*objects.Code {
	out = append(out, co)
	for _, k := range co.Consts {
		if c, ok := k.(*objects.Code); ok {
			out = walkCodes(c, out)
		}
	}
	return out
}

func strs(l []*objects.Str) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = s.String()
	}
	return out
}

func sortedStrs(l []*objects.Str) string {
	s := strs(l)
	sort.Strings(s)
	// co_names as a set
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return strings.Join(out, ",")
}

// instrLines returns the base opcodes and their co_lines() line per instruction.
func instrLines(co *objects.Code) ([]uint8, []int) {
	ins := bytecode.Decode(co.Code)
	ranges := bytecode.Lines(co.LineTable, co.FirstLineNo)
	ops := make([]uint8, len(ins))
	lines := make([]int, len(ins))
	r := 0
	for i, in := range ins {
		ops[i] = in.Base
		for r < len(ranges) && ranges[r].End <= in.Offset {
			r++
		}
		lines[i] = -1
		if r < len(ranges) && ranges[r].Start <= in.Offset {
			lines[i] = ranges[r].Line
		}
	}
	return ops, lines
}

// alignedSameLines counts CPython's instructions whose aligned gopyc instruction (same opcode,
// by longest common subsequence) has the same line.
func alignedSameLines(aOps []uint8, aLines []int, bOps []uint8, bLines []int) int {
	same := 0
	// common prefix and suffix
	p := 0
	for p < len(aOps) && p < len(bOps) && aOps[p] == bOps[p] {
		if aLines[p] == bLines[p] {
			same++
		}
		p++
	}
	ea, eb := len(aOps), len(bOps)
	for ea > p && eb > p && aOps[ea-1] == bOps[eb-1] {
		if aLines[ea-1] == bLines[eb-1] {
			same++
		}
		ea--
		eb--
	}
	n, m := ea-p, eb-p
	if n == 0 || m == 0 {
		return same
	}
	if n*m > 4_000_000 {
		return same
	}
	dp := make([][]int32, n+1)
	for i := range dp {
		dp[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if aOps[p+i] == bOps[p+j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else if dp[i+1][j] >= dp[i][j+1] {
				dp[i][j] = dp[i+1][j]
			} else {
				dp[i][j] = dp[i][j+1]
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case aOps[p+i] == bOps[p+j]:
			if aLines[p+i] == bLines[p+j] {
				same++
			}
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return same
}

func (s *stdlibStats) compare(file string, want, got *objects.Code) {
	wl := walkCodes(want, nil)
	gl := walkCodes(got, nil)
	key := func(c *objects.Code) string {
		return fmt.Sprintf("%s|%s|%d", c.Name, c.QualName, c.FirstLineNo)
	}
	byKey := map[string][]*objects.Code{}
	for _, c := range gl {
		byKey[key(c)] = append(byKey[key(c)], c)
	}
	for _, w := range wl {
		s.scopes++
		k := key(w)
		cands := byKey[k]
		if len(cands) == 0 {
			s.missing++
			s.fieldBad["missing"]++
			if len(s.examples) < 40 {
				s.examples = append(s.examples, fmt.Sprintf("%s: no code object %s", file, k))
			}
			continue
		}
		g := cands[0]
		byKey[k] = cands[1:]
		var bad []string
		check := func(field string, a, b any) {
			if fmt.Sprint(a) != fmt.Sprint(b) {
				bad = append(bad, field)
				s.fieldBad[field]++
				if len(s.examples) < 40 {
					s.examples = append(s.examples, fmt.Sprintf("%s: %s %s: want %v got %v", file, k, field, a, b))
				}
			}
		}
		check("co_varnames", strs(w.VarNames()), strs(g.VarNames()))
		check("co_cellvars", strs(w.CellVars()), strs(g.CellVars()))
		check("co_freevars", strs(w.FreeVars()), strs(g.FreeVars()))
		check("co_names", sortedStrs(w.Names), sortedStrs(g.Names))
		check("co_argcount", w.ArgCount, g.ArgCount)
		check("co_posonlyargcount", w.PosOnlyArgCount, g.PosOnlyArgCount)
		check("co_kwonlyargcount", w.KwOnlyArgCount, g.KwOnlyArgCount)
		check("co_flags", w.Flags, g.Flags)
		if len(bad) == 0 {
			s.scopesOK++
		}
		wo, wlines := instrLines(w)
		gop, glines := instrLines(g)
		s.instrs += len(wo)
		s.instrsSameLine += alignedSameLines(wo, wlines, gop, glines)
		switch {
		case g.StackSize > w.StackSize:
			s.stackHigher++
		case g.StackSize < w.StackSize:
			s.stackLower++
			if os.Getenv("GOPYC_DEBUG_STACK") != "" && len(s.examples) < 40 && len(w.Code) < 300 {
				s.examples = append(s.examples, fmt.Sprintf("%s: %s stacksize want %d got %d", file, k, w.StackSize, g.StackSize))
			}
		default:
			s.stackSame++
		}
		if string(w.Code) != string(g.Code) && os.Getenv("GOPYC_DEBUG_CODE") != "" && len(s.examples) < 60 {
			s.examples = append(s.examples, fmt.Sprintf("CODE %s %s %d", file, w.QualName, w.FirstLineNo))
		}
		if string(w.Code) == string(g.Code) {
			s.sameCode++
			if constsEqual(w.Consts, g.Consts) {
				s.constsSame++
			} else if os.Getenv("GOPYC_DEBUG_CONSTS") != "" && len(s.examples) < 40 {
				s.examples = append(s.examples, fmt.Sprintf("%s: %s co_consts differ", file, k))
			}
			wp := bytecode.Positions(w.LineTable, w.FirstLineNo)
			gp := bytecode.Positions(g.LineTable, g.FirstLineNo)
			s.posUnits += len(wp)
			for i := range wp {
				if i < len(gp) && wp[i] == gp[i] {
					s.posSame++
				} else if os.Getenv("GOPYC_DEBUG_POS") != "" && len(s.examples) < 40 {
					s.examples = append(s.examples, fmt.Sprintf("%s: %s unit %d position want %v got %v", file, k, i, wp[i], gp[i]))
					break
				}
			}
			if len(w.ExceptionTable) > 0 || len(g.ExceptionTable) > 0 {
				s.excTables++
				if string(w.ExceptionTable) == string(g.ExceptionTable) {
					s.excTablesSame++
				} else if os.Getenv("GOPYC_DEBUG_EXC") != "" && len(s.examples) < 40 {
					s.examples = append(s.examples, fmt.Sprintf("%s: %s exception table want %v got %v", file, k,
						bytecode.ParseExceptionTable(w.ExceptionTable), bytecode.ParseExceptionTable(g.ExceptionTable)))
				}
			}
		}
	}
}

func readRecord(data []byte) ([]byte, []byte) {
	n := binary.LittleEndian.Uint32(data)
	return data[4 : 4+n], data[4+n:]
}

// compareStdlib compiles files with gopyc and CPython and gathers the statistics.
func compareStdlib(t *testing.T, files []string, optimize int) *stdlibStats {
	golden := filepath.Join(t.TempDir(), "golden.bin")
	cmd, err := oracle.Command("testdata/gen_stdlib.py", golden, fmt.Sprint(optimize))
	if err != nil {
		t.Skip(err)
	}
	cmd.Stdin = strings.NewReader(strings.Join(files, "\n") + "\n")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	s := &stdlibStats{fieldBad: map[string]int{}}
	for len(data) > 0 {
		var path, body []byte
		path, data = readRecord(data)
		body, data = readRecord(data)
		s.files++
		src, err := os.ReadFile(string(path))
		if err != nil {
			t.Fatal(err)
		}
		co, cerr := func() (co *objects.Code, err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			return Source(src, string(path), "exec", optimize)
		}()
		if len(body) == 0 {
			if cerr != nil {
				s.rejectedByBoth++
			} else {
				s.compileErrors++
				s.examples = append(s.examples, fmt.Sprintf("%s: CPython rejects, gopyc accepts", path))
			}
			continue
		}
		if cerr != nil {
			s.compileErrors++
			if len(s.examples) < 40 {
				s.examples = append(s.examples, fmt.Sprintf("%s: %v", path, cerr))
			}
			continue
		}
		s.compiled++
		wantObj, err := marshal.Loads(body)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		s.compare(string(path), wantObj.(*objects.Code), co)
	}
	return s
}

func (s *stdlibStats) report(t *testing.T) {
	t.Logf("files %d: compiled %d, compile errors %d, rejected by both %d", s.files, s.compiled, s.compileErrors, s.rejectedByBoth)
	t.Logf("scopes %d: all fields equal %d (%.3f%%), missing %d, by field %v", s.scopes, s.scopesOK,
		100*float64(s.scopesOK)/float64(max(s.scopes, 1)), s.missing, s.fieldBad)
	t.Logf("co_lines: %d/%d instructions on CPython's line (%.3f%%)", s.instrsSameLine, s.instrs,
		100*float64(s.instrsSameLine)/float64(max(s.instrs, 1)))
	t.Logf("identical co_code: %d/%d; exception tables identical where code is: %d/%d; co_consts equal where code is: %d/%d",
		s.sameCode, s.scopes, s.excTablesSame, s.excTables, s.constsSame, s.sameCode)
	t.Logf("co_positions where code is identical: %d/%d code units equal (%.3f%%)", s.posSame, s.posUnits,
		100*float64(s.posSame)/float64(max(s.posUnits, 1)))
	t.Logf("co_stacksize vs CPython: higher %d, same %d, lower %d", s.stackHigher, s.stackSame, s.stackLower)
	for _, e := range s.examples {
		t.Log(e)
	}
}

// TestStdlibSample compares a fixed sample of the standard library on every run; set
// GOPYC_COMPILE_STDLIB=1 to compare the whole library (issue 5's figures).
func TestStdlibSample(t *testing.T) {
	all, err := oracle.StdlibFiles()
	if err != nil {
		t.Skip(err)
	}
	files := all
	if os.Getenv("GOPYC_COMPILE_STDLIB") == "" {
		files = nil
		for i := 0; i < len(all); i += 60 {
			files = append(files, all[i])
		}
	}
	opt := 0
	if v := os.Getenv("GOPYC_COMPILE_OPT"); v != "" {
		fmt.Sscan(v, &opt)
	}
	s := compareStdlib(t, files, opt)
	s.report(t)
	// Regression guards (the full library met all of these at the time of writing).
	if s.compileErrors != 0 || s.scopesOK != s.scopes {
		t.Errorf("compile errors %d, scopes differing %d", s.compileErrors, s.scopes-s.scopesOK)
	}
	if s.stackLower != 0 {
		t.Errorf("%d code objects have a smaller co_stacksize than CPython's", s.stackLower)
	}
	if float64(s.instrsSameLine) < 0.999*float64(s.instrs) || float64(s.posSame) < 0.999*float64(s.posUnits) {
		t.Errorf("line or position agreement below 99.9%%")
	}
	if s.constsSame != s.sameCode {
		t.Errorf("%d co_consts differ where the code is identical", s.sameCode-s.constsSame)
	}
	if s.excTablesSame != s.excTables {
		t.Errorf("%d exception tables differ where the code is identical", s.excTables-s.excTablesSame)
	}
}

// constsEqual compares co_consts (nested code objects by name only), types included.
func constsEqual(a, b []objects.Object) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if ca, ok := a[i].(*objects.Code); ok {
			cb, ok := b[i].(*objects.Code)
			if !ok || ca.QualName.String() != cb.QualName.String() {
				return false
			}
			continue
		}
		if a[i].Type() != b[i].Type() {
			return false
		}
		if _, ok := a[i].(*objects.FrozenSet); ok { // member order may differ, compare as sets
			if eq, err := objects.EqualConst(a[i], b[i]); err != nil || !eq {
				return false
			}
			continue
		}
		if objects.ReprConst(a[i]) != objects.ReprConst(b[i]) {
			return false
		}
	}
	return true
}
