package flows_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"zoomsetup/flows"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// TestCredentialsSavedBeforeMeets puts MEETS behind a proxy that, when the
// first request reaches MEETS, looks at the run's folder: credentials.json
// is there, mode 0600, holding the app's credentials. So nothing read from
// Zoom is lost if MEETS then fails.
func TestCredentialsSavedBeforeMeets(t *testing.T) {
	for _, opts := range []simulator.Options{{}, {Meets: &simulator.MeetsConfig{APIKey: "oldJwtKey123", APISecret: "oldJwtSecret456789"}}} {
		t.Run(fmt.Sprintf("MEETS configured before: %v", opts.Meets != nil), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, opts)
			meets, err := url.Parse(h.sim.URLs().Meets)
			if err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			first, seen := true, fmt.Errorf("MEETS received no request")
			forward := httputil.NewSingleHostReverseProxy(meets)
			proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				if first {
					first, seen = false, savedCredentials(h)
				}
				mu.Unlock()
				forward.ServeHTTP(w, r)
			}))
			defer proxy.Close()
			h.plan.Meets.URL = proxy.URL
			res, _, err := h.run(nil)
			if err != nil {
				t.Fatalf("%v\n%s", err, h.progress.String())
			}
			mu.Lock()
			defer mu.Unlock()
			if seen != nil {
				t.Fatalf("when MEETS received its first request: %v", seen)
			}
			assertMigrated(t, h.sim, res, zoomapi.Granular)
		})
	}
}

// savedCredentials checks the credentials file of h's run now.
func savedCredentials(h *harness) error {
	path := filepath.Join(h.dir, "credentials.json")
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("no credentials file: %w", err)
	}
	if st.Mode().Perm() != 0o600 {
		return fmt.Errorf("credentials.json has mode %o, want 600", st.Mode().Perm())
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var f flows.CredentialsFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return err
	}
	apps := h.sim.State().Apps
	if len(apps) != 1 {
		return fmt.Errorf("%d apps", len(apps))
	}
	if a := apps[0]; f.AccountID != a.AccountID || f.ClientID != a.ClientID || f.ClientSecret != a.ClientSecret {
		return fmt.Errorf("credentials.json does not hold the app's credentials")
	}
	return nil
}
