package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// built is the binary the process tests share, compiled by the first that needs it.
var built struct {
	once sync.Once
	bin  string
	err  error
	out  []byte
}

// TestMain removes the shared binary and closes the hand-off tests' browser after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if people.b != nil {
		people.b.Close()
	}
	if built.bin != "" {
		os.RemoveAll(filepath.Dir(built.bin))
	}
	os.Exit(code)
}

// buildBinary compiles zoomsetup once for the tests that run it as a process.
func buildBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "zoomsetup-bin-")
		if err != nil {
			built.err = err
			return
		}
		built.bin = filepath.Join(dir, "zoomsetup")
		built.out, built.err = exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("build: %v\n%s", built.err, built.out)
	}
	return built.bin
}

// TestMigrateAgainstSimInAnotherProcess runs `zoomsetup sim` in one process
// and `zoomsetup migrate` in another, as a person would from two terminals.
func TestMigrateAgainstSimInAnotherProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	sim := exec.CommandContext(ctx, bin, "sim")
	stdout, err := sim.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	sim.Stderr = os.Stderr
	if err := sim.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = sim.Process.Signal(syscall.SIGINT)
		_ = sim.Wait()
	}()

	// Read the addresses and accounts the simulator prints.
	vals := map[string]string{}
	env := os.Environ()
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) == 2 && strings.HasPrefix(f[1], "http://") {
			vals[f[0]] = f[1]
		}
		if strings.HasPrefix(line, "export ") {
			for _, m := range regexp.MustCompile(`(\w+)=('[^']*'|"[^"]*"|\S+)`).FindAllStringSubmatch(line, -1) {
				env = append(env, m[1]+"="+strings.Trim(m[2], `"'`))
			}
			break
		}
	}
	for _, k := range []string{"zoom", "marketplace", "api", "meets"} {
		if vals[k] == "" {
			t.Fatalf("sim did not print the %s address; got %v", k, vals)
		}
	}
	go func() { _, _ = bufio.NewReader(stdout).WriteTo(new(bytes.Buffer)) }()

	out := t.TempDir()
	mig := exec.CommandContext(ctx, bin, "migrate", "--out", out,
		"--zoom-url", vals["zoom"], "--marketplace-url", vals["marketplace"], "--api-url", vals["api"], "--meets-url", vals["meets"],
		"--company", "Example University", "--contact-name", "Avery Admin", "--contact-email", "avery@example.edu", "--json")
	mig.Env = env
	var mout, merr bytes.Buffer
	mig.Stdout, mig.Stderr = &mout, &merr
	if err := mig.Run(); err != nil {
		t.Fatalf("migrate: %v\nstderr:\n%s", err, merr.String())
	}
	if !strings.Contains(mout.String(), `"activated": true`) || !strings.Contains(mout.String(), `"saved": true`) {
		t.Fatalf("unexpected result:\n%s", mout.String())
	}
	for _, e := range env {
		if k, v, _ := strings.Cut(e, "="); (k == "ZOOM_PASSWORD" || k == "MEETS_PASSWORD" || k == "ZOOM_TOTP_SECRET") && strings.Contains(mout.String()+merr.String(), v) {
			t.Errorf("%s was printed", k)
		}
	}
	creds, _ := filepath.Glob(filepath.Join(out, "*", "credentials.json"))
	if len(creds) != 1 {
		t.Fatalf("want one credentials.json, got %v", creds)
	}

	// The credentials it saved verify from a third process.
	ver := exec.CommandContext(ctx, bin, "verify", "--credentials", creds[0], "--zoom-url", vals["zoom"], "--api-url", vals["api"])
	if b, err := ver.CombinedOutput(); err != nil {
		t.Fatalf("verify: %v\n%s", err, b)
	}
	var ee *exec.ExitError
	if err := exec.CommandContext(ctx, bin, "verify").Run(); !errors.As(err, &ee) || ee.ExitCode() != exitUsage {
		t.Fatalf("verify without --credentials: %v, want exit %d", err, exitUsage)
	}
}
