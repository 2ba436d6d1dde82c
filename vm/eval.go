package vm

import (
	"gopyc/bytecode"
	. "gopyc/objects"
)

// eval runs f from f.pc until it returns or yields (f.gen != nil and f.yielded).
func (t *Thread) eval(f *Frame) (result Object, rerr error) {
	ci := f.ci
	co := ci.code
	instrs := ci.instrs
	stack := f.stack
	fast := f.fast
	sp := f.sp
	pc := f.pc
	consts := co.Consts
	names := co.Names
	var err error
	var kwnames *Tuple
	reraise := false
	lastiSet := false // f.lasti was set by the failing instruction (RERAISE) or by a throw()
	if pc == 0 && len(instrs) > 0 && instrs[0].op == bytecode.RESUME {
		pc = 1 // RESUME does nothing here
	}
	cur := pc - 1     // the instruction being executed (pc is already past it and its caches)
	var fresh Object  // see BINARY_OP
	var tmpList *List // see BINARY_SUBSCR
	if f.gen != nil && f.gen.pendingThrow != nil {
		err = f.gen.pendingThrow
		f.gen.pendingThrow = nil
		f.lasti = pc - 1
		lastiSet = true
	}
	for {
		if err == nil {
			in := instrs[pc]
			cur = pc
			pc += 1 + int(in.skip)
			switch in.op {
			case bytecode.NOP, bytecode.RESUME, bytecode.CACHE, bytecode.PRECALL, bytecode.COPY_FREE_VARS:
			case bytecode.LOAD_FAST:
				v := fast[in.arg]
				if v == nil {
					err = Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", co.LocalsPlusNames[in.arg])
					break
				}
				stack[sp] = v
				sp++
			case bytecode.LOAD_CONST:
				stack[sp] = consts[in.arg]
				sp++
			case bytecode.LOAD_FAST__LOAD_FAST:
				v := fast[in.arg]
				if v == nil {
					err = unboundLocal(co, int(in.arg))
					break
				}
				stack[sp] = v
				sp++
				w := fast[in.cache]
				if w == nil {
					cur++ // the error belongs to the second half
					err = unboundLocal(co, int(in.cache))
					break
				}
				stack[sp] = w
				sp++
			case bytecode.LOAD_FAST__LOAD_CONST:
				v := fast[in.arg]
				if v == nil {
					err = unboundLocal(co, int(in.arg))
					break
				}
				stack[sp], stack[sp+1] = v, consts[in.cache]
				sp += 2
			case bytecode.LOAD_CONST__LOAD_FAST:
				stack[sp] = consts[in.arg]
				sp++
				w := fast[in.cache]
				if w == nil {
					cur++
					err = unboundLocal(co, int(in.cache))
					break
				}
				stack[sp] = w
				sp++
			case bytecode.STORE_FAST__LOAD_FAST:
				fast[in.arg] = stack[sp-1]
				w := fast[in.cache]
				if w == nil {
					sp--
					stack[sp] = nil
					cur++
					err = unboundLocal(co, int(in.cache))
					break
				}
				stack[sp-1] = w
			case bytecode.STORE_FAST__STORE_FAST:
				fast[in.arg] = stack[sp-1]
				fast[in.cache] = stack[sp-2]
				stack[sp-1], stack[sp-2] = nil, nil
				sp -= 2
			case bytecode.STORE_FAST:
				sp--
				fast[in.arg] = stack[sp]
				stack[sp] = nil
			case bytecode.DELETE_FAST:
				if fast[in.arg] == nil {
					err = Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", co.LocalsPlusNames[in.arg])
					break
				}
				fast[in.arg] = nil
			case bytecode.POP_TOP:
				sp--
				if g, ok := stack[sp].(*Generator); ok && g.loopOwned {
					t.abandonGen(g, f, cur)
				}
				stack[sp] = nil
			case bytecode.PUSH_NULL:
				stack[sp] = nil
				sp++
			case bytecode.COPY:
				stack[sp] = stack[sp-int(in.arg)]
				sp++
			case bytecode.SWAP:
				i := sp - int(in.arg)
				stack[sp-1], stack[i] = stack[i], stack[sp-1]
			case bytecode.UNARY_POSITIVE, bytecode.UNARY_NEGATIVE, bytecode.UNARY_INVERT:
				var r Object
				r, err = t.unaryOp(in.op, stack[sp-1])
				if err == nil {
					stack[sp-1] = r
				}
			case bytecode.UNARY_NOT:
				var b bool
				b, err = t.Truth(stack[sp-1])
				if err == nil {
					stack[sp-1] = NewBool(!b)
				}
			case bytecode.BINARY_OP:
				a, b := stack[sp-2], stack[sp-1]
				var r Object
				// fresh is the int or float the previous BINARY_OP's fast path allocated. When
				// decode proved that this instruction's left (cache bit 1) or right (bit 2)
				// operand is that result, untouched on the stack, nothing else references it:
				// the result is written into it instead of a new object.
				reuse := in.cache&1 != 0 && a == fresh
				reuseB := in.cache&2 != 0 && b == fresh
				fresh = nil
				if x, ok := a.(*Int); ok {
					if y, ok := b.(*Int); ok {
						if reuse || reuseB {
							if yv, ok := y.Int64(); ok {
								xv, _ := x.Int64()
								if v, ok := fastInt64(int(in.arg), xv, yv); ok {
									into := x
									if !reuse {
										into = y
									}
									ri := ReuseInt(into, v)
									if ri == into {
										fresh = ri
									}
									sp--
									stack[sp] = nil
									stack[sp-1] = ri
									break
								}
							}
						}
						if r = fastIntOp(int(in.arg), x, y); r != nil {
							if ri, ok := r.(*Int); !ok || !ri.IsShared() {
								fresh = r
							}
							sp--
							stack[sp] = nil
							stack[sp-1] = r
							break
						}
					}
				}
				if x, ok := a.(*Float); ok {
					bv, ok := 0.0, false
					var yf *Float
					if y, isF := b.(*Float); isF {
						bv, ok, yf = y.V, true, y
					} else if y, isI := b.(*Int); isI {
						if yv, small := y.Int64(); small && yv > -1<<53 && yv < 1<<53 {
							bv, ok = float64(yv), true
						}
					}
					if ok {
						if v, ok := fastFloat64(int(in.arg), x.V, bv); ok {
							if reuse {
								x.V = v
								r = x
							} else if reuseB && yf != nil {
								yf.V = v
								r = yf
							} else {
								r = t.newFloat(v)
							}
							fresh = r
							sp--
							stack[sp] = nil
							stack[sp-1] = r
							break
						}
					}
				} else if x, ok := a.(*Int); ok {
					if y, ok := b.(*Float); ok {
						if xv, ok := x.Int64(); ok && xv > -1<<53 && xv < 1<<53 {
							if v, ok := fastFloat64(int(in.arg), float64(xv), y.V); ok {
								if reuseB {
									y.V = v
									r = y
								} else {
									r = t.newFloat(v)
								}
								fresh = r
								sp--
								stack[sp] = nil
								stack[sp-1] = r
								break
							}
						}
					}
				}
				r, err = t.binaryOp(int(in.arg), a, b)
				if err == nil {
					sp--
					stack[sp] = nil
					stack[sp-1] = r
				}
			case bytecode.COMPARE_OP:
				a, b := stack[sp-2], stack[sp-1]
				var r Object
				if x, ok := a.(*Int); ok {
					if y, ok := b.(*Int); ok {
						if xv, ok := x.Int64(); ok {
							if yv, ok := y.Int64(); ok {
								r = NewBool(cmpInts(int(in.arg), xv, yv))
								sp--
								stack[sp] = nil
								stack[sp-1] = r
								break
							}
						}
					}
				}
				r, err = t.RichCompare(a, b, int(in.arg))
				if err == nil {
					sp--
					stack[sp] = nil
					stack[sp-1] = r
				}
			case bytecode.COMPARE_OP_INT_JUMP: // fused COMPARE_OP + POP_JUMP_*_IF_{TRUE,FALSE}
				a, b := stack[sp-2], stack[sp-1]
				cmp := int(in.arg & 0xff)
				var res bool
				if x, ok := a.(*Int); ok {
					if y, ok := b.(*Int); ok {
						if xv, ok := x.Int64(); ok {
							if yv, ok := y.Int64(); ok {
								res = cmpInts(cmp, xv, yv)
								goto fusedJump
							}
						}
					}
				}
				if x, ok := a.(*Float); ok {
					if y, ok := b.(*Float); ok {
						res = floatCmpOp(cmp, x.V, y.V).(*Bool).V
						goto fusedJump
					}
				}
				{
					var r Object
					r, err = t.RichCompare(a, b, cmp)
					if err != nil {
						break
					}
					if bv, ok := r.(*Bool); ok {
						res = bv.V
					} else {
						// The comparison's result is kept on the stack while its truth is taken, as
						// the unfused COMPARE_OP / POP_JUMP pair would.
						sp--
						stack[sp] = nil
						stack[sp-1] = r
						res, err = t.Truth(r)
						if err != nil {
							cur = cur + 1 + int(in.skip) - 1
							sp--
							stack[sp] = nil
							break
						}
						sp++
					}
				}
			fusedJump:
				sp -= 2
				stack[sp], stack[sp+1] = nil, nil
				if res == (in.arg&0x100 != 0) {
					pc = int(in.cache)
				}
			case bytecode.IS_OP:
				r := stack[sp-2] == stack[sp-1]
				if in.arg == 1 {
					r = !r
				}
				sp--
				stack[sp] = nil
				stack[sp-1] = NewBool(r)
			case bytecode.CONTAINS_OP:
				var r bool
				r, err = t.Contains(stack[sp-1], stack[sp-2])
				if err == nil {
					if in.arg == 1 {
						r = !r
					}
					sp--
					stack[sp] = nil
					stack[sp-1] = NewBool(r)
				}
			case bytecode.BINARY_SUBSCR:
				if in.cache != 0 {
					// The result only feeds the STORE_SUBSCR decode paired this with: a list
					// slice goes into the thread's spare list (tmpList tells that STORE_SUBSCR
					// it may take the list back).
					tmpList = nil
					if l, ok := stack[sp-2].(*List); ok {
						if s, ok := stack[sp-1].(*Slice); ok {
							start, _, step, n, serr := t.sliceIndices(s, len(l.V))
							if serr != nil {
								err = serr
								break
							}
							r := t.spareList
							t.spareList = nil
							if r == nil {
								r = NewList(nil)
							}
							r.V = appendSlice(r.V[:0], l.V, start, step, n)
							tmpList = r
							sp--
							stack[sp] = nil
							stack[sp-1] = r
							continue
						}
					}
				}
				if l, ok := stack[sp-2].(*List); ok {
					if k, ok := stack[sp-1].(*Int); ok {
						if i, ok := k.Int64(); ok {
							if i < 0 {
								i += int64(len(l.V))
							}
							if i >= 0 && i < int64(len(l.V)) {
								sp--
								stack[sp] = nil
								stack[sp-1] = l.V[i]
								continue
							}
						}
					}
				}
				var r Object
				r, err = t.GetItem(stack[sp-2], stack[sp-1])
				if err == nil {
					sp--
					stack[sp] = nil
					stack[sp-1] = r
				}
			case bytecode.STORE_SUBSCR:
				if l, ok := stack[sp-2].(*List); ok {
					if k, ok := stack[sp-1].(*Int); ok {
						if i, ok := k.Int64(); ok {
							if i < 0 {
								i += int64(len(l.V))
							}
							if i >= 0 && i < int64(len(l.V)) {
								l.V[i] = stack[sp-3]
								sp -= 3
								clear(stack[sp : sp+3])
								continue
							}
						}
					}
				}
				if in.cache != 0 {
					v, _ := stack[sp-3].(*List)
					if v != nil && v == tmpList {
						if l, ok := stack[sp-2].(*List); ok {
							if s, ok := stack[sp-1].(*Slice); ok {
								// listSetSlice copies the items and keeps nothing of v.
								err = t.listSetSlice(l, s, v)
								if cap(v.V) <= 1<<12 {
									clear(v.V)
									v.V = v.V[:0]
									t.spareList = v
								}
								tmpList = nil
								sp -= 3
								clear(stack[sp : sp+3])
								break
							}
						}
					}
					tmpList = nil
				}
				err = t.SetItem(stack[sp-2], stack[sp-1], stack[sp-3])
				sp -= 3
				clear(stack[sp : sp+3])
			case bytecode.DELETE_SUBSCR:
				err = t.DelItem(stack[sp-2], stack[sp-1])
				sp -= 2
				clear(stack[sp : sp+2])
			case bytecode.GET_ITER:
				var it Object
				it, err = t.Iter(stack[sp-1])
				if err == nil {
					stack[sp-1] = it
				}
			case bytecode.FOR_ITER:
				switch it := stack[sp-1].(type) {
				case *rangeIter:
					if it.n > 0 {
						stack[sp] = NewInt(it.cur)
						sp++
						it.cur += it.step
						it.n--
					} else {
						sp--
						stack[sp] = nil
						pc = int(in.arg)
					}
					continue
				case *seqIter:
					if it.list != nil && it.i < len(it.list.V) {
						stack[sp] = it.list.V[it.i]
						sp++
						it.i++
						continue
					}
				case *dictIter:
					if nx := instrs[pc]; it.kind == 2 && it.d != nil && it.d.Version == it.ver && nx.op == bytecode.UNPACK_SEQUENCE && nx.arg == 2 {
						k, v, _, ok := it.d.EntryAt(it.i)
						for ok && k == nil {
							it.i++
							k, v, _, ok = it.d.EntryAt(it.i)
						}
						if !ok {
							it.d = nil
							sp--
							stack[sp] = nil
							pc = int(in.arg)
							continue
						}
						it.i++
						stack[sp] = v
						stack[sp+1] = k
						sp += 2
						pc += 1 + bytecode.CacheEntries[bytecode.UNPACK_SEQUENCE]
						continue
					}
				case *funcIter:
					// A pair that is unpacked at once (for i, x in enumerate(...)) needs no tuple.
					if nx := instrs[pc]; it.next2 != nil && nx.op == bytecode.UNPACK_SEQUENCE && nx.arg == 2 {
						a, b, ok, e := it.next2()
						if e != nil {
							err = e
							break
						}
						if !ok {
							sp--
							stack[sp] = nil
							pc = int(in.arg)
							continue
						}
						stack[sp] = b
						stack[sp+1] = a
						sp += 2
						pc += 1 + bytecode.CacheEntries[bytecode.UNPACK_SEQUENCE]
						continue
					}
				}
				var v Object
				var ok bool
				v, ok, err = t.Next(stack[sp-1])
				if err != nil {
					break
				}
				if ok {
					stack[sp] = v
					sp++
				} else {
					sp--
					stack[sp] = nil
					pc = int(in.arg)
				}
			case bytecode.JUMP_FORWARD, bytecode.JUMP_BACKWARD_NO_INTERRUPT:
				pc = int(in.arg)
			case bytecode.JUMP_BACKWARD:
				pc = int(in.arg)
				t.ticks++
				if t.ticks&0x3ff == 0 {
					err = t.periodic()
				}
			case bytecode.POP_JUMP_FORWARD_IF_FALSE, bytecode.POP_JUMP_BACKWARD_IF_FALSE,
				bytecode.POP_JUMP_FORWARD_IF_TRUE, bytecode.POP_JUMP_BACKWARD_IF_TRUE:
				v := stack[sp-1]
				sp--
				stack[sp] = nil
				var b bool
				switch x := v.(type) {
				case *Bool:
					b = x.V
				default:
					b, err = t.Truth(v)
					if err != nil {
						break
					}
				}
				want := in.op == bytecode.POP_JUMP_FORWARD_IF_TRUE || in.op == bytecode.POP_JUMP_BACKWARD_IF_TRUE
				if b == want {
					pc = int(in.arg)
				}
			case bytecode.POP_JUMP_FORWARD_IF_NONE, bytecode.POP_JUMP_BACKWARD_IF_NONE:
				sp--
				if stack[sp] == None {
					pc = int(in.arg)
				}
				stack[sp] = nil
			case bytecode.POP_JUMP_FORWARD_IF_NOT_NONE, bytecode.POP_JUMP_BACKWARD_IF_NOT_NONE:
				sp--
				if stack[sp] != None {
					pc = int(in.arg)
				}
				stack[sp] = nil
			case bytecode.JUMP_IF_FALSE_OR_POP, bytecode.JUMP_IF_TRUE_OR_POP:
				var b bool
				b, err = t.Truth(stack[sp-1])
				if err != nil {
					break
				}
				if b == (in.op == bytecode.JUMP_IF_TRUE_OR_POP) {
					pc = int(in.arg)
				} else {
					sp--
					stack[sp] = nil
				}
			case bytecode.LOAD_GLOBAL:
				if in.arg&1 != 0 {
					stack[sp] = nil
					sp++
				}
				name := names[in.arg>>1]
				ce := &ci.globalsCache[in.cache]
				if ce.gd == f.globals && ce.gver == f.globals.Modified && ce.bd == f.builtins && ce.bver == f.builtins.Modified {
					stack[sp] = ce.v
					sp++
					break
				}
				v := f.globals.GetStr(name)
				if v == nil {
					v = f.builtins.GetStr(name)
					if v == nil {
						err = Errorf(NameErrorType, "name '%s' is not defined", name)
						break
					}
				}
				*ce = globalCacheEntry{f.globals.Modified, f.builtins.Modified, f.globals, f.builtins, v}
				stack[sp] = v
				sp++
			case bytecode.STORE_GLOBAL:
				sp--
				f.globals.SetStr(names[in.arg], stack[sp])
				stack[sp] = nil
			case bytecode.DELETE_GLOBAL:
				if _, ok, _ := f.globals.Delete(names[in.arg], names[in.arg].Hash(), nil); !ok {
					err = Errorf(NameErrorType, "name '%s' is not defined", names[in.arg])
				}
			case bytecode.LOAD_NAME:
				name := names[in.arg]
				var v Object
				if f.localsMap != nil {
					v, err = t.GetItem(f.localsMap, name)
					if err != nil {
						if !isExc(err, KeyErrorType) {
							break
						}
						err = nil
						v = nil
					}
				} else if f.locals != nil {
					v, err = t.mapGet(f.locals, name)
					if err != nil {
						break
					}
				}
				if v == nil {
					v = f.globals.GetStr(name)
				}
				if v == nil {
					v = f.builtins.GetStr(name)
				}
				if v == nil {
					err = Errorf(NameErrorType, "name '%s' is not defined", name)
					break
				}
				stack[sp] = v
				sp++
			case bytecode.STORE_NAME:
				sp--
				v := stack[sp]
				stack[sp] = nil
				if f.localsMap != nil {
					err = t.SetItem(f.localsMap, names[in.arg], v)
					break
				}
				if f.locals == nil {
					err = Errorf(SystemErrorType, "no locals found when storing '%s'", names[in.arg])
					break
				}
				f.locals.SetStr(names[in.arg], v)
			case bytecode.DELETE_NAME:
				if f.locals == nil {
					err = Errorf(SystemErrorType, "no locals")
					break
				}
				if _, ok, _ := f.locals.Delete(names[in.arg], names[in.arg].Hash(), nil); !ok {
					err = Errorf(NameErrorType, "name '%s' is not defined", names[in.arg])
				}
			case bytecode.LOAD_ATTR:
				if inst, ok := stack[sp-1].(*Instance); ok && inst.Dict != nil {
					e := &ci.attrCache[in.cache]
					if e.tp == inst.Class && e.ver == inst.Class.Version && e.d == nil && !e.special {
						if v := inst.Dict.GetStr(names[in.arg]); v != nil {
							stack[sp-1] = v
							continue
						}
					}
				}
				var r Object
				r, err = t.loadAttrCached(stack[sp-1], names[in.arg], &ci.attrCache[in.cache])
				if err == nil {
					stack[sp-1] = r
				}
			case bytecode.LOAD_METHOD:
				if inst, ok := stack[sp-1].(*Instance); ok {
					e := &ci.attrCache[in.cache]
					if e.tp == inst.Class && e.ver == inst.Class.Version && !e.special {
						if fn, ok := e.d.(*Function); ok && (inst.Dict == nil || inst.Dict.GetStr(names[in.arg]) == nil) {
							stack[sp] = inst
							stack[sp-1] = fn
							sp++
							continue
						}
					}
				}
				obj := stack[sp-1]
				var meth Object
				var isMeth bool
				meth, isMeth, err = t.loadMethodCached(obj, names[in.arg], &ci.attrCache[in.cache])
				if err != nil {
					break
				}
				if isMeth {
					stack[sp-1] = meth
					stack[sp] = obj
				} else {
					stack[sp-1] = nil
					stack[sp] = meth
				}
				sp++
			case bytecode.STORE_ATTR:
				if inst, ok := stack[sp-1].(*Instance); ok && inst.Dict != nil {
					e := &ci.attrCache[in.cache]
					if e.tp == inst.Class && e.ver == inst.Class.Version && !e.special && !e.data && e.tp != nil {
						inst.Dict.SetStr(names[in.arg], stack[sp-2])
						sp -= 2
						clear(stack[sp : sp+2])
						continue
					}
				}
				err = t.storeAttrCached(stack[sp-1], names[in.arg], stack[sp-2], &ci.attrCache[in.cache])
				sp -= 2
				clear(stack[sp : sp+2])
			case bytecode.DELETE_ATTR:
				err = t.DelAttr(stack[sp-1], names[in.arg])
				sp--
				stack[sp] = nil
			case bytecode.KW_NAMES:
				kwnames = consts[in.arg].(*Tuple)
			case bytecode.CALL:
				n := int(in.arg)
				var fn Object
				var args []Object
				if stack[sp-n-2] != nil {
					fn = stack[sp-n-2]
					args = stack[sp-n-1 : sp]
				} else {
					fn = stack[sp-n-1]
					args = stack[sp-n : sp]
				}
				kw := kwnames
				kwnames = nil
				f.lasti = cur
				var r Object
				if pf, ok := fn.(*Function); ok {
					if pci := pf.code; pci != nil && kw == nil && pci.fastCall && len(args) == pci.code.ArgCount && t.depth < t.interp.RecursionLimit {
						nf := t.newFrame(pci, pf.Globals, pf.Builtins, nil)
						nf.fn = pf
						copy(nf.fast, args)
						t.depth++
						nf.back = f
						t.frame = nf
						r, err = t.eval(nf)
						t.frame = f
						t.depth--
						t.freeFrame(nf)
					} else {
						r, err = t.callFunction(pf, args, kw, nil)
					}
				} else {
					r, err = t.Call(fn, args, kw)
				}
				clear(stack[sp-n-2 : sp])
				sp -= n + 2
				if err == nil {
					stack[sp] = r
					sp++
					// for x in genfunc(...): the new generator belongs to the loop alone.
					if g, ok := r.(*Generator); ok && instrs[pc].op == bytecode.GET_ITER {
						if pf, ok := fn.(*Function); ok && pf.Code.Flags&CoGenerator != 0 {
							g.loopOwned = true
						}
					}
				}
			case bytecode.CALL_FUNCTION_EX:
				var kwargs Object
				if in.arg&1 != 0 {
					sp--
					kwargs = stack[sp]
					stack[sp] = nil
				}
				sp--
				callargs := stack[sp]
				stack[sp] = nil
				fn := stack[sp-1]
				f.lasti = cur
				var r Object
				r, err = t.callEx(fn, callargs, kwargs)
				sp -= 2
				clear(stack[sp : sp+2])
				if err == nil {
					stack[sp] = r
					sp++
				}
			case bytecode.MAKE_FUNCTION:
				sp--
				code := stack[sp].(*Code)
				fn := &Function{Code: code, Globals: f.globals, Builtins: f.builtins, Name: code.Name, QualName: code.QualName, Doc: None}
				if len(code.Consts) > 0 {
					if s, ok := code.Consts[0].(*Str); ok {
						fn.Doc = s
					}
				}
				fn.Module = f.globals.GetStr(strName)
				if in.arg&8 != 0 {
					sp--
					fn.Closure = stack[sp].(*Tuple)
				}
				if in.arg&4 != 0 {
					sp--
					fn.Annotations = stack[sp]
				}
				if in.arg&2 != 0 {
					sp--
					fn.KwDefaults = stack[sp].(*Dict)
				}
				if in.arg&1 != 0 {
					sp--
					fn.Defaults = stack[sp].(*Tuple)
				}
				for i := sp; i < len(stack) && i < sp+5; i++ {
					stack[i] = nil
				}
				stack[sp] = fn
				sp++
			case bytecode.RETURN_VALUE:
				sp--
				result = stack[sp]
				stack[sp] = nil
				f.sp = sp
				f.pc = pc
				if f.gen != nil {
					f.gen.finished = true
				}
				return result, nil
			case bytecode.BUILD_TUPLE:
				n := int(in.arg)
				if n == 2 {
					tp := NewTuple2(stack[sp-2], stack[sp-1])
					sp--
					stack[sp] = nil
					stack[sp-1] = tp
					continue
				}
				items := make([]Object, n)
				copy(items, stack[sp-n:sp])
				clear(stack[sp-n : sp])
				sp -= n
				stack[sp] = NewTuple(items)
				sp++
			case bytecode.BUILD_LIST:
				n := int(in.arg)
				items := make([]Object, n)
				copy(items, stack[sp-n:sp])
				clear(stack[sp-n : sp])
				sp -= n
				stack[sp] = NewList(items)
				sp++
			case bytecode.BUILD_SET:
				n := int(in.arg)
				s := &Set{}
				for _, x := range stack[sp-n : sp] {
					if err = t.setAdd(s, x); err != nil {
						break
					}
				}
				clear(stack[sp-n : sp])
				sp -= n
				if err == nil {
					stack[sp] = s
					sp++
				}
			case bytecode.BUILD_MAP:
				n := int(in.arg)
				d := NewDict(n)
				for i := sp - 2*n; i < sp && err == nil; i += 2 {
					err = t.DictSet(d, stack[i], stack[i+1])
				}
				clear(stack[sp-2*n : sp])
				sp -= 2 * n
				if err == nil {
					stack[sp] = d
					sp++
				}
			case bytecode.BUILD_CONST_KEY_MAP:
				n := int(in.arg)
				keys := stack[sp-1].(*Tuple)
				d := NewDict(n)
				for i := 0; i < n && err == nil; i++ {
					err = t.DictSet(d, keys.V[i], stack[sp-1-n+i])
				}
				clear(stack[sp-n-1 : sp])
				sp -= n + 1
				if err == nil {
					stack[sp] = d
					sp++
				}
			case bytecode.BUILD_STRING:
				n := int(in.arg)
				total := 0
				for _, x := range stack[sp-n : sp] {
					total += len(x.(*Str).String())
				}
				buf := make([]byte, 0, total)
				for _, x := range stack[sp-n : sp] {
					buf = append(buf, x.(*Str).String()...)
				}
				clear(stack[sp-n : sp])
				sp -= n
				stack[sp] = NewStr(string(buf))
				sp++
			case bytecode.BUILD_SLICE:
				var s *Slice
				if next := instrs[pc].op; next == bytecode.BINARY_SUBSCR || next == bytecode.STORE_SUBSCR {
					switch stack[sp-int(in.arg)-1].(type) {
					case *List, *Tuple, *Str, *Bytes, *ByteArray:
						// The slice is consumed right away by a builtin sequence: lend the scratch one.
						s = &t.scratchSlice
						if in.arg == 3 {
							*s = Slice{stack[sp-3], stack[sp-2], stack[sp-1]}
						} else {
							*s = Slice{stack[sp-2], stack[sp-1], None}
						}
						n := int(in.arg)
						clear(stack[sp-n : sp])
						sp -= n
						stack[sp] = s
						sp++
						continue
					}
				}
				if in.arg == 3 {
					s = &Slice{stack[sp-3], stack[sp-2], stack[sp-1]}
				} else {
					s = &Slice{stack[sp-2], stack[sp-1], None}
				}
				n := int(in.arg)
				clear(stack[sp-n : sp])
				sp -= n
				stack[sp] = s
				sp++
			case bytecode.LIST_APPEND:
				sp--
				l := stack[sp-int(in.arg)].(*List)
				l.V = append(l.V, stack[sp])
				stack[sp] = nil
			case bytecode.SET_ADD:
				sp--
				err = t.setAdd(stack[sp-int(in.arg)].(*Set), stack[sp])
				stack[sp] = nil
			case bytecode.MAP_ADD:
				sp -= 2
				err = t.DictSet(stack[sp-int(in.arg)].(*Dict), stack[sp], stack[sp+1])
				stack[sp], stack[sp+1] = nil, nil
			case bytecode.LIST_EXTEND:
				sp--
				l := stack[sp-int(in.arg)].(*List)
				var items []Object
				items, err = t.iterateForExtend(stack[sp])
				if err == nil {
					l.V = append(l.V, items...)
				}
				stack[sp] = nil
			case bytecode.SET_UPDATE:
				sp--
				s := stack[sp-int(in.arg)].(*Set)
				err = t.setUpdate(s, stack[sp])
				stack[sp] = nil
			case bytecode.DICT_UPDATE:
				sp--
				d := stack[sp-int(in.arg)].(*Dict)
				if _, isDict := stack[sp].(*Dict); !isDict {
					if _, e := t.GetAttr(stack[sp], strKeys); e != nil {
						err = typeErr("'%s' object is not a mapping", TypeName(stack[sp]))
						stack[sp] = nil
						break
					}
				}
				err = t.dictUpdate(d, stack[sp])
				stack[sp] = nil
			case bytecode.DICT_MERGE:
				sp--
				d := stack[sp-int(in.arg)].(*Dict)
				err = t.dictMerge(d, stack[sp], stack[sp-int(in.arg)-2])
				stack[sp] = nil
			case bytecode.LIST_TO_TUPLE:
				stack[sp-1] = NewTuple(stack[sp-1].(*List).V)
			case bytecode.UNPACK_SEQUENCE:
				n := int(in.arg)
				seq := stack[sp-1]
				var items []Object
				switch s := seq.(type) {
				case *Tuple:
					items = s.V
				case *List:
					items = s.V
				}
				if items == nil || len(items) != n {
					items, err = t.unpackIter(seq, n, -1)
					if err != nil {
						break
					}
				}
				sp--
				for i := n - 1; i >= 0; i-- {
					stack[sp] = items[i]
					sp++
				}
			case bytecode.UNPACK_EX:
				before, after := int(in.arg&0xff), int(in.arg>>8)
				var items []Object
				items, err = t.unpackIter(stack[sp-1], before, after)
				if err != nil {
					break
				}
				sp--
				// items: before..., list, after...
				for i := len(items) - 1; i >= 0; i-- {
					stack[sp] = items[i]
					sp++
				}
			case bytecode.FORMAT_VALUE:
				var spec Object = nil
				if in.arg&4 != 0 {
					sp--
					spec = stack[sp]
					stack[sp] = nil
				}
				v := stack[sp-1]
				switch in.arg & 3 {
				case 1:
					v, err = t.Str(v)
				case 2:
					v, err = t.Repr(v)
				case 3:
					v, err = t.Ascii(v)
				}
				if err != nil {
					break
				}
				if s, ok := v.(*Str); ok && spec == nil && v.Type() == StrType {
					stack[sp-1] = s
					break
				}
				if spec == nil {
					spec = emptyStr
				}
				var r Object
				r, err = t.Format(v, spec.(*Str))
				if err == nil {
					stack[sp-1] = r
				}
			case bytecode.MAKE_CELL:
				fast[in.arg] = &Cell{V: fast[in.arg]}
			case bytecode.LOAD_CLOSURE:
				stack[sp] = fast[in.arg]
				sp++
			case bytecode.LOAD_DEREF:
				v := fast[in.arg].(*Cell).V
				if v == nil {
					err = t.derefError(co, int(in.arg))
					break
				}
				stack[sp] = v
				sp++
			case bytecode.LOAD_CLASSDEREF:
				name := co.LocalsPlusNames[in.arg]
				var v Object
				if f.locals != nil {
					v, err = t.mapGet(f.locals, name)
					if err != nil {
						break
					}
				}
				if v == nil {
					v = fast[in.arg].(*Cell).V
					if v == nil {
						err = t.derefError(co, int(in.arg))
						break
					}
				}
				stack[sp] = v
				sp++
			case bytecode.STORE_DEREF:
				sp--
				fast[in.arg].(*Cell).V = stack[sp]
				stack[sp] = nil
			case bytecode.DELETE_DEREF:
				c := fast[in.arg].(*Cell)
				if c.V == nil {
					err = t.derefError(co, int(in.arg))
					break
				}
				c.V = nil
			case bytecode.RAISE_VARARGS:
				switch in.arg {
				case 0:
					if cur := t.currentExc(); cur != nil {
						err = cur.(*Exception)
						reraise = true
					} else {
						err = Errorf(RuntimeErrorType, "No active exception to reraise")
					}
				case 1:
					sp--
					err = t.makeRaise(stack[sp], nil, false)
					stack[sp] = nil
				case 2:
					sp -= 2
					err = t.makeRaise(stack[sp], stack[sp+1], true)
					stack[sp], stack[sp+1] = nil, nil
				}
			case bytecode.RERAISE:
				sp--
				exc := stack[sp]
				stack[sp] = nil
				f.lasti = cur
				if in.arg != 0 {
					if li, ok := stack[sp-int(in.arg)].(*Int); ok {
						v, _ := li.Int64()
						f.lasti = int(v)
					}
				}
				lastiSet = true
				err = exc.(*Exception)
				reraise = true
			case bytecode.PUSH_EXC_INFO:
				v := stack[sp-1]
				prev := t.exc.value
				if prev == nil {
					prev = None
				}
				stack[sp-1] = prev
				stack[sp] = v
				sp++
				t.exc.value = v
			case bytecode.POP_EXCEPT:
				sp--
				v := stack[sp]
				stack[sp] = nil
				if v == None {
					v = nil
				}
				t.exc.value = v
			case bytecode.CHECK_EXC_MATCH:
				right := stack[sp-1]
				if err = checkExcSpec(right); err != nil {
					break
				}
				stack[sp-1] = NewBool(excMatches(stack[sp-2].Type(), right))
			case bytecode.CHECK_EG_MATCH:
				var rest, match Object
				rest, match, err = t.checkEGMatch(stack[sp-2], stack[sp-1])
				if err == nil {
					stack[sp-2] = rest
					stack[sp-1] = match
				}
			case bytecode.PREP_RERAISE_STAR:
				var r Object
				r, err = t.prepReraiseStar(stack[sp-2], stack[sp-1])
				if err == nil {
					sp--
					stack[sp] = nil
					stack[sp-1] = r
				}
			case bytecode.LOAD_ASSERTION_ERROR:
				stack[sp] = AssertionErrorType
				sp++
			case bytecode.LOAD_BUILD_CLASS:
				v := f.builtins.GetStr(InternStr("__build_class__"))
				if v == nil {
					err = Errorf(NameErrorType, "__build_class__ not found")
					break
				}
				stack[sp] = v
				sp++
			case bytecode.SETUP_ANNOTATIONS:
				if f.locals != nil && f.locals.GetStr(strAnnotations) == nil {
					f.locals.SetStr(strAnnotations, NewDict(0))
				}
			case bytecode.BEFORE_WITH:
				mgr := stack[sp-1]
				var enter, exit Object
				enter, exit, err = t.withMethods(mgr, strEnter, strExit, false)
				if err != nil {
					break
				}
				stack[sp-1] = exit
				var r Object
				r, err = t.Call(enter, nil, nil)
				if err != nil {
					break
				}
				stack[sp] = r
				sp++
			case bytecode.BEFORE_ASYNC_WITH:
				mgr := stack[sp-1]
				var enter, exit Object
				enter, exit, err = t.withMethods(mgr, strAenter, strAexit, true)
				if err != nil {
					break
				}
				stack[sp-1] = exit
				var r Object
				r, err = t.Call(enter, nil, nil)
				if err != nil {
					break
				}
				r, err = t.getAwaitable(r, 1)
				if err != nil {
					break
				}
				stack[sp] = r
				sp++
			case bytecode.WITH_EXCEPT_START:
				exitFn := stack[sp-4]
				val := stack[sp-1]
				var tb Object = None
				if e, ok := val.(*Exception); ok && e.Traceback != nil {
					tb = e.Traceback
				}
				var r Object
				r, err = t.Call(exitFn, []Object{val.Type(), val, tb}, nil)
				if err == nil {
					stack[sp] = r
					sp++
				}
			case bytecode.GET_LEN:
				var n int
				n, err = t.Len(stack[sp-1])
				if err == nil {
					stack[sp] = NewInt(int64(n))
					sp++
				}
			case bytecode.MATCH_MAPPING:
				stack[sp] = NewBool(isMapping(stack[sp-1]))
				sp++
			case bytecode.MATCH_SEQUENCE:
				stack[sp] = NewBool(isSequence(stack[sp-1]))
				sp++
			case bytecode.MATCH_KEYS:
				var r Object
				r, err = t.matchKeys(stack[sp-2], stack[sp-1])
				if err == nil {
					stack[sp] = r
					sp++
				}
			case bytecode.MATCH_CLASS:
				sp -= 2
				kwn, cls := stack[sp+1], stack[sp]
				stack[sp], stack[sp+1] = nil, nil
				var r Object
				r, err = t.matchClass(stack[sp-1], cls, int(in.arg), kwn.(*Tuple))
				if err == nil {
					stack[sp-1] = r
				}
			case bytecode.IMPORT_NAME:
				sp--
				fromlist := stack[sp]
				stack[sp] = nil
				level := stack[sp-1]
				var r Object
				r, err = t.importName(f, names[in.arg], fromlist, level)
				if err == nil {
					stack[sp-1] = r
				}
			case bytecode.IMPORT_FROM:
				var r Object
				r, err = t.importFrom(stack[sp-1], names[in.arg])
				if err == nil {
					stack[sp] = r
					sp++
				}
			case bytecode.IMPORT_STAR:
				sp--
				err = t.importStar(f, stack[sp])
				stack[sp] = nil
			case bytecode.PRINT_EXPR:
				sp--
				hook := t.interp.Sys.Dict.GetStr(NewStr("displayhook"))
				if hook != nil {
					_, err = t.Call(hook, []Object{stack[sp]}, nil)
				}
				stack[sp] = nil
			case bytecode.RETURN_GENERATOR:
				// The caller (callFunction) turns the frame into a generator; this point is
				// reached when the frame first runs: suspend with the frame ready to resume.
				f.sp = sp
				f.pc = pc
				return nil, nil
			case bytecode.YIELD_VALUE:
				f.lasti = cur
				sp--
				result = stack[sp]
				stack[sp] = nil
				f.sp = sp
				f.pc = pc
				return result, nil
			case bytecode.ASYNC_GEN_WRAP:
				stack[sp-1] = &asyncGenWrapped{stack[sp-1]}
			case bytecode.SEND:
				recv := stack[sp-2]
				v := stack[sp-1]
				var r Object
				var done bool
				r, done, err = t.send(recv, v)
				if err != nil {
					break
				}
				if done {
					sp--
					stack[sp] = nil
					stack[sp-1] = r
					pc = int(in.arg)
				} else {
					stack[sp-1] = r
				}
			case bytecode.GET_YIELD_FROM_ITER:
				v := stack[sp-1]
				switch g := v.(type) {
				case *Generator:
					if g.kind == genCoroutine && co.Flags&(CoCoroutine|CoIterableCoroutine) == 0 {
						err = typeErr("cannot 'yield from' a coroutine object in a non-coroutine generator")
					}
				default:
					var it Object
					it, err = t.Iter(v)
					if err == nil {
						stack[sp-1] = it
					}
				}
			case bytecode.GET_AWAITABLE:
				var r Object
				r, err = t.getAwaitable(stack[sp-1], int(in.arg))
				if err == nil {
					stack[sp-1] = r
				}
			case bytecode.GET_AITER:
				var r Object
				r, err = t.getAiter(stack[sp-1])
				if err == nil {
					stack[sp-1] = r
				}
			case bytecode.GET_ANEXT:
				var r Object
				r, err = t.getAnext(stack[sp-1])
				if err == nil {
					stack[sp] = r
					sp++
				}
			case bytecode.END_ASYNC_FOR:
				exc := stack[sp-1]
				if e, ok := exc.(*Exception); ok && isSubtype(e.Class, StopAsyncIterationType) {
					sp -= 2
					clear(stack[sp : sp+2])
					// also pop the previous exception info pushed by PUSH_EXC_INFO? (3.11: stack is aiter, exc)
				} else {
					err = exc.(*Exception)
					reraise = true
				}
			default:
				err = Errorf(SystemErrorType, "unknown opcode %d (%s)", in.op, bytecode.OpName[in.op])
			}
		}
		if err == nil {
			continue
		}
		{
			if !lastiSet {
				f.lasti = cur
			}
			lastiSet = false
			exc := asException(err)
			err = nil
			if !reraise {
				if exc.Context == nil {
					t.setContext(exc)
				}
				f.escaped = true
				exc.Traceback = &Traceback{Frame: f, Code: co, PC: f.lasti, Next: exc.Traceback}
			}
			reraise = false
			h := ci.handler(cur)
			if h == nil {
				t.abandonStack(stack[:sp], f, cur)
				clear(stack[:sp])
				f.sp = 0
				f.pc = pc
				if f.gen != nil {
					f.gen.finished = true
				}
				return nil, exc
			}
			kwnames = nil
			depth := int(h.depth)
			t.abandonStack(stack[depth:sp], f, cur)
			clear(stack[depth:sp])
			sp = depth
			if h.lasti {
				stack[sp] = NewInt(int64(f.lasti))
				sp++
			}
			stack[sp] = exc
			sp++
			pc = int(h.target)
		}
	}
}

