package flows_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
	"zoomsetup/flows"
	"zoomsetup/flows/meets"
	"zoomsetup/flows/zoom"
	"zoomsetup/report"
	"zoomsetup/secret"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// browser is the one Chrome of this test binary; every run gets a fresh browser context.
var browser *a.Browser

func TestMain(m *testing.M) {
	b, err := a.Launch(context.Background(), a.BrowserOptions{EnvPath: os.Getenv("ZOOMSETUP_BROWSER")})
	if err != nil {
		if os.Getenv("CI") != "" || !errors.Is(err, a.ErrNoBrowser) {
			fmt.Fprintln(os.Stderr, "browser tests need Chrome:", err)
			os.Exit(1)
		}
		fmt.Fprintln(os.Stderr, "no browser; browser tests will be skipped")
	}
	browser = b
	code := m.Run()
	b.Close()
	os.Exit(code)
}

// harness is one simulator, one browser context and one run folder.
type harness struct {
	t        *testing.T
	sim      *simulator.Sim
	tab      context.Context
	dir      string
	progress bytes.Buffer
	plan     flows.Plan
	secrets  []secret.Secret
	pictures *a.Illustrator // documentation mode, when set

	pick        func(flows.Plan, *flows.Result) []a.Step // the steps a case runs, when it chooses them before the run
	red         *secret.Redactor                         // the last run's redactor, as its steps left it
	stepTimeout time.Duration                            // each step's deadline (30 s when 0)
	showSecrets bool                                     // --show-secret: the client secret is left unmasked in pictures
	shots       bool                                     // take each step's screenshot, for tests that look at them
}

