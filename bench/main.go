// Command bench measures the migration against the floor, side by side: the
// straight-line program of bench/floor, zoomsetup demo without screenshots,
// and zoomsetup demo as users run it, interleaved run by run so that a noisy
// machine weighs on all three alike. It prints each one's median and
// spread, its ratio to the floor, and the median of each step as users run it.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"
)

type manifest struct {
	BrowserStart float64 `json:"browser_start_seconds"`
	Steps        []struct {
		Name    string  `json:"name"`
		Seconds float64 `json:"seconds"`
	} `json:"steps"`
}

// variant is one way of doing the job, timed as a whole process.
type variant struct {
	name string
	args func(out string) (string, []string)
	wall []float64
}

func main() {
	bin := flag.String("bin", "bin/zoomsetup", "zoomsetup binary")
	floor := flag.String("floor", "bin/floor", "the floor's binary (bench/floor)")
	runs := flag.Int("runs", 5, "runs of each")
	latency := flag.Duration("latency", 0, "delay the simulator adds to every response")
	flag.Parse()
	if err := bench(*bin, *floor, *runs, *latency); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func bench(bin, floor string, runs int, latency time.Duration) error {
	out, err := os.MkdirTemp("", "zoomsetup-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	lat := "--latency=" + latency.String()
	variants := []*variant{
		{name: "floor", args: func(string) (string, []string) { return floor, []string{"-latency", latency.String()} }},
		{name: "migrate, no screenshots", args: func(dir string) (string, []string) {
			return bin, []string{"demo", "--out", dir, "--no-screenshots", lat}
		}},
		{name: "migrate as users run it", args: func(dir string) (string, []string) { return bin, []string{"demo", "--out", dir, lat} }},
	}
	steps := map[string][]float64{}
	var order []string
	var chrome []float64
	for i := 0; i < runs; i++ {
		for j, v := range variants {
			dir := filepath.Join(out, fmt.Sprintf("%d-%d", i, j))
			name, args := v.args(dir)
			start := time.Now()
			if b, err := exec.Command(name, args...).CombinedOutput(); err != nil {
				return fmt.Errorf("%s, run %d: %v\n%s", v.name, i+1, err, b)
			}
			v.wall = append(v.wall, time.Since(start).Seconds())
			fmt.Fprintf(os.Stderr, "run %d/%d %-24s %.2fs\n", i+1, runs, v.name, v.wall[i])
			if j != len(variants)-1 {
				continue
			}
			m, err := readManifest(dir)
			if err != nil {
				return err
			}
			chrome = append(chrome, m.BrowserStart)
			for _, s := range m.Steps {
				if _, ok := steps[s.Name]; !ok {
					order = append(order, s.Name)
				}
				steps[s.Name] = append(steps[s.Name], s.Seconds)
			}
		}
	}
	fmt.Printf("%d interleaved runs of each, simulator latency %s (seconds)\n", runs, latency)
	fmt.Printf("%-26s %8s %8s %8s %8s\n", "", "median", "min", "max", "x floor")
	base := median(variants[0].wall)
	for _, v := range variants {
		s := sorted(v.wall)
		fmt.Printf("%-26s %8.2f %8.2f %8.2f %8.2f\n", v.name, median(s), s[0], s[len(s)-1], median(s)/base)
	}
	fmt.Printf("\nas users run it, by step (median, min, max)\n")
	row := func(name string, v []float64) {
		s := sorted(v)
		fmt.Printf("%-26s %8.2f %8.2f %8.2f\n", name, median(s), s[0], s[len(s)-1])
	}
	row("chrome start", chrome)
	for _, n := range order {
		row(n, steps[n])
	}
	return nil
}

func readManifest(dir string) (manifest, error) {
	var m manifest
	runs, err := filepath.Glob(filepath.Join(dir, "*", "manifest.json"))
	if err != nil || len(runs) != 1 {
		return m, fmt.Errorf("no single manifest under %s", dir)
	}
	b, err := os.ReadFile(runs[0])
	if err != nil {
		return m, err
	}
	return m, json.Unmarshal(b, &m)
}

func sorted(v []float64) []float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s
}

func median(v []float64) float64 {
	s := sorted(v)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
