package modules

import (
	"errors"

	. "gopyc/objects"
	"gopyc/vm"
)

// errXPStop stops the scan when a handler's result is an error (ExternalEntityRefHandler
// returning 0).
var errXPStop = errors.New("pyexpat: stop")

// The handler calls: after each Parse the events of the complete tokens are dispatched here,
// in Go, to the handlers of the Python xmlparser (its handler dict, read at each event since
// handlers may change handlers). Character data is buffered here when buffer_text is set.

// xpObject holds a Go parser and the xmlparser settings the dispatch needs.
type xpObject struct {
	p *xpParser

	pos        xpPos // the current position (of the event being reported)
	bufferText bool
	bufferSize int
	ordered    bool
	specified  bool
	base       Object
	intern     *Dict
	buf        []string
	bufLen     int
}

var xpObjectType = &Type{Name: "_expat_state"}

func (*xpObject) Type() *Type { return xpObjectType }

var (
	xpStrDefault    = NewStr("DefaultHandler")
	xpStrCharData   = NewStr("CharacterDataHandler")
	xpStrUnparsed   = NewStr("UnparsedEntityDeclHandler")
	xpHandlerByKind = [...]string{
		xpEvStart: "StartElementHandler", xpEvEnd: "EndElementHandler",
		xpEvData: "CharacterDataHandler", xpEvPI: "ProcessingInstructionHandler",
		xpEvComment: "CommentHandler", xpEvStartNS: "StartNamespaceDeclHandler",
		xpEvEndNS: "EndNamespaceDeclHandler", xpEvXMLDecl: "XmlDeclHandler",
		xpEvStartDoctype: "StartDoctypeDeclHandler", xpEvEndDoctype: "EndDoctypeDeclHandler",
		xpEvStartCDATA: "StartCdataSectionHandler", xpEvEndCDATA: "EndCdataSectionHandler",
		xpEvEntityDecl: "EntityDeclHandler", xpEvNotationDecl: "NotationDeclHandler",
		xpEvElementDecl: "ElementDeclHandler", xpEvAttlistDecl: "AttlistDeclHandler",
		xpEvExtRef: "ExternalEntityRefHandler", xpEvSkipped: "SkippedEntityHandler",
		xpEvDefault: "DefaultHandler", xpEvNotStandalone: "NotStandaloneHandler",
	}
	xpHandlerStrs [len(xpHandlerByKind)]*Str
)

func init() {
	for i, n := range xpHandlerByKind {
		xpHandlerStrs[i] = NewStr(n)
	}
}

// handler returns the handler set for name, or nil.
func xpHandler(h *Dict, name *Str) Object {
	v := h.GetStr(name)
	if v == nil || v == None {
		return nil
	}
	return v
}

// name returns s as a str, through the intern dict when there is one.
func (o *xpObject) name(s string) Object {
	k := NewStr(s)
	if o.intern == nil {
		return k
	}
	if v := o.intern.GetStr(k); v != nil {
		return v
	}
	o.intern.SetStr(k, k)
	return k
}

func (o *xpObject) flush(t *vm.Thread, h *Dict) error {
	if len(o.buf) == 0 {
		return nil
	}
	var text string
	if len(o.buf) == 1 {
		text = o.buf[0]
	} else {
		n := 0
		for _, s := range o.buf {
			n += len(s)
		}
		b := make([]byte, 0, n)
		for _, s := range o.buf {
			b = append(b, s...)
		}
		text = string(b)
	}
	o.buf = o.buf[:0]
	o.bufLen = 0
	if cd := xpHandler(h, xpStrCharData); cd != nil {
		_, err := t.Call(cd, []Object{NewStr(text)}, nil)
		return err
	}
	return nil
}

