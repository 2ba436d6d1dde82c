package vm

import (
	"os"
	"runtime"
	"strings"

	. "gopyc/objects"
)

func runtimeGosched() { runtime.Gosched() }

// Version strings reported by sys.
const (
	VersionString = "3.11.7 (gopyc)"
)

func makeSys(t *Thread) *Module {
	in := t.interp
	m := NewModule("sys")
	d := m.Dict
	set := func(name string, v Object) { d.SetStr(InternStr(name), v) }
	fn := func(name string, f BuiltinFn) { set(name, &Builtin{Name: name, Fn: f, Self: m}) }
	set("stdout", in.Stdout)
	set("stderr", in.Stderr)
	set("stdin", in.Stdin)
	set("__stdout__", in.Stdout)
	set("__stderr__", in.Stderr)
	set("__stdin__", in.Stdin)
	set("argv", NewList([]Object{NewStr("")}))
	set("path", NewList(nil))
	set("modules", in.Modules)
	set("maxsize", NewInt(1<<63-1))
	set("byteorder", NewStr("little"))
	set("platform", NewStr(runtime.GOOS))
	set("version", NewStr(VersionString))
	set("hexversion", NewInt(0x030b07f0))
	set("api_version", NewInt(1013))
	set("copyright", NewStr(""))
	set("executable", NewStr(executablePath()))
	set("prefix", NewStr("/usr"))
	set("exec_prefix", NewStr("/usr"))
	set("base_prefix", NewStr("/usr"))
	set("base_exec_prefix", NewStr("/usr"))
	set("_base_executable", NewStr(executablePath()))
	set("abiflags", NewStr(""))
	set("_framework", NewStr(""))
	set("platlibdir", NewStr("lib"))
	set("pycache_prefix", None)
	set("dont_write_bytecode", NewBool(in.DontWriteBytecode))
	set("maxunicode", NewInt(0x10ffff))
	set("float_repr_style", NewStr("short"))
	set("meta_path", NewList(nil))
	set("path_hooks", NewList(nil))
	set("path_importer_cache", NewDict(0))
	set("builtin_module_names", NewTuple([]Object{NewStr("builtins"), NewStr("sys")}))
	set("warnoptions", NewList(nil))
	set("_xoptions", NewDict(0))
	set("orig_argv", NewList(nil))
	vi := newStructSeq("sys.version_info", []string{"major", "minor", "micro", "releaselevel", "serial"},
		[]Object{NewInt(3), NewInt(11), NewInt(7), NewStr("final"), NewInt(0)})
	set("version_info", vi)
	impl := NewModule("implementation")
	implNS := &Instance{Class: simpleNamespaceType, Dict: NewDict(4)}
	implNS.Dict.SetStr(NewStr("name"), NewStr("gopyc"))
	implNS.Dict.SetStr(NewStr("cache_tag"), NewStr("gopyc-311"))
	implNS.Dict.SetStr(NewStr("version"), vi)
	implNS.Dict.SetStr(NewStr("hexversion"), NewInt(0x030b07f0))
	_ = impl
	set("implementation", implNS)
	flagNames := []string{"debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
		"no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
		"dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"}
	fv := make([]Object, len(flagNames))
	for i, n := range flagNames {
		v := 0
		if in.Flags != nil {
			v = in.Flags[n]
		}
		if n == "int_max_str_digits" && v == 0 {
			v = -1
		}
		if n == "hash_randomization" && in.Flags == nil {
			v = 1
		}
		fv[i] = NewInt(int64(v))
		if n == "dev_mode" || n == "safe_path" {
			fv[i] = NewBool(v != 0)
		}
	}
	set("flags", newStructSeq("sys.flags", flagNames, fv))
	set("hash_info", newStructSeq("sys.hash_info", []string{"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"},
		[]Object{NewInt(64), NewInt(HashModulus), NewInt(HashInf), NewInt(0), NewInt(HashImag), NewStr("siphash13"), NewInt(64), NewInt(128), NewInt(0)}))
	set("float_info", newStructSeq("sys.float_info", []string{"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"},
		[]Object{NewFloat(1.7976931348623157e+308), NewInt(1024), NewInt(308), NewFloat(2.2250738585072014e-308), NewInt(-1021), NewInt(-307), NewInt(15), NewInt(53), NewFloat(2.220446049250313e-16), NewInt(2), NewInt(1)}))
	set("int_info", newStructSeq("sys.int_info", []string{"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"},
		[]Object{NewInt(30), NewInt(4), NewInt(4300), NewInt(640)}))
	fn("exit", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("exit", args, kw, 0, 1); err != nil {
			return nil, err
		}
		return nil, NewException(SystemExitType, args...)
	})
	fn("getrecursionlimit", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(int64(t.interp.RecursionLimit)), nil
	})
	fn("setrecursionlimit", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("setrecursionlimit", args, kw, 1, 1); err != nil {
			return nil, err
		}
		i, ok := args[0].(*Int)
		if !ok {
			return nil, typeErr("'%s' object cannot be interpreted as an integer", TypeName(args[0]))
		}
		v, _ := i.Int64()
		if v < 1 {
			return nil, valueErr("recursion limit must be greater or equal than 1")
		}
		if int(v) <= t.depth {
			return nil, Errorf(RecursionErrorType, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", v, t.depth)
		}
		t.interp.RecursionLimit = int(v)
		return None, nil
	})
	fn("get_int_max_str_digits", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(int64(t.interp.IntMaxStrDigits)), nil
	})
	fn("set_int_max_str_digits", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("set_int_max_str_digits", args, kw, []string{"maxdigits"}, 1)
		if err != nil {
			return nil, err
		}
		i, err := t.Index(a[0])
		if err != nil {
			return nil, err
		}
		v, _ := i.Int64()
		if v != 0 && v < 640 {
			return nil, valueErr("maxdigits must be 0 or larger than 640")
		}
		t.interp.IntMaxStrDigits = int(v)
		return None, nil
	})
	fn("intern", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("intern", args, kw, 1, 1); err != nil {
			return nil, err
		}
		s, ok := args[0].(*Str)
		if !ok {
			return nil, typeErr("intern() argument must be str, not %s", TypeName(args[0]))
		}
		return InternStr(s.String()), nil
	})
	fn("exc_info", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e := t.currentExc()
		if e == nil {
			return NewTuple([]Object{None, None, None}), nil
		}
		var tb Object = None
		if ex, ok := e.(*Exception); ok && ex.Traceback != nil {
			tb = ex.Traceback
		}
		return NewTuple([]Object{e.Type(), e, tb}), nil
	})
	fn("exception", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e := t.currentExc()
		if e == nil {
			return None, nil
		}
		return e, nil
	})
	fn("getsizeof", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(64), nil
	})
	fn("getrefcount", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewInt(2), nil })
	fn("getdefaultencoding", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewStr("utf-8"), nil })
	fn("getfilesystemencoding", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewStr("utf-8"), nil })
	fn("_getframe", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		depth := int64(0)
		if len(args) > 0 {
			i, _ := toIntObj(args[0])
			depth, _ = i.Int64()
		}
		f := t.frame
		for ; depth > 0 && f != nil; depth-- {
			f = f.back
		}
		if f == nil {
			return nil, valueErr("call stack is not deep enough")
		}
		for g := f; g != nil; g = g.back {
			g.escaped = true
		}
		return f, nil
	})
	fn("displayhook", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) == 1 && args[0] != None {
			s, err := t.Repr(args[0])
			if err != nil {
				return nil, err
			}
			t.interp.Builtins.SetStr(NewStr("_"), args[0])
			return None, t.writeTo(t.sysAttr("stdout"), s.String()+"\n")
		}
		return None, nil
	})
	fn("excepthook", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) == 3 {
			if e, ok := args[1].(*Exception); ok {
				t.PrintException(e)
			}
		}
		return None, nil
	})
	set("__displayhook__", d.GetStr(NewStr("displayhook")))
	set("__excepthook__", d.GetStr(NewStr("excepthook")))
	// Trace and profile functions are kept and returned but never called: the VM has no line
	// or call events (debuggers and coverage tools see no events; code that saves and restores
	// them, as test.support and threading do, works).
	hook := func(name string) {
		var current Object = None
		fn("set"+name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs("set"+name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			current = args[0]
			return None, nil
		})
		fn("get"+name, func(t *Thread, args []Object, kw *Tuple) (Object, error) { return current, nil })
	}
	hook("trace")
	hook("profile")
	fn("call_tracing", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("call_tracing", args, kw, 2, 2); err != nil {
			return nil, err
		}
		tup, ok := args[1].(*Tuple)
		if !ok {
			return nil, typeErr("call_tracing() argument 2 must be tuple, not %s", TypeName(args[1]))
		}
		return t.Call(args[0], tup.V, nil)
	})
	depth := int64(0)
	fn("get_coroutine_origin_tracking_depth", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(depth), nil
	})
	fn("set_coroutine_origin_tracking_depth", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("set_coroutine_origin_tracking_depth", args, kw, []string{"depth"}, 1)
		if err != nil {
			return nil, err
		}
		n, err := t.Index(a[0])
		if err != nil {
			return nil, err
		}
		v, _ := n.Int64()
		if v < 0 {
			return nil, valueErr("depth must be >= 0")
		}
		depth = v
		return None, nil
	})
	dlflags := int64(2) // RTLD_NOW
	fn("getdlopenflags", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewInt(dlflags), nil })
	fn("setdlopenflags", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("setdlopenflags", args, kw, 1, 1); err != nil {
			return nil, err
		}
		n, err := t.Index(args[0])
		if err != nil {
			return nil, err
		}
		dlflags, _ = n.Int64()
		return None, nil
	})
	fn("getallocatedblocks", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewInt(0), nil })
	fn("_clear_type_cache", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })
	fn("_current_frames", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		r := NewDict(1)
		if t.frame != nil {
			t.frame.escaped = true
			if err := t.DictSet(r, NewInt(t.ident), t.frame); err != nil {
				return nil, err
			}
		}
		return r, nil
	})
	fn("_current_exceptions", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewDict(0), nil })
	fn("audit", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })
	fn("addaudithook", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })
	fn("is_finalizing", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return False, nil })
	fn("getswitchinterval", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewFloat(0.005), nil })
	fn("setswitchinterval", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })
	return m
}

