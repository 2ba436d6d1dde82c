package pymath

import (
	"math"
	"math/big"
)

// Constants as sums of doubles (hi + mid + lo), each part the double nearest to what remains.
const (
	pio2Hi  = 0x1.921fb54442d18p+0
	pio2Mid = 0x1.1a62633145c07p-54
	pio2Lo  = -0x1.f1976b7ed8fbcp-110
	pio2Lo2 = 0x1.4cf98e804177dp-164

	invLn2Hi  = 0x1.71547652b82fep+0
	invLn2Lo  = 0x1.777d0ffda0d24p-56
	invLn10Hi = 0x1.bcb7b1526e50ep-2
	invLn10Lo = 0x1.95355baaafad3p-57
)

var (
	pio2DD       = dd{pio2Hi, pio2Mid}
	piDD         = dd{2 * pio2Hi, 2 * pio2Mid}
	invLn2       = dd{invLn2Hi, invLn2Lo}
	invLn10      = dd{invLn10Hi, invLn10Lo}
	ln2DD        = dd{ln2Hi, ln2Mid}
	oneDD        = dd{1, 0}
	twoOverPiHex = "a2f9836e4e441529fc2757d1f534ddc0db6295993c439041fe5163abdebbc561b7246e3a424dd2e006492eea09d1921cfe1deb1cb129a73ee88235f52ebb4484e99c7026b45f7e413991d639835339f49c845f8bbdf9283b1ff897ffde05980fef2f118b5a0a6d1f6d367ecf27cb09b74f463f669e5fea2d7527bac7ebe5f17b3d0739f78a5292ea6bfb5fb11f8d5d0856033046fc7b6babf0cfbc209af4361da9e391615ee61b086599855f14a068408dffd8804d73273106061556ca73a8c960e27bc08c6b47c419c367cddce8092a8359c4768"
)

// twoOverPi is floor(2/pi * 2**twoOverPiBits), for the exact reduction of huge trigonometric arguments.
const twoOverPiBits = 1700

var (
	twoOverPi *big.Int
	pio2Big   *big.Float
)

func makeTwoOverPi() (*big.Int, *big.Float) {
	b, ok := new(big.Int).SetString(twoOverPiHex, 16)
	if !ok {
		panic("pymath: bad 2/pi table")
	}
	p := new(big.Float).SetPrec(256).SetFloat64(pio2Hi)
	for _, v := range []float64{pio2Mid, pio2Lo, pio2Lo2} {
		p.Add(p, new(big.Float).SetFloat64(v))
	}
	return b, p
}

func (a dd) sub(b dd) dd { return a.add(b.neg()) }

func (a dd) addF(b float64) dd {
	s := twoSum(a.hi, b)
	s.lo += a.lo
	return quickTwoSum(s.hi, s.lo)
}

func (a dd) sqr() dd {
	p := twoProd(a.hi, a.hi)
	p.lo += 2 * a.hi * a.lo
	return quickTwoSum(p.hi, p.lo)
}

// ldexp scales both parts by 2**k (exact unless they leave the normal range).
func (a dd) ldexp(k int) dd { return dd{math.Ldexp(a.hi, k), math.Ldexp(a.lo, k)} }

func (a dd) val() float64 { return a.hi + a.lo }

// sqrtDD2 returns sqrt(a) for a double-double a > 0.
func sqrtDD2(a dd) dd {
	s := math.Sqrt(a.hi)
	r := math.FMA(-s, s, a.hi) + a.lo
	return quickTwoSum(s, r/(2*s))
}
