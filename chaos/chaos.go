// Command chaos runs many migrations against the simulator, each with faults
// drawn from its seed, as separate zoomsetup processes, and checks what must
// hold whatever happens: the run converged or stopped with a named exit
// code; never two apps; no secret in any output; no browser left behind;
// credentials on disk whenever the app was activated.
package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"zoomsetup/automation"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// Outcome is one seed's run and what was found.
type Outcome struct {
	Seed    int64
	Faults  string
	Exit    int
	Reason  string // the error line, for a named stop
	Seconds float64
	Broken  []string // invariants that failed
	Stderr  string   // the run's progress and notes, to read why it took long or stopped
}

// Converged reports a run that finished with everything in place.
func (o Outcome) Converged() bool { return o.Exit == 0 && len(o.Broken) == 0 }

// draw picks the faults of a seed.
func draw(seed int64) (simulator.Options, string) {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	pick := func(ds ...time.Duration) time.Duration { return ds[r.IntN(len(ds))] }
	o := simulator.Options{
		Seed:            seed,
		Layout:          []simulator.Layout{simulator.LayoutTop, simulator.LayoutLeft}[r.IntN(2)],
		Catalogue:       []simulator.Catalogue{simulator.CatalogueGranular, simulator.CatalogueClassic}[r.IntN(2)],
		TwoFactor:       r.IntN(2) == 0,
		CookieBanner:    r.IntN(3) == 0,
		PlainSecret:     r.IntN(3) == 0,
		FailRate:        []float64{0, 0, 0.1, 0.2, 0.3}[r.IntN(5)],
		LateContent:     pick(0, 0, 300*time.Millisecond),
		Jitter:          pick(0, 0, 60*time.Millisecond),
		SessionLimit:    []int{0, 0, 12, 25}[r.IntN(4)],
		ActivationDelay: pick(0, 0, 5*time.Second, 20*time.Second),
		ScopeDelay:      pick(0, 0, 5*time.Second, 12*time.Second),
		MeetsDownFor:    pick(0, 0, 0, 10*time.Second, 40*time.Second),
		DropRate:        []float64{0, 0, 0, 0.05, 0.1}[r.IntN(5)],
	}
	var f []string
	add := func(on bool, s string) {
		if on {
			f = append(f, s)
		}
	}
	add(o.Layout == simulator.LayoutLeft, "left-nav")
	add(o.Catalogue == simulator.CatalogueClassic, "classic")
	add(o.TwoFactor, "2fa")
	add(o.CookieBanner, "cookies")
	add(o.FailRate > 0, fmt.Sprintf("5xx=%.0f%%", o.FailRate*100))
	add(o.DropRate > 0, fmt.Sprintf("drops=%.0f%%", o.DropRate*100))
	add(o.LateContent > 0, "late")
	add(o.Jitter > 0, "jitter")
	add(o.SessionLimit > 0, fmt.Sprintf("session=%d", o.SessionLimit))
	add(o.ActivationDelay > 0, "activation="+o.ActivationDelay.String())
	add(o.ScopeDelay > 0, "scopes="+o.ScopeDelay.String())
	add(o.MeetsDownFor > 0, "meets-down="+o.MeetsDownFor.String())
	if len(f) == 0 {
		f = append(f, "none")
	}
	return o, strings.Join(f, " ")
}

