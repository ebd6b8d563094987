package flows_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
	"zoomsetup/flows"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// TestHardAccounts runs the migration on the situations real accounts bring
// and checks the exit kind, the message's advice and the simulator's state.
func TestHardAccounts(t *testing.T) {
	t.Parallel()
	profile := zoomapi.Profile(zoomapi.Granular)
	cases := []struct {
		name   string
		opts   simulator.Options
		plan   func(*flows.Plan)
		kind   a.Kind // expected failure kind; -1 for success
		advice string
		check  func(t *testing.T, st simulator.State)
	}{
		{name: "captcha", opts: simulator.Options{Captcha: true}, kind: a.KindPerson, advice: "--assisted",
			check: func(t *testing.T, st simulator.State) {
				if st.SignInAttempts != 1 {
					t.Errorf("%d sign-in attempts, want 1", st.SignInAttempts)
				}
			}},
		{name: "two-step code asked, no secret", opts: simulator.Options{TwoFactor: true},
			plan: func(p *flows.Plan) { p.Zoom.TOTP = nil }, kind: a.KindPerson, advice: "ZOOM_TOTP_SECRET"},
		{name: "sso without assisted", opts: simulator.Options{SSO: true}, kind: a.KindPerson, advice: "--assisted",
			check: func(t *testing.T, st simulator.State) {
				if st.IdPSignIns != 0 || st.IdPAttempts != 0 || st.IdPEvents != 0 {
					t.Error("something was typed or clicked at the identity provider")
				}
			}},
		{name: "missing developer permission", opts: simulator.Options{NoDeveloperRole: true}, kind: a.KindUnexpected, advice: "Server-to-Server OAuth app"},
		{name: "terms not accepted", opts: simulator.Options{TermsPending: true}, kind: a.KindPerson, advice: "--accept-terms",
			check: func(t *testing.T, st simulator.State) {
				if st.TermsAccepted || len(st.Apps) != 0 {
					t.Error("terms accepted or app built without --accept-terms")
				}
			}},
		{name: "terms accepted when asked to", opts: simulator.Options{TermsPending: true}, plan: func(p *flows.Plan) { p.Zoom.AcceptTerms = true }, kind: -1,
			check: func(t *testing.T, st simulator.State) {
				if !st.TermsAccepted {
					t.Error("terms not accepted")
				}
			}},
		{name: "an app of another type has the name", opts: simulator.Options{ExistingApps: []simulator.AppSeed{{Name: "MEETS", Type: simulator.AppTypeGeneral}}},
			kind: a.KindUnexpected, advice: "--app-name",
			check: func(t *testing.T, st simulator.State) {
				if len(st.Apps) != 1 || st.Apps[0].Type != simulator.AppTypeGeneral {
					t.Errorf("apps changed: %+v", st.Apps)
				}
			}},
		{name: "half-made app is finished", opts: simulator.Options{ExistingApps: []simulator.AppSeed{{Name: "MEETS", Scopes: profile[:3]}}}, kind: -1,
			check: func(t *testing.T, st simulator.State) {
				if len(st.Apps) != 1 {
					t.Errorf("%d apps, want the one that existed", len(st.Apps))
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, c.opts)
			if c.plan != nil {
				c.plan(&h.plan)
			}
			res, _, err := h.run(nil)
			if c.kind == -1 {
				if err != nil {
					t.Fatalf("%v\n%s", err, h.progress.String())
				}
				assertMigrated(t, h.sim, res, zoomapi.Granular)
			} else {
				if err == nil || a.KindOf(err) != c.kind {
					t.Fatalf("err = %v (kind %d), want kind %d\n%s", err, a.KindOf(err), c.kind, h.progress.String())
				}
				if !strings.Contains(err.Error(), c.advice) {
					t.Errorf("error %q does not say %q", err, c.advice)
				}
			}
			if c.check != nil {
				c.check(t, h.sim.State())
			}
		})
	}
}

// TestAssistedSSOSignIn has the test play the person: it signs in at the
// identity provider in the window while the tool waits, then the tool carries on.
func TestAssistedSSOSignIn(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{SSO: true})
	h.plan.Zoom.Assisted, h.plan.Zoom.AssistWait = true, time.Minute
	acc := h.sim.Accounts()
	person := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(h.tab, time.Minute)
		defer cancel()
		person <- chromedp.Do(ctx,
			a.Fill(a.Field("Email or phone number"), acc.ZoomEmail), a.Click(a.Button("Next")),
			a.WaitFor(a.Heading("Example University Single Sign-On")),
			a.Fill(a.Field("Username"), acc.ZoomEmail), a.Fill(a.Field("Password"), acc.ZoomPassword), a.Click(a.Button("Sign in")))
	}()
	res, _, err := h.run(nil)
	if perr := <-person; perr != nil {
		t.Fatalf("the person could not sign in: %v", perr)
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, h.progress.String())
	}
	assertMigrated(t, h.sim, res, zoomapi.Granular)
	if n := h.sim.State().IdPSignIns; n != 1 {
		t.Fatalf("%d sign-ins at the identity provider, want 1", n)
	}
	if !strings.Contains(h.progress.String(), "sign in to Zoom in the browser window") {
		t.Fatalf("no prompt for the person:\n%s", h.progress.String())
	}
}

