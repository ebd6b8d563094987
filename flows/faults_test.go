package flows_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	a "zoomsetup/automation"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// TestFaults runs the migration with each fault alone and checks that it
// converged: one app, migrated, and MEETS holding its credentials.
func TestFaults(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		opts  simulator.Options
		saw   string // a note the run must have printed
		check func(t *testing.T, st simulator.State)
	}{
		{name: "5xx with Retry", opts: simulator.Options{FailRate: 0.25, Seed: 7}, saw: "pressed",
			check: func(t *testing.T, st simulator.State) {
				if st.FaultsServed == 0 {
					t.Error("no fault was served")
				}
			}},
		{name: "network errors", opts: simulator.Options{DropRate: 0.15, Seed: 2}, saw: "network error",
			check: func(t *testing.T, st simulator.State) {
				if st.Dropped == 0 {
					t.Error("no request was dropped")
				}
			}},
		{name: "late content", opts: simulator.Options{LateContent: 400 * time.Millisecond}},
		{name: "jitter", opts: simulator.Options{Latency: 20 * time.Millisecond, Jitter: 80 * time.Millisecond, Seed: 3}},
		{name: "session ends halfway", opts: simulator.Options{SessionLimit: 15}, saw: "signed in again",
			check: func(t *testing.T, st simulator.State) {
				if st.SessionsEnded == 0 {
					t.Error("the session never ended")
				}
			}},
		{name: "session ends often, two-step codes", opts: simulator.Options{SessionLimit: 10, TwoFactor: true}, saw: "signed in again",
			check: func(t *testing.T, st simulator.State) {
				// Each sign-in typed one code, never one typed before: codes
				// are single-use, and re-sign-ins come seconds apart.
				if st.SessionsEnded < 2 || st.CodeAttempts > st.SessionsEnded+1 {
					t.Errorf("%d sessions ended, %d codes typed; want at least 2 ended and no code refused", st.SessionsEnded, st.CodeAttempts)
				}
			}},
		{name: "slow activation", opts: simulator.Options{ActivationDelay: 60 * time.Second}, saw: "not activated",
			check: func(t *testing.T, st simulator.State) {
				if st.Meets.Submissions != 1 {
					t.Errorf("MEETS got %d submissions, want 1 (after Zoom accepted the app)", st.Meets.Submissions)
				}
			}},
		{name: "tokens without scopes", opts: simulator.Options{ScopeDelay: 30 * time.Second}, saw: "lacks"},
		{name: "MEETS down for a while", opts: simulator.Options{MeetsDownFor: 8 * time.Minute}, saw: "MEETS is unavailable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, c.opts)
			res, _, err := h.run(nil)
			if err != nil {
				t.Fatalf("%v\n%s", err, h.progress.String())
			}
			assertMigrated(t, h.sim, res, zoomapi.Granular)
			if c.saw != "" && !strings.Contains(h.progress.String(), c.saw) {
				t.Errorf("progress does not mention %q:\n%s", c.saw, h.progress.String())
			}
			if c.check != nil {
				c.check(t, h.sim.State())
			}
		})
	}
}

// TestMeetsUnavailableBeyondItsBound stops with the MEETS exit kind, keeps
// the credentials, and says which command finishes the job.
func TestMeetsUnavailableBeyondItsBound(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{MeetsDownFor: time.Hour})
	h.plan.Meets.Patience = 3 * time.Second
	_, _, err := h.run(nil)
	if a.KindOf(err) != a.KindMeets {
		t.Fatalf("err = %v, want the MEETS kind\n%s", err, h.progress.String())
	}
	path := filepath.Join(h.dir, "credentials.json")
	if st, serr := os.Stat(path); serr != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("credentials not kept: %v", serr)
	}
	if want := "zoomsetup meets --credentials " + path; !strings.Contains(err.Error(), want) {
		t.Fatalf("error %q lacks %q", err, want)
	}
}

