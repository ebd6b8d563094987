package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestChaosShort is the CI's short chaos run: a few seeds, every invariant checked.
func TestChaosShort(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary several times")
	}
	bin := filepath.Join(t.TempDir(), "zoomsetup")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/zoomsetup").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	var outs []Outcome
	for seed := int64(1); seed <= 4; seed++ {
		o := Run(context.Background(), bin, seed, time.Minute)
		outs = append(outs, o)
		for _, b := range o.Broken {
			t.Errorf("seed %d (%s): %s", seed, o.Faults, b)
		}
		// These seeds are known to converge: a stop is a regression too.
		if len(o.Broken) == 0 && !o.Converged() {
			t.Errorf("seed %d (%s) stopped with exit %d: %s", seed, o.Faults, o.Exit, o.Reason)
		}
	}
	Print(outs)
}
