package pycache

import (
	"errors"
	"testing"
	"time"

	"gopyc/marshal"
	"gopyc/objects"
)

func sampleCode(file string) *objects.Code {
	s := objects.InternStr
	inner := &objects.Code{Code: []byte{151, 0, 100, 0, 83, 0}, Consts: []objects.Object{objects.None},
		Names: []*objects.Str{}, LocalsPlusNames: []*objects.Str{}, LocalsPlusKinds: []byte{},
		Filename: objects.NewStr(file), Name: s("f"), QualName: s("f"), FirstLineNo: 1,
		LineTable: []byte{0x80, 0x00}, ExceptionTable: []byte{}}
	return &objects.Code{Code: []byte{151, 0, 100, 0, 83, 0}, Consts: []objects.Object{inner, objects.None},
		Names: []*objects.Str{}, LocalsPlusNames: []*objects.Str{}, LocalsPlusKinds: []byte{},
		Filename: objects.NewStr(file), Name: s("<module>"), QualName: s("<module>"), FirstLineNo: 1,
		LineTable: []byte{0xf0, 0x03, 0x01}, ExceptionTable: []byte{}}
}

func TestPycRoundTrip(t *testing.T) {
	mtime := time.Unix(1577836800, 0)
	h := TimestampHeader(mtime, 6)
	data, err := Pyc(h, sampleCode("/old/m.py"))
	if err != nil {
		t.Fatal(err)
	}
	h2, co, err := ReadPyc(data, "m", "/x/__pycache__/m.gopyc-311.pyc")
	if err != nil || h2 != h {
		t.Fatalf("%v %+v", err, h2)
	}
	if err := h2.ValidateTimestamp(mtime, 6, "m"); err != nil {
		t.Error(err)
	}
	var e *Error
	if err := h2.ValidateTimestamp(mtime.Add(time.Second), 6, "m"); !errors.As(err, &e) || e.Msg != "bytecode is stale for 'm'" {
		t.Errorf("stale mtime: %v", err)
	}
	if err := h2.ValidateTimestamp(mtime, 7, "m"); err == nil {
		t.Error("stale size accepted")
	}
	if !h2.IsRacy(mtime.Add(500*time.Millisecond)) || h2.IsRacy(mtime.Add(time.Second)) {
		t.Error("IsRacy")
	}
	FixFilename(co, "/new/m.py")
	if co.Filename.String() != "/new/m.py" || co.Consts[0].(*objects.Code).Filename.String() != "/new/m.py" {
		t.Error("FixFilename")
	}
	hh := HashHeader([]byte("V = 1\n"), true)
	if hh.ValidateHash([]byte("V = 1\n"), "m") != nil {
		t.Error("hash rejected")
	}
	if err := hh.ValidateHash([]byte("V = 2\n"), "m"); !errors.As(err, &e) || e.Msg != "hash in bytecode doesn't match hash of source 'm'" {
		t.Errorf("hash mismatch: %v", err)
	}
}

func TestReadPycErrors(t *testing.T) {
	body, _ := marshal.Dumps(objects.NewInt(5), marshal.Version)
	var e *Error
	_, _, err := ReadPyc(append(Header{}.Bytes(), body...), "m", "/p/m.pyc")
	if !errors.As(err, &e) || e.Class != "ImportError" || e.Msg != "Non-code object in '/p/m.pyc'" {
		t.Errorf("non-code: %v", err)
	}
	_, _, err = ReadPyc(append(Header{}.Bytes(), 'q'), "m", "/p/m.pyc")
	var me *marshal.Error
	if !errors.As(err, &me) || me.Msg != "bad marshal data (unknown type code)" {
		t.Errorf("bad body: %v", err)
	}
	if _, _, err = ReadPyc([]byte{1, 2}, "m", "/p/m.pyc"); !errors.As(err, &e) || e.Class != "ImportError" {
		t.Errorf("bad magic: %v", err)
	}
}
