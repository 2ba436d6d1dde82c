package marshal

// RefAppendDumps is the former writer, for the benchmarks of package marshal_test.
var RefAppendDumps = refAppendDumpsTop