// TestSavedProfileSkipsSignIn runs twice with one kept profile, each time in
// a browser of its own: the second run signs in nowhere.
func TestSavedProfileSkipsSignIn(t *testing.T) {
	t.Parallel()
	if browser == nil {
		t.Skip("no browser")
	}
	sim, err := simulator.New(simulator.Options{TwoFactor: true})
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	dir := filepath.Join(t.TempDir(), "profile")
	var outcomes []a.Outcome
	for i := 0; i < 2; i++ {
		b, err := a.Launch(context.Background(), a.BrowserOptions{EnvPath: os.Getenv("ZOOMSETUP_BROWSER"), ProfileDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		h := harnessOn(t, sim, b.Tab)
		_, man, err := h.run(nil)
		b.Close()
		if err != nil {
			t.Fatalf("run %d: %v\n%s", i+1, err, h.progress.String())
		}
		outcomes = append(outcomes, man.Steps[0].Outcome)
	}
	if outcomes[1] != a.Already {
		t.Fatalf("second run's sign-in was %s, want already", outcomes[1])
	}
	if st := sim.State(); st.SignInAttempts != 1 || st.CodeAttempts != 1 {
		t.Fatalf("%d sign-ins and %d codes reached Zoom, want 1 each", st.SignInAttempts, st.CodeAttempts)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("profile folder: %v", err)
	}
}

// tripClock is the clock of two-step codes in a test: each look at it is
// trip later than the one before, so the code the authenticator gives at
// one look reaches Zoom, whose check is the next look, trip later.
type tripClock struct {
	mu   sync.Mutex
	now  time.Time
	trip time.Duration
}

func (c *tripClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.now
	c.now = c.now.Add(c.trip)
	return t
}

// period is the start of a two-step period, on which the tests set their clocks.
var period = time.Unix(1_800_000_000/30*30, 0)

// TestCodeOutlivesItsTrip signs in against a Zoom that accepts only the
// current period's code, with codes that take a few seconds to arrive: a
// code given near the end of its period would arrive expired, so the tool
// must give the next period's, and one code must do.
func TestCodeOutlivesItsTrip(t *testing.T) {
	cases := []struct {
		name  string
		at    time.Duration // into the period, when the authenticator is asked
		trip  time.Duration
		gives int64 // the period (after period) whose code Zoom must accept
	}{
		{"early in its period", 5 * time.Second, 3 * time.Second, 0},
		{"2 s before its end, 3 s on the way", 28 * time.Second, 3 * time.Second, 1},
		{"4 s before its end, 5 s on the way", 26 * time.Second, 5 * time.Second, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			clock := &tripClock{now: period.Add(c.at), trip: c.trip}
			h := newHarness(t, simulator.Options{TwoFactor: true, StrictCodes: true, TOTPClock: clock.Now})
			h.plan.Zoom.TOTP = authenticator(t, h.sim.Accounts().TOTPSecret).UseClock(clock.Now)
			if _, _, err := h.run(func(p flows.Plan, r *flows.Result) []a.Step { return p.ZoomSteps(r)[:1] }); err != nil {
				t.Fatalf("%v\n%s", err, h.progress.String())
			}
			st := h.sim.State()
			want := period.Unix()/30 + c.gives
			if st.CodeAttempts != 1 || len(st.CodePeriods) != 1 || st.CodePeriods[0] != want {
				t.Fatalf("%d codes typed, accepted periods %v; want 1 code, of period %d", st.CodeAttempts, st.CodePeriods, want)
			}
		})
	}
}

// TestRefusedCodeIsTriedOnceMore spends the code the tool is about to type,
// as a sign-in a moment earlier would have: the tool's first code is refused
// and its second, fresh one accepted.
func TestRefusedCodeIsTriedOnceMore(t *testing.T) {
	t.Parallel()
	now := func() time.Time { return period.Add(5 * time.Second) }
	h := newHarness(t, simulator.Options{TwoFactor: true, TOTPClock: now})
	h.plan.Zoom.TOTP = authenticator(t, h.sim.Accounts().TOTPSecret).UseClock(now)
	// Another authenticator of the same secret gives the code the tool's will.
	code, err := authenticator(t, h.sim.Accounts().TOTPSecret).UseClock(now).Code(context.Background(), 5*time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	h.sim.SpendCode(code)
	if _, _, err := h.run(func(p flows.Plan, r *flows.Result) []a.Step { return p.ZoomSteps(r)[:1] }); err != nil {
		t.Fatalf("%v\n%s", err, h.progress.String())
	}
	if st := h.sim.State(); st.CodeAttempts != 2 || len(st.CodePeriods) != 1 || st.CodePeriods[0] != period.Unix()/30+1 {
		t.Fatalf("%d codes typed, accepted periods %v; want 2, the second the next period's", st.CodeAttempts, st.CodePeriods)
	}
	if !strings.Contains(h.progress.String(), "refused the two-step code") {
		t.Fatalf("the refusal was not reported:\n%s", h.progress.String())
	}
}

// TestTwoRefusedCodesStop gives the TOTP secret of another account: both
// codes are refused, and the tool stops after two tries, not more.
func TestTwoRefusedCodesStop(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{TwoFactor: true})
	h.plan.Zoom.TOTP = authenticator(t, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") // not the account's
	_, _, err := h.run(func(p flows.Plan, r *flows.Result) []a.Step { return p.ZoomSteps(r)[:1] })
	if a.KindOf(err) != a.KindRejected {
		t.Fatalf("err = %v, want a rejected sign-in", err)
	}
	if n := h.sim.State().CodeAttempts; n != 2 {
		t.Fatalf("%d codes typed, want 2", n)
	}
}

// TestSignInElsewhereGetsNothing sends the sign-in to an identity provider
// whose page reads like Zoom's (Email, Next, Password, Sign In), each way a
// real sign-in can get there, and MEETS' sign-in too: the run stops with the
// SSO advice, and the provider saw no keystroke, input, click or post. The
// evidence shows the foreign page.
func TestSignInElsewhereGetsNothing(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		opts simulator.Options
		pick func(flows.Plan, *flows.Result) []a.Step
	}{
		{name: "redirect after the email step", opts: simulator.Options{SSO: true}},
		{name: "redirect to a form that renders late", opts: simulator.Options{SSO: true, SSOWay: "late"}},
		{name: "server redirect", opts: simulator.Options{SSO: true, SSOWay: "server"}},
		{name: "redirect as the email is typed", opts: simulator.Options{SSO: true, SSOWay: "typed"}},
		{name: "form in a frame of another site", opts: simulator.Options{SSO: true, SSOWay: "frame"}},
		{name: "MEETS sign-in redirected", opts: simulator.Options{MeetsSSO: true},
			pick: func(p flows.Plan, r *flows.Result) []a.Step { return p.MeetsSteps(r) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, c.opts)
			_, man, err := h.run(c.pick)
			if a.KindOf(err) != a.KindPerson {
				t.Fatalf("err = %v (kind %d), want a person needed\n%s", err, a.KindOf(err), h.progress.String())
			}
			if c.pick == nil && !strings.Contains(err.Error(), "--assisted") {
				t.Errorf("error %q does not offer --assisted", err)
			}
			st := h.sim.State()
			if st.IdPEvents != 0 || st.IdPAttempts != 0 {
				t.Fatalf("the identity provider saw %d events and %d posts, want none", st.IdPEvents, st.IdPAttempts)
			}
			last := man.Steps[len(man.Steps)-1]
			html, rerr := os.ReadFile(filepath.Join(last.Evidence, fmt.Sprintf("%02d-%s-page.html", last.N, last.Name)))
			if rerr != nil {
				t.Fatal(rerr)
			}
			if c.opts.SSOWay == "frame" {
				if !strings.Contains(string(html), "<iframe") {
					t.Errorf("the evidence does not show the page with the provider's frame")
				}
			} else if !strings.Contains(string(html), "idp-form") {
				t.Errorf("the evidence does not show the provider's page")
			}
		})
	}
}

