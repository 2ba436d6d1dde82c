package objects

import "unsafe"

// identityHash is CPython's _Py_HashPointer: the address rotated right by 4 bits.
func identityHash(o Object) int64 {
	p := uint64(uintptr((*[2]unsafe.Pointer)(unsafe.Pointer(&o))[1]))
	h := int64(p>>4 | p<<60)
	if h == -1 {
		h = -2
	}
	return h
}

// IdentityHash is the default hash of an object (object.__hash__): derived from its address.
func IdentityHash(o Object) int64 { return identityHash(o) }
