package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	bin := flag.String("bin", "bin/zoomsetup", "zoomsetup binary")
	n := flag.Int("n", 20, "number of seeded runs")
	first := flag.Int64("seed", 1, "first seed")
	patience := flag.Duration("patience", 2*time.Minute, "each run's --propagation-timeout")
	logs := flag.String("logs", "", "folder to keep each run's stderr in, as seed-N.txt")
	flag.Parse()
	header()
	outs := make([]Outcome, 0, *n)
	for i := 0; i < *n; i++ {
		o := Run(context.Background(), *bin, *first+int64(i), *patience)
		outs = append(outs, o)
		row(o)
		if *logs != "" {
			if err := keep(*logs, o); err != nil {
				fmt.Fprintln(os.Stderr, "chaos:", err)
			}
		}
	}
	if totals(outs) {
		os.Exit(1)
	}
}

// Print writes the table and the totals, and reports whether an invariant broke.
func Print(outs []Outcome) bool {
	header()
	for _, o := range outs {
		row(o)
	}
	return totals(outs)
}

func header() { fmt.Printf("%-5s %-6s %-7s %s\n", "seed", "exit", "time", "faults / reason") }

// row prints one run as soon as it ends.
func row(o Outcome) {
	fmt.Printf("%-5d %-6d %6.1fs %s\n", o.Seed, o.Exit, o.Seconds, o.Faults)
	if o.Reason != "" {
		fmt.Printf("%19s stop: %s\n", "", o.Reason)
	}
	for _, b := range o.Broken {
		fmt.Printf("%19s BROKEN: %s\n", "", b)
	}
}

// totals prints the counts, the named stops by reason, and reports whether
// an invariant broke.
func totals(outs []Outcome) bool {
	converged, broken := 0, 0
	stops, reasons := map[string]int{}, map[string][]int64{}
	for _, o := range outs {
		if o.Reason != "" {
			stops[fmt.Sprintf("exit %d", o.Exit)]++
			step, _, _ := strings.Cut(o.Reason, ":")
			k := fmt.Sprintf("exit %d in %s", o.Exit, step)
			reasons[k] = append(reasons[k], o.Seed)
		}
		if o.Converged() {
			converged++
		}
		broken += len(o.Broken)
	}
	fmt.Printf("\n%d runs: %d converged", len(outs), converged)
	keys := make([]string, 0, len(stops))
	for k := range stops {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf(", %d stopped with %s", stops[k], k)
	}
	fmt.Printf("; %d broken invariants\n", broken)
	keys = keys[:0]
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  %s: seeds %v\n", k, reasons[k])
	}
	return broken > 0
}

// keep writes a run's stderr to dir/seed-N.txt.
func keep(dir string, o Outcome) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%d.txt", o.Seed)), []byte(o.Stderr), 0o644)
}