// TestMissingDeveloperPermissionIsSeenAtOnce signs in to a Marketplace that
// offers no Develop or Developer entry: once the page has settled the tool
// says that the role lacks the permission, in seconds, not at the step's
// deadline, in both layouts and both renderings.
func TestMissingDeveloperPermissionIsSeenAtOnce(t *testing.T) {
	const deadline, soon = time.Minute, 10 * time.Second
	for _, r := range simulator.Renderings {
		for _, layout := range []simulator.Layout{simulator.LayoutTop, simulator.LayoutLeft} {
			t.Run(r+" "+string(layout), func(t *testing.T) {
				t.Parallel()
				h := newHarness(t, simulator.Options{NoDeveloperRole: true, Layout: layout, Rendering: r})
				h.stepTimeout = deadline
				_, man, err := h.run(func(p flows.Plan, r *flows.Result) []a.Step { return p.ZoomSteps(r)[:2] })
				if a.KindOf(err) != a.KindUnexpected || !strings.Contains(err.Error(), "lacks the developer permission") || errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("err = %v, want the missing permission recognised\n%s", err, h.progress.String())
				}
				if st := man.Steps[len(man.Steps)-1]; st.Name != "zoom-open-builder" || st.Seconds > soon.Seconds() {
					t.Fatalf("%s stopped after %.1fs, want within %s (the deadline is %s)", st.Name, st.Seconds, soon, deadline)
				}
			})
		}
	}
}
