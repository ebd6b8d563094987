package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	a "zoomsetup/automation"
)

// chromeOf lists the Chrome processes of the run that uses profile.
func chromeOf(t *testing.T, profile string) []int {
	t.Helper()
	if _, err := os.Stat("/proc"); err != nil {
		t.Skip("no /proc to look for Chrome processes in")
	}
	return a.ProfileProcesses(profile)
}

// startDemo runs the demo as a process with slow simulated responses and
// returns it once step `after` has been reported on stderr, with a func that
// waits for its end and returns its error and all it wrote to stderr.
func startDemo(t *testing.T, ctx context.Context, bin, out, profile, after string) (*exec.Cmd, func() (string, error)) {
	t.Helper()
	cmd := exec.CommandContext(ctx, bin, "demo", "--out", out, "--profile", profile, "--latency", "150ms")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	log := &strings.Builder{}
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		log.WriteString(sc.Text() + "\n")
		if strings.Contains(sc.Text(), after) {
			break
		}
	}
	done := make(chan struct{})
	go func() { b, _ := io.ReadAll(stderr); log.Write(b); close(done) }()
	return cmd, func() (string, error) {
		<-done
		err := cmd.Wait()
		return log.String(), err
	}
}

// manifestOutcome reads the outcome of the one run under out.
func manifestOutcome(t *testing.T, out string) string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(out, "*", "manifest.json"))
	if len(paths) != 1 {
		t.Fatalf("want one manifest, got %v", paths)
	}
	var m struct {
		Outcome string `json:"outcome"`
	}
	b, _ := os.ReadFile(paths[0])
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m.Outcome
}

func TestInterruptEndsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	out, profile := filepath.Join(dir, "out"), filepath.Join(dir, "profile")
	cmd, wait := startDemo(t, ctx, bin, out, profile, "zoom-read-credentials")
	if len(chromeOf(t, profile)) == 0 {
		t.Fatal("no Chrome process found for the run")
	}
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	log, err := wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Fatalf("exit %v, want %d\n%s", err, exitInterrupted, log)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("took %s to stop", d)
	}
	if pids := chromeOf(t, profile); len(pids) > 0 {
		t.Fatalf("Chrome processes left behind: %v", pids)
	}
	if got := manifestOutcome(t, out); got != "interrupted" {
		t.Fatalf("manifest outcome %q, want interrupted", got)
	}
	creds, _ := filepath.Glob(filepath.Join(out, "*", "credentials.json"))
	if len(creds) != 1 {
		t.Fatalf("credentials read before the interrupt were not kept: %v\n%s", creds, log)
	}
}

func TestChromeCrashEndsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	out, profile := filepath.Join(dir, "out"), filepath.Join(dir, "profile")
	_, wait := startDemo(t, ctx, bin, out, profile, "zoom-fill-information")
	for _, pid := range chromeOf(t, profile) {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	log, err := wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Fatalf("exit %v, want %d\n%s", err, exitInterrupted, log)
	}
	if !strings.Contains(log, "Chrome exited") {
		t.Fatalf("stderr does not say Chrome exited:\n%s", log)
	}
}
