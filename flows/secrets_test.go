package flows_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	a "zoomsetup/automation"
	"zoomsetup/flows"
	"zoomsetup/rehearsal"
	"zoomsetup/secret"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// secretPixels scans every picture a run wrote under dir for the
// simulator's secret colour (rehearsal.Painted).
func secretPixels(t *testing.T, dir string) (shown map[string]int, pictures int) {
	t.Helper()
	shown, pictures, err := rehearsal.Painted(dir)
	if err != nil {
		t.Fatal(err)
	}
	return shown, pictures
}

// stepOf is the step a picture belongs to: "zoom-read-credentials" for
// 05-zoom-read-credentials.png and failure/05-zoom-read-credentials.png.
func stepOf(picture string) string {
	return regexp.MustCompile(`^\d+-`).ReplaceAllString(strings.TrimSuffix(filepath.Base(picture), ".png"), "")
}

// TestNoSecretInPictures runs with the simulator painting every secret on
// screen in its sentinel colour, and scans every picture the run wrote for
// it: the check does not ask the tool what it masked. Successful runs and
// runs that stop with a secret on screen, in both renderings; and with
// --show-secret, where the Client Secret must show (the scan works) and
// nothing else.
func TestNoSecretInPictures(t *testing.T) {
	old := simulator.MeetsConfig{APIKey: "oldJwtKey123", APISecret: "oldJwtSecret456789"}
	blocked := func(name string) func(*harness) {
		// A folder where the file must go: writing it fails, after the
		// step has the secret on screen.
		return func(h *harness) {
			if err := os.Mkdir(filepath.Join(h.dir, name), 0o700); err != nil {
				h.t.Fatal(err)
			}
		}
	}
	refused := func(h *harness) {
		h.pick = func(p flows.Plan, r *flows.Result) []a.Step {
			app := h.sim.State().Apps[0]
			f := flows.CredentialsFile{AppName: "MEETS", AccountID: app.AccountID, ClientID: app.ClientID, ClientSecret: "not-the-secret-at-all-000000000"}
			r.UseCredentials(f, zoomapi.Credentials{AccountID: f.AccountID, ClientID: f.ClientID, ClientSecret: secret.New(f.ClientSecret)}, "")
			return p.MeetsSteps(r)
		}
	}
	done := simulator.AppSeed{Name: "MEETS", Company: "X", ContactName: "Y", ContactEmail: "y@example.edu", Scopes: zoomapi.Profile(zoomapi.Granular), Activated: true}
	type tcase struct {
		name    string
		opts    simulator.Options
		prepare func(*harness)
		stops   string          // the step the run stops in; "" when it succeeds
		shown   map[string]bool // steps whose pictures show a secret because the user asked
	}
	var cases []tcase
	for _, r := range simulator.Renderings {
		cases = append(cases,
			tcase{name: r + ": migration over an old MEETS configuration", opts: simulator.Options{Rendering: r, Meets: &old}},
			tcase{name: r + ": stops after the Client Secret was revealed", opts: simulator.Options{Rendering: r}, prepare: blocked("credentials.json"), stops: "zoom-read-credentials"},
			tcase{name: r + ": stops with the old API Secret on screen", opts: simulator.Options{Rendering: r, Meets: &old}, prepare: blocked("meets-backup.json"), stops: "meets-open-conferencing"},
			tcase{name: r + ": MEETS refuses the credentials typed", opts: simulator.Options{Rendering: r, ExistingApps: []simulator.AppSeed{done}}, prepare: refused, stops: "meets-submit"},
			tcase{name: r + ": --show-secret", opts: simulator.Options{Rendering: r}, prepare: func(h *harness) { h.showSecrets = true },
				shown: map[string]bool{"zoom-read-credentials": true}},
		)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.opts.PaintSecrets = true
			h := newHarness(t, c.opts)
			h.shots = true
			if c.prepare != nil {
				c.prepare(h)
			}
			res, man, err := h.run(h.pick)
			if c.stops == "" && err != nil {
				t.Fatalf("%v\n%s", err, h.progress.String())
			}
			if c.stops != "" {
				last := man.Steps[len(man.Steps)-1]
				if err == nil || last.Name != c.stops {
					t.Fatalf("stopped in %s (%v), want %s\n%s", last.Name, err, c.stops, h.progress.String())
				}
				if _, serr := os.Stat(filepath.Join(h.dir, "failure", fmt.Sprintf("%02d-%s.png", last.N, last.Name))); serr != nil {
					t.Fatalf("no failure picture: %v", serr)
				}
			}
			shown, pictures := secretPixels(t, h.dir)
			if pictures < len(man.Steps) {
				t.Fatalf("%d pictures for %d steps", pictures, len(man.Steps))
			}
			for pic, n := range shown {
				if !c.shown[stepOf(pic)] {
					t.Errorf("%s shows a secret (%d pixels of the secret colour)", pic, n)
				}
			}
			for step := range c.shown {
				if !hasStep(shown, step) {
					t.Errorf("no picture of %s shows the Client Secret, asked for with --show-secret: the scan sees nothing", step)
				}
			}
			// The texts the run wrote hold none of its secrets, in any form.
			secrets := []string{res.Credentials().ClientSecret.Reveal(), old.APISecret}
			for _, s := range h.secrets {
				secrets = append(secrets, s.Reveal())
			}
			for _, app := range h.sim.State().Apps {
				secrets = append(secrets, app.ClientSecret)
			}
			if leaks := rehearsal.Leaks(h.progress.String()+rehearsal.Texts(h.dir), secrets); len(leaks) > 0 {
				t.Errorf("the run's texts hold %v", leaks)
			}
		})
	}
}

