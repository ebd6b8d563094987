package flows_test

import (
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
			t.Logf("progress:\n%s", h.progress.String())
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
