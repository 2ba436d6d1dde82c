package modules

import (
	. "gopyc/objects"
	"gopyc/vm"
)

// makePyexpat builds pyexpat, the XML parser behind xml.etree.ElementTree, xml.dom.minidom,
// xml.sax and plistlib. The parser is gopyc's own (pyexpat_parse.go, pyexpat_dtd.go): it checks
// well-formedness like expat 2.5.0 and reports expat's error codes and positions. The
// xmlparser type, its handler attributes and the errors/model submodules are Python
// (pyexpatSrc): Parse hands the data to the Go parser, which returns the events of the
// complete tokens, then calls the handlers for them.
func makePyexpat(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "pyexpat", pyexpatSrc, func(m *vm.Module) {
		fn(m, "_new", 3, 3, func(t *vm.Thread, a []Object) (Object, error) {
			enc := ""
			if a[0] != None {
				s, ok := a[0].(*Str)
				if !ok {
					return nil, vm.TypeError("ParserCreate() argument 'encoding' must be str or None, not %s", a[0].Type().Name)
				}
				enc = s.String()
			}
			sep, ns := "", false
			if a[1] != None {
				s, ok := a[1].(*Str)
				if !ok {
					return nil, vm.TypeError("ParserCreate() argument 'namespace_separator' must be str or None, not %s", a[1].Type().Name)
				}
				sep, ns = s.String(), true
			}
			p := newXPParser(enc, sep, ns)
			if a[2] == True {
				p.frag = true
				p.state = 2
			}
			return &xpObject{p: p}, nil
		})
		fn(m, "_setenc", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			h, ok := a[0].(*xpObject)
			if !ok {
				return nil, vm.TypeError("bad parser")
			}
			var table []rune
			if s, ok := a[1].(*Str); ok {
				for _, r := range s.String() {
					if r == 0xfffd {
						r = -1
					}
					table = append(table, r)
				}
				if len(table) != 256 {
					table = nil
				}
			}
			h.p.SetEncodingTable(table)
			return None, nil
		})
		fn(m, "_setflags", 3, 3, func(t *vm.Thread, a []Object) (Object, error) {
			h, ok := a[0].(*xpObject)
			if !ok {
				return nil, vm.TypeError("bad parser")
			}
			v, err := t.Index(a[1])
			if err != nil {
				return nil, err
			}
			n, _ := v.Int64()
			h.p.paramParsing = int(n)
			h.p.foreignDTD = a[2] == True
			return None, nil
		})
		fn(m, "_feed", 5, 5, func(t *vm.Thread, a []Object) (Object, error) {
			h, ok := a[0].(*xpObject)
			if !ok {
				return nil, vm.TypeError("bad parser")
			}
			data, err := bytesArg(t, a[1])
			if err != nil {
				return nil, err
			}
			flags, err := t.Index(a[4])
			if err != nil {
				return nil, err
			}
			fl, _ := flags.Int64()
			p := h.p
			p.wantRaw = fl&1 != 0
			p.nsPrefixes = fl&2 != 0
			p.noExpand = fl&4 != 0
			p.feed(data, a[2] == True, a[3] == True)
			evs := make([]Object, len(p.events))
			for i, e := range p.events {
				evs[i] = e.object()
			}
			p.events = p.events[:0]
			var errObj Object = None
			if p.needEnc != "" && p.errCode == 0 {
				errObj = NewTuple([]Object{NewStr(p.needEnc)})
				p.needEnc = ""
			} else if p.errCode != 0 {
				errObj = NewTuple([]Object{NewInt(int64(p.errCode)), NewInt(int64(p.errPos.line)), NewInt(int64(p.errPos.col)), NewInt(int64(p.errPos.idx))})
			}
			end := p.bpos // where scanning stopped: the start of an incomplete token
			endObj := NewTuple([]Object{NewInt(int64(end.line)), NewInt(int64(end.col)), NewInt(int64(end.idx))})
			return NewTuple([]Object{NewList(evs), errObj, endObj}), nil
		})
	})
}