func hasStep(shown map[string]int, step string) bool {
	for pic := range shown {
		if stepOf(pic) == step {
			return true
		}
	}
	return false
}

// TestTypedSecretsAreRedacted changes each secret the run types after the
// plan, and the list the redactor starts from, were made (as a prompt or a
// second read of a password file would): typing a secret teaches it to the
// redactor, so the run's outputs hide it all the same.
func TestTypedSecretsAreRedacted(t *testing.T) {
	done := simulator.AppSeed{Name: "MEETS", Company: "X", ContactName: "Y", ContactEmail: "y@example.edu", Scopes: zoomapi.Profile(zoomapi.Granular), Activated: true}
	meetsWith := func(steps int) func(h *harness) func(flows.Plan, *flows.Result) []a.Step {
		return func(h *harness) func(flows.Plan, *flows.Result) []a.Step {
			return func(p flows.Plan, r *flows.Result) []a.Step {
				app := h.sim.State().Apps[0]
				f := flows.CredentialsFile{AppName: "MEETS", AccountID: app.AccountID, ClientID: app.ClientID, ClientSecret: app.ClientSecret}
				r.UseCredentials(f, zoomapi.Credentials{AccountID: f.AccountID, ClientID: f.ClientID, ClientSecret: secret.New(f.ClientSecret)}, "")
				return p.MeetsSteps(r)[:steps]
			}
		}
	}
	cases := []struct {
		name string
		opts simulator.Options
		swap func(h *harness) string // puts the secret the site accepts in the plan, and returns it
		pick func(h *harness) func(flows.Plan, *flows.Result) []a.Step
	}{
		{"the Zoom password", simulator.Options{ZoomPassword: "the Zoom password after the swap"},
			func(h *harness) string {
				h.plan.Zoom.Password = secret.New(h.sim.Accounts().ZoomPassword)
				return h.sim.Accounts().ZoomPassword
			},
			func(*harness) func(flows.Plan, *flows.Result) []a.Step {
				return func(p flows.Plan, r *flows.Result) []a.Step { return p.ZoomSteps(r)[:1] }
			}},
		{"the MEETS password", simulator.Options{MeetsPassword: "the MEETS password after the swap", ExistingApps: []simulator.AppSeed{done}},
			func(h *harness) string {
				h.plan.Meets.Password = secret.New(h.sim.Accounts().MeetsPassword)
				return h.sim.Accounts().MeetsPassword
			},
			meetsWith(1)},
		{"the client secret typed into MEETS", simulator.Options{ExistingApps: []simulator.AppSeed{done}},
			func(h *harness) string { return h.sim.State().Apps[0].ClientSecret }, meetsWith(4)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, c.opts)
			// What the redactor is told before the run: the values before the swap.
			h.secrets = []secret.Secret{secret.New("the Zoom password before the swap"), secret.New("the MEETS password before the swap")}
			typed := c.swap(h)
			if _, _, err := h.run(c.pick(h)); err != nil {
				t.Fatalf("%v\n%s", err, h.progress.String())
			}
			if got := h.red.Redact("typed: " + typed); strings.Contains(got, typed) {
				t.Fatalf("the run's redactor does not hide the secret it typed: %q", got)
			}
			if leaks := rehearsal.Leaks(h.progress.String()+rehearsal.Texts(h.dir), []string{typed}); len(leaks) > 0 {
				t.Errorf("the run's texts hold %v", leaks)
			}
		})
	}
}
