package main

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestChaosShort is the CI's short chaos run: a few seeds, side by side,
// every invariant checked.
func TestChaosShort(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary several times")
	}
	bin := filepath.Join(t.TempDir(), "zoomsetup")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/zoomsetup").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	var mu sync.Mutex
	var outs []Outcome
	t.Cleanup(func() { Print(outs) })
	for seed := int64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			t.Parallel()
			o := Run(context.Background(), bin, seed, time.Minute)
			mu.Lock()
			outs = append(outs, o)
			mu.Unlock()
			for _, b := range o.Broken {
				t.Errorf("seed %d (%s): %s", seed, o.Faults, b)
			}
			// These seeds are known to converge: a stop is a regression too.
			if len(o.Broken) == 0 && !o.Converged() {
				t.Errorf("seed %d (%s) stopped with exit %d: %s", seed, o.Faults, o.Exit, o.Reason)
			}
		})
	}
}
