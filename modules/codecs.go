package modules

import (
	"strings"

	. "gopyc/objects"
	"gopyc/vm"
)

// makeCodecs builds _codecs: the codec registry (search functions, lookup with CPython's
// name normalisation, a cache; the encodings package is imported on first lookup), the
// error-handler registry with the standard handlers, and the codec functions the encodings
// package calls: UTF-8, Latin-1 and ASCII over the VM's own str.encode/bytes.decode,
// UTF-16/32, the escape codecs and the charmap codecs written here.
func makeCodecs(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_codecs", codecsSrc, nil)
}

const codecsSrc = `
_search = []
_cache = {}
_errors = {}


def register(search_function):
    if not callable(search_function):
        raise TypeError('argument must be callable')
    _search.append(search_function)


def unregister(search_function):
    try:
        _search.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def _forget_codec(encoding):
    _cache.pop(_normalize(encoding), None)


def _normalize(encoding):
    return encoding.lower().replace(' ', '_')


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError('lookup() argument must be str, not %s' % type(encoding).__name__)
    norm = _normalize(encoding)
    try:
        return _cache[norm]
    except KeyError:
        pass
    if not _search:
        import encodings
    for f in _search:
        r = f(norm)
        if r is not None:
            if not isinstance(r, tuple) or len(r) != 4:
                raise TypeError('codec search functions must return 4-tuples')
            _cache[norm] = r
            return r
    raise LookupError('unknown encoding: %s' % encoding)


def encode(obj, encoding='utf-8', errors='strict'):
    r = lookup(encoding).encode(obj, errors)
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError('encoder must return a tuple (object, integer)')
    return r[0]


def decode(obj, encoding='utf-8', errors='strict'):
    r = lookup(encoding).decode(obj, errors)
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError('decoder must return a tuple (object,integer)')
    return r[0]


def register_error(name, handler):
    if not callable(handler):
        raise TypeError('handler must be callable')
    _errors[name] = handler


def lookup_error(name):
    try:
        return _errors[name]
    except KeyError:
        raise LookupError('unknown error handler name %r' % (name,)) from None


def _check_exc(exc):
    if not isinstance(exc, UnicodeError):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError('codec must pass exception instance')


def ignore_errors(exc):
    _check_exc(exc)
    return ('', exc.end)


def replace_errors(exc):
    _check_exc(exc)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    return ('?' * (exc.end - exc.start), exc.end)


def backslashreplace_errors(exc):
    _check_exc(exc)
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    out = []
    for c in exc.object[exc.start:exc.end]:
        o = ord(c)
        if o < 0x100:
            out.append('\\x%02x' % o)
        elif o < 0x10000:
            out.append('\\u%04x' % o)
        else:
            out.append('\\U%08x' % o)
    return (''.join(out), exc.end)


def xmlcharrefreplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        _check_exc(exc)
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
    return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)


def namereplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
    import unicodedata
    out = []
    for c in exc.object[exc.start:exc.end]:
        try:
            out.append('\\N{%s}' % unicodedata.name(c))
        except (ValueError, KeyError):
            o = ord(c)
            out.append('\\x%02x' % o if o < 0x100 else '\\u%04x' % o if o < 0x10000 else '\\U%08x' % o)
    return (''.join(out), exc.end)


def surrogateescape_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        out = []
        for b in exc.object[exc.start:exc.end]:
            if b < 128:
                raise exc
            out.append(chr(0xDC00 + b))
        return (''.join(out), exc.end)
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            o = ord(c)
            if not 0xDC80 <= o <= 0xDCFF:
                raise exc
            out.append(o - 0xDC00)
        return (bytes(out), exc.end)
    _check_exc(exc)
    raise exc


def surrogatepass_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            o = ord(c)
            if not 0xD800 <= o <= 0xDFFF:
                raise exc
            out += bytes([0xE0 | (o >> 12), 0x80 | ((o >> 6) & 0x3F), 0x80 | (o & 0x3F)])
        return (bytes(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        b = exc.object[exc.start:exc.start + 3]
        if len(b) == 3 and b[0] & 0xF0 == 0xE0 and b[1] & 0xC0 == 0x80 and b[2] & 0xC0 == 0x80:
            o = ((b[0] & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F)
            if 0xD800 <= o <= 0xDFFF:
                return (chr(o), exc.start + 3)
        raise exc
    _check_exc(exc)
    raise exc


for _n, _f in (('strict', strict_errors), ('ignore', ignore_errors), ('replace', replace_errors),
               ('backslashreplace', backslashreplace_errors),
               ('xmlcharrefreplace', xmlcharrefreplace_errors),
               ('namereplace', namereplace_errors), ('surrogateescape', surrogateescape_errors),
               ('surrogatepass', surrogatepass_errors)):
    _errors[_n] = _f
del _n, _f


def _errs(errors):
    return 'strict' if errors is None else errors


def _bytes(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if not isinstance(data, bytes):
        data = bytes(data)
    return data


def _str(s, what):
    if not isinstance(s, str):
        raise TypeError('%s() argument 1 must be str, not %s' % (what, type(s).__name__))
    return s


def utf_8_encode(str, errors=None):
    return (_str(str, 'utf_8_encode').encode('utf-8', _errs(errors)), len(str))


def _utf8_incomplete(data):
    # Number of bytes at the end of data that start a multi-byte sequence not yet complete.
    n = len(data)
    for back in range(1, min(4, n + 1)):
        b = data[n - back]
        if b & 0xC0 == 0x80:
            continue
        if b & 0xE0 == 0xC0:
            need = 2
        elif b & 0xF0 == 0xE0:
            need = 3
        elif b & 0xF8 == 0xF0:
            need = 4
        else:
            return 0
        return back if back < need else 0
    return 0


def utf_8_decode(data, errors=None, final=False):
    data = _bytes(data)
    cut = 0 if final else _utf8_incomplete(data)
    if cut:
        data = data[:len(data) - cut]
    return (data.decode('utf-8', _errs(errors)), len(data))


def latin_1_encode(str, errors=None):
    return (_str(str, 'latin_1_encode').encode('latin-1', _errs(errors)), len(str))


def latin_1_decode(data, errors=None, final=False):
    data = _bytes(data)
    return (data.decode('latin-1', _errs(errors)), len(data))


def ascii_encode(str, errors=None):
    return (_str(str, 'ascii_encode').encode('ascii', _errs(errors)), len(str))


def ascii_decode(data, errors=None, final=False):
    data = _bytes(data)
    return (data.decode('ascii', _errs(errors)), len(data))


def _encode_units(s, errors, width, order, encname):
    out = bytearray()
    i = 0
    n = len(s)
    while i < n:
        o = ord(s[i])
        if 0xD800 <= o <= 0xDFFF:
            exc = UnicodeEncodeError(encname, s, i, i + 1, 'surrogates not allowed')
            rep, i = lookup_error(_errs(errors))(exc)
            if isinstance(rep, str):
                for c in rep:
                    out += _units(ord(c), width, order)
            else:
                out += rep
            continue
        out += _units(o, width, order)
        i += 1
    return bytes(out)


def _units(o, width, order):
    if width == 4:
        return o.to_bytes(4, order)
    if o >= 0x10000:
        o -= 0x10000
        return (0xD800 | (o >> 10)).to_bytes(2, order) + (0xDC00 | (o & 0x3FF)).to_bytes(2, order)
    return o.to_bytes(2, order)


def _decode_units(data, errors, width, order, final, encname):
    data = _bytes(data)
    out = []
    i = 0
    n = len(data)
    while i + width <= n:
        o = int.from_bytes(data[i:i + width], order)
        if width == 2 and 0xD800 <= o <= 0xDBFF:
            if i + 4 > n:
                if not final:
                    break
                exc = UnicodeDecodeError(encname, data, i, n, 'unexpected end of data')
                rep, i = lookup_error(_errs(errors))(exc)
                out.append(rep)
                continue
            lo = int.from_bytes(data[i + 2:i + 4], order)
            if 0xDC00 <= lo <= 0xDFFF:
                out.append(chr(0x10000 + ((o - 0xD800) << 10) + (lo - 0xDC00)))
                i += 4
                continue
            exc = UnicodeDecodeError(encname, data, i, i + 2, 'illegal UTF-16 surrogate')
            rep, i = lookup_error(_errs(errors))(exc)
            out.append(rep)
            continue
        if width == 2 and 0xDC00 <= o <= 0xDFFF or width == 4 and (o > 0x10FFFF or 0xD800 <= o <= 0xDFFF):
            reason = 'illegal encoding' if width == 2 else ('code point not in range(0x110000)' if o > 0x10FFFF else 'code point in surrogate code point range(0xd800, 0xe000)')
            exc = UnicodeDecodeError(encname, data, i, i + width, reason)
            rep, i = lookup_error(_errs(errors))(exc)
            out.append(rep)
            continue
        out.append(chr(o))
        i += width
    if final and i < n:
        exc = UnicodeDecodeError(encname, data, i, n, 'truncated data')
        rep, i = lookup_error(_errs(errors))(exc)
        out.append(rep)
    return (''.join(out), i)


def utf_16_encode(str, errors=None, byteorder=0):
    if byteorder == 0:
        return (b'\xff\xfe' + _encode_units(str, errors, 2, 'little', 'utf-16'), len(str))
    return (_encode_units(str, errors, 2, 'little' if byteorder < 0 else 'big', 'utf-16'), len(str))


def utf_16_le_encode(str, errors=None):
    return (_encode_units(str, errors, 2, 'little', 'utf-16-le'), len(str))


def utf_16_be_encode(str, errors=None):
    return (_encode_units(str, errors, 2, 'big', 'utf-16-be'), len(str))


def utf_16_le_decode(data, errors=None, final=False):
    return _decode_units(data, errors, 2, 'little', final, 'utf-16-le')


def utf_16_be_decode(data, errors=None, final=False):
    return _decode_units(data, errors, 2, 'big', final, 'utf-16-be')


def utf_16_ex_decode(data, errors=None, byteorder=0, final=False):
    data = _bytes(data)
    skip = 0
    if byteorder == 0 and len(data) >= 2:
        if data[:2] == b'\xff\xfe':
            byteorder, skip = -1, 2
        elif data[:2] == b'\xfe\xff':
            byteorder, skip = 1, 2
    order = 'big' if byteorder > 0 else 'little'
    s, n = _decode_units(data[skip:], errors, 2, order, final, 'utf-16')
    return (s, n + skip, byteorder)


def utf_16_decode(data, errors=None, final=False):
    s, n, _ = utf_16_ex_decode(data, errors, 0, final)
    return (s, n)


def utf_32_encode(str, errors=None, byteorder=0):
    if byteorder == 0:
        return (b'\xff\xfe\x00\x00' + _encode_units(str, errors, 4, 'little', 'utf-32'), len(str))
    return (_encode_units(str, errors, 4, 'little' if byteorder < 0 else 'big', 'utf-32'), len(str))


def utf_32_le_encode(str, errors=None):
    return (_encode_units(str, errors, 4, 'little', 'utf-32-le'), len(str))


def utf_32_be_encode(str, errors=None):
    return (_encode_units(str, errors, 4, 'big', 'utf-32-be'), len(str))


def utf_32_le_decode(data, errors=None, final=False):
    return _decode_units(data, errors, 4, 'little', final, 'utf-32-le')


def utf_32_be_decode(data, errors=None, final=False):
    return _decode_units(data, errors, 4, 'big', final, 'utf-32-be')


def utf_32_ex_decode(data, errors=None, byteorder=0, final=False):
    data = _bytes(data)
    skip = 0
    if byteorder == 0 and len(data) >= 4:
        if data[:4] == b'\xff\xfe\x00\x00':
            byteorder, skip = -1, 4
        elif data[:4] == b'\x00\x00\xfe\xff':
            byteorder, skip = 1, 4
    order = 'big' if byteorder > 0 else 'little'
    s, n = _decode_units(data[skip:], errors, 4, order, final, 'utf-32')
    return (s, n + skip, byteorder)


def utf_32_decode(data, errors=None, final=False):
    s, n, _ = utf_32_ex_decode(data, errors, 0, final)
    return (s, n)


def _escape_char(o, quote_nonprint):
    if o == 0x5c:
        return '\\\\'
    if o == 9:
        return '\\t'
    if o == 10:
        return '\\n'
    if o == 13:
        return '\\r'
    if o < 0x20 or 0x7f <= o < 0x100:
        return '\\x%02x' % o
    if o < 0x7f:
        return chr(o)
    if o < 0x10000:
        return '\\u%04x' % o
    return '\\U%08x' % o


def unicode_escape_encode(str, errors=None):
    return (''.join(_escape_char(ord(c), True) for c in str).encode('latin-1'), len(str))


def raw_unicode_escape_encode(str, errors=None):
    out = []
    for c in str:
        o = ord(c)
        if o < 0x100:
            out.append(c)
        elif o < 0x10000:
            out.append('\\u%04x' % o)
        else:
            out.append('\\U%08x' % o)
    return (''.join(out).encode('latin-1'), len(str))


_SIMPLE = {'\\': '\\', "'": "'", '"': '"', 'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n',
           'r': '\r', 't': '\t', 'v': '\v', '\n': ''}


def _unescape(data, errors, raw, encname, final=True):
    if isinstance(data, str):
        data = data.encode('latin-1', 'backslashreplace') if not raw else data.encode('latin-1')
    data = _bytes(data)
    s = data.decode('latin-1')
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c != '\\':
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            if not final:
                break
            exc = UnicodeDecodeError(encname, data, i, n, '\\ at end of string')
            rep, i = lookup_error(_errs(errors))(exc)
            out.append(rep)
            continue
        e = s[i + 1]
        if raw:
            if e in 'uU':
                width = 4 if e == 'u' else 8
                h = s[i + 2:i + 2 + width]
                if len(h) == width and all(x in '0123456789abcdefABCDEF' for x in h):
                    out.append(chr(int(h, 16)))
                    i += 2 + width
                    continue
                if not final and i + 2 + width > n:
                    break
                exc = UnicodeDecodeError(encname, data, i, min(i + 2 + width, n), 'truncated \\%sXXXX escape' % ('u' if e == 'u' else 'UXXXX'))
                rep, i = lookup_error(_errs(errors))(exc)
                out.append(rep)
                continue
            out.append('\\')
            i += 1
            continue
        if e in _SIMPLE:
            out.append(_SIMPLE[e])
            i += 2
            continue
        if e in '01234567':
            j = i + 1
            while j < n and j < i + 4 and s[j] in '01234567':
                j += 1
            out.append(chr(int(s[i + 1:j], 8)))
            i = j
            continue
        if e in 'xuU':
            width = {'x': 2, 'u': 4, 'U': 8}[e]
            h = s[i + 2:i + 2 + width]
            if len(h) == width and all(x in '0123456789abcdefABCDEF' for x in h):
                o = int(h, 16)
                if o > 0x10FFFF:
                    exc = UnicodeDecodeError(encname, data, i, i + 2 + width, 'illegal Unicode character')
                    rep, i = lookup_error(_errs(errors))(exc)
                    out.append(rep)
                    continue
                out.append(chr(o))
                i += 2 + width
                continue
            if not final and i + 2 + width > n:
                break
            exc = UnicodeDecodeError(encname, data, i, min(i + 2 + len(h), n), 'truncated \\%s escape' % ({'x': 'xXX', 'u': 'uXXXX', 'U': 'UXXXXXXXX'}[e]))
            rep, i = lookup_error(_errs(errors))(exc)
            out.append(rep)
            continue
        if e == 'N':
            j = s.find('}', i)
            if s[i + 2:i + 3] == '{' and j > 0:
                import unicodedata
                try:
                    out.append(unicodedata.lookup(s[i + 3:j]))
                    i = j + 1
                    continue
                except KeyError:
                    pass
            exc = UnicodeDecodeError(encname, data, i, n if j < 0 else j + 1, 'malformed \\N character escape')
            rep, i = lookup_error(_errs(errors))(exc)
            out.append(rep)
            continue
        out.append('\\' + e)
        i += 2
    return (''.join(out), i)


def unicode_escape_decode(data, errors=None, final=True):
    return _unescape(data, errors, False, 'unicodeescape', final)


def raw_unicode_escape_decode(data, errors=None, final=True):
    return _unescape(data, errors, True, 'rawunicodeescape', final)


def escape_encode(data, errors=None):
    data = _bytes(data)
    out = []
    for b in data:
        if b == 0x5c:
            out.append('\\\\')
        elif b == 0x27:
            out.append("\\'")
        elif b == 9:
            out.append('\\t')
        elif b == 10:
            out.append('\\n')
        elif b == 13:
            out.append('\\r')
        elif b < 0x20 or b >= 0x7f:
            out.append('\\x%02x' % b)
        else:
            out.append(chr(b))
    return (''.join(out).encode('latin-1'), len(data))


def escape_decode(data, errors=None):
    if isinstance(data, str):
        data = data.encode('latin-1')
    s, n = _unescape(data, errors, False, 'escape')
    return (s.encode('latin-1'), len(data))


def charmap_build(map):
    return {ord(c): i for i, c in enumerate(map)}


def charmap_decode(data, errors=None, mapping=None):
    data = _bytes(data)
    if mapping is None:
        return latin_1_decode(data, errors)
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        try:
            c = mapping[b]
        except (IndexError, KeyError, LookupError):
            c = None
        if isinstance(c, int):
            c = chr(c)
        if c is None or c == '\ufffe':
            exc = UnicodeDecodeError('charmap', data, i, i + 1, 'character maps to <undefined>')
            rep, i = lookup_error(_errs(errors))(exc)
            out.append(rep)
            continue
        out.append(c)
        i += 1
    return (''.join(out), n)


def charmap_encode(str, errors=None, mapping=None):
    if mapping is None:
        return latin_1_encode(str, errors)
    out = bytearray()
    i = 0
    n = len(str)
    while i < n:
        o = ord(str[i])
        try:
            v = mapping[o]
        except (KeyError, IndexError, LookupError):
            v = None
        if v is None:
            exc = UnicodeEncodeError('charmap', str, i, i + 1, 'character maps to <undefined>')
            rep, i = lookup_error(_errs(errors))(exc)
            if isinstance(rep, str):
                for c in rep:
                    v = mapping.get(ord(c)) if hasattr(mapping, 'get') else None
                    if v is None:
                        raise exc
                    out += bytes([v]) if isinstance(v, int) else v
            else:
                out += rep
            continue
        out += bytes([v]) if isinstance(v, int) else v
        i += 1
    return (bytes(out), n)


def _str_encode(s, encoding='utf-8', errors='strict'):
    codec = lookup(encoding)
    if not getattr(codec, '_is_text_encoding', True):
        raise LookupError("'%s' is not a text encoding; use codecs.encode() to handle arbitrary codecs" % encoding)
    r = codec.encode(s, errors)[0]
    if not isinstance(r, bytes):
        if isinstance(r, bytearray):
            return bytes(r)
        raise TypeError("'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types"
                        % (encoding, type(r).__name__))
    return r


def _bytes_decode(b, encoding='utf-8', errors='strict'):
    codec = lookup(encoding)
    if not getattr(codec, '_is_text_encoding', True):
        raise LookupError("'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs" % encoding)
    r = codec.decode(bytes(b), errors)[0]
    if not isinstance(r, str):
        raise TypeError("'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types"
                        % (encoding, type(r).__name__))
    return r


def readbuffer_encode(data, errors=None):
    if isinstance(data, str):
        data = data.encode('utf-8')
    return (bytes(data), len(data))
`

