package modules

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopyc/internal/oracle"
)

// testInputs are data of several kinds: empty, short, text-like, repetitive, random.
func testInputs() [][]byte {
	r := rand.New(rand.NewSource(1))
	rnd := make([]byte, 100000)
	r.Read(rnd)
	var text bytes.Buffer
	words := []string{"deflate", "window", "huffman", "stream", "block", "the", "a", "zlib"}
	for text.Len() < 200000 {
		text.WriteString(words[r.Intn(len(words))])
		text.WriteByte(" \n"[r.Intn(2)])
	}
	return [][]byte{nil, []byte("a"), []byte("hello hello hello hello"), bytes.Repeat([]byte{0}, 70000),
		text.Bytes(), rnd, append(text.Bytes()[:50000:50000], rnd[:40000]...)}
}

// inflateChunked decodes src fed in random chunks with random output limits.
func inflateChunked(z *inflater, src []byte, r *rand.Rand) ([]byte, []byte, error) {
	var out []byte
	for !z.eof() {
		n := 1 + r.Intn(1+r.Intn(300))
		if r.Intn(4) == 0 {
			n = len(src)
		}
		if n > len(src) {
			n = len(src)
		}
		chunk := src[:n]
		src = src[n:]
		for {
			limit := -1
			if r.Intn(2) == 0 {
				limit = 1 + r.Intn(1000)
			}
			o, used, err := z.inflate(chunk, limit)
			if err != nil {
				return nil, nil, err
			}
			out = append(out, o...)
			if z.eof() {
				return out, append(z.leftover(), append(chunk[used:], src...)...), nil
			}
			chunk = chunk[used:]
			if len(chunk) == 0 && (limit < 0 || len(o) < limit) {
				break
			}
		}
		if len(src) == 0 {
			// no more input: drain what the limits held back
			o, _, err := z.inflate(nil, -1)
			if err != nil {
				return nil, nil, err
			}
			out = append(out, o...)
			if !z.eof() {
				return out, nil, errShort
			}
		}
	}
	return out, nil, nil
}

func TestInflateAgainstGo(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i, in := range testInputs() {
		for _, level := range []int{flate.HuffmanOnly, 0, 1, 5, 9} {
			var raw, zl, gz bytes.Buffer
			fw, _ := flate.NewWriter(&raw, level)
			fw.Write(in)
			fw.Close()
			zw, _ := zlib.NewWriterLevel(&zl, level)
			zw.Write(in)
			zw.Close()
			gw, _ := gzip.NewWriterLevel(&gz, level)
			gw.Name = "name.txt"
			gw.Comment = "comment"
			gw.Extra = []byte("xx")
			gw.Write(in)
			gw.Close()
			for _, c := range []struct {
				wrap  int
				bytes []byte
			}{{wrapRaw, raw.Bytes()}, {wrapZlib, zl.Bytes()}, {wrapGzip, gz.Bytes()}, {wrapAuto, zl.Bytes()}, {wrapAuto, gz.Bytes()}} {
				name := fmt.Sprintf("input %d level %d wrap %d", i, level, c.wrap)
				src := append(append([]byte{}, c.bytes...), "after"...)
				out, _, err := newInflater(c.wrap, 15, nil).inflate(src, -1)
				if err != nil || !bytes.Equal(out, in) {
					t.Fatalf("%s: one-shot: %v, %d bytes, want %d", name, err, len(out), len(in))
				}
				out, rest, err := inflateChunked(newInflater(c.wrap, 15, nil), src, r)
				if err != nil || !bytes.Equal(out, in) || string(rest) != "after" {
					t.Fatalf("%s: chunked: %v, %d bytes, want %d, rest %q", name, err, len(out), len(in), rest)
				}
			}
		}
	}
}

func TestDeflaterRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for i, in := range testInputs() {
		for _, level := range []int{-1, 0, 1, 6, 9} {
			for _, wbits := range []int{9, 15, -9, -15, 25, 31} {
				for _, dict := range [][]byte{nil, []byte("huffman window stream")} {
					if wbits > 15 && dict != nil {
						continue
					}
					d, ok := newDeflater(level, wbits, 0, dict)
					if !ok {
						t.Fatalf("newDeflater(%d, %d) refused", level, wbits)
					}
					var c []byte
					rest := in
					var copied *deflater
					var cc []byte
					for len(rest) > 0 {
						n := 1 + r.Intn(20000)
						if n > len(rest) {
							n = len(rest)
						}
						d.write(rest[:n])
						rest = rest[n:]
						c = append(c, d.take()...)
						switch r.Intn(5) {
						case 0:
							d.w.Flush()
						case 1:
							d.fullFlush()
						case 2:
							if copied == nil {
								// the copy continues after the output taken so far
								copied = d.copyState()
								copied.write(rest)
								cc = append(append([]byte{}, c...), copied.finish()...)
							}
						}
						c = append(c, d.take()...)
					}
					c = append(c, d.finish()...)
					wrap, wb, _ := inflateWbits(wbits)
					for k, s := range [][]byte{c, cc} {
						if k == 1 && copied == nil {
							continue
						}
						out, _, err := newInflater(wrap, wb, dict).inflate(s, -1)
						if err != nil || !bytes.Equal(out, in) {
							t.Fatalf("input %d level %d wbits %d dict %v copy %d: %v (%d bytes, want %d)", i, level, wbits, dict != nil, k, err, len(out), len(in))
						}
					}
				}
			}
		}
	}
}

