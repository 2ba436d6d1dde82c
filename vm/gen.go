package vm

import (
	"gopyc/bytecode"
	. "gopyc/objects"
)

const (
	genGenerator = iota
	genCoroutine
	genAsyncGenerator
)

// Generator is a generator, coroutine or async generator: a suspended Frame.
type Generator struct {
	frame        *Frame
	kind         int
	name         *Str
	qualname     *Str
	running      bool
	finished     bool
	started      bool
	pendingThrow error
	excState     excState
	closed       bool // async generators
	// loopOwned: a for loop's iterator that nothing else references (the loop's GET_ITER took it
	// straight from the call of a generator function). When the loop drops it unfinished (break,
	// return, an exception) it is closed at once, as CPython's reference counting closes it.
	loopOwned bool
	code      *Code
}

// Type implements Object.
func (g *Generator) Type() *Type {
	switch g.kind {
	case genCoroutine:
		return CoroutineType
	case genAsyncGenerator:
		return AsyncGeneratorType
	}
	return GeneratorType
}

func (t *Thread) makeGenerator(fr *Frame, f *Function) (Object, error) {
	if _, err := t.runFrame(fr); err != nil {
		return nil, err
	}
	g := &Generator{frame: fr, name: f.Name, qualname: f.QualName, code: f.Code}
	co := f.Code
	switch {
	case co.Flags&CoCoroutine != 0:
		g.kind = genCoroutine
	case co.Flags&CoAsyncGenerator != 0:
		g.kind = genAsyncGenerator
	}
	fr.gen = g
	return g, nil
}

// resume sends value (or throws exc) into g: done reports that the generator returned (the value
// is then its return value).
func (t *Thread) resume(g *Generator, value Object, exc error) (Object, bool, error) {
	if g.running {
		what := "generator"
		if g.kind == genCoroutine {
			what = "coroutine"
		} else if g.kind == genAsyncGenerator {
			what = "async generator"
		}
		return nil, false, valueErr("%s already executing", what)
	}
	if g.finished {
		if exc != nil {
			return nil, false, exc
		}
		if g.kind == genCoroutine {
			return nil, false, Errorf(RuntimeErrorType, "cannot reuse already awaited coroutine")
		}
		return None, true, nil
	}
	f := g.frame
	if !g.started && exc == nil && value != None {
		what := "generator"
		if g.kind == genCoroutine {
			what = "coroutine"
		}
		return nil, false, typeErr("can't send non-None value to a just-started %s", what)
	}
	g.started = true
	if exc != nil {
		g.pendingThrow = exc
	} else {
		f.stack[f.sp] = value
		f.sp++
	}
	g.running = true
	g.excState.prev = t.exc
	t.exc = &g.excState
	r, err := t.runFrame(f)
	t.exc = g.excState.prev
	g.excState.prev = nil
	g.running = false
	if err != nil || g.finished {
		// The frame is done: recycle it (unless a traceback references it).
		f.gen = nil
		t.freeFrame(f)
		g.frame = nil
	}
	if err != nil {
		g.finished = true
		e := asException(err)
		if isSubtype(e.Class, StopIterationType) {
			what := "generator"
			if g.kind == genCoroutine {
				what = "coroutine"
			} else if g.kind == genAsyncGenerator {
				what = "async generator"
			}
			ne := Errorf(RuntimeErrorType, "%s raised StopIteration", what)
			ne.Cause = e
			ne.Context = e
			return nil, false, ne
		}
		if g.kind == genAsyncGenerator && isSubtype(e.Class, StopAsyncIterationType) {
			ne := Errorf(RuntimeErrorType, "async generator raised StopAsyncIteration")
			ne.Cause = e
			ne.Context = e
			return nil, false, ne
		}
		return nil, false, e
	}
	if g.finished {
		return r, true, nil
	}
	return r, false, nil
}

