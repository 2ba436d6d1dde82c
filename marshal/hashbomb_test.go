package marshal

import (
	"testing"
	"time"

	"gopyc/objects"
)

func TestHashBomb(t *testing.T) {
	var o objects.Object = objects.NewInt(1)
	for i := 0; i < 60; i++ {
		o = objects.NewTuple([]objects.Object{o, o})
	}
	b, err := Dumps(objects.NewList([]objects.Object{o}), 4)
	if err != nil {
		t.Fatal(err)
	}
	b[0] = '>' | 0x80 // the list becomes a frozenset of the same one member
	st := time.Now()
	if _, err = Loads(b); err != errHashCost {
		t.Errorf("got %v", err)
	}
	if d := time.Since(st); d > time.Second {
		t.Errorf("took %v", d)
	}
}
