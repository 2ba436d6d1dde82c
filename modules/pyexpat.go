package modules

import (
	. "gopyc/objects"
	"gopyc/vm"
)

// makePyexpat builds pyexpat, the XML parser behind xml.etree.ElementTree, xml.dom.minidom,
// xml.sax and plistlib. The parser is gopyc's own (pyexpat_parse.go, pyexpat_dtd.go): it checks
// well-formedness like expat 2.5.0 and reports expat's error codes and positions. The
// xmlparser type, its attributes and the errors/model submodules are Python (pyexpatSrc);
// Parse hands the data to _run, which scans it and calls the handlers (kept in the parser's
// handler dict) from Go (pyexpat_dispatch.go).
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
			return &xpObject{p: p, bufferSize: 8192, pos: xpPos{line: 1, idx: -1}}, nil
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
		fn(m, "_run", 5, 5, func(t *vm.Thread, a []Object) (Object, error) {
			h, ok := a[0].(*xpObject)
			hd, ok2 := a[1].(*Dict)
			if !ok || !ok2 {
				return nil, vm.TypeError("bad parser")
			}
			data, err := bytesArg(t, a[2])
			if err != nil {
				return nil, err
			}
			p := h.p
			var stop Object
			p.sink = func() error {
				r, err := h.dispatch(t, hd)
				if err == nil && r != nil {
					stop, err = r, errXPStop
				}
				return err
			}
			p.feed(data, a[3] == True, a[4] == True)
			p.sink = nil
			err = p.abort
			if err == nil {
				var r Object
				r, err = h.dispatch(t, hd)
				if err == nil && r != nil {
					stop = r
				}
			}
			p.abort = nil
			if err == errXPStop {
				err = nil
			}
			if err != nil {
				// a handler raised: parsing stops there, as expat's XML_StopParser
				h.buf, h.bufLen = h.buf[:0], 0
				p.events = p.events[:0]
				p.finished = true
				return nil, err
			}
			if stop != nil {
				// the error stays, as expat's
				st := stop.(*Tuple).V
				code, _ := st[0].(*Int).Int64()
				p.errCode = int(code)
				p.errPos = h.pos
				return stop, nil
			}
			if p.needEnc != "" && p.errCode == 0 {
				name := p.needEnc
				p.needEnc = ""
				return NewTuple([]Object{NewStr(name)}), nil
			}
			if p.errCode != 0 {
				h.pos = p.errPos
				return NewTuple([]Object{NewInt(int64(p.errCode)), NewInt(int64(p.errPos.line)), NewInt(int64(p.errPos.col)), NewInt(int64(p.errPos.idx))}), nil
			}
			h.pos = p.bpos // where scanning stopped: the start of an incomplete token
			if err := h.flush(t, hd); err != nil {
				return nil, err
			}
			return None, nil
		})
		fn(m, "_pos", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			h, ok := a[0].(*xpObject)
			if !ok {
				return nil, vm.TypeError("bad parser")
			}
			return NewTuple([]Object{NewInt(int64(h.pos.line)), NewInt(int64(h.pos.col)), NewInt(int64(h.pos.idx))}), nil
		})
		fn(m, "_set", 3, 3, func(t *vm.Thread, a []Object) (Object, error) {
			h, ok := a[0].(*xpObject)
			name, ok2 := a[1].(*Str)
			if !ok || !ok2 {
				return nil, vm.TypeError("bad parser")
			}
			v := a[2]
			switch name.String() {
			case "buffer_text":
				h.bufferText = v == True
			case "buffer_size":
				n, err := t.Index(v)
				if err != nil {
					return nil, err
				}
				x, _ := n.Int64()
				h.bufferSize = int(x)
			case "ordered_attributes":
				h.ordered = v == True
			case "specified_attributes":
				h.specified = v == True
			case "namespace_prefixes":
				h.p.nsPrefixes = v == True
			case "noexpand":
				h.p.noExpand = v == True
			case "base":
				h.base = v
			case "intern":
				h.intern, _ = vm.Unwrap(v).(*Dict)
			case "flush":
				hd, _ := v.(*Dict)
				if hd != nil {
					return None, h.flush(t, hd)
				}
			}
			return None, nil
		})
		fn(m, "_buffered", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			h, ok := a[0].(*xpObject)
			if !ok {
				return nil, vm.TypeError("bad parser")
			}
			return NewInt(int64(h.bufLen)), nil
		})
	})
}

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


_HANDLER_NAMES = (
    'StartElementHandler', 'EndElementHandler', 'CharacterDataHandler',
    'ProcessingInstructionHandler', 'CommentHandler', 'StartNamespaceDeclHandler',
    'EndNamespaceDeclHandler', 'XmlDeclHandler', 'StartDoctypeDeclHandler',
    'EndDoctypeDeclHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler',
    'EntityDeclHandler', 'NotationDeclHandler', 'ElementDeclHandler', 'AttlistDeclHandler',
    'ExternalEntityRefHandler', 'SkippedEntityHandler', 'UnparsedEntityDeclHandler',
    'NotStandaloneHandler')
_ALL_HANDLERS = frozenset(_HANDLER_NAMES)
_unset = object()