// Run runs seed's migration with the binary bin and checks the invariants.
// patience bounds the waits of the run (its --propagation-timeout).
func Run(ctx context.Context, bin string, seed int64, patience time.Duration) Outcome {
	opts, faults := draw(seed)
	out := Outcome{Seed: seed, Faults: faults}
	broke := func(format string, args ...any) { out.Broken = append(out.Broken, fmt.Sprintf(format, args...)) }
	sim, err := simulator.New(opts)
	if err != nil {
		broke("simulator: %v", err)
		return out
	}
	defer sim.Close()
	dir, err := os.MkdirTemp("", "zoomsetup-chaos-")
	if err != nil {
		broke("temp: %v", err)
		return out
	}
	defer os.RemoveAll(dir)
	profile := filepath.Join(dir, "profile")
	u, acc := sim.URLs(), sim.Accounts()
	cmd := exec.CommandContext(ctx, bin, "migrate", "--out", filepath.Join(dir, "out"), "--profile", profile,
		"--zoom-url", u.Zoom, "--marketplace-url", u.Marketplace, "--api-url", u.API, "--meets-url", u.Meets,
		"--company", "Example University", "--contact-name", "Avery Admin", "--contact-email", acc.ZoomEmail,
		"--propagation-timeout", patience.String(), "--step-timeout", "45s")
	cmd.Env = append(os.Environ(), "ZOOM_EMAIL="+acc.ZoomEmail, "ZOOM_PASSWORD="+acc.ZoomPassword,
		"ZOOM_TOTP_SECRET="+acc.TOTPSecret, "MEETS_USER="+acc.MeetsUser, "MEETS_PASSWORD="+acc.MeetsPassword)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	out.Seconds = time.Since(start).Seconds()
	out.Stderr = stderr.String()
	if ee, ok := err.(*exec.ExitError); ok {
		out.Exit = ee.ExitCode()
	} else if err != nil {
		broke("run: %v", err)
	}
	if out.Exit != 0 {
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		for _, l := range lines {
			if strings.HasPrefix(l, "zoomsetup: ") {
				out.Reason = strings.TrimPrefix(l, "zoomsetup: ")
			}
		}
		switch out.Exit {
		case 3, 4, 5, 6, 7:
			if out.Reason == "" {
				broke("exit %d without a message", out.Exit)
			}
		default:
			broke("exit %d is not a named stop", out.Exit)
		}
	}

	st := sim.State()
	var apps []simulator.App
	for _, a := range st.Apps {
		if a.Name == "MEETS" {
			apps = append(apps, a)
		}
	}
	if len(apps) > 1 {
		broke("%d apps named MEETS", len(apps))
	}
	if out.Exit == 0 {
		switch {
		case len(apps) != 1 || !apps[0].Activated:
			broke("exit 0 but the app is missing or not activated")
		case len(zoomapi.Missing(apps[0].Scopes, zoomapi.Profile(catalogue(opts)))) > 0:
			broke("exit 0 but scopes are missing")
		case st.Meets.APIKey != apps[0].AccountID+":"+apps[0].ClientID || st.Meets.APISecret != apps[0].ClientSecret:
			broke("exit 0 but MEETS does not hold the app's credentials")
		}
	}

	texts := stdout.String() + stderr.String()
	for _, p := range []string{"manifest.json", "report.html"} {
		files, _ := filepath.Glob(filepath.Join(dir, "out", "*", p))
		for _, f := range files {
			b, _ := os.ReadFile(f)
			texts += string(b)
		}
	}
	secrets := []string{acc.ZoomPassword, acc.TOTPSecret, acc.MeetsPassword}
	for _, a := range apps {
		secrets = append(secrets, a.ClientSecret)
	}
	for _, s := range secrets {
		if strings.Contains(texts, s) {
			broke("a secret appears in the output")
		}
	}
	if pids := automation.ProfileProcesses(profile); len(pids) > 0 {
		broke("browser processes left: %v", pids)
	}
	if len(apps) == 1 && apps[0].Activated {
		creds, _ := filepath.Glob(filepath.Join(dir, "out", "*", "credentials.json"))
		if len(creds) == 0 {
			broke("the app is activated but no credentials.json was kept")
		}
		for _, c := range creds {
			if st, err := os.Stat(c); err != nil || st.Mode().Perm() != 0o600 {
				broke("credentials.json is not mode 0600")
			}
		}
	}
	return out
}

func catalogue(o simulator.Options) zoomapi.Catalogue {
	if o.Catalogue == simulator.CatalogueClassic {
		return zoomapi.Classic
	}
	return zoomapi.Granular
}