// dispatch calls the handlers for the parser's pending events. It returns the error tuple
// (code, line, column, byte index) of an error a handler's result causes, or a Python
// exception a handler raised.
func (o *xpObject) dispatch(t *vm.Thread, h *Dict) (Object, error) {
	p := o.p
	evs := p.events
	defer func() { p.events = p.events[:0] }()
	for k := range evs {
		e := &evs[k]
		o.pos = e.pos
		var hd Object
		switch e.kind {
		case xpEvData:
			cd := xpHandler(h, xpStrCharData)
			text := e.args[0].(string)
			if cd == nil {
				if def := xpHandler(h, xpStrDefault); def != nil {
					if err := o.flush(t, h); err != nil {
						return nil, err
					}
					raw := text
					if e.hasRaw {
						raw = string(e.raw)
					}
					if _, err := t.Call(def, []Object{NewStr(raw)}, nil); err != nil {
						return nil, err
					}
				}
				continue
			}
			if o.bufferText {
				if o.bufLen+len(text) > o.bufferSize {
					if err := o.flush(t, h); err != nil {
						return nil, err
					}
					if len(text) > o.bufferSize {
						if _, err := t.Call(cd, []Object{NewStr(text)}, nil); err != nil {
							return nil, err
						}
						continue
					}
				}
				o.buf = append(o.buf, text)
				o.bufLen += len(text)
				continue
			}
			if _, err := t.Call(cd, []Object{NewStr(text)}, nil); err != nil {
				return nil, err
			}
			continue
		case xpEvDefault:
			if def := xpHandler(h, xpStrDefault); def != nil {
				if err := o.flush(t, h); err != nil {
					return nil, err
				}
				if _, err := t.Call(def, []Object{NewStr(e.args[0].(string))}, nil); err != nil {
					return nil, err
				}
			}
			continue
		case xpEvEntityDecl:
			if e.args[6].(xpValue).ok {
				if u := xpHandler(h, xpStrUnparsed); u != nil {
					hd = u
					if err := o.flush(t, h); err != nil {
						return nil, err
					}
					a := e.args
					if _, err := t.Call(u, []Object{NewStr(a[0].(string)), o.baseObj(), a[4].(xpValue).object(), a[5].(xpValue).object(), a[6].(xpValue).object()}, nil); err != nil {
						return nil, err
					}
					continue
				}
			}
		}
		hd = xpHandler(h, xpHandlerStrs[e.kind])
		if hd == nil {
			if err := o.defaultRaw(t, h, e); err != nil {
				return nil, err
			}
			continue
		}
		if err := o.flush(t, h); err != nil {
			return nil, err
		}
		args := o.args(e)
		r, err := t.Call(hd, args, nil)
		if err != nil {
			return nil, err
		}
		if e.kind == xpEvExtRef || e.kind == xpEvNotStandalone {
			ok, err := t.Truth(r)
			if err != nil {
				return nil, err
			}
			if !ok {
				code := 21
				if e.kind == xpEvNotStandalone {
					code = 22
				}
				return NewTuple([]Object{NewInt(int64(code)), NewInt(int64(e.pos.line)), NewInt(int64(e.pos.col)), NewInt(int64(e.pos.idx))}), nil
			}
		}
	}
	return nil, nil
}

func (o *xpObject) baseObj() Object {
	if o.base == nil {
		return None
	}
	return o.base
}

// defaultRaw passes an event's markup to the default handler, if there is one.
func (o *xpObject) defaultRaw(t *vm.Thread, h *Dict, e *xpEvent) error {
	if e.kind == xpEvNotStandalone {
		return nil
	}
	def := xpHandler(h, xpStrDefault)
	if def == nil {
		return nil
	}
	if e.pieces != nil {
		if err := o.flush(t, h); err != nil {
			return err
		}
		for _, piece := range e.pieces {
			if _, err := t.Call(def, []Object{NewStr(piece)}, nil); err != nil {
				return err
			}
		}
		return nil
	}
	if !e.hasRaw {
		return nil
	}
	if err := o.flush(t, h); err != nil {
		return err
	}
	_, err := t.Call(def, []Object{NewStr(string(e.raw))}, nil)
	return err
}

// args converts an event's arguments for its handler.
func (o *xpObject) args(e *xpEvent) []Object {
	a := e.args
	switch e.kind {
	case xpEvStart:
		attrs := a[1].([]string)
		if o.specified {
			attrs = attrs[:2*a[2].(int)]
		}
		name := o.name(a[0].(string))
		if o.ordered {
			l := make([]Object, len(attrs))
			for i := 0; i < len(attrs); i += 2 {
				l[i] = o.name(attrs[i])
				l[i+1] = NewStr(attrs[i+1])
			}
			return []Object{name, NewList(l)}
		}
		d := NewDict(len(attrs) / 2)
		for i := 0; i < len(attrs); i += 2 {
			d.SetStr(o.name(attrs[i]).(*Str), NewStr(attrs[i+1]))
		}
		return []Object{name, d}
	case xpEvEnd:
		return []Object{o.name(a[0].(string))}
	case xpEvEntityDecl:
		return []Object{NewStr(a[0].(string)), xpBool(a[1].(bool)), a[2].(xpValue).object(), o.baseObj(), a[4].(xpValue).object(), a[5].(xpValue).object(), a[6].(xpValue).object()}
	case xpEvNotationDecl:
		return []Object{NewStr(a[0].(string)), o.baseObj(), a[2].(xpValue).object(), a[3].(xpValue).object()}
	case xpEvExtRef:
		return []Object{a[0].(xpValue).object(), o.baseObj(), a[1].(xpValue).object(), a[2].(xpValue).object()}
	}
	out := make([]Object, len(a))
	for i, v := range a {
		out[i] = xpArg(v)
	}
	return out
}

func xpBool(b bool) Object {
	if b {
		return NewInt(1)
	}
	return NewInt(0)
}

func xpArg(a any) Object {
	switch v := a.(type) {
	case string:
		return NewStr(v)
	case int:
		return NewInt(int64(v))
	case bool:
		return xpBool(v)
	case xpValue:
		return v.object()
	case *xpModel:
		return v.object()
	}
	return None
}