// xpObject holds a Go parser for the Python xmlparser.
type xpObject struct{ p *xpParser }

var xpObjectType = &Type{Name: "_expat_state"}

func (*xpObject) Type() *Type { return xpObjectType }

func (v xpValue) object() Object {
	if !v.ok {
		return None
	}
	return NewStr(v.s)
}

func (m *xpModel) object() Object {
	ch := make([]Object, len(m.children))
	for i, c := range m.children {
		ch[i] = c.object()
	}
	return NewTuple([]Object{NewInt(int64(m.typ)), NewInt(int64(m.quant)), m.name.object(), NewTuple(ch)})
}

func (e *xpEvent) object() Object {
	args := make([]Object, len(e.args))
	for i, a := range e.args {
		switch v := a.(type) {
		case string:
			args[i] = NewStr(v)
		case int:
			args[i] = NewInt(int64(v))
		case bool:
			if v {
				args[i] = NewInt(1)
			} else {
				args[i] = NewInt(0)
			}
		case xpValue:
			args[i] = v.object()
		case []string:
			l := make([]Object, len(v))
			for k, s := range v {
				l[k] = NewStr(s)
			}
			args[i] = NewList(l)
		case *xpModel:
			args[i] = v.object()
		default:
			args[i] = None
		}
	}
	var raw Object = None
	if e.pieces != nil {
		l := make([]Object, len(e.pieces))
		for i, p := range e.pieces {
			l[i] = NewStr(p)
		}
		raw = NewTuple(l)
	} else if e.hasRaw {
		raw = NewStr(e.raw)
	}
	return NewTuple([]Object{NewInt(int64(e.kind)), NewInt(int64(e.pos.line)), NewInt(int64(e.pos.col)), NewInt(int64(e.pos.idx)), NewTuple(args), raw})
}

