package vm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	. "gopyc/objects"
)

func runesOf(s *Str) []rune {
	str := s.String()
	out := make([]rune, 0, len(str))
	for i := 0; i < len(str); {
		r, n := DecodeWTF8(str[i:])
		out = append(out, r)
		i += n
	}
	return out
}

func runesStr(rs []rune) *Str {
	b := make([]byte, 0, len(rs))
	for _, r := range rs {
		b = AppendWTF8(b, r)
	}
	return NewStr(string(b))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func (t *Thread) strGetItem(x *Str, k Object) (Object, error) {
	s := x.String()
	ascii := len(s) == x.Len()
	if sl, ok := k.(*Slice); ok {
		start, _, step, n, err := t.sliceIndices(sl, x.Len())
		if err != nil {
			return nil, err
		}
		if ascii {
			if step == 1 {
				return NewStr(s[start : start+n]), nil
			}
			b := make([]byte, n)
			for i := range b {
				b[i] = s[start+i*step]
			}
			return NewStr(string(b)), nil
		}
		rs := runesOf(x)
		out := make([]rune, n)
		for i := range out {
			out[i] = rs[start+i*step]
		}
		return runesStr(out), nil
	}
	i, err := t.seqIndex(k, x.Len(), "string")
	if err != nil {
		if isExc(err, TypeErrorType) {
			return nil, typeErr("string indices must be integers, not '%s'", TypeName(k))
		}
		return nil, err
	}
	if ascii {
		return asciiChars[s[i]], nil
	}
	return charStr(runesOf(x)[i]), nil
}

func strArg(fname string, o Object) (string, error) {
	s, ok := unwrap(o).(*Str)
	if !ok {
		return "", typeErr("%s arg must be None or str", fname)
	}
	return s.String(), nil
}

func mustStr(o Object, what string) (*Str, error) {
	s, ok := unwrap(o).(*Str)
	if !ok {
		return nil, typeErr("%s", what)
	}
	return s, nil
}

// pyIsSpace is str.isspace for one character.
func pyIsSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x1f, 0x85:
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

func (t *Thread) subIndices(args []Object, n int, from int) (int, int, error) {
	start, end := 0, n
	if len(args) > from && args[from] != None {
		v, err := t.sliceInt(args[from])
		if err != nil {
			return 0, 0, err
		}
		start = v
		if start < 0 {
			start += n
			if start < 0 {
				start = 0
			}
		}
	}
	if len(args) > from+1 && args[from+1] != None {
		v, err := t.sliceInt(args[from+1])
		if err != nil {
			return 0, 0, err
		}
		end = v
		if end < 0 {
			end += n
			if end < 0 {
				end = 0
			}
		}
		if end > n {
			end = n
		}
	}
	return start, end, nil
}

func initStrMethods() {
	S := StrType
	self := func(args []Object) string { return args[0].(*Str).String() }
	simple := func(name string, f func(s string) string) {
		addMethod(S, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs(name, args[1:], kw, 0, 0); err != nil {
				return nil, err
			}
			return NewStr(f(self(args))), nil
		})
	}
	simple("upper", func(s string) string {
		if isASCII(s) {
			return strings.ToUpper(s)
		}
		return pyUpper(s)
	})
	simple("lower", func(s string) string {
		if isASCII(s) {
			return strings.ToLower(s)
		}
		return pyLower(s)
	})
	simple("casefold", func(s string) string { return strings.ReplaceAll(pyLower(s), "ß", "ss") })
	simple("swapcase", func(s string) string {
		var b strings.Builder
		for _, r := range s {
			if unicode.IsUpper(r) {
				b.WriteString(pyLower(string(r)))
			} else if unicode.IsLower(r) {
				b.WriteString(pyUpper(string(r)))
			} else {
				b.WriteRune(r)
			}
		}
		return b.String()
	})
	simple("capitalize", func(s string) string {
		if s == "" {
			return s
		}
		r, n := utf8.DecodeRuneInString(s)
		first := string(unicode.ToTitle(r))
		if r == 'ß' {
			first = "Ss"
		}
		return first + pyLower(s[n:])
	})
	simple("title", func(s string) string {
		var b strings.Builder
		prevCased := false
		for _, r := range s {
			if prevCased {
				b.WriteString(pyLower(string(r)))
			} else if r == 'ß' {
				b.WriteString("Ss")
			} else {
				b.WriteRune(unicode.ToTitle(r))
			}
			prevCased = unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r)
		}
		return b.String()
	})
	pred := func(name string, empty bool, f func(s string) bool) {
		addMethod(S, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			s := self(args)
			if s == "" {
				return NewBool(empty), nil
			}
			return NewBool(f(s)), nil
		})
	}
	all := func(f func(r rune) bool) func(string) bool {
		return func(s string) bool {
			for _, r := range s {
				if !f(r) {
					return false
				}
			}
			return true
		}
	}
	pred("isdigit", false, all(func(r rune) bool { return unicode.IsDigit(r) || unicode.Is(unicode.No, r) && r >= 0xb2 && r <= 0xb9 }))
	pred("isdecimal", false, all(unicode.IsDigit))
	pred("isnumeric", false, all(func(r rune) bool {
		return unicode.IsNumber(r) || unicode.Is(unicode.Han, r) && strings.ContainsRune("零一二三四五六七八九十百千万億兆", r)
	}))
	pred("isalpha", false, all(unicode.IsLetter))
	pred("isalnum", false, all(func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }))
	pred("isspace", false, all(pyIsSpace))
	pred("isascii", true, all(func(r rune) bool { return r < 0x80 }))
	pred("isprintable", true, all(IsPrintable))
	pred("isidentifier", false, func(s string) bool {
		for i, r := range s {
			if r == '_' || unicode.IsLetter(r) || (i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r))) {
				continue
			}
			return false
		}
		return true
	})
	pred("islower", false, func(s string) bool {
		cased := false
		for _, r := range s {
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				return false
			}
			if unicode.IsLower(r) {
				cased = true
			}
		}
		return cased
	})
	pred("isupper", false, func(s string) bool {
		cased := false
		for _, r := range s {
			if unicode.IsLower(r) || unicode.IsTitle(r) {
				return false
			}
			if unicode.IsUpper(r) {
				cased = true
			}
		}
		return cased
	})
	pred("istitle", false, func(s string) bool {
		cased, prev := false, false
		for _, r := range s {
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				if prev {
					return false
				}
				prev, cased = true, true
			} else if unicode.IsLower(r) {
				if !prev {
					return false
				}
				prev, cased = true, true
			} else {
				prev = false
			}
		}
		return cased
	})
	strip := func(name string, left, right bool) {
		addMethod(S, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs(name, args[1:], kw, 0, 1); err != nil {
				return nil, err
			}
			s := self(args)
			if len(args) == 1 || args[1] == None {
				if left {
					s = strings.TrimLeftFunc(s, pyIsSpace)
				}
				if right {
					s = strings.TrimRightFunc(s, pyIsSpace)
				}
				return NewStr(s), nil
			}
			chars, err := strArg(name, args[1])
			if err != nil {
				return nil, err
			}
			if left {
				s = strings.TrimLeft(s, chars)
			}
			if right {
				s = strings.TrimRight(s, chars)
			}
			return NewStr(s), nil
		})
	}
	strip("strip", true, true)
	strip("lstrip", true, false)
	strip("rstrip", false, true)
	addMethod(S, "removeprefix", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("removeprefix", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		p, err := mustStr(args[1], "removeprefix() argument must be str, not "+TypeName(args[1]))
		if err != nil {
			return nil, err
		}
		return NewStr(strings.TrimPrefix(self(args), p.String())), nil
	})
	addMethod(S, "removesuffix", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("removesuffix", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		p, err := mustStr(args[1], "removesuffix() argument must be str, not "+TypeName(args[1]))
		if err != nil {
			return nil, err
		}
		return NewStr(strings.TrimSuffix(self(args), p.String())), nil
	})
	addMethod(S, "join", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("join", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		sep := self(args)
		var b strings.Builder
		i := 0
		err := t.iterate(args[1], func(v Object) error {
			s, ok := unwrap(v).(*Str)
			if !ok {
				return typeErr("sequence item %d: expected str instance, %s found", i, TypeName(v))
			}
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(s.String())
			i++
			return nil
		})
		if err != nil {
			if isExc(err, TypeErrorType) && !strings.HasPrefix(err.(*Exception).Error(), "TypeError: sequence item") {
				if _, e2 := t.Iter(args[1]); e2 != nil {
					return nil, typeErr("can only join an iterable")
				}
			}
			return nil, err
		}
		return NewStr(b.String()), nil
	})
	split := func(name string, right bool) {
		addMethod(S, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := parseArgs(name, args[1:], kw, []string{"sep", "maxsplit"}, 0)
			if err != nil {
				return nil, err
			}
			s := self(args)
			maxsplit := -1
			if a[1] != nil {
				i, err := t.Index(a[1])
				if err != nil {
					return nil, err
				}
				v, _ := i.Int64()
				maxsplit = int(v)
			}
			var parts []string
			if a[0] == nil || a[0] == None {
				parts = splitWhitespace(s, maxsplit, right)
			} else {
				sep, err := mustStr(a[0], "must be str or None, not "+TypeName(a[0]))
				if err != nil {
					return nil, err
				}
				if sep.String() == "" {
					return nil, valueErr("empty separator")
				}
				if maxsplit < 0 {
					parts = strings.Split(s, sep.String())
				} else if !right {
					parts = strings.SplitN(s, sep.String(), maxsplit+1)
				} else {
					parts = rsplitN(s, sep.String(), maxsplit)
				}
			}
			out := make([]Object, len(parts))
			for i, p := range parts {
				out[i] = NewStr(p)
			}
			return NewList(out), nil
		})
	}
	split("split", false)
	split("rsplit", true)
	addMethod(S, "splitlines", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("splitlines", args[1:], kw, []string{"keepends"}, 0)
		if err != nil {
			return nil, err
		}
		keep := false
		if a[0] != nil {
			keep, _ = t.Truth(a[0])
		}
		s := self(args)
		var out []Object
		start := 0
		rs := []rune(s)
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			if r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x1c || r == 0x1d || r == 0x1e || r == 0x85 || r == 0x2028 || r == 0x2029 {
				end := i
				if r == '\r' && i+1 < len(rs) && rs[i+1] == '\n' {
					i++
				}
				if keep {
					end = i + 1
				}
				out = append(out, NewStr(string(rs[start:end])))
				start = i + 1
			}
		}
		if start < len(rs) {
			out = append(out, NewStr(string(rs[start:])))
		}
		return NewList(out), nil
	})
	find := func(name string, right, raise bool) {
		addMethod(S, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs(name, args[1:], kw, 1, 3); err != nil {
				return nil, err
			}
			x := args[0].(*Str)
			sub, err := mustStr(args[1], "must be str, not "+TypeName(args[1]))
			if err != nil {
				return nil, err
			}
			n := x.Len()
			start, end, err := t.subIndices(args, n, 2)
			if err != nil {
				return nil, err
			}
			idx := -1
			if start <= end && start <= n {
				if len(x.String()) == n {
					seg := x.String()[start:end]
					if right {
						idx = strings.LastIndex(seg, sub.String())
					} else {
						idx = strings.Index(seg, sub.String())
					}
				} else {
					rs := runesOf(x)[start:end]
					seg := string(rs)
					var bi int
					if right {
						bi = strings.LastIndex(seg, sub.String())
					} else {
						bi = strings.Index(seg, sub.String())
					}
					if bi >= 0 {
						idx = utf8.RuneCountInString(seg[:bi])
					}
				}
				if idx >= 0 {
					idx += start
				}
			}
			if idx < 0 && raise {
				return nil, valueErr("substring not found")
			}
			return NewInt(int64(idx)), nil
		})
	}
	find("find", false, false)
	find("rfind", true, false)
	find("index", false, true)
	find("rindex", true, true)
	addMethod(S, "count", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("count", args[1:], kw, 1, 3); err != nil {
			return nil, err
		}
		x := args[0].(*Str)
		sub, err := mustStr(args[1], "must be str, not "+TypeName(args[1]))
		if err != nil {
			return nil, err
		}
		n := x.Len()
		start, end, err := t.subIndices(args, n, 2)
		if err != nil {
			return nil, err
		}
		if start > end || start > n {
			return NewInt(0), nil
		}
		seg := string(runesOf(x)[start:end])
		if sub.String() == "" {
			return NewInt(int64(utf8.RuneCountInString(seg) + 1)), nil
		}
		return NewInt(int64(strings.Count(seg, sub.String()))), nil
	})
	addMethod(S, "replace", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("replace", args[1:], kw, 2, 3); err != nil {
			return nil, err
		}
		old, err := mustStr(args[1], "replace() argument 1 must be str, not "+TypeName(args[1]))
		if err != nil {
			return nil, err
		}
		nw, err := mustStr(args[2], "replace() argument 2 must be str, not "+TypeName(args[2]))
		if err != nil {
			return nil, err
		}
		n := -1
		if len(args) > 3 {
			i, err := t.Index(args[3])
			if err != nil {
				return nil, err
			}
			v, _ := i.Int64()
			n = int(v)
		}
		return NewStr(strings.Replace(self(args), old.String(), nw.String(), n)), nil
	})
	affix := func(name string, suffix bool) {
		addMethod(S, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs(name, args[1:], kw, 1, 3); err != nil {
				return nil, err
			}
			x := args[0].(*Str)
			start, end, err := t.subIndices(args, x.Len(), 2)
			if err != nil {
				return nil, err
			}
			if start > x.Len() {
				return False, nil
			}
			seg := x.String()
			if len(seg) != x.Len() {
				seg = string(runesOf(x)[start:max(start, end)])
			} else {
				seg = seg[start:max(start, end)]
			}
			check := func(p Object) (bool, error) {
				ps, ok := unwrap(p).(*Str)
				if !ok {
					return false, typeErr("%s first arg must be str or a tuple of str, not %s", name, TypeName(p))
				}
				if suffix {
					return strings.HasSuffix(seg, ps.String()), nil
				}
				return strings.HasPrefix(seg, ps.String()), nil
			}
			if tup, ok := args[1].(*Tuple); ok {
				for _, p := range tup.V {
					ok, err := check(p)
					if err != nil {
						return nil, typeErr("tuple for %s must only contain str, not %s", name, TypeName(p))
					}
					if ok {
						return True, nil
					}
				}
				return False, nil
			}
			ok, err := check(args[1])
			return NewBool(ok), err
		})
	}
	affix("startswith", false)
	affix("endswith", true)
	pad := func(name string, kind byte) {
		addMethod(S, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs(name, args[1:], kw, 1, 2); err != nil {
				return nil, err
			}
			x := args[0].(*Str)
			wi, err := t.Index(args[1])
			if err != nil {
				return nil, err
			}
			w64, _ := wi.Int64()
			w := int(w64)
			fill := " "
			if len(args) > 2 {
				f, ok := args[2].(*Str)
				if !ok || f.Len() != 1 {
					return nil, typeErr("The fill character must be exactly one character long")
				}
				fill = f.String()
			}
			n := x.Len()
			if w <= n {
				return x, nil
			}
			p := w - n
			switch kind {
			case 'l':
				return NewStr(x.String() + strings.Repeat(fill, p)), nil
			case 'r':
				return NewStr(strings.Repeat(fill, p) + x.String()), nil
			}
			left := p/2 + (p & w & 1)
			return NewStr(strings.Repeat(fill, left) + x.String() + strings.Repeat(fill, p-left)), nil
		})
	}
	pad("ljust", 'l')
	pad("rjust", 'r')
	pad("center", 'c')
	addMethod(S, "zfill", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("zfill", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		x := args[0].(*Str)
		wi, err := t.Index(args[1])
		if err != nil {
			return nil, err
		}
		w, _ := wi.Int64()
		s := x.String()
		n := x.Len()
		if int(w) <= n {
			return x, nil
		}
		z := strings.Repeat("0", int(w)-n)
		if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
			return NewStr(s[:1] + z + s[1:]), nil
		}
		return NewStr(z + s), nil
	})
	addMethod(S, "partition", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("partition", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		sep, err := mustStr(args[1], "must be str, not "+TypeName(args[1]))
		if err != nil {
			return nil, err
		}
		if sep.String() == "" {
			return nil, valueErr("empty separator")
		}
		s := self(args)
		if i := strings.Index(s, sep.String()); i >= 0 {
			return NewTuple([]Object{NewStr(s[:i]), sep, NewStr(s[i+len(sep.String()):])}), nil
		}
		return NewTuple([]Object{args[0], emptyStr, emptyStr}), nil
	})
	addMethod(S, "rpartition", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("rpartition", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		sep, err := mustStr(args[1], "must be str, not "+TypeName(args[1]))
		if err != nil {
			return nil, err
		}
		if sep.String() == "" {
			return nil, valueErr("empty separator")
		}
		s := self(args)
		if i := strings.LastIndex(s, sep.String()); i >= 0 {
			return NewTuple([]Object{NewStr(s[:i]), sep, NewStr(s[i+len(sep.String()):])}), nil
		}
		return NewTuple([]Object{emptyStr, emptyStr, args[0]}), nil
	})
	addMethod(S, "expandtabs", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("expandtabs", args[1:], kw, []string{"tabsize"}, 0)
		if err != nil {
			return nil, err
		}
		ts := 8
		if a[0] != nil {
			i, _ := toIntObj(a[0])
			v, _ := i.Int64()
			ts = int(v)
		}
		var b strings.Builder
		col := 0
		for _, r := range self(args) {
			switch r {
			case '\t':
				if ts > 0 {
					n := ts - col%ts
					b.WriteString(strings.Repeat(" ", n))
					col += n
				}
			case '\n', '\r':
				b.WriteRune(r)
				col = 0
			default:
				b.WriteRune(r)
				col++
			}
		}
		return NewStr(b.String()), nil
	})
	addMethod(S, "format", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		pos, kwd := kwDict(args[1:], kw)
		s, err := t.strFormat(self(args), pos, kwd, 0)
		if err != nil {
			return nil, err
		}
		return NewStr(s), nil
	})
	addMethod(S, "format_map", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		d, ok := args[1].(*Dict)
		if !ok {
			return nil, typeErr("format_map() argument must be a dict")
		}
		s, err := t.strFormat(self(args), nil, d, 0)
		if err != nil {
			return nil, err
		}
		return NewStr(s), nil
	})
	addMethod(S, "encode", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("encode", args[1:], kw, []string{"encoding", "errors"}, 0)
		if err != nil {
			return nil, err
		}
		enc := "utf-8"
		if a[0] != nil {
			enc = strOf(a[0])
		}
		errs := "strict"
		if a[1] != nil {
			errs = strOf(a[1])
		}
		return t.encodeT(args[0].(*Str), enc, errs)
	})
	addStaticMethod(S, "maketrans", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		d := NewDict(0)
		if len(args) == 1 {
			src, ok := args[0].(*Dict)
			if !ok {
				return nil, typeErr("if you give only one argument to maketrans it must be a dict")
			}
			for _, k := range src.Keys() {
				v, _ := t.DictGet(src, k)
				if s, ok := k.(*Str); ok {
					if s.Len() != 1 {
						return nil, valueErr("string keys in translate table must be of length 1")
					}
					r, _ := DecodeWTF8(s.String())
					k = NewInt(int64(r))
				}
				if err := t.DictSet(d, k, v); err != nil {
					return nil, err
				}
			}
			return d, nil
		}
		a, b := runesOf(args[0].(*Str)), runesOf(args[1].(*Str))
		if len(a) != len(b) {
			return nil, valueErr("the first two maketrans arguments must have equal length")
		}
		for i := range a {
			_ = t.DictSet(d, NewInt(int64(a[i])), NewInt(int64(b[i])))
		}
		if len(args) > 2 {
			for _, r := range runesOf(args[2].(*Str)) {
				_ = t.DictSet(d, NewInt(int64(r)), None)
			}
		}
		return d, nil
	})
	addMethod(S, "translate", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		table := args[1]
		var b []rune
		for _, r := range runesOf(args[0].(*Str)) {
			v, err := t.GetItem(table, NewInt(int64(r)))
			if err != nil {
				if isExc(err, LookupErrorType) {
					b = append(b, r)
					continue
				}
				return nil, err
			}
			switch x := v.(type) {
			case *Int:
				n, _ := x.Int64()
				b = append(b, rune(n))
			case *Str:
				b = append(b, runesOf(x)...)
			default:
				if v != None {
					return nil, typeErr("character mapping must return integer, None or str")
				}
			}
		}
		return runesStr(b), nil
	})
	addMethod(S, "__mod__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.percentFormat(args[0].(*Str), args[1])
	})
	addMethod(S, "__rmod__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NotImplemented, nil })
	addMethod(S, "__str__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return args[0], nil })
	addMethod(S, "__getnewargs__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewTuple([]Object{args[0]}), nil
	})
}

