// Command fidelity runs the migration on renderings of the sites that the
// flows were not written against: the other renderings in both layouts, and
// the first drawn with variation seeds (simulator.Options.Variation), each
// as its own zoomsetup process (package rehearsal), then once more in the
// same saved session, which must change nothing. It prints, per case, the
// outcome, the named stop and every drift note, then how many seeds drew
// each choice of each dimension.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"zoomsetup/rehearsal"
	"zoomsetup/simulator"
)

// Case is one rendering to run the migration on.
type Case struct {
	Name string
	Opts simulator.Options
}

// Result is a case's two runs and what was found.
type Result struct {
	Case
	First, Again rehearsal.Outcome
	Broken       []string // what the rerun broke: a change, a write
}

// Converged reports a case whose first run finished and whose rerun changed nothing.
func (r Result) Converged() bool {
	return r.First.Converged() && r.Again.Converged() && len(r.Broken) == 0
}

// Cases are the other renderings in both layouts (when others) and the
// variation seeds from first on, n of them. Each seed also draws the
// account's layout, catalogue, two-step codes, cookie banner and masked
// secret, so the renderings meet every path.
func Cases(first int64, n int, others bool) []Case {
	var cs []Case
	if others {
		for _, r := range simulator.Renderings[1:] {
			for _, l := range []simulator.Layout{simulator.LayoutTop, simulator.LayoutLeft} {
				cs = append(cs, Case{Name: r + "/" + string(l), Opts: simulator.Options{Rendering: r, Layout: l, TwoFactor: true, CookieBanner: true, PaintSecrets: true}})
			}
		}
	}
	for seed := first; seed < first+int64(n); seed++ {
		r := rand.New(rand.NewPCG(uint64(seed), 0xf1de))
		o := simulator.Options{
			Seed:         seed,
			Variation:    seed,
			Layout:       []simulator.Layout{simulator.LayoutTop, simulator.LayoutLeft}[r.IntN(2)],
			Catalogue:    []simulator.Catalogue{simulator.CatalogueGranular, simulator.CatalogueClassic}[r.IntN(2)],
			TwoFactor:    r.IntN(2) == 0,
			CookieBanner: r.IntN(3) == 0,
			PlainSecret:  r.IntN(3) == 0,
			PaintSecrets: true,
		}
		cs = append(cs, Case{Name: fmt.Sprint(seed), Opts: o})
	}
	return cs
}

// Run runs c's migration and its rerun with bin.
func Run(ctx context.Context, bin string, c Case, patience time.Duration) Result {
	res := Result{Case: c}
	sim, err := simulator.New(c.Opts)
	if err != nil {
		res.Broken = append(res.Broken, fmt.Sprintf("simulator: %v", err))
		return res
	}
	defer sim.Close()
	dir, err := os.MkdirTemp("", "zoomsetup-fidelity-")
	if err != nil {
		res.Broken = append(res.Broken, fmt.Sprintf("temp: %v", err))
		return res
	}
	defer os.RemoveAll(dir)
	cat := rehearsal.Catalogue(c.Opts)
	res.First = rehearsal.Migrate(ctx, bin, sim, dir, cat, patience)
	if !res.First.Converged() {
		return res
	}
	before := sim.State()
	res.Again = rehearsal.Migrate(ctx, bin, sim, dir, cat, patience)
	after := sim.State()
	switch {
	case res.Again.Writes != 0:
		res.Broken = append(res.Broken, fmt.Sprintf("the rerun sent %d writing requests", res.Again.Writes))
	case res.Again.Changed():
		res.Broken = append(res.Broken, "the rerun says it changed something")
	case len(after.Apps) != len(before.Apps) || after.Meets.Saves != before.Meets.Saves:
		res.Broken = append(res.Broken, "the rerun changed the sites")
	}
	return res
}

