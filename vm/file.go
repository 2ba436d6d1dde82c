package vm

import (
	"bufio"
	"io"
	"os"
	"strings"
	"sync/atomic"

	. "gopyc/objects"
)

// File is an open file (text or binary), also sys.stdout and friends.
type File struct {
	name         string
	mode         string
	r            *bufio.Reader
	w            *bufio.Writer
	f            *os.File
	fd           int
	binary       bool
	closed       bool
	lineBuffered bool
}

// Type implements Object.
func (f *File) Type() *Type {
	if f.binary {
		return bufferedFileType
	}
	return FileType
}

var bufferedFileType = &Type{Name: "BufferedReader"}

func newFile(name, mode string, r *bufio.Reader, w *bufio.Writer, f *os.File, fd int) *File {
	return &File{name: name, mode: mode, r: r, w: w, f: f, fd: fd}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (f *File) write(t *Thread, s string) error {
	if f.closed {
		return valueErr("I/O operation on closed file.")
	}
	if f.w == nil {
		return Errorf(OSErrorType, "not writable")
	}
	_, err := f.w.WriteString(s)
	if err != nil {
		return Errorf(OSErrorType, "%s", err.Error())
	}
	if f.lineBuffered && strings.Contains(s, "\n") || f.w.Size() == 0 {
		f.w.Flush()
	}
	return nil
}

func (f *File) flush() {
	if f.w != nil {
		f.w.Flush()
	}
}

func (t *Thread) readLineFrom(o Object) (string, error) {
	f, ok := o.(*File)
	if !ok {
		m, err := t.GetAttr(o, NewStr("readline"))
		if err != nil {
			return "", err
		}
		r, err := t.Call(m, nil, nil)
		if err != nil {
			return "", err
		}
		return strOf(r), nil
	}
	if f.r == nil {
		return "", Errorf(OSErrorType, "not readable")
	}
	s, err := f.r.ReadString('\n')
	if err != nil && err != io.EOF {
		return "", Errorf(OSErrorType, "%s", err.Error())
	}
	return s, nil
}

func (t *Thread) open(args []Object, kw *Tuple) (Object, error) {
	a, err := parseArgs("open", args, kw, []string{"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1)
	if err != nil {
		return nil, err
	}
	name, ok := a[0].(*Str)
	if !ok {
		return nil, typeErr("expected str, bytes or os.PathLike object, not %s", TypeName(a[0]))
	}
	mode := "r"
	if a[1] != nil {
		mode = strOf(a[1])
	}
	flag := os.O_RDONLY
	switch {
	case strings.Contains(mode, "r+"), strings.Contains(mode, "w+"):
		flag = os.O_RDWR
		if strings.Contains(mode, "w") {
			flag |= os.O_CREATE | os.O_TRUNC
		}
	case strings.Contains(mode, "w"):
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	case strings.Contains(mode, "a"):
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	case strings.Contains(mode, "x"):
		flag = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	}
	osf, err := os.OpenFile(name.String(), flag, 0o666)
	if err != nil {
		if os.IsNotExist(err) {
			e := NewException(FileNotFoundErrorType, NewInt(2), NewStr("No such file or directory"))
			e.Dict = NewDict(0)
			e.Dict.SetStr(NewStr("filename"), name)
			return nil, e
		}
		return nil, Errorf(OSErrorType, "%s", err.Error())
	}
	f := &File{name: name.String(), mode: mode, f: osf, binary: strings.Contains(mode, "b")}
	if flag == os.O_RDONLY || flag&os.O_RDWR != 0 {
		f.r = bufio.NewReader(osf)
	}
	if flag != os.O_RDONLY {
		f.w = bufio.NewWriter(osf)
	}
	return f, nil
}

func (f *File) close() error {
	if f.closed {
		return nil
	}
	f.flush()
	f.closed = true
	if f.f != nil && f.fd > 2 || f.f != nil && f.name != "<stdout>" && f.name != "<stderr>" && f.name != "<stdin>" {
		return f.f.Close()
	}
	return nil
}

func initFileMethods() {
	for _, tp := range []*Type{FileType, bufferedFileType} {
		if tp.Dict == nil {
			setupBuiltinType(tp, ObjectType)
		}
		addRawMethod(tp, "write", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			f := args[0].(*File)
			if len(args) != 2 {
				return nil, typeErr("write() takes exactly one argument")
			}
			if f.binary {
				b, ok := bytesLike(args[1])
				if !ok {
					return nil, typeErr("a bytes-like object is required, not '%s'", TypeName(args[1]))
				}
				if f.closed {
					return nil, valueErr("write to closed file")
				}
				f.w.Write(b)
				return NewInt(int64(len(b))), nil
			}
			s, ok := args[1].(*Str)
			if !ok {
				return nil, typeErr("write() argument must be str, not %s", TypeName(args[1]))
			}
			if err := f.write(t, s.String()); err != nil {
				return nil, err
			}
			return NewInt(int64(s.Len())), nil
		})
		addRawMethod(tp, "flush", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			args[0].(*File).flush()
			return None, nil
		})
		addRawMethod(tp, "close", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return None, args[0].(*File).close()
		})
		addRawMethod(tp, "fileno", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return NewInt(int64(args[0].(*File).fd)), nil
		})
		addRawMethod(tp, "isatty", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			f := args[0].(*File)
			return NewBool(f.f != nil && isTerminal(f.f)), nil
		})
		addRawMethod(tp, "readable", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return NewBool(args[0].(*File).r != nil), nil
		})
		addRawMethod(tp, "writable", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return NewBool(args[0].(*File).w != nil), nil
		})
		addRawMethod(tp, "__enter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return args[0], nil })
		addRawMethod(tp, "__exit__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return None, args[0].(*File).close()
		})
		addRawMethod(tp, "read", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			f := args[0].(*File)
			if f.closed {
				return nil, valueErr("I/O operation on closed file.")
			}
			if f.r == nil {
				return nil, Errorf(OSErrorType, "not readable")
			}
			n := int64(-1)
			if len(args) > 1 && args[1] != None {
				i, _ := toIntObj(args[1])
				n, _ = i.Int64()
			}
			var data []byte
			if n < 0 {
				data, _ = io.ReadAll(f.r)
			} else if f.binary {
				data = make([]byte, n)
				k, _ := io.ReadFull(f.r, data)
				data = data[:k]
			} else {
				var sb strings.Builder
				for i := int64(0); i < n; i++ {
					r, _, err := f.r.ReadRune()
					if err != nil {
						break
					}
					sb.WriteRune(r)
				}
				data = []byte(sb.String())
			}
			if f.binary {
				return NewBytes(data), nil
			}
			return NewStr(string(data)), nil
		})
		addRawMethod(tp, "readline", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			f := args[0].(*File)
			s, err := t.readLineFrom(f)
			if err != nil {
				return nil, err
			}
			if f.binary {
				return NewBytes([]byte(s)), nil
			}
			return NewStr(s), nil
		})
		addRawMethod(tp, "readlines", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			f := args[0].(*File)
			var out []Object
			for {
				s, err := t.readLineFrom(f)
				if err != nil {
					return nil, err
				}
				if s == "" {
					break
				}
				if f.binary {
					out = append(out, NewBytes([]byte(s)))
				} else {
					out = append(out, NewStr(s))
				}
			}
			return NewList(out), nil
		})
		addRawMethod(tp, "writelines", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			f := args[0].(*File)
			return None, t.iterate(args[1], func(v Object) error { return f.write(t, strOf(v)) })
		})
		addRawMethod(tp, "__iter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return args[0], nil })
		addRawMethod(tp, "__next__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			f := args[0].(*File)
			s, err := t.readLineFrom(f)
			if err != nil {
				return nil, err
			}
			if s == "" {
				return nil, NewException(StopIterationType)
			}
			if f.binary {
				return NewBytes([]byte(s)), nil
			}
			return NewStr(s), nil
		})
		tp.Dict.SetStr(NewStr("closed"), &GetSet{Name: "closed", Get: func(t *Thread, o Object) (Object, error) { return NewBool(o.(*File).closed), nil }})
		tp.Dict.SetStr(NewStr("name"), &GetSet{Name: "name", Get: func(t *Thread, o Object) (Object, error) { return NewStr(o.(*File).name), nil }})
		tp.Dict.SetStr(NewStr("mode"), &GetSet{Name: "mode", Get: func(t *Thread, o Object) (Object, error) { return NewStr(o.(*File).mode), nil }})
	}
}

// Interrupt requests a KeyboardInterrupt in the main thread (SIGINT).
func (in *Interp) Interrupt() { atomic.StoreInt32(&in.interrupted, 1) }

func (in *Interp) checkInterrupt() bool {
	return atomic.LoadInt32(&in.interrupted) != 0 && atomic.SwapInt32(&in.interrupted, 0) != 0
}

func (in *Interp) yieldGIL() {
	if atomic.LoadInt32(&in.threads) > 1 {
		in.GIL.Unlock()
		runtimeGosched()
		in.GIL.Lock()
	}
}

func atomicAdd(p *int32, d int32) { atomic.AddInt32(p, d) }
