package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
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

// demoProcess is a demo run as a process, with slow simulated responses,
// whose stderr is read line by line as it comes.
type demoProcess struct {
	cmd   *exec.Cmd
	lines chan string
	log   strings.Builder
	done  chan struct{}
}

// newDemo starts a demo process in a fresh folder, with a kept profile so
// its Chrome can be found; it returns the process, its output folder and
// the profile folder.
func newDemo(t *testing.T) (*demoProcess, string, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	dir := t.TempDir()
	out, profile := filepath.Join(dir, "out"), filepath.Join(dir, "profile")
	return startDemo(t, ctx, buildBinary(t), out, profile), out, profile
}

func startDemo(t *testing.T, ctx context.Context, bin, out, profile string) *demoProcess {
	t.Helper()
	p := &demoProcess{cmd: exec.CommandContext(ctx, bin, "demo", "--out", out, "--profile", profile, "--latency", "150ms"),
		lines: make(chan string, 1000), done: make(chan struct{})}
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
		close(p.lines)
	}()
	return p
}

// until reads stderr until a line contains s.
func (p *demoProcess) until(t *testing.T, s string) {
	t.Helper()
	for l := range p.lines {
		p.log.WriteString(l + "\n")
		if strings.Contains(l, s) {
			return
		}
	}
	t.Fatalf("the run ended before saying %q:\n%s", s, p.log.String())
}

// wait reads the rest of stderr and waits for the process; it returns all
// stderr and the exit code.
func (p *demoProcess) wait(t *testing.T) (string, int) {
	t.Helper()
	for l := range p.lines {
		p.log.WriteString(l + "\n")
	}
	err := p.cmd.Wait()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return p.log.String(), 0
	case errors.As(err, &ee):
		return p.log.String(), ee.ExitCode()
	}
	t.Fatal(err)
	return "", -1
}

// killChrome kills the Chrome of profile, once it has one.
func killChrome(t *testing.T, profile string) {
	t.Helper()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(30 * time.Second)
	for len(chromeOf(t, profile)) == 0 {
		select {
		case <-deadline:
			t.Fatal("no Chrome to kill")
		case <-tick.C:
		}
	}
	for _, pid := range chromeOf(t, profile) {
		_ = syscall.Kill(pid, syscall.SIGKILL)
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
	p, out, profile := newDemo(t)
	p.until(t, "zoom-read-credentials")
	if len(chromeOf(t, profile)) == 0 {
		t.Fatal("no Chrome process found for the run")
	}
	start := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	log, code := p.wait(t)
	if code != exitInterrupted {
		t.Fatalf("exit %d, want %d\n%s", code, exitInterrupted, log)
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

// TestChromeCrashIsSurvivedOnce kills Chrome mid-run: the run starts it
// again, resumes, and finishes.
func TestChromeCrashIsSurvivedOnce(t *testing.T) {
	cases := []struct {
		name, after, resumesAt, notAgain string
	}{
		{name: "in Zoom", after: "zoom-fill-information", resumesAt: "zoom-sign-in"},
		{name: "in MEETS", after: "meets-open-conferencing", resumesAt: "meets-sign-in", notAgain: "zoom-"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { // the name is in the temporary paths: no step names in it
			p, out, profile := newDemo(t)
			p.until(t, c.after)
			killChrome(t, profile)
			log, code := p.wait(t)
			_, again, restarted := strings.Cut(log, "starting it again")
			if code != 0 || !restarted {
				t.Fatalf("exit %d, want 0 after one restart:\n%s", code, log)
			}
			if !strings.HasPrefix(again, " and resuming at "+c.resumesAt) || (c.notAgain != "" && strings.Contains(again, c.notAgain)) {
				t.Fatalf("after the restart, want the run to resume at %s:\n%s", c.resumesAt, log)
			}
			if got := manifestOutcome(t, out); got != "done" {
				t.Fatalf("manifest outcome %q, want done", got)
			}
		})
	}
}

// TestSecondChromeCrashEndsCleanly kills Chrome twice: the run ends with
// exit 130 and says why.
func TestSecondChromeCrashEndsCleanly(t *testing.T) {
	p, _, profile := newDemo(t)
	p.until(t, "zoom-fill-information")
	killChrome(t, profile)
	p.until(t, "starting it again")
	p.until(t, "zoom-sign-in")
	killChrome(t, profile)
	log, code := p.wait(t)
	if code != exitInterrupted || !strings.Contains(log, "Chrome exited") {
		t.Fatalf("exit %d, want %d with a message:\n%s", code, exitInterrupted, log)
	}
	if pids := chromeOf(t, profile); len(pids) > 0 {
		t.Fatalf("Chrome processes left behind: %v", pids)
	}
}