func (t *Thread) currentExc() Object {
	for s := t.exc; s != nil; s = s.prev {
		if s.value != nil && s.value != None {
			return s.value
		}
	}
	return nil
}

// setContext sets exc.__context__ to the exception being handled, avoiding cycles.
func (t *Thread) setContext(exc *Exception) {
	cur := t.currentExc()
	if cur == nil || cur == Object(exc) {
		return
	}
	ce, ok := cur.(*Exception)
	if !ok {
		return
	}
	// Break a cycle: if exc is in cur's context chain, cut it there.
	o := ce
	for o != nil {
		next, _ := o.Context.(*Exception)
		if next == exc {
			o.Context = nil
			break
		}
		o = next
	}
	exc.Context = ce
}

func (t *Thread) makeRaise(v, cause Object, hasCause bool) error {
	var exc *Exception
	switch x := v.(type) {
	case *Type:
		if !isSubtype(x, BaseExceptionType) {
			return typeErr("exceptions must derive from BaseException")
		}
		r, err := t.Call(x, nil, nil)
		if err != nil {
			return err
		}
		e, ok := r.(*Exception)
		if !ok {
			return typeErr("calling %s should have returned an instance of BaseException, not %s", x.Name, TypeName(r))
		}
		exc = e
	case *Exception:
		exc = x
	default:
		return typeErr("exceptions must derive from BaseException")
	}
	if hasCause {
		switch c := cause.(type) {
		case *Type:
			if !isSubtype(c, BaseExceptionType) {
				return typeErr("exception causes must derive from BaseException")
			}
			r, err := t.Call(c, nil, nil)
			if err != nil {
				return err
			}
			exc.Cause = r
		case *Exception:
			exc.Cause = c
		default:
			if cause == None {
				exc.Cause = nil
			} else {
				return typeErr("exception causes must derive from BaseException")
			}
		}
		exc.SuppressContext = true
	}
	t.setContext(exc)
	return exc
}

func checkExcSpec(spec Object) error {
	switch s := spec.(type) {
	case *Type:
		if isSubtype(s, BaseExceptionType) {
			return nil
		}
	case *Tuple:
		for _, x := range s.V {
			if err := checkExcSpec(x); err != nil {
				return err
			}
		}
		return nil
	}
	return typeErr("catching classes that do not inherit from BaseException is not allowed")
}

func (t *Thread) derefError(co *Code, i int) error {
	name := co.LocalsPlusNames[i]
	if co.LocalsPlusKinds[i]&FastFree != 0 {
		return Errorf(NameErrorType, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name)
	}
	return Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", name)
}

func cmpInts(op int, a, b int64) bool {
	switch op {
	case 0:
		return a < b
	case 1:
		return a <= b
	case 2:
		return a == b
	case 3:
		return a != b
	case 4:
		return a > b
	}
	return a >= b
}

// periodic runs every few thousand backward jumps: signals and thread switches.
func (t *Thread) periodic() error {
	if t.interp.checkInterrupt() {
		return NewException(KeyboardInterruptType)
	}
	t.interp.yieldGIL()
	return nil
}

func unboundLocal(co *Code, i int) error {
	return Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", co.LocalsPlusNames[i])
}
