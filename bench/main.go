// Command bench measures the demo migration: it runs the built zoomsetup
// binary several times, reads each run's manifest, and prints the median and
// spread of the whole run, of Chrome's start, and of each step.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

type manifest struct {
	BrowserStart float64 `json:"browser_start_seconds"`
	Outcome      string  `json:"outcome"`
	Steps        []struct {
		Name    string  `json:"name"`
		Seconds float64 `json:"seconds"`
	} `json:"steps"`
}

func main() {
	bin := flag.String("bin", "bin/zoomsetup", "zoomsetup binary")
	runs := flag.Int("runs", 5, "number of runs")
	extra := flag.String("args", "", "extra demo flags, e.g. --layout left")
	flag.Parse()
	if err := bench(*bin, *runs, *extra); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func bench(bin string, runs int, extra string) error {
	out, err := os.MkdirTemp("", "zoomsetup-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	var wall, chrome []float64
	steps := map[string][]float64{}
	var order []string
	for i := 0; i < runs; i++ {
		dir := filepath.Join(out, fmt.Sprint(i))
		args := []string{"demo", "--out", dir}
		if extra != "" {
			args = append(args, strings.Fields(extra)...)
		}
		start := time.Now()
		cmd := exec.Command(bin, args...)
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("run %d: %v\n%s", i+1, err, b)
		}
		wall = append(wall, time.Since(start).Seconds())
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
		fmt.Fprintf(os.Stderr, "run %d/%d: %.2fs\n", i+1, runs, wall[i])
	}
	fmt.Printf("%d runs of zoomsetup demo (seconds)\n", runs)
	fmt.Printf("%-26s %8s %8s %8s\n", "", "median", "min", "max")
	row := func(name string, v []float64) {
		s := slices.Clone(v)
		slices.Sort(s)
		fmt.Printf("%-26s %8.2f %8.2f %8.2f\n", name, median(s), s[0], s[len(s)-1])
	}
	row("whole run (process)", wall)
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

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}
