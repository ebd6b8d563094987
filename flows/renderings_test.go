package flows_test

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
	"zoomsetup/flows"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// TestRenderings runs the migration, and then again, on renderings the
// flows were not written against: the second, third and fourth renderings
// in both layouts, each asking for the developer terms in its own way, and
// the variation seeds that together draw every choice of every dimension.
// The rerun must write nothing. On every page a step ends on, Chrome's own
// roles and names are held against the locator engine's.
func TestRenderings(t *testing.T) {
	t.Parallel()
	type rendering struct {
		name string
		opts simulator.Options
	}
	cases := []rendering{
		{"second, top", simulator.Options{Rendering: "second", Layout: simulator.LayoutTop, TwoFactor: true, CookieBanner: true}},
		{"second, left, classic, terms", simulator.Options{Rendering: "second", Layout: simulator.LayoutLeft, Catalogue: simulator.CatalogueClassic, TermsPending: true}},
		{"third, top, masked secret", simulator.Options{Rendering: "third", Layout: simulator.LayoutTop, TwoFactor: true}},
		{"third, left, classic, plain secret, terms", simulator.Options{Rendering: "third", Layout: simulator.LayoutLeft, Catalogue: simulator.CatalogueClassic, PlainSecret: true, CookieBanner: true, TermsPending: true}},
		{"fourth, top, masked secret, terms", simulator.Options{Rendering: "fourth", Layout: simulator.LayoutTop, TwoFactor: true, TermsPending: true}},
		{"fourth, left, classic, plain secret, terms", simulator.Options{Rendering: "fourth", Layout: simulator.LayoutLeft, Catalogue: simulator.CatalogueClassic, PlainSecret: true, CookieBanner: true, TermsPending: true}},
	}
	for i, seed := range coveringSeeds(200) {
		o := simulator.Options{Variation: seed, Seed: seed, TwoFactor: i%2 == 0, CookieBanner: i%3 == 0, PlainSecret: i%3 == 1}
		o.Layout = []simulator.Layout{simulator.LayoutTop, simulator.LayoutLeft}[i%2]
		o.Catalogue = []simulator.Catalogue{simulator.CatalogueGranular, simulator.CatalogueClassic}[(i/2)%2]
		cases = append(cases, rendering{fmt.Sprintf("variation %d", seed), o})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.opts.PaintSecrets = true // every secret shown on a page is painted; no picture may show one
			h := newHarness(t, c.opts)
			h.plan.Zoom.AcceptTerms = c.opts.TermsPending
			h.shots = true
			audited := auditing(t)
			res, _, err := h.run(func(p flows.Plan, r *flows.Result) []a.Step { return audited(p.Migration(r)) })
			if err != nil {
				t.Fatalf("%v\n%s", err, h.progress.String())
			}
			cat := zoomapi.Granular
			if c.opts.Catalogue == simulator.CatalogueClassic {
				cat = zoomapi.Classic
			}
			assertMigrated(t, h.sim, res, cat)
			if shown, n := secretPixels(t, h.dir); len(shown) > 0 || n == 0 {
				t.Fatalf("of %d pictures, these show a secret: %v", n, shown)
			}
			before := h.sim.State()
			h.newDir()
			if _, man, err := h.run(nil); err != nil {
				t.Fatalf("rerun: %v\n%s", err, h.progress.String())
			} else {
				for _, s := range man.Steps {
					if s.Outcome != a.Already {
						t.Errorf("rerun: step %s was %s, want already", s.Name, s.Outcome)
					}
				}
			}
			if w := h.sim.State().Writes - before.Writes; w != 0 {
				t.Fatalf("the rerun sent %d writing requests", w)
			}
		})
	}
}

// coveringSeeds picks, among seeds 1..n, few seeds that together draw every
// choice of every variation dimension: each pick covers the most choices not
// drawn yet.
func coveringSeeds(n int64) []int64 {
	left := map[string]bool{}
	for _, d := range simulator.Dimensions() {
		for _, c := range d.Choices {
			left[d.Name+"="+c] = true
		}
	}
	var picked []int64
	for len(left) > 0 {
		best, gain := int64(0), 0
		for s := int64(1); s <= n; s++ {
			g := 0
			for d, c := range simulator.VariationOf(s) {
				if left[d+"="+c] {
					g++
				}
			}
			if g > gain {
				best, gain = s, g
			}
		}
		if gain == 0 {
			break
		}
		picked = append(picked, best)
		for d, c := range simulator.VariationOf(best) {
			delete(left, d+"="+c)
		}
	}
	sort.Slice(picked, func(i, j int) bool { return picked[i] < picked[j] })
	return picked
}

// auditing returns a wrapper for steps that, after each step that ran,
// reports every element of the page whose role or name the locator engine
// computes otherwise than Chrome, once per element.
func auditing(t *testing.T) func([]a.Step) []a.Step {
	seen := map[string]bool{}
	return func(steps []a.Step) []a.Step {
		for i := range steps {
			run := steps[i].Run
			steps[i].Run = func(ctx context.Context, s *a.Session) (a.Outcome, error) {
				out, err := run(ctx, s)
				if err != nil {
					return out, err
				}
				d, aerr := chromedp.Run(ctx, a.Audit())
				if aerr != nil {
					return out, nil // a page that is not ours (about:blank, a report)
				}
				for _, x := range d {
					if !seen[x.Element] {
						seen[x.Element] = true
						t.Errorf("%s: Chrome says %s, the engine %s", x.Element, x.Chrome, x.Engine)
					}
				}
				return out, nil
			}
		}
		return steps
	}
}
