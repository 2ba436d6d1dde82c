package pymath

import (
	"sync"
	"sync/atomic"
)

// The tables (exp, log, sin/cos and atan steps, glibc's sin/cos table, the bits of 2/pi) cost
// about 0.2 ms to compute, which every gopyc start-up paid at package initialisation whether or
// not the program did any floating-point mathematics. They are computed on the first call of an
// exported function instead; each exported function starts with ensureTables (one atomic load
// once they exist).
var (
	tablesOnce  sync.Once
	tablesReady atomic.Bool
)

func ensureTables() {
	if !tablesReady.Load() {
		tablesOnce.Do(func() {
			twoOverPi, pio2Big = makeTwoOverPi()
			twoOverPiWords = makeTwoOverPiWords()
			gsTab = makeGsTab()
			initFast()
			tablesReady.Store(true)
		})
	}
}
