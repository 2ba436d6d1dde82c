package pyerrno

import (
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"gopyc/internal/oracle"
)

// TestAgainstCPython compares Class and Strerror with CPython's for errnos 1-133: the
// subclass OSError(errno, "x") becomes, and os.strerror.
func TestAgainstCPython(t *testing.T) {
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	out, err := exec.Command(py, "-S", "-c",
		"import os\nfor n in range(1, 134): print(n, type(OSError(n, 'x')).__name__, os.strerror(n), sep='|')").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.SplitN(line, "|", 3)
		n, _ := strconv.Atoi(f[0])
		want := f[1]
		if want == "OSError" {
			want = ""
		}
		if got := Class(syscall.Errno(n)); got != want {
			t.Errorf("Class(%d) = %q, CPython %q", n, got, want)
		}
		if got := Strerror(syscall.Errno(n)); got != f[2] {
			t.Errorf("Strerror(%d) = %q, CPython %q", n, got, f[2])
		}
	}
}
