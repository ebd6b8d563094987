package simulator

import "math/rand/v2"

// Alphabets of the generated values: Zoom's account and user ids use
// [A-Za-z0-9_-], client ids and secrets are alphanumeric.
const (
	alnum     = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	alphaDash = alnum + "_-"
)

// idGen draws ids and secrets from a seeded stream, so a given seed and the
// same sequence of actions always give the same values.
type idGen struct{ r *rand.Rand }

func newIDGen(seed int64, stream uint64) *idGen {
	return &idGen{r: rand.New(rand.NewPCG(uint64(seed), stream))}
}

// string draws n characters of alphabet; for an ASCII alphabet the draws
// are the same as by bytes, so seeds keep their values.
func (g *idGen) string(n int, alphabet string) string {
	chars := []rune(alphabet)
	b := make([]rune, n)
	for i := range b {
		b[i] = chars[g.r.IntN(len(chars))]
	}
	return string(b)
}
