package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"zoomsetup/flows"
	"zoomsetup/rehearsal"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// binRun is one process of the built binary, run against a simulator of
// this test process, as a person runs it against Zoom.
type binRun struct {
	stdout, stderr string
	code           int
}

// newSim starts a simulator for one test.
func newSim(t *testing.T, opts simulator.Options) *simulator.Sim {
	t.Helper()
	sim, err := simulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	return sim
}

// runBinary runs the binary with args, the simulator's accounts in its
// environment (env overrides them) and out as its --out.
func runBinary(t *testing.T, sim *simulator.Sim, out string, env map[string]string, args ...string) binRun {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	acc := sim.Accounts()
	vars := map[string]string{"ZOOM_EMAIL": acc.ZoomEmail, "ZOOM_PASSWORD": acc.ZoomPassword, "ZOOM_TOTP_SECRET": acc.TOTPSecret,
		"MEETS_USER": acc.MeetsUser, "MEETS_PASSWORD": acc.MeetsPassword}
	for k, v := range env {
		vars[k] = v
	}
	cmd := exec.CommandContext(ctx, bin, append(args, "--out", out)...)
	cmd.Env = os.Environ()
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := binRun{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("run %v: %v", args, err)
	}
	return r
}

// migrateArgs is `zoomsetup migrate` pointed at sim.
func migrateArgs(sim *simulator.Sim, more ...string) []string {
	u := sim.URLs()
	return append([]string{"migrate", "--zoom-url", u.Zoom, "--marketplace-url", u.Marketplace, "--api-url", u.API, "--meets-url", u.Meets,
		"--company", "Example University", "--contact-name", "Avery Admin", "--contact-email", "avery@example.edu"}, more...)
}

// meetsArgs is `zoomsetup meets` with a credentials file written from f.
func meetsArgs(t *testing.T, sim *simulator.Sim, f flows.CredentialsFile) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "credentials.json")
	b, _ := json.Marshal(f)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{"meets", "--credentials", path, "--meets-url", sim.URLs().Meets}
}

// done is an app that needs nothing more, for the MEETS-only runs.
var done = simulator.AppSeed{Name: "MEETS", Company: "Example University", ContactName: "Avery Admin", ContactEmail: "avery@example.edu",
	Scopes: zoomapi.Profile(zoomapi.Granular), Activated: true}

// credentialsOf is the credentials file of the simulator's first app, with
// the client secret replaced when secret is not empty.
func credentialsOf(sim *simulator.Sim, secret string) flows.CredentialsFile {
	app := sim.State().Apps[0]
	if secret == "" {
		secret = app.ClientSecret
	}
	return flows.CredentialsFile{AppName: app.Name, AccountID: app.AccountID, ClientID: app.ClientID, ClientSecret: secret,
		Catalogue: zoomapi.Granular, Scopes: zoomapi.Profile(zoomapi.Granular), Activated: true}
}

// TestNamedExitsThroughTheBinary runs the binary into each stop that
// needs a person or a decision, and checks the exit code it ends with.
func TestNamedExitsThroughTheBinary(t *testing.T) {
	cases := []struct {
		name string
		opts simulator.Options
		env  map[string]string
		args func(t *testing.T, sim *simulator.Sim) []string
		code int
		says string
	}{
		{"a CAPTCHA needs a person", simulator.Options{Captcha: true}, nil,
			func(_ *testing.T, sim *simulator.Sim) []string { return migrateArgs(sim) }, exitPerson, "--assisted"},
		{"a wrong password is rejected", simulator.Options{}, map[string]string{"ZOOM_PASSWORD": "not the password"},
			func(_ *testing.T, sim *simulator.Sim) []string { return migrateArgs(sim) }, exitRejected, "ZOOM_PASSWORD"},
		{"MEETS refuses the credentials", simulator.Options{ExistingApps: []simulator.AppSeed{done}}, nil,
			func(t *testing.T, sim *simulator.Sim) []string {
				return meetsArgs(t, sim, credentialsOf(sim, "not-the-secret-at-all-000000000"))
			}, exitMeets, "Invalid client_id or client_secret"},
		{"MEETS stays unavailable", simulator.Options{MeetsDownFor: time.Hour}, nil,
			func(_ *testing.T, sim *simulator.Sim) []string {
				return migrateArgs(sim, "--propagation-timeout", "3s")
			}, exitMeets, "zoomsetup meets --credentials"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			sim := newSim(t, c.opts)
			r := runBinary(t, sim, t.TempDir(), c.env, c.args(t, sim)...)
			if r.code != c.code || !strings.Contains(r.stderr, c.says) {
				t.Fatalf("exit %d, want %d with %q\n%s", r.code, c.code, c.says, r.stderr)
			}
		})
	}
}