// yieldFrom returns the delegated sub-iterator when g is suspended inside yield from / await.
func (g *Generator) yieldFrom() Object {
	f := g.frame
	if g.finished || !g.started || f.pc >= len(f.ci.instrs) {
		return nil
	}
	in := f.ci.instrs[f.pc]
	if in.op != bytecode.RESUME || in.arg < 2 || f.sp == 0 {
		return nil
	}
	return f.stack[f.sp-1]
}

// throw implements generator.throw(exc).
func (t *Thread) throwGen(g *Generator, exc *Exception) (Object, bool, error) {
	if yf := g.yieldFrom(); yf != nil {
		var r Object
		var done bool
		var err error
		if isSubtype(exc.Class, GeneratorExitType) {
			g.running = true
			err = t.closeIter(yf)
			g.running = false
			if err != nil {
				return t.throwIntoFrame(g, err)
			}
			return t.throwIntoFrame(g, exc)
		}
		switch sub := yf.(type) {
		case *Generator:
			g.running = true
			r, done, err = t.throwGen(sub, exc)
			g.running = false
			if err == nil && done {
				err = stopIteration(r)
			}
		default:
			m, e := t.GetAttr(yf, strThrow)
			if e != nil {
				return t.throwIntoFrame(g, exc)
			}
			g.running = true
			r, err = t.Call(m, []Object{exc}, nil)
			g.running = false
		}
		if err == nil {
			return r, false, nil
		}
		// The sub-iterator finished: leave the yield-from loop.
		f := g.frame
		f.sp--
		f.stack[f.sp] = nil
		if isExc(err, StopIterationType) {
			val := stopValue(err.(*Exception))
			jump := f.ci.instrs[f.pc+1]
			send := f.ci.instrs[jump.arg]
			f.pc = int(send.arg)
			return t.resume(g, val, nil)
		}
		return t.throwIntoFrame(g, err)
	}
	return t.throwIntoFrame(g, exc)
}

func (t *Thread) throwIntoFrame(g *Generator, err error) (Object, bool, error) {
	if !g.started {
		g.started = true
	}
	return t.resume(g, nil, err)
}

func stopIteration(v Object) *Exception {
	if v == None {
		return NewException(StopIterationType)
	}
	return NewException(StopIterationType, v)
}

func stopValue(e *Exception) Object {
	if e.Args != nil && len(e.Args.V) > 0 {
		return e.Args.V[0]
	}
	return None
}

func (t *Thread) closeIter(o Object) error {
	if g, ok := o.(*Generator); ok {
		return t.closeGen(g)
	}
	m, err := t.GetAttr(o, strClose)
	if err != nil {
		return nil
	}
	_, err = t.Call(m, nil, nil)
	return err
}

func (t *Thread) closeGen(g *Generator) error {
	if g.finished {
		return nil
	}
	if !g.started {
		g.finished = true
		return nil
	}
	_, done, err := t.throwGen(g, NewException(GeneratorExitType))
	if err != nil {
		if isExc(err, GeneratorExitType) || isExc(err, StopIterationType) {
			return nil
		}
		return err
	}
	if !done {
		what := "generator"
		if g.kind == genAsyncGenerator {
			what = "async generator"
		} else if g.kind == genCoroutine {
			what = "coroutine"
		}
		return Errorf(RuntimeErrorType, "%s ignored GeneratorExit", what)
	}
	return nil
}

// send implements SEND: done reports the sub-iterator finished with value r.
func (t *Thread) send(recv, v Object) (Object, bool, error) {
	if g, ok := recv.(*Generator); ok && g.kind != genAsyncGenerator {
		return t.resume(g, v, nil)
	}
	var r Object
	var err error
	if v == None {
		var ok bool
		r, ok, err = t.nextRaw(recv)
		if err == nil && !ok {
			return r, true, nil
		}
	} else {
		var m Object
		m, err = t.GetAttr(recv, strSend)
		if err == nil {
			r, err = t.Call(m, []Object{v}, nil)
		}
	}
	if err != nil {
		if isExc(err, StopIterationType) {
			return stopValue(err.(*Exception)), true, nil
		}
		return nil, false, err
	}
	return r, false, nil
}