func main() {
	bin := flag.String("bin", "bin/zoomsetup", "zoomsetup binary")
	n := flag.Int("n", 20, "number of variation seeds")
	first := flag.Int64("seed", 1, "first seed")
	others := flag.Bool("renderings", true, "run the other renderings too (second, third, fourth)")
	patience := flag.Duration("patience", time.Minute, "each run's --propagation-timeout")
	logs := flag.String("logs", "", "folder to keep each run's stderr in")
	flag.Parse()
	fmt.Printf("%-10s %-5s %-7s %-6s %s\n", "case", "exit", "time", "rerun", "rendering")
	var all []Result
	for _, c := range Cases(*first, *n, *others) {
		r := Run(context.Background(), *bin, c, *patience)
		all = append(all, r)
		row(r)
		if *logs != "" {
			if err := keep(*logs, r); err != nil {
				fmt.Fprintln(os.Stderr, "fidelity:", err)
			}
		}
	}
	if !totals(all) {
		os.Exit(1)
	}
}

// describe says what a case drew.
func describe(c Case) string {
	o := c.Opts
	s := fmt.Sprintf("%s %s", o.Layout, o.Catalogue)
	for _, f := range []struct {
		on   bool
		name string
	}{{o.TwoFactor, "2fa"}, {o.CookieBanner, "cookies"}, {o.PlainSecret, "plain-secret"}} {
		if f.on {
			s += " " + f.name
		}
	}
	if o.Variation != 0 {
		s += "; " + simulator.DescribeVariation(o.Variation)
	}
	return s
}

// row prints one case as soon as it ends.
func row(r Result) {
	rerun := "-"
	if r.First.Converged() {
		rerun = fmt.Sprintf("%d", r.Again.Exit)
		if r.Again.Converged() && len(r.Broken) == 0 {
			rerun = "none"
		}
	}
	fmt.Printf("%-10s %-5d %6.1fs %-6s %s\n", r.Name, r.First.Exit, r.First.Seconds, rerun, describe(r.Case))
	for _, o := range []rehearsal.Outcome{r.First, r.Again} {
		if o.Reason != "" {
			fmt.Printf("%11s stop: %s\n", "", o.Reason)
		}
		for _, b := range o.Broken {
			fmt.Printf("%11s BROKEN: %s\n", "", b)
		}
	}
	for _, b := range r.Broken {
		fmt.Printf("%11s BROKEN: %s\n", "", b)
	}
	for _, d := range r.First.Drift {
		fmt.Printf("%11s drift: %s\n", "", d)
	}
}

// totals prints the counts, the stops by step and how many seeds drew each
// choice; it reports whether every case converged.
func totals(all []Result) bool {
	ok, stops := 0, map[string][]string{}
	for _, r := range all {
		if r.Converged() {
			ok++
			continue
		}
		step := "rerun"
		if !r.First.Converged() {
			step, _, _ = strings.Cut(r.First.Reason, ":")
			if step == "" {
				step = "broken invariant"
			}
		}
		stops[step] = append(stops[step], r.Name)
	}
	fmt.Printf("\n%d cases: %d converged and changed nothing when run again\n", len(all), ok)
	keys := make([]string, 0, len(stops))
	for k := range stops {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  stopped in %s: %v\n", k, stops[k])
	}
	fmt.Println("\nseeds that drew each rendering:")
	for _, d := range simulator.Dimensions() {
		counts := map[string]int{}
		for _, r := range all {
			if r.Opts.Variation != 0 {
				counts[simulator.VariationOf(r.Opts.Variation)[d.Name]]++
			}
		}
		var parts []string
		for _, ch := range d.Choices {
			parts = append(parts, fmt.Sprintf("%s %d", ch, counts[ch]))
		}
		fmt.Printf("  %-14s %s\n", d.Name, strings.Join(parts, ", "))
	}
	return ok == len(all)
}

// keep writes a case's two stderrs to dir/case.txt.
func keep(dir string, r Result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	name := strings.ReplaceAll(r.Name, "/", "-")
	text := r.First.Stderr + "\n--- rerun ---\n" + r.Again.Stderr
	return os.WriteFile(filepath.Join(dir, "case-"+name+".txt"), []byte(text), 0o644)
}