// TestRerunWritesNothing migrates once, then again in new processes: with
// the saved browser profile, and with a new one that signs in again. The
// reruns send the Marketplace and MEETS not one writing request.
func TestRerunWritesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	sim := newSim(t, simulator.Options{TwoFactor: true})
	ctx := context.Background()
	kept, fresh := t.TempDir(), t.TempDir()
	first := rehearsal.Migrate(ctx, bin, sim, kept, zoomapi.Granular, time.Minute)
	if !first.Converged() || first.Writes == 0 {
		t.Fatalf("first run: exit %d, %d writes, broken %v\n%s", first.Exit, first.Writes, first.Broken, first.Stderr)
	}
	for _, rerun := range []struct{ name, dir string }{{"with the saved profile", kept}, {"with a new profile", fresh}} {
		o := rehearsal.Migrate(ctx, bin, sim, rerun.dir, zoomapi.Granular, time.Minute)
		if !o.Converged() || o.Writes != 0 || o.Changed() {
			t.Errorf("rerun %s: exit %d, %d writing requests, changed %v, broken %v\n%s", rerun.name, o.Exit, o.Writes, o.Changed(), o.Broken, o.Stderr)
		}
	}
	if st := sim.State(); len(st.Apps) != 1 || st.Meets.Saves != 1 {
		t.Fatalf("%d apps, %d MEETS saves; want 1 and 1", len(st.Apps), st.Meets.Saves)
	}
}

// TestStoppedRunFinishesWithThePrintedCommand stops a migration in MEETS
// (unavailable beyond its bound), brings MEETS back, and runs the command
// the message printed: MEETS then holds the app's credentials, the app
// untouched.
func TestStoppedRunFinishesWithThePrintedCommand(t *testing.T) {
	sim := newSim(t, simulator.Options{MeetsDownFor: time.Hour})
	first := runBinary(t, sim, t.TempDir(), nil, migrateArgs(sim, "--propagation-timeout", "3s")...)
	if first.code != exitMeets {
		t.Fatalf("exit %d, want %d\n%s", first.code, exitMeets, first.stderr)
	}
	m := regexp.MustCompile(`run: (zoomsetup meets --credentials \S+ --meets-url \S+)`).FindStringSubmatch(first.stderr)
	if m == nil {
		t.Fatalf("no command to finish the job in:\n%s", first.stderr)
	}
	before := sim.State()
	sim.Advance(2 * time.Hour)
	args := strings.Fields(strings.TrimPrefix(m[1], "zoomsetup "))
	again := runBinary(t, sim, t.TempDir(), nil, args...)
	if again.code != 0 {
		t.Fatalf("%s: exit %d\n%s", m[1], again.code, again.stderr)
	}
	st := sim.State()
	app := st.Apps[0]
	switch {
	case len(st.Apps) != 1 || app.SecretRegenerations != 0:
		t.Fatalf("%d apps, secret regenerated %d times", len(st.Apps), app.SecretRegenerations)
	case st.Meets.APIKey != app.AccountID+":"+app.ClientID || st.Meets.APISecret != app.ClientSecret || st.Meets.Saves != 1:
		t.Fatalf("MEETS holds %q (secret matches: %v), saved %d times", st.Meets.APIKey, st.Meets.APISecret == app.ClientSecret, st.Meets.Saves)
	case st.Writes-before.Writes != 1:
		t.Fatalf("finishing sent %d writing requests, want the one Submit", st.Writes-before.Writes)
	}
}