// nextRaw is like Next but returns StopIteration's value as r when ok is false.
func (t *Thread) nextRaw(it Object) (Object, bool, error) {
	switch x := it.(type) {
	case *Generator:
		r, done, err := t.resume(x, None, nil)
		if err != nil {
			return nil, false, err
		}
		return r, !done, nil
	case *asyncAwaitable:
		return t.awaitableSend(x, None, nil)
	case *coroWrapper:
		r, done, err := t.resume(x.g, None, nil)
		return r, !done && err == nil, err
	}
	f := lookupCached(it.Type(), strNext)
	if f == nil {
		v, ok, err := t.Next(it)
		return v, ok, err
	}
	v, err := t.Call(f, []Object{it}, nil)
	if err != nil {
		if isExc(err, StopIterationType) {
			return stopValue(err.(*Exception)), false, nil
		}
		return nil, false, err
	}
	return v, true, nil
}

// coroWrapper is what coroutine.__await__() returns.
type coroWrapper struct{ g *Generator }

func (*coroWrapper) Type() *Type { return CoroWrapperType }

func (t *Thread) getAwaitable(o Object, where int) (Object, error) {
	switch x := o.(type) {
	case *Generator:
		if x.kind == genCoroutine {
			if x.yieldFrom() != nil && x.running {
				return nil, Errorf(RuntimeErrorType, "coroutine is being awaited already")
			}
			return x, nil
		}
		if x.kind == genGenerator && x.code.Flags&CoIterableCoroutine != 0 {
			return x, nil
		}
	case *asyncAwaitable:
		return x, nil
	}
	f := lookupCached(o.Type(), strAwait)
	if f == nil {
		msg := "object %s can't be used in 'await' expression"
		switch where {
		case 1:
			msg = "'async with' received an object from __aenter__ that does not implement __await__: %s"
		case 2:
			msg = "'async with' received an object from __aexit__ that does not implement __await__: %s"
		}
		return nil, typeErr(msg, TypeName(o))
	}
	r, err := t.Call(f, []Object{o}, nil)
	if err != nil {
		return nil, err
	}
	if g, ok := r.(*Generator); ok && g.kind == genCoroutine {
		return nil, typeErr("__await__() returned a coroutine")
	}
	if !t.isIterator(r) {
		if _, ok := r.(*coroWrapper); !ok {
			return nil, typeErr("__await__() returned non-iterator of type '%s'", TypeName(r))
		}
	}
	return r, nil
}

func (t *Thread) getAiter(o Object) (Object, error) {
	f := lookupCached(o.Type(), strAiter)
	if f == nil {
		return nil, typeErr("'async for' requires an object with __aiter__ method, got %s", TypeName(o))
	}
	r, err := t.Call(f, []Object{o}, nil)
	if err != nil {
		return nil, err
	}
	if lookupCached(r.Type(), strAnext) == nil {
		return nil, typeErr("'async for' received an object from __aiter__ that does not implement __anext__: %s", TypeName(r))
	}
	return r, nil
}

func (t *Thread) getAnext(o Object) (Object, error) {
	if g, ok := o.(*Generator); ok && g.kind == genAsyncGenerator {
		return &asyncAwaitable{gen: g, kind: 0, value: None}, nil
	}
	f := lookupCached(o.Type(), strAnext)
	if f == nil {
		return nil, typeErr("'async for' requires an iterator with __anext__ method, got %s", TypeName(o))
	}
	r, err := t.Call(f, []Object{o}, nil)
	if err != nil {
		return nil, err
	}
	aw, err := t.getAwaitable(r, 0)
	if err != nil {
		return nil, typeErr("'async for' received an invalid object from __anext__: %s", TypeName(r))
	}
	return aw, nil
}

