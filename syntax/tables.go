package syntax

import "sync"

// The generated Unicode and codec maps are built on first use, not at program start: most runs
// never meet a non-ASCII identifier or a coding declaration, and building them costs about a
// millisecond of gopyc's start-up.
var (
	nfkdMap          = sync.OnceValue(nfkdMapTable)
	cccTable         = sync.OnceValue(cccTableTable)
	composePairs     = sync.OnceValue(composePairsTable)
	singleByteCodecs = sync.OnceValue(singleByteCodecsTable)
	codecAliases     = sync.OnceValue(codecAliasesTable)
)