// installCodecFallback makes str.encode, bytes.decode and bytearray.decode use the codec
// registry (_codecs.lookup, hence the encodings package) for the encodings the VM does not
// implement itself (cp1252, utf-16, raw-unicode-escape, ...).
func installCodecFallback(in *vm.Interp) {
	wrap := func(tp *Type, name, helper string) {
		b, ok := tp.Dict.GetStr(NewStr(name)).(*vm.Builtin)
		if !ok {
			return
		}
		orig := b.Fn
		b.Fn = func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			r, err := orig(t, args, kw)
			if err == nil {
				return r, nil
			}
			e, ok := err.(*vm.Exception)
			if !ok || e.Class.Name != "LookupError" || !strings.HasPrefix(e.Error(), "LookupError: unknown encoding") {
				return nil, err // an unknown error handler is the caller's LookupError
			}
			if in.Compile == nil {
				return nil, err
			}
			imp := in.Builtins.GetStr(NewStr("__import__"))
			m, ierr := t.Call(imp, []Object{NewStr("_codecs")}, nil)
			if ierr != nil {
				return nil, err
			}
			h, herr := t.GetAttr(m, NewStr(helper))
			if herr != nil {
				return nil, err
			}
			return t.Call(h, args, kw)
		}
	}
	wrap(StrType, "encode", "_str_encode")
	wrap(BytesType, "decode", "_bytes_decode")
	wrap(vm.ByteArrayType, "decode", "_bytes_decode")
}