const pyexpatSrc = `
import sys as _sys

EXPAT_VERSION = 'expat_2.5.0'
version_info = (2, 5, 0)
native_encoding = 'UTF-8'
features = [('sizeof(XML_Char)', 1), ('sizeof(XML_LChar)', 1), ('XML_DTD', 0),
            ('XML_CONTEXT_BYTES', 1024), ('XML_NS', 0), ('XML_BLAP_MAX_AMP', 100),
            ('XML_BLAP_ACT_THRES', 8388608)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2


class ExpatError(Exception):
    pass

ExpatError.__module__ = 'xml.parsers.expat'
error = ExpatError

_ERRORS = [
    ('XML_ERROR_NO_MEMORY', 'out of memory'),
    ('XML_ERROR_SYNTAX', 'syntax error'),
    ('XML_ERROR_NO_ELEMENTS', 'no element found'),
    ('XML_ERROR_INVALID_TOKEN', 'not well-formed (invalid token)'),
    ('XML_ERROR_UNCLOSED_TOKEN', 'unclosed token'),
    ('XML_ERROR_PARTIAL_CHAR', 'partial character'),
    ('XML_ERROR_TAG_MISMATCH', 'mismatched tag'),
    ('XML_ERROR_DUPLICATE_ATTRIBUTE', 'duplicate attribute'),
    ('XML_ERROR_JUNK_AFTER_DOC_ELEMENT', 'junk after document element'),
    ('XML_ERROR_PARAM_ENTITY_REF', 'illegal parameter entity reference'),
    ('XML_ERROR_UNDEFINED_ENTITY', 'undefined entity'),
    ('XML_ERROR_RECURSIVE_ENTITY_REF', 'recursive entity reference'),
    ('XML_ERROR_ASYNC_ENTITY', 'asynchronous entity'),
    ('XML_ERROR_BAD_CHAR_REF', 'reference to invalid character number'),
    ('XML_ERROR_BINARY_ENTITY_REF', 'reference to binary entity'),
    ('XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF', 'reference to external entity in attribute'),
    ('XML_ERROR_MISPLACED_XML_PI', 'XML or text declaration not at start of entity'),
    ('XML_ERROR_UNKNOWN_ENCODING', 'unknown encoding'),
    ('XML_ERROR_INCORRECT_ENCODING', 'encoding specified in XML declaration is incorrect'),
    ('XML_ERROR_UNCLOSED_CDATA_SECTION', 'unclosed CDATA section'),
    ('XML_ERROR_EXTERNAL_ENTITY_HANDLING', 'error in processing external entity reference'),
    ('XML_ERROR_NOT_STANDALONE', 'document is not standalone'),
    ('XML_ERROR_UNEXPECTED_STATE', 'unexpected parser state - please send a bug report'),
    ('XML_ERROR_ENTITY_DECLARED_IN_PE', 'entity declared in parameter entity'),
    ('XML_ERROR_FEATURE_REQUIRES_XML_DTD', 'requested feature requires XML_DTD support in Expat'),
    ('XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING', 'cannot change setting once parsing has begun'),
    ('XML_ERROR_UNBOUND_PREFIX', 'unbound prefix'),
    ('XML_ERROR_UNDECLARING_PREFIX', 'must not undeclare prefix'),
    ('XML_ERROR_INCOMPLETE_PE', 'incomplete markup in parameter entity'),
    ('XML_ERROR_XML_DECL', 'XML declaration not well-formed'),
    ('XML_ERROR_TEXT_DECL', 'text declaration not well-formed'),
    ('XML_ERROR_PUBLICID', 'illegal character(s) in public id'),
    ('XML_ERROR_SUSPENDED', 'parser suspended'),
    ('XML_ERROR_NOT_SUSPENDED', 'parser not suspended'),
    ('XML_ERROR_ABORTED', 'parsing aborted'),
    ('XML_ERROR_FINISHED', 'parsing finished'),
    ('XML_ERROR_SUSPEND_PE', 'cannot suspend in external parameter entity'),
    ('XML_ERROR_RESERVED_PREFIX_XML', 'reserved prefix (xml) must not be undeclared or bound to another namespace name'),
    ('XML_ERROR_RESERVED_PREFIX_XMLNS', 'reserved prefix (xmlns) must not be declared or undeclared'),
    ('XML_ERROR_RESERVED_NAMESPACE_URI', 'prefix must not be bound to one of the reserved namespace names'),
    ('XML_ERROR_INVALID_ARGUMENT', 'invalid argument'),
    ('XML_ERROR_NO_BUFFER', 'a successful prior call to function XML_GetBuffer is required'),
    ('XML_ERROR_AMPLIFICATION_LIMIT_BREACH', 'limit on input amplification factor (from DTD and entities) breached'),
]
_messages = {}

errors = type(_sys)('pyexpat.errors')
errors.__doc__ = 'Constants used to describe error conditions.'
errors.codes = {}
errors.messages = {}
for _code, (_name, _msg) in enumerate(_ERRORS, 1):
    setattr(errors, _name, _msg)
    errors.codes[_msg] = _code
    errors.messages[_code] = _msg
    _messages[_code] = _msg

model = type(_sys)('pyexpat.model')
model.__doc__ = 'Constants used to interpret content model information.'
model.XML_CTYPE_EMPTY = 1
model.XML_CTYPE_ANY = 2
model.XML_CTYPE_MIXED = 3
model.XML_CTYPE_NAME = 4
model.XML_CTYPE_CHOICE = 5
model.XML_CTYPE_SEQ = 6
model.XML_CQUANT_NONE = 0
model.XML_CQUANT_OPT = 1
model.XML_CQUANT_REP = 2
model.XML_CQUANT_PLUS = 3
_sys.modules.setdefault('pyexpat.errors', errors)
_sys.modules.setdefault('pyexpat.model', model)
del _code, _name, _msg


def _encoding_table(name):
    import codecs
    info = codecs.lookup(name)  # LookupError propagates, as in CPython
    if getattr(info, '_is_text_encoding', True) is False:
        return None
    try:
        s = bytes(range(256)).decode(name, 'replace')
    except Exception:
        # decode byte by byte (a codec that fails on the whole table)
        chars = []
        for b in range(256):
            try:
                c = bytes((b,)).decode(name)
            except Exception:
                c = '\ufffd'
            if len(c) != 1:
                raise ValueError('multi-byte encodings are not supported')
            chars.append(c)
        s = ''.join(chars)
    if len(s) != 256:
        raise ValueError('multi-byte encodings are not supported')
    return s


def ErrorString(code):
    return _messages.get(code)


_HANDLERS = {
    0: 'StartElementHandler', 1: 'EndElementHandler', 2: 'CharacterDataHandler',
    3: 'ProcessingInstructionHandler', 4: 'CommentHandler', 5: 'StartNamespaceDeclHandler',
    6: 'EndNamespaceDeclHandler', 7: 'XmlDeclHandler', 8: 'StartDoctypeDeclHandler',
    9: 'EndDoctypeDeclHandler', 10: 'StartCdataSectionHandler', 11: 'EndCdataSectionHandler',
    12: 'EntityDeclHandler', 13: 'NotationDeclHandler', 14: 'ElementDeclHandler',
    15: 'AttlistDeclHandler', 16: 'ExternalEntityRefHandler', 17: 'SkippedEntityHandler',
}
_ALL_HANDLERS = tuple(_HANDLERS.values()) + ('UnparsedEntityDeclHandler', 'NotStandaloneHandler')
_unset = object()


class xmlparser:
    '''XML parser'''

    __slots__ = ('_p', '_handlers', '_default', '_buf', '_buflen', '_pos', '_err', '_base',
                 '_buffer_size', 'buffer_text', 'ordered_attributes', 'specified_attributes',
                 'namespace_prefixes', 'intern', '_started', '_sep', '_enc', '_pep', '_foreign', '_noexpand')

    def __init__(self, *a, **k):
        raise TypeError("cannot create 'pyexpat.xmlparser' instances")

    def __getattr__(self, name):
        if not isinstance(name, str):
            raise TypeError("attribute name must be string, not '%s'" % type(name).__name__)
        if name in _ALL_HANDLERS:
            return self._handlers.get(name)
        if name in ('DefaultHandler', 'DefaultHandlerExpand'):
            return self._default
        raise AttributeError("'pyexpat.xmlparser' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        if not isinstance(name, str):
            raise TypeError("attribute name must be string, not '%s'" % type(name).__name__)
        if name in _ALL_HANDLERS:
            if name == 'CharacterDataHandler':
                self._flush()
            self._handlers[name] = value
        elif name in ('DefaultHandler', 'DefaultHandlerExpand'):
            # as expat's XML_SetDefaultHandler, setting DefaultHandler (even to None) stops
            # the expansion of internal entities in content
            object.__setattr__(self, '_default', value)
            object.__setattr__(self, '_noexpand', name == 'DefaultHandler')
        elif name == 'buffer_size':
            if not isinstance(value, int):
                raise TypeError('buffer_size must be an integer')
            if value > 0x7fffffff:
                raise OverflowError('Python int too large to convert to C int')
            if value <= 0:
                raise ValueError('buffer_size must be greater than zero')
            self._flush()
            object.__setattr__(self, '_buffer_size', value)
        elif name == 'buffer_text':
            if not value:
                self._flush()
            object.__setattr__(self, name, bool(value))
        elif name in ('ordered_attributes', 'specified_attributes', 'namespace_prefixes'):
            object.__setattr__(self, name, bool(value))
        elif name in xmlparser.__slots__ and not name.startswith('_'):
            raise AttributeError("attribute '%s' of 'pyexpat.xmlparser' objects is not writable" % name)
        else:
            raise AttributeError("'pyexpat.xmlparser' object has no attribute '%s'" % name)

    @property
    def buffer_size(self):
        return self._buffer_size

    @property
    def buffer_used(self):
        return self._buflen

    @property
    def CurrentLineNumber(self):
        return self._pos[0]

    @property
    def CurrentColumnNumber(self):
        return self._pos[1]

    @property
    def CurrentByteIndex(self):
        return self._pos[2]

    @property
    def ErrorCode(self):
        return self._err[0]

    # Like expat's XML_GetErrorLineNumber, these give the current position (which is the
    # error's once an error happened).
    @property
    def ErrorLineNumber(self):
        return self._pos[0]

    @property
    def ErrorColumnNumber(self):
        return self._pos[1]

    @property
    def ErrorByteIndex(self):
        return self._pos[2]

    def _flush(self):
        if self._buf:
            data = ''.join(self._buf)
            self._buf.clear()
            object.__setattr__(self, '_buflen', 0)
            h = self._handlers.get('CharacterDataHandler')
            if h is not None:
                h(data)

    def Parse(self, data, isfinal=False):
        if isinstance(data, str):
            b = data.encode('utf-8', 'surrogatepass')
            isstr = True
        else:
            b = data
            isstr = False
        object.__setattr__(self, '_started', True)
        flags = ((1 if self._default is not None else 0) | (2 if self.namespace_prefixes else 0) |
                 (4 if self._noexpand else 0))
        events, err, end = _feed(self._p, b, bool(isfinal), isstr, flags)
        try:
            while err is not None and len(err) == 1:
                # the XML declaration is reported before the encoding is looked up
                self._dispatch(events)
                _setenc(self._p, _encoding_table(err[0]))
                events, err, end = _feed(self._p, b'', bool(isfinal), False, flags)
            self._dispatch(events)
        except BaseException:
            self._buf.clear()
            object.__setattr__(self, '_buflen', 0)
            raise
        if err is not None:
            self._raise(err)
        object.__setattr__(self, '_pos', end)
        self._flush()
        return 1

    def _raise(self, err):
        object.__setattr__(self, '_err', err)
        object.__setattr__(self, '_pos', err[1:])
        code = err[0]
        e = ExpatError('%s: line %d, column %d' % (_messages[code], err[1], err[2]))
        e.code = code
        e.lineno = err[1]
        e.offset = err[2]
        raise e

    def _dispatch(self, events):
        handlers = self._handlers
        intern = self.intern
        for ev in events:
            k = ev[0]
            object.__setattr__(self, '_pos', ev[1:4])
            args = ev[4]
            if k == 2:
                h = handlers.get('CharacterDataHandler')
                if h is None:
                    if self._default is not None:
                        self._flush()
                        self._default(args[0] if ev[5] is None else ev[5])
                    continue
                if self.buffer_text:
                    d = args[0]
                    if self._buflen + len(d) > self._buffer_size:
                        self._flush()
                        if len(d) > self._buffer_size:
                            h(d)
                            continue
                    self._buf.append(d)
                    object.__setattr__(self, '_buflen', self._buflen + len(d))
                    continue
                h(args[0])
                continue
            if k == 18:
                if self._default is not None:
                    self._flush()
                    self._default(args[0])
                continue
            if k == 19:
                h = handlers.get('NotStandaloneHandler')
                if h is not None:
                    self._flush()
                    if not h():
                        self._raise((22,) + ev[1:4])
                continue
            h = handlers.get(_HANDLERS[k])
            if k == 0:
                if h is not None:
                    self._flush()
                    name, attrs, nspec = args
                    if intern is not None:
                        name = intern.setdefault(name, name)
                        for i in range(0, len(attrs), 2):
                            a = attrs[i]
                            attrs[i] = intern.setdefault(a, a)
                    if self.specified_attributes:
                        del attrs[2 * nspec:]
                    if not self.ordered_attributes:
                        attrs = dict(zip(attrs[::2], attrs[1::2]))
                    h(name, attrs)
                    continue
            elif k == 1:
                if h is not None:
                    self._flush()
                    name = args[0]
                    if intern is not None:
                        name = intern.setdefault(name, name)
                    h(name)
                    continue
            elif k == 12:
                if args[6] is not None:
                    u = handlers.get('UnparsedEntityDeclHandler')
                    if u is not None:
                        self._flush()
                        u(args[0], self._base, args[4], args[5], args[6])
                        continue
                if h is not None:
                    self._flush()
                    h(*args[:3], self._base, *args[4:])
                    continue
            elif k == 13:
                if h is not None:
                    self._flush()
                    h(args[0], self._base, args[2], args[3])
                    continue
            elif k == 16:
                if h is not None:
                    self._flush()
                    r = h(args[0], self._base, args[1], args[2])
                    if not r:
                        self._raise((21,) + ev[1:4])
                    continue
            elif h is not None:
                self._flush()
                h(*args)
                continue
            raw = ev[5]
            if self._default is not None and raw is not None:
                self._flush()
                if type(raw) is tuple:
                    for piece in raw:
                        self._default(piece)
                else:
                    self._default(raw)

    def ParseFile(self, file):
        try:
            read = file.read
        except AttributeError:
            raise TypeError("argument must have 'read' attribute") from None
        while True:
            data = read(65536)
            if not isinstance(data, (bytes, bytearray, str)):
                raise TypeError('read() did not return a bytes object (type=%s)' % type(data).__name__)
            if not data:
                break
            self.Parse(data, False)
        return self.Parse(b'', True)

    def SetBase(self, base):
        object.__setattr__(self, '_base', base)

    def GetBase(self):
        return self._base

    def GetInputContext(self):
        return None

    def SetParamEntityParsing(self, flag):
        if self._started:
            return 0
        object.__setattr__(self, '_pep', flag)
        _setflags(self._p, flag, self._foreign)
        return 1

    def UseForeignDTD(self, flag=True):
        if self._started:
            e = ExpatError(_messages[26])
            e.code = 26
            raise e
        object.__setattr__(self, '_foreign', bool(flag))
        _setflags(self._p, self._pep, bool(flag))

    def ExternalEntityParserCreate(self, context, encoding=None):
        p = _make(self._enc if encoding is None else encoding, self._sep, self.intern, True)
        p._handlers.update(self._handlers)
        object.__setattr__(p, '_default', self._default)
        object.__setattr__(p, '_base', self._base)
        for a in ('buffer_text', 'ordered_attributes', 'specified_attributes', 'namespace_prefixes'):
            object.__setattr__(p, a, getattr(self, a))
        return p

    def __dir__(self):
        return sorted(set(object.__dir__(self)) | set(_ALL_HANDLERS) | {'DefaultHandler', 'DefaultHandlerExpand'})


xmlparser.__module__ = 'pyexpat'
XMLParserType = xmlparser


def _make(encoding, namespace_separator, intern, frag):
    p = object.__new__(xmlparser)
    s = object.__setattr__
    s(p, '_p', _new(encoding, namespace_separator, frag))
    s(p, '_handlers', {})
    s(p, '_default', None)
    s(p, '_buf', [])
    s(p, '_buflen', 0)
    s(p, '_pos', (1, 0, -1))
    s(p, '_err', (0, 1, 0, -1))
    s(p, '_base', None)
    s(p, '_buffer_size', 8192)
    s(p, '_started', False)
    s(p, '_sep', namespace_separator)
    s(p, '_enc', encoding)
    s(p, '_pep', 0)
    s(p, '_noexpand', False)
    s(p, '_foreign', False)
    s(p, 'buffer_text', False)
    s(p, 'ordered_attributes', False)
    s(p, 'specified_attributes', False)
    s(p, 'namespace_prefixes', False)
    s(p, 'intern', intern)
    return p


def ParserCreate(encoding=None, namespace_separator=None, intern=_unset):
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("ParserCreate() argument 'encoding' must be str or None, not %s" % type(encoding).__name__)
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' must be str or None, not %s" % type(namespace_separator).__name__)
        if len(namespace_separator) > 1:
            raise ValueError('namespace_separator must be at most one character, omitted, or None')
    if intern is _unset:
        intern = {}
    elif intern is not None and not isinstance(intern, dict):
        raise TypeError('intern must be a dictionary')
    return _make(encoding, namespace_separator, intern, False)
`