// TestFaultsAfterTheFact fails requests that change something after they
// were carried out (the answer lost to a 5xx or a closed connection), or
// several times in a row: the run converges with one app, never
// regenerated, and MEETS saved once.
func TestFaultsAfterTheFact(t *testing.T) {
	type f = simulator.Fault
	cases := []struct {
		name  string
		fault simulator.Fault
	}{
		{"app created, then 5xx", f{Call: "POST /api/apps", After: true, Times: 1}},
		{"app created, then no answer", f{Call: "POST /api/apps", After: true, Drop: true, Times: 1}},
		{"app created, then 5xx three times in a row", f{Call: "POST /api/apps", After: true, Times: 3}},
		{"app created, then 5xx ever after", f{Call: "POST /api/apps", After: true, Times: simulator.Forever}},
		{"create refused three times in a row", f{Call: "POST /api/apps", Times: 3}},
		{"scopes saved, then 5xx", f{Call: "PUT /api/apps/{id}/scopes", After: true, Times: 1}},
		{"scopes saved, then no answer", f{Call: "PUT /api/apps/{id}/scopes", After: true, Drop: true, Times: 1}},
		{"scopes saved, then 5xx three times in a row", f{Call: "PUT /api/apps/{id}/scopes", After: true, Times: 3}},
		{"activated, then 5xx", f{Call: "POST /api/apps/{id}/activate", After: true, Times: 1}},
		{"activated, then no answer", f{Call: "POST /api/apps/{id}/activate", After: true, Drop: true, Times: 1}},
		{"MEETS saved, then 5xx", f{Call: "POST /admin/conferencing", After: true, Times: 1}},
		{"MEETS saved, then no answer", f{Call: "POST /admin/conferencing", After: true, Drop: true, Times: 1}},
		{"MEETS unavailable for three submits", f{Call: "POST /admin/conferencing", Times: 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{Faults: []simulator.Fault{c.fault}})
			res, _, err := h.run(nil)
			if err != nil {
				m := h.sim.State().Meets
				t.Fatalf("%v\n%s\nMEETS got %d submissions, saved %d", err, h.progress.String(), m.Submissions, m.Saves)
			}
			st := h.sim.State()
			if st.Scripted == 0 {
				t.Fatalf("the fault never fired\n%s", h.progress.String())
			}
			if len(st.Apps) != 1 {
				t.Fatalf("%d apps, want 1\n%s", len(st.Apps), h.progress.String())
			}
			if st.Meets.Saves != 1 {
				t.Fatalf("MEETS saved %d times, want once\n%s", st.Meets.Saves, h.progress.String())
			}
			assertMigrated(t, h.sim, res, zoomapi.Granular)
		})
	}
}

// TestFaultThatNeverEnds fails a request every time: the run stops with
// the step's named exit once its recoveries are used up (their pauses add
// up to some 16 s), long before the step's deadline, and still made at
// most one app.
func TestFaultThatNeverEnds(t *testing.T) {
	const deadline, caps = 3 * time.Minute, time.Minute
	cases := []struct {
		name  string
		fault simulator.Fault
		stops string
		kind  a.Kind
	}{
		{"create refused", simulator.Fault{Call: "POST /api/apps", Times: simulator.Forever}, "zoom-create-app", a.KindUnexpected},
		{"scopes saved, answer lost", simulator.Fault{Call: "PUT /api/apps/{id}/scopes", After: true, Drop: true, Times: simulator.Forever}, "zoom-add-scopes", a.KindUnexpected},
		{"activation refused", simulator.Fault{Call: "POST /api/apps/{id}/activate", Times: simulator.Forever}, "zoom-activate", a.KindUnexpected},
		{"MEETS never answers the submit", simulator.Fault{Call: "POST /admin/conferencing", Times: simulator.Forever}, "meets-submit", a.KindMeets},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{Faults: []simulator.Fault{c.fault}})
			h.stepTimeout = deadline
			h.plan.Meets.Patience = 5 * time.Second
			start := time.Now()
			_, man, err := h.run(nil)
			took := time.Since(start)
			last := man.Steps[len(man.Steps)-1]
			if err == nil || a.KindOf(err) != c.kind || last.Name != c.stops {
				t.Fatalf("stopped in %s with %v (kind %d), want %s with kind %d\n%s", last.Name, err, a.KindOf(err), c.stops, c.kind, h.progress.String())
			}
			if errors.Is(err, context.DeadlineExceeded) || last.Seconds > caps.Seconds() {
				t.Fatalf("%s spun for %.0fs (the run %s) until %v", last.Name, last.Seconds, took.Round(time.Second), err)
			}
			if st := h.sim.State(); len(st.Apps) > 1 {
				t.Fatalf("%d apps, want at most 1", len(st.Apps))
			}
			t.Logf("%s stopped after %.1fs: %v", last.Name, last.Seconds, err)
		})
	}
}
