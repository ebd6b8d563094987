// Package rehearsal runs zoomsetup migrate as its own process against a
// simulator, as a user runs it against Zoom, and checks what must hold
// whatever happened: the run converged or stopped with a named exit code;
// never two apps; no secret in any output; no browser left behind;
// credentials on disk whenever the app was activated. make chaos and make
// fidelity are rehearsals with faults and with renderings.
package rehearsal

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"zoomsetup/automation"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// Outcome is one migrate process and what was found.
type Outcome struct {
	Exit    int
	Reason  string // the error line, for a named stop
	Seconds float64
	Broken  []string // invariants that failed
	Stdout  string
	Stderr  string   // the run's progress and notes, to read why it took long or stopped
	Drift   []string // the drift notes the run logged
	Writes  int      // writing requests the simulator received during the run
}

// Converged reports a run that finished with everything in place.
func (o Outcome) Converged() bool { return o.Exit == 0 && len(o.Broken) == 0 }

// Changed reports whether the run said it changed something.
func (o Outcome) Changed() bool { return !strings.Contains(o.Stdout, "changes      none") }

// Migrate runs bin's migrate against sim with its demo accounts, keeping the
// browser profile in dir/profile (so a second call is a rerun in the same
// saved session), and checks the invariants. want is the catalogue the app
// must end with when the run succeeds.
func Migrate(ctx context.Context, bin string, sim *simulator.Sim, dir string, want zoomapi.Catalogue, patience time.Duration) Outcome {
	var out Outcome
	broke := func(format string, args ...any) { out.Broken = append(out.Broken, fmt.Sprintf(format, args...)) }
	profile := filepath.Join(dir, "profile")
	runs := filepath.Join(dir, "out")
	before := sim.State().Writes
	u, acc := sim.URLs(), sim.Accounts()
	cmd := exec.CommandContext(ctx, bin, "migrate", "--out", runs, "--profile", profile,
		"--zoom-url", u.Zoom, "--marketplace-url", u.Marketplace, "--api-url", u.API, "--meets-url", u.Meets,
		"--company", "Example University", "--contact-name", "Avery Admin", "--contact-email", acc.ZoomEmail,
		"--propagation-timeout", patience.String(), "--step-timeout", "45s")
	cmd.Env = append(os.Environ(), "ZOOM_EMAIL="+acc.ZoomEmail, "ZOOM_PASSWORD="+acc.ZoomPassword,
		"ZOOM_TOTP_SECRET="+acc.TOTPSecret, "MEETS_USER="+acc.MeetsUser, "MEETS_PASSWORD="+acc.MeetsPassword)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	out.Seconds = time.Since(start).Seconds()
	out.Stdout, out.Stderr = stdout.String(), stderr.String()
	if ee, ok := err.(*exec.ExitError); ok {
		out.Exit = ee.ExitCode()
	} else if err != nil {
		broke("run: %v", err)
	}
	for _, l := range strings.Split(out.Stderr, "\n") {
		if i := strings.Index(l, "drift: "); i >= 0 {
			out.Drift = append(out.Drift, strings.TrimSpace(l[i+len("drift: "):]))
		}
		if strings.HasPrefix(l, "zoomsetup: ") {
			out.Reason = strings.TrimPrefix(l, "zoomsetup: ")
		}
	}
	if out.Exit != 0 {
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
	out.Writes = st.Writes - before
	var apps []simulator.App
	for _, a := range st.Apps {
		if a.Name == "MEETS" {
			apps = append(apps, a)
		}
	}
	if len(apps) > 1 {
		broke("%d apps named MEETS", len(apps))
	}
	for _, a := range apps {
		if a.SecretRegenerations > 0 {
			broke("the client secret was regenerated")
		}
	}
	if out.Exit == 0 {
		switch {
		case len(apps) != 1 || !apps[0].Activated:
			broke("exit 0 but the app is missing or not activated")
		case len(zoomapi.Missing(apps[0].Scopes, zoomapi.Profile(want))) > 0:
			broke("exit 0 but scopes are missing")
		case st.Meets.APIKey != apps[0].AccountID+":"+apps[0].ClientID || st.Meets.APISecret != apps[0].ClientSecret:
			broke("exit 0 but MEETS does not hold the app's credentials")
		}
	}

	texts := out.Stdout + out.Stderr + Texts(runs)
	secrets := []string{acc.ZoomPassword, acc.TOTPSecret, acc.MeetsPassword}
	for _, a := range apps {
		secrets = append(secrets, a.ClientSecret)
	}
	for _, l := range Leaks(texts, secrets) {
		broke("%s appears in the output", l)
	}
	shown, _, err := Painted(runs)
	if err != nil {
		broke("pictures: %v", err)
	}
	for p := range shown {
		broke("%s shows a secret", p)
	}
	if pids := automation.ProfileProcesses(profile); len(pids) > 0 {
		broke("browser processes left: %v", pids)
	}
	if len(apps) == 1 && apps[0].Activated {
		creds, _ := filepath.Glob(filepath.Join(runs, "*", "credentials.json"))
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

// Texts is every text a run left under runs that must hold no secret: the
// manifests, reports and failure evidence (page HTML, console log, error),
// everything but the credentials and backup files, which hold them on
// purpose, and the pictures.
func Texts(runs string) string {
	var b strings.Builder
	filepath.WalkDir(runs, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		switch d.Name() {
		case "credentials.json", "meets-backup.json":
			return nil
		}
		if filepath.Ext(path) == ".png" {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err == nil {
			b.WriteString(path + "\n")
			b.Write(raw)
			b.WriteString("\n")
		}
		return nil
	})
	return b.String()
}

// Painted scans the pictures under runs, step screenshots and failure
// evidence alike, for the colour a simulator with Options.PaintSecrets
// paints every secret on screen in: a secret the masks missed, found
// without asking the tool what it masked. It returns how many pixels of it
// each picture that shows some holds (by its path under runs), and how many
// pictures it read.
func Painted(runs string) (shown map[string]int, pictures int, err error) {
	shown = map[string]int{}
	err = filepath.WalkDir(runs, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".png" {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		n, err := simulator.SecretPixels(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		pictures++
		if n > 0 {
			rel, _ := filepath.Rel(runs, path)
			shown[rel] = n
		}
		return nil
	})
	return shown, pictures, err
}

// Catalogue is the scope catalogue a run against a simulator with opts must end with.
func Catalogue(opts simulator.Options) zoomapi.Catalogue {
	if opts.Catalogue == simulator.CatalogueClassic {
		return zoomapi.Classic
	}
	return zoomapi.Granular
}
