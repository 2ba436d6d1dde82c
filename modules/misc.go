package modules

import (
	"runtime"
	"time"

	. "gopyc/objects"
	"gopyc/vm"
)

var startTime = time.Now()

func makeTime(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("time")
	m.AddFunc("time", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		return NewFloat(float64(time.Now().UnixNano()) / 1e9), nil
	})
	m.AddFunc("time_ns", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(time.Now().UnixNano()), nil
	})
	mono := func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		return NewFloat(time.Since(startTime).Seconds()), nil
	}
	m.AddFunc("monotonic", mono)
	m.AddFunc("perf_counter", mono)
	m.AddFunc("process_time", mono)
	m.AddFunc("monotonic_ns", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(int64(time.Since(startTime))), nil
	})
	m.AddFunc("perf_counter_ns", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(int64(time.Since(startTime))), nil
	})
	m.AddFunc("sleep", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("sleep", args, kw, 1, 1); err != nil {
			return nil, err
		}
		s, err := t.ToFloat(args[0])
		if err != nil {
			return nil, err
		}
		if s < 0 {
			return nil, vm.ValueError("sleep length must be non-negative")
		}
		t.ReleaseGIL(func() { time.Sleep(time.Duration(s * 1e9)) })
		return None, nil
	})
	return m, nil
}

func makeGC(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("gc")
	enabled := true
	m.AddFunc("collect", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		runtime.GC()
		return NewInt(0), nil
	})
	m.AddFunc("enable", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) { enabled = true; return None, nil })
	m.AddFunc("disable", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) { enabled = false; return None, nil })
	m.AddFunc("isenabled", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) { return NewBool(enabled), nil })
	m.AddFunc("get_count", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		return NewTuple([]Object{NewInt(0), NewInt(0), NewInt(0)}), nil
	})
	m.AddFunc("get_threshold", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		return NewTuple([]Object{NewInt(700), NewInt(10), NewInt(10)}), nil
	})
	m.AddFunc("set_threshold", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })
	m.AddFunc("is_tracked", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) { return False, nil })
	m.AddFunc("freeze", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })
	return m, nil
}
