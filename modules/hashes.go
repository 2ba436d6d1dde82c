package modules

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding"
	"hash"

	. "gopyc/objects"
	"gopyc/vm"
)

// The hash modules hashlib falls back on without OpenSSL (_md5, _sha1, _sha256, _sha512,
// _sha3), over Go's crypto packages. A hash object is a small Python class around a Go
// hash.Hash; copy() clones the Go state through its binary marshalling.
var hashCtors = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New,
	"sha384": sha512.New384, "sha512": sha512.New,
	"sha3_224": func() hash.Hash { return sha3.New224() }, "sha3_256": func() hash.Hash { return sha3.New256() },
	"sha3_384": func() hash.Hash { return sha3.New384() }, "sha3_512": func() hash.Hash { return sha3.New512() },
}

type goHash struct{ h hash.Hash }

var goHashType = &Type{Name: "_hash_state"}

func (*goHash) Type() *Type { return goHashType }

func bytesArg(t *vm.Thread, o Object) ([]byte, error) {
	switch v := vm.Unwrap(o).(type) {
	case *Bytes:
		return v.B, nil
	case *vm.ByteArray:
		return v.B, nil
	case *Str:
		return nil, vm.TypeError("Strings must be encoded before hashing")
	}
	r, err := t.Call(BytesType, []Object{o}, nil)
	if err != nil {
		return nil, vm.TypeError("object supporting the buffer API required")
	}
	return r.(*Bytes).B, nil
}

func makeHashModule(modname string, names []string, pyNames map[string]string) func(t *vm.Thread) (*vm.Module, error) {
	return func(t *vm.Thread) (*vm.Module, error) {
		src := hashSrc
		for _, n := range names {
			src += "\n" + pyNames[n] + " = _ctor('" + n + "')\n"
		}
		if modname == "_sha3" {
			src += shakeSrc
		}
		return pyModule(t, modname, src, func(m *vm.Module) {
			if modname == "_sha3" {
				shakeFuncs(m)
			}
			fn(m, "_new", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
				name, _ := a[0].(*Str)
				mk := hashCtors[name.String()]
				h := mk()
				return NewTuple([]Object{&goHash{h}, NewInt(int64(h.Size())), NewInt(int64(h.BlockSize()))}), nil
			})
			fn(m, "_update", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
				b, err := bytesArg(t, a[1])
				if err != nil {
					return nil, err
				}
				a[0].(*goHash).h.Write(b)
				return None, nil
			})
			fn(m, "_digest", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
				return NewBytes(a[0].(*goHash).h.Sum(nil)), nil
			})
			fn(m, "_copy", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
				src := a[0].(*goHash).h
				name, _ := a[1].(*Str)
				dst := hashCtors[name.String()]()
				st, err := src.(encoding.BinaryMarshaler).MarshalBinary()
				if err == nil {
					err = dst.(encoding.BinaryUnmarshaler).UnmarshalBinary(st)
				}
				if err != nil {
					return nil, vm.ValueError("cannot copy hash state")
				}
				return &goHash{dst}, nil
			})
		})
	}
}

const hashSrc = `
class _Hash:
    def __init__(self, name, data=b''):
        self.name = name
        self._h, self.digest_size, self.block_size = _new(name)
        if data:
            _update(self._h, data)

    def update(self, data):
        _update(self._h, data)

    def digest(self):
        return _digest(self._h)

    def hexdigest(self):
        return _digest(self._h).hex()

    def copy(self):
        c = object.__new__(type(self))
        c.name, c.digest_size, c.block_size = self.name, self.digest_size, self.block_size
        c._h = _copy(self._h, self.name)
        return c

    def __repr__(self):
        return '<%s _hashlib.HASH object @ %#x>' % (self.name, id(self))


def _ctor(name):
    def new(string=b'', *, usedforsecurity=True, data=None):
        if data is not None:
            string = data
        if isinstance(string, str):
            raise TypeError('Strings must be encoded before hashing')
        return _Hash(name, string)
    new.__name__ = name
    return new
`

func installHashes(in *vm.Interp) {
	in.NativeModules["_blake2"] = makeBlake2
	in.NativeModules["_md5"] = makeHashModule("_md5", []string{"md5"}, map[string]string{"md5": "md5"})
	in.NativeModules["_sha1"] = makeHashModule("_sha1", []string{"sha1"}, map[string]string{"sha1": "sha1"})
	in.NativeModules["_sha256"] = makeHashModule("_sha256", []string{"sha224", "sha256"}, map[string]string{"sha224": "sha224", "sha256": "sha256"})
	in.NativeModules["_sha512"] = makeHashModule("_sha512", []string{"sha384", "sha512"}, map[string]string{"sha384": "sha384", "sha512": "sha512"})
	in.NativeModules["_sha3"] = makeHashModule("_sha3", []string{"sha3_224", "sha3_256", "sha3_384", "sha3_512"},
		map[string]string{"sha3_224": "sha3_224", "sha3_256": "sha3_256", "sha3_384": "sha3_384", "sha3_512": "sha3_512"})
}