func newHarness(t *testing.T, opts simulator.Options) *harness {
	t.Helper()
	if browser == nil {
		t.Skip("no browser")
	}
	sim, err := simulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	tab, cancel := chromedp.NewContext(browser.Tab, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(tab, a.Prepare(1280, 800, 1)); err != nil {
		t.Fatal(err)
	}
	return harnessOn(t, sim, tab)
}

// harnessOn runs against sim in tab, a tab that has already run.
func harnessOn(t *testing.T, sim *simulator.Sim, tab context.Context) *harness {
	h := &harness{t: t, sim: sim, tab: tab}
	u, acc := sim.URLs(), sim.Accounts()
	h.plan = flows.Plan{
		Zoom: zoom.Options{
			ZoomURL: u.Zoom, MarketplaceURL: u.Marketplace, Email: acc.ZoomEmail,
			Password: secret.New(acc.ZoomPassword), TOTP: authenticator(t, acc.TOTPSecret),
			AppName: "MEETS", Description: "CirQlive MEETS integration", Company: "Example University",
			ContactName: "Avery Admin", ContactEmail: acc.ZoomEmail, Scopes: zoomapi.Auto,
		},
		Meets:    meets.Options{URL: u.Meets, User: acc.MeetsUser, Password: secret.New(acc.MeetsPassword), Patience: 10 * time.Minute},
		API:      zoomapi.Client{ZoomURL: u.Zoom, APIURL: u.API},
		Patience: 10 * time.Minute,
	}
	h.newDir()
	h.secrets = []secret.Secret{h.plan.Zoom.Password, h.plan.Zoom.TOTP.Secret(), h.plan.Meets.Password}
	return h
}

// authenticator is the account's authenticator for seed.
func authenticator(t *testing.T, seed string) *a.Authenticator {
	au, err := a.NewAuthenticator(secret.New(seed))
	if err != nil {
		t.Fatal(err)
	}
	return au
}

// newDir starts a new run folder, as a new run of the command would.
func (h *harness) newDir() {
	h.dir = h.t.TempDir()
	h.plan.Dir = h.dir
}

// run runs the steps that pick chooses, as the command line does, and
// returns the result, the manifest and the error.
func (h *harness) run(pick func(flows.Plan, *flows.Result) []a.Step) (*flows.Result, *a.Manifest, error) {
	h.t.Helper()
	red := &secret.Redactor{}
	for _, s := range h.secrets {
		red.Add(s)
	}
	h.red = red
	note := func(format string, args ...any) { fmt.Fprintln(&h.progress, red.Redact(fmt.Sprintf(format, args...))) }
	h.plan.Zoom.ShowSecret = h.showSecrets
	env := h.plan.Env(note, red)
	env.Clock = h.sim.Clock() // the tool's pauses move the simulated time: no test waits for a delay
	s := &a.Session{Tab: a.WithEnv(h.tab, env), Secrets: red, Hidden: h.plan.Hidden(), Logf: note, Illustrator: h.pictures, ShowSecrets: h.showSecrets}
	man := a.NewManifest(h.dir, "test", "migrate", "test")
	timeout := h.stepTimeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	r := &a.Runner{Dir: h.dir, StepTimeout: timeout, Progress: &h.progress, Manifest: man, Console: a.WatchConsole(h.tab), NoPictures: !h.shots}
	res := flows.NewResult(h.dir)
	if h.plan.Zoom.ZoomURL != "" && pick == nil {
		pick = flows.Plan.Migration
	}
	err := r.Run(s.Tab, s, pick(h.plan, res))
	outcome := a.Done
	if err != nil {
		outcome = a.Failed
	}
	if ferr := man.Finish(outcome, "", res); ferr != nil {
		h.t.Fatal(ferr)
	}
	return res, man, err
}

// assertMigrated checks the simulator's state: one Server-to-Server app with
// Information complete, every scope of the profile, activated; MEETS holding
// its credentials; and a token minted with them carrying every scope.
func assertMigrated(t *testing.T, sim *simulator.Sim, res *flows.Result, cat zoomapi.Catalogue) {
	t.Helper()
	st := sim.State()
	var apps []simulator.App
	for _, app := range st.Apps {
		if app.Name == "MEETS" {
			apps = append(apps, app)
		}
	}
	if len(apps) != 1 {
		t.Fatalf("%d apps named MEETS, want 1", len(apps))
	}
	app := apps[0]
	profile := zoomapi.Profile(cat)
	switch {
	case app.Type != simulator.AppTypeS2S:
		t.Fatalf("app type %q", app.Type)
	case app.Company == "" || app.ContactName == "" || app.ContactEmail == "":
		t.Fatalf("information incomplete: %+v", app)
	case !app.Activated:
		t.Fatal("app not activated")
	case len(zoomapi.Missing(app.Scopes, profile)) > 0:
		t.Fatalf("app lacks scopes %v", zoomapi.Missing(app.Scopes, profile))
	case app.SecretRegenerations != 0:
		t.Fatal("the secret was regenerated")
	}
	if want := app.AccountID + ":" + app.ClientID; st.Meets.APIKey != want || st.Meets.APISecret != app.ClientSecret {
		t.Fatalf("MEETS holds %q (secret matches: %v), want %q", st.Meets.APIKey, st.Meets.APISecret == app.ClientSecret, want)
	}
	if res.AccountID != app.AccountID || res.ClientID != app.ClientID || res.Credentials().ClientSecret.Reveal() != app.ClientSecret {
		t.Fatal("the result's credentials are not the app's")
	}
	u := sim.URLs()
	tok, err := (&zoomapi.Client{ZoomURL: u.Zoom, APIURL: u.API}).Token(context.Background(), res.Credentials())
	if err != nil {
		t.Fatal(err)
	}
	if m := zoomapi.Missing(tok.Scopes, profile); len(m) > 0 {
		t.Fatalf("token lacks %v", m)
	}
}

func TestMigrationVariants(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		opts simulator.Options
		cat  zoomapi.Catalogue
	}{
		{"top nav, granular", simulator.Options{Layout: simulator.LayoutTop, TwoFactor: true}, zoomapi.Granular},
		{"left nav, granular", simulator.Options{Layout: simulator.LayoutLeft, TwoFactor: true}, zoomapi.Granular},
		{"top nav, classic", simulator.Options{Layout: simulator.LayoutTop, Catalogue: simulator.CatalogueClassic}, zoomapi.Classic},
		{"left nav, classic", simulator.Options{Layout: simulator.LayoutLeft, Catalogue: simulator.CatalogueClassic}, zoomapi.Classic},
		{"plain secret, cookie banner", simulator.Options{PlainSecret: true, CookieBanner: true}, zoomapi.Granular},
		{"slow responses", simulator.Options{Latency: 60 * time.Millisecond, TwoFactor: true}, zoomapi.Granular},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, c.opts)
			h.shots = true
			res, man, err := h.run(nil)
			if err != nil {
				t.Fatalf("%v\n%s", err, h.progress.String())
			}
			assertMigrated(t, h.sim, res, c.cat)
			if res.Catalogue != c.cat {
				t.Fatalf("catalogue %q, want %q", res.Catalogue, c.cat)
			}
			for _, s := range man.Steps {
				if s.Screenshot == "" {
					t.Fatalf("step %s has no screenshot", s.Name)
				}
				if _, err := os.Stat(filepath.Join(h.dir, s.Screenshot)); err != nil {
					t.Fatal(err)
				}
			}
			if st, err := os.Stat(filepath.Join(h.dir, "credentials.json")); err != nil || st.Mode().Perm() != 0o600 {
				t.Fatalf("credentials.json: %v", err)
			}
		})
	}
}

