package bytecode

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"gopyc/internal/oracle"
)

func TestOpcodeTableComplete(t *testing.T) {
	n := 0
	for op := 0; op < 256; op++ {
		o := uint8(op)
		if !IsDefined(o) {
			if OpName[op] != fmt.Sprintf("<%d>", op) {
				t.Errorf("undefined opcode %d named %q", op, OpName[op])
			}
			continue
		}
		n++
		if OpName[op] == "" {
			t.Errorf("opcode %d has no name", op)
		}
		if CacheEntries[op] < 0 || CacheEntries[op] > 10 {
			t.Errorf("%s: cache count %d", OpName[op], CacheEntries[op])
		}
		if CacheEntries[op] != CacheEntries[Deopt[op]] {
			t.Errorf("%s: cache count differs from its base", OpName[op])
		}
		if _, err := StackEffect(o, 1, false); err != nil {
			t.Errorf("%s: no stack effect", OpName[op])
		}
	}
	for op := 0; op < 256; op++ {
		for _, arg := range []int{0, 1, 3, 258} {
			for _, jump := range []bool{false, true} {
				a, errA := StackEffect(uint8(op), arg, jump)
				b, _ := StackEffect(Deopt[op], arg, jump)
				if errA == nil && a != b {
					t.Errorf("%s(%d): %d, base %d", OpName[op], arg, a, b)
				}
			}
		}
	}
	if n != 181 {
		t.Errorf("%d opcodes defined, want 181", n)
	}
	if LOAD_CONST != 100 || CacheEntries[LOAD_GLOBAL] != 5 || CacheEntries[CALL] != 4 ||
		!HasArg(LOAD_CONST) || HasArg(POP_TOP) || !HasArg(BINARY_OP_ADAPTIVE) || HasArg(BINARY_SUBSCR_DICT) || !IsBackwardJump(JUMP_BACKWARD) ||
		IsBackwardJump(JUMP_FORWARD) || !HasJrel(FOR_ITER) || Deopt[LOAD_GLOBAL_MODULE] != LOAD_GLOBAL {
		t.Error("spot checks failed")
	}
}

// TestStackEffectOracle compares every opcode's stack effect with dis.stack_effect over a range
// of arguments, in one python process.
func TestStackEffectOracle(t *testing.T) {
	cmd, err := oracle.Command("-c", `
import dis, opcode
args = list(range(0, 40)) + [255, 256, 257, 258, 511, 770, 1000]
for op in range(256):
    if op not in opcode.opmap.values():
        continue
    for a in (args if op >= opcode.HAVE_ARGUMENT else [None]):
        print(op, a if a is not None else 0, dis.stack_effect(op, a, jump=False), dis.stack_effect(op, a, jump=True), dis.stack_effect(op, a))
`)
	if err != nil {
		t.Skip(err)
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	lines := 0
	for sc.Scan() {
		var op, arg, nj, j, m int
		if _, err := fmt.Sscan(strings.TrimSpace(sc.Text()), &op, &arg, &nj, &j, &m); err != nil {
			t.Fatal(err)
		}
		lines++
		gnj, _ := StackEffect(uint8(op), arg, false)
		gj, _ := StackEffect(uint8(op), arg, true)
		gm, _ := MaxStackEffect(uint8(op), arg)
		if gnj != nj || gj != j || gm != m {
			t.Errorf("%s(%d): got %d/%d/%d want %d/%d/%d", OpName[op], arg, gnj, gj, gm, nj, j, m)
		}
	}
	if lines < 1000 {
		t.Fatalf("only %d lines from python", lines)
	}
}
