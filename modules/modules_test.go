package modules_test

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"gopyc/compile"
	"gopyc/modules"
	"gopyc/objects"
	"gopyc/vm"
)

// run compiles src with gopyc's compiler and runs it with the Go-native modules installed.
func run(t *testing.T, src string) string {
	t.Helper()
	co, err := compile.Source([]byte(src), "<test>", "exec", 0)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	var out, errb bytes.Buffer
	in := vm.New()
	in.SetOutput(&out, &errb)
	in.SetStdin(bufio.NewReader(strings.NewReader("")))
	modules.Install(in)
	mod := vm.NewModule("__main__")
	in.Modules.SetStr(objects.NewStr("__main__"), mod)
	in.GIL.Lock()
	status := in.MainThread().RunMain(co, mod.Dict)
	in.GIL.Unlock()
	if status != 0 {
		t.Fatalf("status %d: %s", status, errb.String())
	}
	return out.String()
}

func TestModules(t *testing.T) {
	cases := []struct{ src, want string }{
		{"import math\nprint(math.sqrt(2), math.factorial(25), math.gcd(84, 36), math.floor(-2.5), math.isclose(1, 1 + 1e-12))",
			"1.4142135623730951 15511210043330985984000000 12 -3 True\n"},
		{"import math\ntry:\n    math.sqrt(-1)\nexcept ValueError as e:\n    print(e)", "math domain error\n"},
		{"import functools\nprint(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.partial(pow, 2)(10))", "24 1024\n"},
		{"import time\nt = time.time()\ntime.sleep(0.001)\nprint(time.time() > t, time.perf_counter() > 0)", "True True\n"},
		{"import gc\nprint(gc.isenabled(), gc.collect() >= 0)", "True True\n"},
		{"import _thread\nl = _thread.allocate_lock()\nprint(l.acquire(), l.locked(), l.acquire(False))\nl.release()\nprint(l.locked())",
			"True True False\nFalse\n"},
	}
	for _, c := range cases {
		if got := run(t, c.src); got != c.want {
			t.Errorf("%q:\ngot  %q\nwant %q", c.src, got, c.want)
		}
	}
}
