package modules

import (
	"gopyc/vm"
)

// makeString builds _string, the parser under string.Formatter: formatter_parser splits a
// format string into (literal, field_name, format_spec, conversion) tuples and
// formatter_field_name_split splits a field name into its first part and the
// (is_attribute, key) steps after it, with str.format's rules and error messages.
func makeString(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_string", stringSrc, nil)
}

const stringSrc = `
def formatter_parser(s):
    if not isinstance(s, str):
        raise TypeError('expected str, got %s' % type(s).__name__)
    return iter(_parse(s))


def _parse(s):
    out = []
    i = 0
    n = len(s)
    lit = []
    while i < n:
        c = s[i]
        if c == '}':
            if i + 1 < n and s[i + 1] == '}':
                lit.append('}')
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if c != '{':
            lit.append(c)
            i += 1
            continue
        if i + 1 < n and s[i + 1] == '{':
            lit.append('{')
            i += 2
            continue
        # a replacement field: find its matching close brace
        depth = 1
        j = i + 1
        while j < n:
            if s[j] == '{':
                depth += 1
            elif s[j] == '}':
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j >= n:
            if depth and '}' not in s[i:]:
                raise ValueError("expected '}' before end of string")
            raise ValueError("unmatched '{' in format spec")
        field = s[i + 1:j]
        # split field_name[!conversion][:format_spec]
        k = 0
        brackets = False
        while k < len(field):
            ch = field[k]
            if ch == '[':
                brackets = True
            elif ch == ']':
                brackets = False
            elif not brackets and ch in '!:':
                break
            k += 1
        name = field[:k]
        conv = None
        spec = ''
        rest = field[k:]
        if rest.startswith('!'):
            if len(rest) < 2:
                raise ValueError('end of string while looking for conversion specifier')
            conv = rest[1]
            rest = rest[2:]
            if rest and rest[0] != ':':
                raise ValueError('expected \':\' after conversion specifier')
        if rest.startswith(':'):
            spec = rest[1:]
        out.append((''.join(lit), name, spec, conv))
        lit = []
        i = j + 1
    if lit:
        out.append((''.join(lit), None, None, None))
    return out


def formatter_field_name_split(name):
    if not isinstance(name, str):
        raise TypeError('expected str, got %s' % type(name).__name__)
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            i = j
        elif name[i] == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
        else:
            raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
    return first, iter(rest)
`