func TestRerunChangesNothing(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{TwoFactor: true})
	if _, _, err := h.run(nil); err != nil {
		t.Fatalf("first run: %v\n%s", err, h.progress.String())
	}
	before := h.sim.State()
	h.newDir()
	res, man, err := h.run(nil) // same browser context: the sessions are still signed in
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, h.progress.String())
	}
	for _, s := range man.Steps {
		if s.Outcome != a.Already {
			t.Errorf("second run: step %s was %s, want already", s.Name, s.Outcome)
		}
	}
	after := h.sim.State()
	if len(after.Apps) != len(before.Apps) || after.Meets.Saves != before.Meets.Saves || after.Meets.Submissions != before.Meets.Submissions {
		t.Fatalf("second run changed the sites: apps %d->%d, MEETS saves %d->%d", len(before.Apps), len(after.Apps), before.Meets.Saves, after.Meets.Saves)
	}
	if res.Changed || !res.Meets.Already {
		t.Fatalf("result says changed=%v meets.already=%v", res.Changed, res.Meets.Already)
	}
	assertMigrated(t, h.sim, res, zoomapi.Granular)
}

func TestExistingMeetsConfigurationIsBackedUp(t *testing.T) {
	t.Parallel()
	old := simulator.MeetsConfig{APIKey: "oldJwtKey123", APISecret: "oldJwtSecret456789"}
	h := newHarness(t, simulator.Options{Meets: &old})
	h.secrets = append(h.secrets, secret.New(old.APISecret))
	res, _, err := h.run(nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, h.progress.String())
	}
	assertMigrated(t, h.sim, res, zoomapi.Granular)
	path := filepath.Join(h.dir, "meets-backup.json")
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup: %v\n%s", err, h.progress.String())
	}
	var b map[string]string
	raw, _ := os.ReadFile(path)
	if err := json.Unmarshal(raw, &b); err != nil || b["api_key"] != old.APIKey || b["api_secret"] != old.APISecret {
		t.Fatalf("backup holds %s", raw)
	}
}

func TestWrongPasswordStopsAfterOneAttempt(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.plan.Zoom.Password = secret.New("wrong password 123")
	_, man, err := h.run(nil)
	if a.KindOf(err) != a.KindRejected {
		t.Fatalf("err = %v, want a rejected sign-in", err)
	}
	if n := h.sim.State().SignInAttempts; n != 1 {
		t.Fatalf("%d sign-in attempts reached Zoom, want 1", n)
	}
	if len(man.Steps) != 1 || man.Steps[0].Evidence == "" {
		t.Fatalf("want one failed step with evidence, got %+v", man.Steps)
	}
	for _, f := range []string{"01-zoom-sign-in.png", "01-zoom-sign-in-page.html", "01-zoom-sign-in-error.txt"} {
		if _, err := os.Stat(filepath.Join(man.Steps[0].Evidence, f)); err != nil {
			t.Error(err)
		}
	}
}

