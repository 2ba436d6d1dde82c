package modules

import (
	"gopyc/vm"
)

// makeCsv builds _csv: Dialect (validated attributes, as CPython's), the dialect registry,
// reader (a state machine over each line from the iterator, with quoting, escapes,
// doublequote, skipinitialspace and strict mode) and writer (quoting by the QUOTE_* modes).
func makeCsv(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_csv", csvSrc, nil)
}

const csvSrc = `
__version__ = '1.0'
QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)
_dialects = {}
_limit = 128 * 1024


class Error(Exception):
    pass

Error.__module__ = '_csv'


def field_size_limit(*args):
    global _limit
    if len(args) > 1:
        raise TypeError('field_size_limit expected at most 1 argument, got %d' % len(args))
    old = _limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError('limit must be an integer')
        _limit = args[0]
    return old


def _char(name, v, allow_none):
    if v is None:
        if allow_none:
            return None
        raise TypeError('"%s" must be a 1-character string' % name)
    if not isinstance(v, str):
        raise TypeError('"%s" must be string%s, not %s' % (name, ' or None' if allow_none else '', type(v).__name__))
    if len(v) != 1:
        if v == '' and allow_none:
            return None
        raise TypeError('"%s" must be a 1-character string' % name)
    return v


class Dialect:
    _names = ('delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar',
              'quoting', 'skipinitialspace', 'strict')

    def __init__(self, dialect=None, **kwargs):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        def get(name, default):
            if name in kwargs:
                return kwargs[name]
            if dialect is not None and hasattr(dialect, name):
                return getattr(dialect, name)
            return default
        for k in kwargs:
            if k not in self._names:
                raise TypeError("'%s' is an invalid keyword argument for Dialect()" % k)
        d = self.__dict__
        d['delimiter'] = _char('delimiter', get('delimiter', ','), False)
        d['doublequote'] = bool(get('doublequote', True))
        d['escapechar'] = _char('escapechar', get('escapechar', None), True)
        lt = get('lineterminator', '\r\n')
        if not isinstance(lt, str):
            raise TypeError('"lineterminator" must be a string')
        d['lineterminator'] = lt
        quoting = get('quoting', QUOTE_MINIMAL)
        if not isinstance(quoting, int) or quoting not in range(4):
            raise TypeError('bad "quoting" value')
        d['quoting'] = quoting
        qc = get('quotechar', '"')
        if qc is None and quoting != QUOTE_NONE:
            raise TypeError('quotechar must be set if quoting enabled')
        d['quotechar'] = _char('quotechar', qc, True)
        d['skipinitialspace'] = bool(get('skipinitialspace', False))
        d['strict'] = bool(get('strict', False))

    def __setattr__(self, name, value):
        raise AttributeError('attribute is read-only')

Dialect.__module__ = '_csv'


def _dialect(dialect, kwargs):
    if isinstance(dialect, Dialect) and not kwargs:
        return dialect
    return Dialect(dialect, **kwargs)


def register_dialect(name, dialect=None, **kwargs):
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[name] = _dialect(dialect, kwargs)


def unregister_dialect(name):
    try:
        del _dialects[name]
    except KeyError:
        raise Error('unknown dialect') from None


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    return list(_dialects)


class Reader:
    def __init__(self, f, dialect='excel', **kwargs):
        self._it = iter(f)
        self.dialect = _dialect(dialect, kwargs)
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        fields = []
        field = []
        state = 'start'
        quoted = False
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if state in ('start_field', 'in_field', 'escape', 'quote_in_quoted') or (state == 'in_quoted' and not d.strict and False):
                    pass
                if state == 'start':
                    raise
                if state in ('in_quoted', 'escape_in_quoted'):
                    if d.strict:
                        raise Error('unexpected end of data')
                fields.append(self._finish(field, quoted))
                return fields
            self.line_num += 1
            if not isinstance(line, str):
                raise Error('iterator should return strings, not %.200s (the file should be opened in text mode)' % type(line).__name__)
            if '\0' in line:
                raise Error('line contains NUL')
            i = 0
            n = len(line)
            if state == 'start':
                state = 'start_field'
            while i < n:
                c = line[i]
                i += 1
                if state == 'start_field':
                    if c in '\r\n':
                        if not fields and not field:
                            state = 'eol_empty'
                            break
                        fields.append(self._finish(field, quoted))
                        return fields
                    quoted = False
                    if c == d.quotechar and d.quoting != QUOTE_NONE:
                        quoted = True
                        state = 'in_quoted'
                    elif c == d.escapechar:
                        state = 'escape'
                    elif c == ' ' and d.skipinitialspace:
                        pass
                    elif c == d.delimiter:
                        fields.append(self._finish(field, quoted))
                        field = []
                    else:
                        field.append(c)
                        state = 'in_field'
                elif state == 'escape':
                    field.append(c)
                    state = 'in_field'
                elif state == 'in_field':
                    if c in '\r\n':
                        fields.append(self._finish(field, quoted))
                        return self._eol(fields, line, i)
                    if c == d.escapechar:
                        state = 'escape'
                    elif c == d.delimiter:
                        fields.append(self._finish(field, quoted))
                        field = []
                        state = 'start_field'
                    else:
                        field.append(c)
                elif state == 'in_quoted':
                    if c == d.escapechar:
                        state = 'escape_in_quoted'
                    elif c == d.quotechar and d.quoting != QUOTE_NONE:
                        state = 'quote_in_quoted' if d.doublequote else 'in_field'
                    else:
                        field.append(c)
                elif state == 'escape_in_quoted':
                    field.append(c)
                    state = 'in_quoted'
                elif state == 'quote_in_quoted':
                    if c == d.quotechar and d.quoting != QUOTE_NONE:
                        field.append(c)
                        state = 'in_quoted'
                    elif c == d.delimiter:
                        fields.append(self._finish(field, quoted))
                        field = []
                        state = 'start_field'
                    elif c in '\r\n':
                        fields.append(self._finish(field, quoted))
                        return self._eol(fields, line, i)
                    elif not d.strict:
                        field.append(c)
                        state = 'in_field'
                    else:
                        raise Error("'%s' expected after '%s'" % (d.delimiter, d.quotechar))
                if len(field) > _limit:
                    raise Error('field larger than field limit (%d)' % _limit)
            if state == 'eol_empty' or state == 'start_field' and not fields and not field:
                return []
            if state == 'escape_in_quoted':
                field.append('\n')
                state = 'in_quoted'
            elif state == 'escape':
                field.append('\n')
                state = 'in_field'
            elif state in ('in_field', 'quote_in_quoted', 'start_field'):
                fields.append(self._finish(field, quoted))
                return fields

    def _eol(self, fields, line, i):
        return fields

    def _finish(self, field, quoted):
        s = ''.join(field)
        if self.dialect.quoting == QUOTE_NONNUMERIC and not quoted and s:
            return float(s)
        return s

Reader.__module__ = '_csv'


def reader(f, dialect='excel', **kwargs):
    return Reader(f, dialect, **kwargs)


class Writer:
    def __init__(self, f, dialect='excel', **kwargs):
        try:
            self._write = f.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = _dialect(dialect, kwargs)

    def _field(self, v, only):
        d = self.dialect
        if v is None:
            s = ''
        elif isinstance(v, float):
            s = repr(v)
        else:
            s = str(v)
        quote = False
        if d.quoting == QUOTE_ALL:
            quote = True
        elif d.quoting == QUOTE_NONNUMERIC and not isinstance(v, (int, float)) or (d.quoting == QUOTE_NONNUMERIC and isinstance(v, bool)):
            quote = True
        special = d.delimiter + (d.quotechar or '') + (d.escapechar or '') + '\r\n'
        out = []
        for c in s:
            if c in special or c in d.lineterminator:
                if d.quoting == QUOTE_NONE:
                    if c == d.quotechar and d.doublequote is False and d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    if d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(d.escapechar)
                elif c == d.quotechar:
                    quote = True
                    if d.doublequote:
                        out.append(c)
                    elif d.escapechar is not None:
                        out.append(d.escapechar)
                    else:
                        raise Error('need to escape, but no escapechar set')
                elif c == d.escapechar:
                    out.append(c)
                else:
                    quote = True
            out.append(c)
        if s == '' and only:
            if d.quoting == QUOTE_NONE:
                raise Error('single empty field record must be quoted')
            quote = True
        s = ''.join(out)
        if quote and d.quoting != QUOTE_NONE:
            s = d.quotechar + s + d.quotechar
        return s

    def writerow(self, row):
        try:
            items = list(row)
        except TypeError:
            raise Error('iterable expected, not %s' % type(row).__name__) from None
        line = self.dialect.delimiter.join(self._field(v, len(items) == 1) for v in items)
        return self._write(line + self.dialect.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)

Writer.__module__ = '_csv'


def writer(f, dialect='excel', **kwargs):
    return Writer(f, dialect, **kwargs)
`