class xmlparser:
    '''XML parser'''

    __slots__ = ('_p', '_handlers', '_base', '_buffer_size', 'buffer_text', 'ordered_attributes',
                 'specified_attributes', 'namespace_prefixes', 'intern', '_started', '_sep',
                 '_enc', '_pep', '_foreign', '_err')

    def __init__(self, *a, **k):
        raise TypeError("cannot create 'pyexpat.xmlparser' instances")

    def __getattr__(self, name):
        if not isinstance(name, str):
            raise TypeError("attribute name must be string, not '%s'" % type(name).__name__)
        if name in _ALL_HANDLERS:
            return self._handlers.get(name)
        if name in ('DefaultHandler', 'DefaultHandlerExpand'):
            return self._handlers.get('DefaultHandler')
        raise AttributeError("'pyexpat.xmlparser' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        if not isinstance(name, str):
            raise TypeError("attribute name must be string, not '%s'" % type(name).__name__)
        if name in _ALL_HANDLERS:
            if name == 'CharacterDataHandler':
                _set(self._p, 'flush', self._handlers)
            self._handlers[name] = value
        elif name in ('DefaultHandler', 'DefaultHandlerExpand'):
            # as expat's XML_SetDefaultHandler, setting DefaultHandler (even to None) stops
            # the expansion of internal entities in content
            self._handlers['DefaultHandler'] = value
            _set(self._p, 'noexpand', name == 'DefaultHandler')
        elif name == 'buffer_size':
            if not isinstance(value, int):
                raise TypeError('buffer_size must be an integer')
            if value > 0x7fffffff:
                raise OverflowError('Python int too large to convert to C int')
            if value <= 0:
                raise ValueError('buffer_size must be greater than zero')
            _set(self._p, 'flush', self._handlers)
            object.__setattr__(self, '_buffer_size', value)
            _set(self._p, 'buffer_size', value)
        elif name == 'buffer_text':
            value = bool(value)
            if not value:
                _set(self._p, 'flush', self._handlers)
            object.__setattr__(self, name, value)
            _set(self._p, name, value)
        elif name in ('ordered_attributes', 'specified_attributes', 'namespace_prefixes'):
            value = bool(value)
            object.__setattr__(self, name, value)
            _set(self._p, name, value)
        elif name in xmlparser.__slots__ and not name.startswith('_'):
            raise AttributeError("attribute '%s' of 'pyexpat.xmlparser' objects is not writable" % name)
        else:
            raise AttributeError("'pyexpat.xmlparser' object has no attribute '%s'" % name)

    @property
    def buffer_size(self):
        return self._buffer_size

    @property
    def buffer_used(self):
        return _buffered(self._p)

    @property
    def CurrentLineNumber(self):
        return _pos(self._p)[0]

    @property
    def CurrentColumnNumber(self):
        return _pos(self._p)[1]

    @property
    def CurrentByteIndex(self):
        return _pos(self._p)[2]

    @property
    def ErrorCode(self):
        return self._err

    # Like expat's XML_GetErrorLineNumber, these give the current position (which is the
    # error's once an error happened).
    @property
    def ErrorLineNumber(self):
        return _pos(self._p)[0]

    @property
    def ErrorColumnNumber(self):
        return _pos(self._p)[1]

    @property
    def ErrorByteIndex(self):
        return _pos(self._p)[2]

    def Parse(self, data, isfinal=False):
        if isinstance(data, str):
            b = data.encode('utf-8', 'surrogatepass')
            isstr = True
        else:
            b = data
            isstr = False
        object.__setattr__(self, '_started', True)
        final = bool(isfinal)
        r = _run(self._p, self._handlers, b, final, isstr)
        while r is not None and len(r) == 1:
            # the XML declaration has been reported: now the encoding is looked up
            _setenc(self._p, _encoding_table(r[0]))
            r = _run(self._p, self._handlers, b'', final, False)
        if r is not None:
            self._raise(r)
        return 1

    def _raise(self, err):
        object.__setattr__(self, '_err', err[0])
        code = err[0]
        e = ExpatError('%s: line %d, column %d' % (_messages[code], err[1], err[2]))
        e.code = code
        e.lineno = err[1]
        e.offset = err[2]
        raise e

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
        _set(self._p, 'base', base)

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
        p.SetBase(self._base)
        for a in ('buffer_text', 'ordered_attributes', 'specified_attributes', 'namespace_prefixes'):
            setattr(p, a, getattr(self, a))
        return p

    def __dir__(self):
        return sorted(set(object.__dir__(self)) | _ALL_HANDLERS | {'DefaultHandler', 'DefaultHandlerExpand'})


xmlparser.__module__ = 'pyexpat'
XMLParserType = xmlparser


def _make(encoding, namespace_separator, intern, frag):
    p = object.__new__(xmlparser)
    s = object.__setattr__
    s(p, '_p', _new(encoding, namespace_separator, frag))
    s(p, '_handlers', {})
    s(p, '_base', None)
    s(p, '_buffer_size', 8192)
    s(p, '_started', False)
    s(p, '_sep', namespace_separator)
    s(p, '_enc', encoding)
    s(p, '_pep', 0)
    s(p, '_foreign', False)
    s(p, '_err', 0)
    s(p, 'buffer_text', False)
    s(p, 'ordered_attributes', False)
    s(p, 'specified_attributes', False)
    s(p, 'namespace_prefixes', False)
    s(p, 'intern', intern)
    _set(p._p, 'intern', intern)
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
