package modules

import (
	"gopyc/vm"
)

// makeOperator builds _operator with only _compare_digest (hmac imports it from here);
// operator.py's own Python definitions serve everything else, as they do when _operator
// lacks a name.
func makeOperator(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_operator", operatorSrc, nil)
}

const operatorSrc = `
def _compare_digest(a, b):
    if isinstance(a, str) and isinstance(b, str):
        if not a.isascii() or not b.isascii():
            raise TypeError('comparing strings with non-ASCII characters is not supported')
        a = a.encode('ascii')
        b = b.encode('ascii')
    elif isinstance(a, str) or isinstance(b, str):
        raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                        % (type(a).__name__, type(b).__name__))
    else:
        a = bytes(a)
        b = bytes(b)
    result = len(a) ^ len(b)
    if len(a) != len(b):
        b = a
    for x, y in zip(a, b):
        result |= x ^ y
    return result == 0
`