func TestMeetsRefusesBadCredentials(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{ExistingApps: []simulator.AppSeed{{Name: "MEETS", Company: "X", ContactName: "Y", ContactEmail: "y@example.edu", Scopes: zoomapi.Profile(zoomapi.Granular), Activated: true}}})
	app := h.sim.State().Apps[0]
	f := flows.CredentialsFile{AppName: "MEETS", AccountID: app.AccountID, ClientID: app.ClientID, ClientSecret: "not-the-secret-at-all-000000000"}
	creds := zoomapi.Credentials{AccountID: f.AccountID, ClientID: f.ClientID, ClientSecret: secret.New(f.ClientSecret)}
	_, _, err := h.run(func(p flows.Plan, r *flows.Result) []a.Step {
		r.UseCredentials(f, creds, "")
		return p.MeetsSteps(r)
	})
	if a.KindOf(err) != a.KindMeets || !strings.Contains(err.Error(), "Invalid client_id or client_secret") {
		t.Fatalf("err = %v, want MEETS to refuse with Zoom's reason", err)
	}
	if st := h.sim.State().Meets; st.APIKey != "" || st.Saves != 0 {
		t.Fatalf("MEETS stored %q after refusing", st.APIKey)
	}
}

// TestReportShowsEveryStep opens a run's report.html in Chrome, as the person
// reading it would, and checks its steps, its images and its secrets.
func TestReportShowsEveryStep(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{TwoFactor: true})
	h.shots = true
	res, man, err := h.run(nil)
	if err != nil {
		t.Fatal(err)
	}
	path, err := report.Write(h.dir, man, []report.Row{{Key: "client id", Value: res.ClientID}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(h.tab, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path)); err != nil {
		t.Fatal(err)
	}
	for _, s := range man.Steps {
		if err := chromedp.Do(ctx, a.WaitFor(a.Heading(fmt.Sprintf("%d. %s", s.N, s.Title)))); err != nil {
			t.Fatalf("report lacks step %s: %v", s.Name, err)
		}
	}
	widths, err := chromedp.Run(ctx, chromedp.PollFunction[[]int](`() => {
		const imgs = [...document.images];
		return imgs.every(i => i.complete) ? imgs.map(i => i.naturalWidth) : null;
	}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(widths) != len(man.Steps) {
		t.Fatalf("%d images for %d steps", len(widths), len(man.Steps))
	}
	for i, w := range widths {
		if w == 0 {
			t.Fatalf("image %d did not load", i+1)
		}
	}
	html, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.outerHTML`))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(h.secrets, res.Credentials().ClientSecret) {
		if strings.Contains(html, s.Reveal()) {
			t.Fatal("the report holds a secret")
		}
	}
}

// TestIllustrationsOutlineTheActedElement checks, for every picture of the
// guide, that the box drawn in the page sits around the element the step
// acts on, as laid out at capture time.
func TestIllustrationsOutlineTheActedElement(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.pictures = &a.Illustrator{Dir: t.TempDir()}
	if _, _, err := h.run(nil); err != nil {
		t.Fatalf("%v\n%s", err, h.progress.String())
	}
	want := []string{"zoom-build-app", "zoom-choose-type", "zoom-name-app", "zoom-app-credentials", "zoom-information",
		"zoom-feature", "zoom-scopes-meeting", "zoom-activate", "meets-conferencing-account", "meets-enter-credentials", "meets-submit"}
	got := map[string]a.Illustration{}
	for _, s := range h.pictures.Shots {
		got[s.Name] = s
	}
	for _, name := range want {
		s, ok := got[name]
		if !ok {
			t.Errorf("no picture %s", name)
			continue
		}
		if len(s.Target) == 0 || len(s.Outline) != len(s.Target) {
			t.Errorf("%s: %d targets, %d outlines", name, len(s.Target), len(s.Outline))
			continue
		}
		for i, tr := range s.Target {
			o := s.Outline[i]
			if abs(o.X-(tr.X-5)) > 0.5 || abs(o.Y-(tr.Y-5)) > 0.5 || abs(o.W-(tr.W+10)) > 0.5 || abs(o.H-(tr.H+10)) > 0.5 {
				t.Errorf("%s: outline %+v does not frame the element %+v", name, o, tr)
			}
		}
	}
	// Four tiles have a Create button; only the Server-to-Server one is outlined.
	if s := got["zoom-choose-type"]; len(s.Target) != 1 {
		t.Errorf("zoom-choose-type outlines %d elements, want the one Create button", len(s.Target))
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
