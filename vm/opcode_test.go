package vm_test

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"gopyc/bytecode"
	"gopyc/internal/oracle"
	"gopyc/marshal"
	"gopyc/modules"
	"gopyc/objects"
	"gopyc/vm"
)

// TestEveryOpcode walks CPython 3.11's opcode table: every opcode the compiler can emit has a
// snippet in testdata/opcode_snippets.py whose CPython-compiled code contains it; the VM runs that
// code and must print what CPython printed.
func TestEveryOpcode(t *testing.T) {
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(py, "-S", "testdata/opcode_snippets.py")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("snippets: %v", err)
	}
	var snippets map[string]struct {
		Marshal string `json:"marshal"`
		HasOp   bool   `json:"has_op"`
		Stdout  string `json:"stdout"`
	}
	if err := json.Unmarshal(out, &snippets); err != nil {
		t.Fatal(err)
	}
	covered := 0
	for op := 0; op < 256; op++ {
		name := bytecode.OpName[op]
		if strings.HasPrefix(name, "<") || bytecode.Deopt[op] != uint8(op) {
			continue // unused number, or a specialised form CPython never writes to a .pyc
		}
		s, ok := snippets[name]
		if !ok {
			t.Errorf("opcode %s (%d) has no snippet", name, op)
			continue
		}
		if !s.HasOp {
			t.Errorf("%s: snippet's code does not contain the opcode", name)
			continue
		}
		data, _ := hex.DecodeString(s.Marshal)
		o, err := marshal.Loads(data)
		if err != nil {
			t.Errorf("%s: marshal: %v", name, err)
			continue
		}
		var stdout, stderr bytes.Buffer
		in := vm.New()
		in.SetOutput(&stdout, &stderr)
		in.SetStdin(bufio.NewReader(strings.NewReader("")))
		modules.Install(in)
		mod := vm.NewModule("__main__")
		in.Modules.SetStr(objects.NewStr("__main__"), mod)
		in.GIL.Lock()
		status := in.MainThread().RunMain(o.(*objects.Code), mod.Dict)
		in.GIL.Unlock()
		if status != 0 || stdout.String() != s.Stdout {
			t.Errorf("%s: got status %d, stdout %q, stderr %q; want %q", name, status, stdout.String(), stderr.String(), s.Stdout)
			continue
		}
		covered++
	}
	t.Logf("%d opcodes executed and checked against CPython", covered)
}