func TestInflateErrors(t *testing.T) {
	for _, c := range []struct {
		wrap int
		in   string
		want string
	}{
		{wrapZlib, "\x78\x9c\x07\x00", "invalid block type"},
		{wrapZlib, "\x79\x9c", "incorrect header check"},
		{wrapZlib, "\x88\x98", "invalid window size"},
		{wrapZlib, "\x00\x00", "unknown compression method"},
		{wrapGzip, "\x1f\x8b\x09\x00", "unknown compression method"},
		{wrapGzip, "\x1f\x8b\x08\xe0", "unknown header flags set"},
		{wrapGzip, "\x78\x9c", "incorrect header check"},
		{wrapRaw, "\x01\x01\x00\x00\x00", "invalid stored block lengths"},
		{wrapRaw, "\xf5\x00\x00", "too many length or distance symbols"},
		{wrapRaw, "\x03\x01", "invalid distance too far back"},
		{wrapZlib, "\x78\x9c\x03\x00\x00\x00\x00\x02", "incorrect data check"},
		{wrapRaw, "\x1b\x03", "invalid literal/length code"},
	} {
		_, _, err := newInflater(c.wrap, 15, nil).inflate([]byte(c.in), -1)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v, want %s", c.in, err, c.want)
		}
	}
	// a zlib stream asking for a dictionary
	_, _, err := newInflater(wrapZlib, 15, nil).inflate([]byte("\x78\xbb\x01\x26\x00\xc4"), -1)
	if ie, ok := err.(*inflateError); !ok || ie.code != 2 {
		t.Errorf("need dict: %v", err)
	}
}

// FuzzInflate decodes random and mutated raw streams one-shot and in random chunks with
// random output limits (the results must agree) and compares with compress/flate.
func FuzzInflate(f *testing.F) {
	for _, in := range testInputs()[:5] {
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, 6)
		w.Write(in[:min(len(in), 3000)])
		w.Close()
		f.Add(b.Bytes(), int64(1))
	}
	f.Add([]byte("\x05\xe0\xff"), int64(2))
	f.Fuzz(func(t *testing.T, src []byte, seed int64) {
		one, _, err1 := newInflater(wrapRaw, 15, nil).inflate(src, -1)
		z := newInflater(wrapRaw, 15, nil)
		if err1 == nil {
			z2 := newInflater(wrapRaw, 15, nil)
			if _, _, err := z2.inflate(src, -1); err == nil && !z2.eof() {
				err1 = errShort
			}
		}
		chunked, _, err2 := inflateChunked(z, src, rand.New(rand.NewSource(seed)))
		if (err1 == nil) != (err2 == nil) || (err1 == nil && !bytes.Equal(one, chunked)) {
			t.Fatalf("one-shot %v (%d bytes), chunked %v (%d bytes)", err1, len(one), err2, len(chunked))
		}
		if err1 != nil && err2 != nil && err1.Error() != err2.Error() {
			t.Fatalf("one-shot %v, chunked %v", err1, err2)
		}
		ref, errRef := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(src)), 1<<24))
		if errRef == nil && (err1 != nil || !bytes.Equal(ref, one)) {
			t.Fatalf("compress/flate decodes %d bytes, inflater %v (%d bytes)", len(ref), err1, len(one))
		}
	})
}

// TestDeflateWithCPython checks that CPython's zlib decompresses what the deflater writes
// with every level, wrapper and window size, a dictionary and flushes.
func TestDeflateWithCPython(t *testing.T) {
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	in := testInputs()[6]
	var script strings.Builder
	script.WriteString("import zlib, sys\ndata = open(sys.argv[1], 'rb').read()\nbad = 0\n")
	n := 0
	for _, level := range []int{-1, 0, 1, 2, 6, 9} {
		for _, wbits := range []int{8, 9, 12, 15, -9, -12, -15, 25, 31} {
			for _, dict := range []string{"", "window stream"} {
				if dict != "" && wbits > 15 {
					continue
				}
				var d []byte
				if dict != "" {
					d = []byte(dict)
				}
				z, ok := newDeflater(level, wbits, 0, d)
				if !ok {
					t.Fatalf("newDeflater(%d, %d) refused", level, wbits)
				}
				z.write(in[:30000])
				z.w.Flush()
				z.write(in[30000:60000])
				z.fullFlush()
				z.write(in[60000:])
				c := append(z.take(), z.finish()...)
				name := filepath.Join(dir, fmt.Sprint(n))
				n++
				if err := os.WriteFile(name, c, 0o644); err != nil {
					t.Fatal(err)
				}
				dw := wbits
				if dw == 8 {
					dw = 9 // zlib writes a window of 9 for 8
				}
				fmt.Fprintf(&script, "d = zlib.decompressobj(%d, zdict=%q.encode()) if %q else zlib.decompressobj(%d)\n", dw, dict, dict, dw)
				fmt.Fprintf(&script, "out = d.decompress(open(%q, 'rb').read())\n", name)
				fmt.Fprintf(&script, "if out != data or not d.eof or d.unused_data: print('level %d wbits %d dict %q'); bad += 1\n", level, wbits, dict)
			}
		}
	}
	script.WriteString("print('bad', bad)\n")
	src := filepath.Join(dir, "data")
	os.WriteFile(src, in, 0o644)
	prog := filepath.Join(dir, "check.py")
	os.WriteFile(prog, []byte(script.String()), 0o644)
	out, err := exec.Command(py, prog, src).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "bad 0" {
		t.Fatalf("%v\n%s", err, out)
	}
}