func splitWhitespace(s string, maxsplit int, right bool) []string {
	if !right {
		var out []string
		i := 0
		for {
			for i < len(s) {
				r, n := DecodeWTF8(s[i:])
				if !pyIsSpace(r) {
					break
				}
				i += n
			}
			if i >= len(s) {
				return out
			}
			if maxsplit >= 0 && len(out) == maxsplit {
				return append(out, strings.TrimRightFunc(s[i:], pyIsSpace))
			}
			j := i
			for j < len(s) {
				r, n := DecodeWTF8(s[j:])
				if pyIsSpace(r) {
					break
				}
				j += n
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	rs := []rune(s)
	var out []string
	i := len(rs)
	for {
		for i > 0 && pyIsSpace(rs[i-1]) {
			i--
		}
		if i == 0 {
			break
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			out = append(out, strings.TrimLeftFunc(string(rs[:i]), pyIsSpace))
			break
		}
		j := i
		for j > 0 && !pyIsSpace(rs[j-1]) {
			j--
		}
		out = append(out, string(rs[j:i]))
		i = j
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

func rsplitN(s, sep string, n int) []string {
	var out []string
	for n > 0 {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		out = append(out, s[i+len(sep):])
		s = s[:i]
		n--
	}
	out = append(out, s)
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

func pyUpper(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ß':
			b.WriteString("SS")
		case 'ŉ':
			b.WriteString("ʼN")
		case 'ﬁ':
			b.WriteString("FI")
		case 'ﬂ':
			b.WriteString("FL")
		default:
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

func pyLower(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 'İ' {
			b.WriteString("i̇")
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
