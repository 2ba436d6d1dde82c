package bytecode

// Encoding of single instructions, as the assembler writes them: EXTENDED_ARG prefixes for the
// high bytes of the argument, the instruction, then its CACHE units (zeroed).

// InstrSize is the number of code units op with argument arg occupies: its EXTENDED_ARG
// prefixes, itself and its cache entries. Opcodes without an argument are encoded with 0.
func InstrSize(op uint8, arg int) int {
	if op < HAVE_ARGUMENT {
		arg = 0
	}
	n := 1
	switch {
	case arg > 0xFFFFFF:
		n = 4
	case arg > 0xFFFF:
		n = 3
	case arg > 0xFF:
		n = 2
	}
	return n + CacheEntries[op]
}

// AppendInstr appends the encoding of op with argument arg (InstrSize(op, arg) code units) to
// code. Opcodes without an argument are encoded with 0.
func AppendInstr(code []byte, op uint8, arg int) []byte {
	if op < HAVE_ARGUMENT {
		arg = 0
	}
	if arg > 0xFFFFFF {
		code = append(code, EXTENDED_ARG, byte(arg>>24))
	}
	if arg > 0xFFFF {
		code = append(code, EXTENDED_ARG, byte(arg>>16))
	}
	if arg > 0xFF {
		code = append(code, EXTENDED_ARG, byte(arg>>8))
	}
	code = append(code, op, byte(arg))
	for i := CacheEntries[op]; i > 0; i-- {
		code = append(code, CACHE, 0)
	}
	return code
}
