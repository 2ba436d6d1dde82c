package objects

import "math/big"

var bigModulus = big.NewInt(HashModulus)
