// Command chaos runs many migrations against the simulator, each with faults
// drawn from its seed, as separate zoomsetup processes, and checks what must
// hold whatever happens (package rehearsal).
package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"zoomsetup/rehearsal"
	"zoomsetup/simulator"
)

// Outcome is one seed's run and what was found.
type Outcome struct {
	Seed   int64
	Faults string
	rehearsal.Outcome
}

// draw picks the faults of a seed.
func draw(seed int64) (simulator.Options, string) {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	pick := func(ds ...time.Duration) time.Duration { return ds[r.IntN(len(ds))] }
	o := simulator.Options{
		Seed:            seed,
		Layout:          []simulator.Layout{simulator.LayoutTop, simulator.LayoutLeft}[r.IntN(2)],
		Catalogue:       []simulator.Catalogue{simulator.CatalogueGranular, simulator.CatalogueClassic}[r.IntN(2)],
		TwoFactor:       r.IntN(2) == 0,
		CookieBanner:    r.IntN(3) == 0,
		PlainSecret:     r.IntN(3) == 0,
		FailRate:        []float64{0, 0, 0.1, 0.2, 0.3}[r.IntN(5)],
		LateContent:     pick(0, 0, 300*time.Millisecond),
		Jitter:          pick(0, 0, 60*time.Millisecond),
		SessionLimit:    []int{0, 0, 12, 25}[r.IntN(4)],
		ActivationDelay: pick(0, 0, 5*time.Second, 20*time.Second),
		ScopeDelay:      pick(0, 0, 5*time.Second, 12*time.Second),
		MeetsDownFor:    pick(0, 0, 0, 10*time.Second, 40*time.Second),
		DropRate:        []float64{0, 0, 0, 0.05, 0.1}[r.IntN(5)],
		PaintSecrets:    true,
	}
	var f []string
	add := func(on bool, s string) {
		if on {
			f = append(f, s)
		}
	}
	add(o.Layout == simulator.LayoutLeft, "left-nav")
	add(o.Catalogue == simulator.CatalogueClassic, "classic")
	add(o.TwoFactor, "2fa")
	add(o.CookieBanner, "cookies")
	add(o.FailRate > 0, fmt.Sprintf("5xx=%.0f%%", o.FailRate*100))
	add(o.DropRate > 0, fmt.Sprintf("drops=%.0f%%", o.DropRate*100))
	add(o.LateContent > 0, "late")
	add(o.Jitter > 0, "jitter")
	add(o.SessionLimit > 0, fmt.Sprintf("session=%d", o.SessionLimit))
	add(o.ActivationDelay > 0, "activation="+o.ActivationDelay.String())
	add(o.ScopeDelay > 0, "scopes="+o.ScopeDelay.String())
	add(o.MeetsDownFor > 0, "meets-down="+o.MeetsDownFor.String())
	if len(f) == 0 {
		f = append(f, "none")
	}
	return o, strings.Join(f, " ")
}

// Run runs seed's migration with the binary bin and checks the invariants.
// patience bounds the waits of the run (its --propagation-timeout).
func Run(ctx context.Context, bin string, seed int64, patience time.Duration) Outcome {
	opts, faults := draw(seed)
	out := Outcome{Seed: seed, Faults: faults}
	sim, err := simulator.New(opts)
	if err != nil {
		out.Broken = append(out.Broken, fmt.Sprintf("simulator: %v", err))
		return out
	}
	defer sim.Close()
	dir, err := os.MkdirTemp("", "zoomsetup-chaos-")
	if err != nil {
		out.Broken = append(out.Broken, fmt.Sprintf("temp: %v", err))
		return out
	}
	defer os.RemoveAll(dir)
	out.Outcome = rehearsal.Migrate(ctx, bin, sim, dir, rehearsal.Catalogue(opts), patience)
	return out
}
