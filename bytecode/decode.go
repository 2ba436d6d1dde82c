package bytecode

// Instruction is one decoded instruction of co_code, as dis._unpack_opargs yields it:
// EXTENDED_ARG prefixes are instructions of their own, and every instruction's Arg includes
// the high bytes supplied by the prefixes before it.
type Instruction struct {
	Offset int   // byte offset of the opcode in co_code
	Op     uint8 // the opcode as stored (possibly specialised)
	Base   uint8 // Deopt[Op]: the opcode it specialises, or Op
	Arg    int   // the folded argument; 0 when !HasArg
	HasArg bool  // Base >= HAVE_ARGUMENT
	Caches int   // CACHE code units that follow (CacheEntries[Base])
	Target int   // for jumps, the target byte offset; -1 otherwise
}

// Next returns the byte offset of the instruction after in, past its caches.
func (in Instruction) Next() int { return in.Offset + 2 + 2*in.Caches }

// Decode splits code into instructions, skipping CACHE units and folding EXTENDED_ARG
// prefixes into the argument of the instruction they precede (the prefixes are returned too, as
// dis shows them). A folded argument that overflows a C int wraps to a negative value, as it
// does in CPython. A trailing odd byte is ignored.
func Decode(code []byte) []Instruction {
	out := make([]Instruction, 0, len(code)/2)
	ext := 0
	for i := 0; i+1 < len(code); {
		op := code[i]
		base := Deopt[op]
		in := Instruction{Offset: i, Op: op, Base: base, Caches: CacheEntries[base], Target: -1}
		if base >= HAVE_ARGUMENT {
			in.HasArg = true
			in.Arg = int(code[i+1]) | ext
			if base == EXTENDED_ARG {
				ext = int(int32(uint32(in.Arg) << 8))
			} else {
				ext = 0
			}
			in.Target = JumpTarget(base, in.Arg, i)
		} else {
			ext = 0
		}
		out = append(out, in)
		i = in.Next()
	}
	return out
}

// JumpTarget returns the byte offset a jump opcode at offset with argument arg goes to (relative
// to the following code unit, backwards for the BACKWARD jumps), or -1 if op does not jump.
// 3.11's jump opcodes have no caches.
func JumpTarget(op uint8, arg, offset int) int {
	switch {
	case HasJrel(op):
		if IsBackwardJump(op) {
			arg = -arg
		}
		return offset + 2 + arg*2
	case HasJabs(op):
		return arg * 2
	}
	return -1
}

// Argument meanings of 3.11 opcodes (those not given by the has* tables):
//
//	LOAD_GLOBAL        name index << 1 | push NULL first (LoadGlobalArg)
//	BINARY_OP          NB_* constant (NBOps: name and operator)
//	COMPARE_OP         CmpOp index;  IS_OP, CONTAINS_OP  1 = negated
//	KW_NAMES           co_consts index of the tuple of keyword names for the next CALL
//	PRECALL, CALL      number of arguments (positional + keyword), not counting self/NULL
//	CALL_FUNCTION_EX   1 = a keyword dict is on the stack
//	FORMAT_VALUE       conversion (arg&3: FormatValueConverters) | 4 if a format spec follows
//	MAKE_FUNCTION      MakeFunctionFlags bits: which of defaults, kwdefaults, annotations,
//	                   closure are on the stack
//	BUILD_TUPLE/LIST/SET/STRING  item count;  BUILD_MAP  pair count;  BUILD_CONST_KEY_MAP  value
//	                   count (keys are one tuple);  BUILD_SLICE  2 or 3
//	UNPACK_SEQUENCE    item count;  UNPACK_EX  before | after << 8
//	COPY, SWAP         stack position, 1 = top;  LIST_APPEND, SET_ADD, MAP_ADD, LIST_EXTEND,
//	                   SET_UPDATE, DICT_UPDATE, DICT_MERGE  depth of the target container
//	RAISE_VARARGS      0 re-raise, 1 raise exc, 2 raise exc from cause
//	RESUME             0 function start, 1 after yield, 2 after yield from, 3 after await
//	RERAISE            1 = also restore f_lasti from the stack;  GET_AWAITABLE  0, or 1/2 after
//	                   __aenter__/__aexit__;  MATCH_CLASS  positional pattern count
//	COPY_FREE_VARS     number of free variables;  MAKE_CELL, LOAD_CLOSURE, *_DEREF  index into
//	                   co_localsplusnames (hasfree)

// LoadGlobalArg splits LOAD_GLOBAL's argument: the co_names index and whether a NULL is pushed
// before the value.
func LoadGlobalArg(arg int) (nameIndex int, pushNull bool) { return arg >> 1, arg&1 != 0 }

// FormatValueConverters are FORMAT_VALUE's conversions, by arg&3 (arg&4: a format spec is on
// the stack).
var FormatValueConverters = [4]string{"", "str", "repr", "ascii"}

// MakeFunctionFlags are MAKE_FUNCTION's argument bits, from bit 0.
var MakeFunctionFlags = [4]string{"defaults", "kwdefaults", "annotations", "closure"}

// MAKE_FUNCTION argument bits.
const (
	MakeFunctionDefaults    = 1
	MakeFunctionKwDefaults  = 2
	MakeFunctionAnnotations = 4
	MakeFunctionClosure     = 8
)

// FORMAT_VALUE argument values.
const (
	FormatValueNone      = 0
	FormatValueStr       = 1
	FormatValueRepr      = 2
	FormatValueASCII     = 3
	FormatValueMask      = 3
	FormatValueWithSpec  = 4
	RaiseVarargsReraise  = 0 // RAISE_VARARGS 0: re-raise
	RaiseVarargsExc      = 1 // RAISE_VARARGS 1: raise exc
	RaiseVarargsExcCause = 2 // RAISE_VARARGS 2: raise exc from cause
)

// RESUME arguments: where the frame starts or resumes.
const (
	ResumeAtFuncStart    = 0
	ResumeAfterYield     = 1
	ResumeAfterYieldFrom = 2
	ResumeAfterAwait     = 3
)
