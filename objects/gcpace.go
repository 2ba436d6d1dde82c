package objects

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Big-int pacing. Arbitrary-precision arithmetic allocates a fresh result for every operation
// (an Int is immutable), and the results of a loop like a spigot algorithm die almost at once:
// CPython frees each one when its reference count drops, so its peak stays near the live data.
// Go's concurrent collector marks everything allocated while a cycle runs as live, so at a few
// GB/s of big-int results each cycle sees tens of MB of "live" garbage and sets the next heap
// goal from it: peak memory grows to many times the real live heap.
//
// So the bytes of big-int results are counted, and when bigPaceBytes of them have been made
// since the last completed collection, the allocating goroutine runs a collection itself
// (runtime.GC blocks it, so nothing is allocated by it meanwhile and the cycle sees only the
// real live data). A sentinel finalizer, re-armed on every cycle, notices each completed cycle
// and resets the count; programs that make few big ints never force one.
const bigPaceBytes = 16 << 20

var bigAllocated atomic.Int64

type gcSentinel struct{ _ [16]byte }

func init() { armGCSentinel() }

func armGCSentinel() {
	s := new(gcSentinel)
	runtime.SetFinalizer(s, func(*gcSentinel) {
		bigAllocated.Store(0)
		armGCSentinel()
	})
}

// OnBigIntPressure, when set, is called once, when the program has made bigPressureBytes of
// big-int results: the embedder may then change its collector settings (gopyc runs such
// programs on one P, where no cycle marks concurrently with the program's allocation).
var OnBigIntPressure func()

const bigPressureBytes = 2 << 20

var (
	bigTotal     atomic.Int64
	pressureOnce sync.Once
)

// noteBigAlloc accounts for a new big-int result of n words.
func noteBigAlloc(words int) {
	n := int64(words) * 8
	if f := OnBigIntPressure; f != nil && bigTotal.Load() < bigPressureBytes {
		if bigTotal.Add(n) >= bigPressureBytes {
			pressureOnce.Do(f)
		}
	}
	if bigAllocated.Add(n) > bigPaceBytes {
		bigAllocated.Store(0)
		runtime.GC()
	}
}