// TestNoSecretInTextOutputs runs the binary with passwords and client
// secrets full of characters that HTML, JSON and URLs escape, to success
// and to stops with a secret on the page, and looks for each secret, as
// typed and in each escaped form, in stdout, stderr and every file the run
// wrote but the credentials and backup files (manifest, report, failure
// page HTML, console log, error).
func TestNoSecretInTextOutputs(t *testing.T) {
	const chars = `<&"'%+>abcXYZ019`
	accounts := simulator.Options{ZoomPassword: `pa<ss&wo"rd' %+1`, MeetsPassword: `me<ets&pa"ss' %+2`, SecretAlphabet: chars}
	old := simulator.MeetsConfig{APIKey: "oldJwtKey123", APISecret: `old<jwt&se"cret' %+3`}
	wrong := `wrong<se&cr"et'%+4`
	cases := []struct {
		name  string
		opts  simulator.Options
		args  func(t *testing.T, sim *simulator.Sim) []string
		code  int
		stops string // the step whose failure page must have held a secret
	}{
		{name: "migration over an old configuration", opts: simulator.Options{TwoFactor: true, Meets: &old},
			args: func(_ *testing.T, sim *simulator.Sim) []string { return migrateArgs(sim) }},
		{name: "stops with the Client Secret on the page", opts: simulator.Options{Rendering: "second", SecretAlphabet: chars + " "},
			args: func(_ *testing.T, sim *simulator.Sim) []string { return migrateArgs(sim) }, code: exitUnexpected, stops: "zoom-read-credentials"},
		{name: "MEETS refuses the secret typed", opts: simulator.Options{ExistingApps: []simulator.AppSeed{done}, Meets: &old},
			args: func(t *testing.T, sim *simulator.Sim) []string { return meetsArgs(t, sim, credentialsOf(sim, wrong)) }, code: exitMeets},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			opts := c.opts
			opts.ZoomPassword, opts.MeetsPassword = accounts.ZoomPassword, accounts.MeetsPassword
			if opts.SecretAlphabet == "" {
				opts.SecretAlphabet = accounts.SecretAlphabet
			}
			sim := newSim(t, opts)
			out := t.TempDir()
			r := runBinary(t, sim, out, nil, c.args(t, sim)...)
			if r.code != c.code {
				t.Fatalf("exit %d, want %d\n%s", r.code, c.code, r.stderr)
			}
			acc := sim.Accounts()
			secrets := []string{acc.ZoomPassword, acc.MeetsPassword, acc.TOTPSecret, old.APISecret, wrong}
			for _, app := range sim.State().Apps {
				secrets = append(secrets, app.ClientSecret)
			}
			if leaks := rehearsal.Leaks(r.stdout+r.stderr+rehearsal.Texts(out), secrets); len(leaks) > 0 {
				t.Fatalf("the outputs hold %v\n%s", leaks, r.stderr)
			}
			if c.stops != "" {
				// The page saved as evidence showed the secret: the check above
				// looked at text that had it to hide.
				pages, _ := filepath.Glob(filepath.Join(out, "*", "failure", "*-"+c.stops+"-page.html"))
				if len(pages) != 1 {
					t.Fatalf("no page HTML of %s: %v", c.stops, pages)
				}
				b, _ := os.ReadFile(pages[0])
				if !strings.Contains(string(b), "[redacted]") {
					t.Fatalf("the failure page of %s redacted nothing: the secret was not on it", c.stops)
				}
			}
		})
	}
}