// asyncAwaitable is the awaitable returned by asend() (kind 0), athrow() (1) or aclose() (2).
type asyncAwaitable struct {
	gen   *Generator
	kind  int
	value Object // asend value
	exc   *Exception
	state int // 0 init, 1 iterating, 2 closed
}

func (*asyncAwaitable) Type() *Type { return AsyncGenASendType }

// awaitableSend advances an asend/athrow awaitable: ok false means it completed with value r
// (StopIteration semantics).
func (t *Thread) awaitableSend(a *asyncAwaitable, v Object, exc error) (Object, bool, error) {
	g := a.gen
	if a.state == 2 {
		return nil, false, Errorf(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()")
	}
	var r Object
	var done bool
	var err error
	if a.state == 0 {
		a.state = 1
		switch a.kind {
		case 0:
			if v == None {
				v = a.value
			}
			if exc != nil {
				r, done, err = t.throwGen(g, asException(exc))
			} else {
				r, done, err = t.resume(g, v, nil)
			}
		default:
			if g.finished || g.closed {
				a.state = 2
				if a.kind == 2 {
					return None, false, nil
				}
				return nil, false, NewException(StopAsyncIterationType)
			}
			ex := a.exc
			if a.kind == 2 {
				ex = NewException(GeneratorExitType)
				g.closed = true
			}
			if !g.started {
				g.finished = true
				a.state = 2
				if a.kind == 2 {
					return None, false, nil
				}
				return nil, false, ex
			}
			r, done, err = t.throwGen(g, ex)
		}
	} else {
		if exc != nil {
			r, done, err = t.throwGen(g, asException(exc))
		} else {
			r, done, err = t.resume(g, v, nil)
		}
	}
	if err != nil {
		a.state = 2
		if a.kind == 2 && (isExc(err, GeneratorExitType) || isExc(err, StopAsyncIterationType)) {
			return None, false, nil
		}
		return nil, false, err
	}
	if done {
		a.state = 2
		if a.kind == 2 {
			return None, false, nil
		}
		return nil, false, NewException(StopAsyncIterationType)
	}
	if w, ok := r.(*asyncGenWrapped); ok {
		a.state = 2
		if a.kind == 2 {
			return nil, false, Errorf(RuntimeErrorType, "async generator ignored GeneratorExit")
		}
		return w.v, false, nil
	}
	return r, true, nil
}

// abandonGen closes a loop's own generator that the loop dropped before it finished; an error
// from closing it is reported as unraisable, as CPython reports it from the generator's finalizer.
func (t *Thread) abandonGen(g *Generator, f *Frame, pc int) {
	g.loopOwned = false
	if g.finished {
		return
	}
	if err := t.closeGen(g); err != nil {
		t.writeUnraisable(g, asException(err), f, pc)
	}
}

// abandonStack closes the loops' own generators among the stack values an exception unwinds.
func (t *Thread) abandonStack(vals []Object, f *Frame, pc int) {
	for i := len(vals) - 1; i >= 0; i-- {
		if g, ok := vals[i].(*Generator); ok && g.loopOwned {
			t.abandonGen(g, f, pc)
		}
	}
}

// writeUnraisable reports an exception that cannot propagate (from a finalizer) on stderr as
// CPython's default unraisable hook does: "Exception ignored in: <obj>" and the traceback, which
// starts at the current instruction when the exception has none of its own.
func (t *Thread) writeUnraisable(obj Object, exc *Exception, f *Frame, pc int) {
	if exc.Traceback == nil && f != nil {
		exc.Traceback = &Traceback{Frame: f, Code: f.ci.code, PC: pc}
	}
	what := "<object>"
	if r, err := t.Repr(obj); err == nil {
		what = r.String()
	}
	t.flushStd()
	_ = t.writeTo(t.sysAttr("stderr"), "Exception ignored in: "+what+"\n"+t.FormatException(exc))
	t.interp.Stderr.flush()
}