func executablePath() string {
	p, err := os.Executable()
	if err != nil {
		return ""
	}
	return p
}

// SetArgv sets sys.argv.
func (in *Interp) SetArgv(argv []string) {
	items := make([]Object, len(argv))
	for i, a := range argv {
		items[i] = NewStr(a)
	}
	in.Sys.Dict.SetStr(NewStr("argv"), NewList(items))
}

// SetPath sets sys.path.
func (in *Interp) SetPath(path []string) {
	items := make([]Object, len(path))
	for i, a := range path {
		items[i] = NewStr(a)
	}
	in.Sys.Dict.SetStr(NewStr("path"), NewList(items))
}

var structSeqTypes = map[string]*Type{}

func newStructSeq(name string, fields []string, values []Object) Object {
	tp := structSeqTypes[name]
	if tp == nil {
		short := name
		mod := "builtins"
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			mod, short = name[:i], name[i+1:]
		}
		tp = &Type{Name: short, QualName: short, Module: mod, Dict: NewDict(0)}
		setupBuiltinType(tp, TupleType)
		tp.Module = mod
		tp.Layout = TupleType
		for i, f := range fields {
			idx := i
			tp.Dict.SetStr(NewStr(f), &GetSet{Name: f, Get: func(t *Thread, o Object) (Object, error) {
				return o.(*Instance).Value.(*Tuple).V[idx], nil
			}})
		}
		fl := fields
		addRawMethod(tp, "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			inst := args[0].(*Instance)
			var b strings.Builder
			b.WriteString(name + "(")
			for i, v := range inst.Value.(*Tuple).V {
				if i > 0 {
					b.WriteString(", ")
				}
				s, err := t.repr(v)
				if err != nil {
					return nil, err
				}
				b.WriteString(fl[i] + "=" + s)
			}
			b.WriteString(")")
			return NewStr(b.String()), nil
		})
		structSeqTypes[name] = tp
	}
	return &Instance{Class: tp, Value: NewTuple(values)}
}

var simpleNamespaceType = func() *Type {
	tp := &Type{Name: "SimpleNamespace", QualName: "SimpleNamespace", Module: "types", Flags: TypeFlagHasDict}
	return tp
}()
