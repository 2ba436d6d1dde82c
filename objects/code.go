package objects

import "bytes"

// Code is a CPython 3.11 code object: the fields marshal stores, in marshal's order. The derived
// views (co_varnames, co_cellvars, co_freevars, co_nlocals) come from LocalsPlusNames and
// LocalsPlusKinds; see the bytecode package for co_lines and co_positions.
type Code struct {
	ArgCount        int
	PosOnlyArgCount int
	KwOnlyArgCount  int
	StackSize       int
	Flags           int
	Code            []byte // co_code: 2-byte code units, CACHE entries included
	Consts          []Object
	Names           []*Str
	LocalsPlusNames []*Str
	LocalsPlusKinds []byte // CO_FAST_LOCAL 0x20, CO_FAST_CELL 0x40, CO_FAST_FREE 0x80 (| ARG kinds)
	Filename        *Str
	Name            *Str
	QualName        *Str
	FirstLineNo     int
	LineTable       []byte
	ExceptionTable  []byte

	// VM is where the VM keeps its decoded form of this code object (set once, lazily).
	VM any
}

// Type implements Object.
func (*Code) Type() *Type { return CodeType }

// Kinds of local variables (co_localspluskinds).
const (
	FastLocal  = 0x20
	FastCell   = 0x40
	FastFree   = 0x80
	FastHidden = 0x10
)

// Code flags (co_flags).
const (
	CoOptimized         = 0x0001
	CoNewLocals         = 0x0002
	CoVarArgs           = 0x0004
	CoVarKeywords       = 0x0008
	CoNested            = 0x0010
	CoGenerator         = 0x0020
	CoNoFree            = 0x0040
	CoCoroutine         = 0x0080
	CoIterableCoroutine = 0x0100
	CoAsyncGenerator    = 0x0200
)

func (c *Code) namesOfKind(kind byte, exclusive byte) []*Str {
	var out []*Str
	for i, k := range c.LocalsPlusKinds {
		if k&kind != 0 && k&exclusive == 0 {
			out = append(out, c.LocalsPlusNames[i])
		}
	}
	return out
}

// VarNames is co_varnames: the plain locals (arguments first).
func (c *Code) VarNames() []*Str { return c.namesOfKind(FastLocal, 0) }

// CellVars is co_cellvars.
func (c *Code) CellVars() []*Str { return c.namesOfKind(FastCell, 0) }

// FreeVars is co_freevars.
func (c *Code) FreeVars() []*Str { return c.namesOfKind(FastFree, 0) }

// NLocals is co_nlocals.
func (c *Code) NLocals() int { return len(c.VarNames()) }

func codeEqual(a, b *Code) (bool, error) {
	if a.ArgCount != b.ArgCount || a.PosOnlyArgCount != b.PosOnlyArgCount ||
		a.KwOnlyArgCount != b.KwOnlyArgCount || a.Flags != b.Flags ||
		a.FirstLineNo != b.FirstLineNo || a.Name.s != b.Name.s || a.QualName.s != b.QualName.s ||
		!bytes.Equal(a.Code, b.Code) || !bytes.Equal(a.LineTable, b.LineTable) ||
		!bytes.Equal(a.ExceptionTable, b.ExceptionTable) ||
		!bytes.Equal(a.LocalsPlusKinds, b.LocalsPlusKinds) ||
		len(a.Consts) != len(b.Consts) || !strsEqual(a.Names, b.Names) ||
		!strsEqual(a.LocalsPlusNames, b.LocalsPlusNames) {
		return false, nil
	}
	for i := range a.Consts {
		// Constants compare with their types: 1 and 1.0 are different constants.
		if a.Consts[i].Type() != b.Consts[i].Type() {
			return false, nil
		}
		eq, err := EqualConst(a.Consts[i], b.Consts[i])
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

func strsEqual(a, b []*Str) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].s != b[i].s {
			return false
		}
	}
	return true
}
