package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent returns the current GOGC setting.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestGCPercentUntilCollection: the import-phase setting holds until a collection ends, and then
// the previous setting is back.
func TestGCPercentUntilCollection(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	gcPercentUntilCollection(importPhaseGCPercent)
	if p := gcPercent(); p != importPhaseGCPercent {
		t.Fatalf("GOGC during the phase: %d, want %d", p, importPhaseGCPercent)
	}
	runtime.GC()
	// The cleanup runs on its own goroutine after the collection.
	for i := 0; gcPercent() != 100; i++ {
		if i == 500 {
			t.Fatalf("GOGC still %d after a collection, want 100", gcPercent())
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}

// TestImportGCPhaseAfterCollection: once a collection has happened, the first import leaves GOGC
// alone (the heap may be large by then).
func TestImportGCPhaseAfterCollection(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	runtime.GC()
	importGCPhase()
	if p := gcPercent(); p != 100 {
		t.Errorf("GOGC after the first import: %d, want 100", p)
	}
}
