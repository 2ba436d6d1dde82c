package bytecode

import (
	"fmt"
	"math/bits"
)

// Opcode properties, from opcode.py's has* lists (specialised opcodes inherit their base's).
const (
	flagConst    = 1 << iota // hasconst: the argument indexes co_consts
	flagName                 // hasname: the argument indexes co_names
	flagJrel                 // hasjrel: the argument is a relative jump
	flagJabs                 // hasjabs: the argument is an absolute jump (none in 3.11)
	flagLocal                // haslocal: the argument indexes the fast locals
	flagFree                 // hasfree: the argument indexes cells and free variables
	flagCompare              // hascompare: the argument indexes CmpOp
	flagNargs                // hasnargs (empty in 3.11)
	flagBackward             // the relative jump goes backwards
)

// EXTENDED_ARG_QUICK is listed in the generated table; CPython treats both alike.

type seKind uint8

type stackEffect struct {
	kind    seKind
	noJump  int8
	jump    int8
	defined bool
}

// HasArg reports whether op uses its argument: its base opcode is >= HAVE_ARGUMENT (specialised
// opcodes sit in free slots below it but take their base's argument).
func HasArg(op uint8) bool { return Deopt[op] >= HAVE_ARGUMENT }

// IsDefined reports whether op is an opcode of CPython 3.11 (base or specialised).
func IsDefined(op uint8) bool { return OpName[op][0] != '<' }

// HasConst reports whether op's argument indexes co_consts.
func HasConst(op uint8) bool { return opFlags[op]&flagConst != 0 }

// HasName reports whether op's argument indexes co_names (LOAD_GLOBAL's shifted by one).
func HasName(op uint8) bool { return opFlags[op]&flagName != 0 }

// HasJrel reports whether op's argument is a relative jump (forward or backward).
func HasJrel(op uint8) bool { return opFlags[op]&flagJrel != 0 }

// HasJabs reports whether op's argument is an absolute jump target (no such opcode in 3.11).
func HasJabs(op uint8) bool { return opFlags[op]&flagJabs != 0 }

// IsJump reports whether op jumps (relative or absolute).
func IsJump(op uint8) bool { return opFlags[op]&(flagJrel|flagJabs) != 0 }

// IsBackwardJump reports whether op is a relative jump backwards (JUMP_BACKWARD,
// POP_JUMP_BACKWARD_IF_*, JUMP_BACKWARD_NO_INTERRUPT).
func IsBackwardJump(op uint8) bool { return opFlags[op]&flagBackward != 0 }

// HasLocal reports whether op's argument indexes the fast locals.
func HasLocal(op uint8) bool { return opFlags[op]&flagLocal != 0 }

// HasFree reports whether op's argument indexes cells and free variables.
func HasFree(op uint8) bool { return opFlags[op]&flagFree != 0 }

// HasCompare reports whether op's argument is a comparison (CmpOp index).
func HasCompare(op uint8) bool { return opFlags[op]&flagCompare != 0 }

// StackEffect is dis.stack_effect(op, oparg, jump=jump): the net change of the value stack
// depth when op executes with oparg, taking the jump or not. Ops below HAVE_ARGUMENT ignore
// oparg. Specialised opcodes have their base opcode's effect. An undefined opcode is an error.
func StackEffect(op uint8, oparg int, jump bool) (int, error) {
	e := stackEffects[op]
	if !e.defined {
		return 0, fmt.Errorf("invalid opcode or oparg")
	}
	if !HasArg(op) {
		oparg = 0
	}
	c := int(e.noJump)
	if jump {
		c = int(e.jump)
	}
	return c + e.kind.eval(oparg), nil
}

// StackEffects is StackEffect(op, oparg, false) and StackEffect(op, oparg, true) from one
// table lookup and without an error value (ok is false for an undefined opcode): the
// assembler's stack-depth pass calls it for every instruction.
func StackEffects(op uint8, oparg int) (noJump, jump int, ok bool) {
	e := stackEffects[op]
	if !e.defined {
		return 0, 0, false
	}
	v := 0
	if e.kind != seConst && HasArg(op) {
		v = e.kind.eval(oparg)
	}
	return int(e.noJump) + v, int(e.jump) + v, true
}

// StackEffectUsesArg reports whether op's stack effect depends on its argument: when not,
// StackEffects(op, 0) holds for every argument and callers may tabulate it.
func StackEffectUsesArg(op uint8) bool { return stackEffects[op].kind != seConst }

// MaxStackEffect is dis.stack_effect(op, oparg) with jump=None: the larger of the two effects.
func MaxStackEffect(op uint8, oparg int) (int, error) {
	a, err := StackEffect(op, oparg, false)
	if err != nil {
		return 0, err
	}
	b, _ := StackEffect(op, oparg, true)
	return max(a, b), nil
}

func popcount4(x int) int { return bits.OnesCount(uint(x & 0xF)) }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
