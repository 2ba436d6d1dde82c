package modules

import (
	"gopyc/bytecode"
	. "gopyc/objects"
	"gopyc/vm"
)

// installCodeMethods gives code objects co_positions() and co_lines() when the VM does not
// (traceback.py reads co_positions for every frame it formats), decoded from co_linetable by
// the bytecode package.
func installCodeMethods() {
	if CodeType.Dict != nil && CodeType.Dict.GetStr(NewStr("co_positions")) != nil {
		return
	}
	opt := func(v int) Object {
		if v < 0 {
			return None
		}
		return NewInt(int64(v))
	}
	vm.AddTypeMethod(CodeType, "co_positions", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		co, ok := args[0].(*Code)
		if !ok {
			return nil, vm.TypeError("descriptor 'co_positions' requires a 'code' object")
		}
		ps := bytecode.Positions(co.LineTable, co.FirstLineNo)
		n := len(co.Code) / 2
		items := make([]Object, n)
		for i := 0; i < n; i++ {
			p := bytecode.NoPosition
			if i < len(ps) {
				p = ps[i]
			}
			items[i] = NewTuple([]Object{opt(p.Line), opt(p.EndLine), opt(p.Col), opt(p.EndCol)})
		}
		return t.Iter(NewList(items))
	})
	vm.AddTypeMethod(CodeType, "co_lines", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		co, ok := args[0].(*Code)
		if !ok {
			return nil, vm.TypeError("descriptor 'co_lines' requires a 'code' object")
		}
		var items []Object
		for _, r := range bytecode.Lines(co.LineTable, co.FirstLineNo) {
			items = append(items, NewTuple([]Object{NewInt(int64(r.Start)), NewInt(int64(r.End)), opt(r.Line)}))
		}
		return t.Iter(NewList(items))
	})
}
