package simulator

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/cookiejar"
	"regexp"
	"strings"
	"testing"
	"time"
)

// newSim starts a simulator that the test closes when it ends.
func newSim(t *testing.T, opts Options) *Sim {
	t.Helper()
	s, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// browser is an HTTP client with a cookie jar that does not follow
// redirects, so tests see each answer as a browser receives it.
func browser(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{
		Jar:           jar,
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// do sends a request and returns the status and body.
func do(t *testing.T, c *http.Client, method, url, contentType, body string, header map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// doJSON sends v as JSON (nil sends no body) and returns the status and body.
func doJSON(t *testing.T, c *http.Client, method, url string, v any) (int, string) {
	t.Helper()
	if v == nil {
		return do(t, c, method, url, "", "", nil)
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		t.Fatal(err)
	}
	return do(t, c, method, url, "application/json", buf.String(), nil)
}

// signedIn returns a client holding a Zoom session.
func signedIn(t *testing.T, s *Sim) *http.Client {
	t.Helper()
	c := browser(t)
	a := s.Accounts()
	code, body := doJSON(t, c, "POST", s.URLs().Zoom+"/signin/api", map[string]string{"email": a.ZoomEmail, "password": a.ZoomPassword})
	if code != 200 || !strings.Contains(body, `"/profile"`) {
		t.Fatalf("sign in: %d %s", code, body)
	}
	return c
}

func TestNewRejectsBadOptions(t *testing.T) {
	tests := []struct {
		name string
		opts Options
	}{
		{"layout", Options{Layout: "middle"}},
		{"catalogue", Options{Catalogue: "modern"}},
		{"latency", Options{Latency: -time.Second}},
		{"jitter", Options{Jitter: -time.Second}},
		{"late content", Options{LateContent: -time.Second}},
		{"activation delay", Options{ActivationDelay: -time.Second}},
		{"scope delay", Options{ScopeDelay: -time.Second}},
		{"meets down", Options{MeetsDownFor: -time.Second}},
		{"fail rate below 0", Options{FailRate: -0.1}},
		{"fail rate above 1", Options{FailRate: 1.5}},
		{"fail rate NaN", Options{FailRate: math.NaN()}},
		{"session limit", Options{SessionLimit: -1}},
		{"empty app name", Options{ExistingApps: []AppSeed{{Name: " "}}}},
		{"long app name", Options{ExistingApps: []AppSeed{{Name: strings.Repeat("x", 51)}}}},
		{"app type", Options{ExistingApps: []AppSeed{{Name: "a", Type: "jwt"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if s, err := New(tt.opts); err == nil {
				s.Close()
				t.Fatalf("New(%+v) = nil error, want one", tt.opts)
			}
		})
	}
}

func TestURLsAndAccounts(t *testing.T) {
	s := newSim(t, Options{})
	u := s.URLs()
	seen := map[string]bool{}
	for _, v := range []string{u.Zoom, u.Marketplace, u.API, u.Meets, u.Control, u.IdP} {
		if !strings.HasPrefix(v, "http://127.0.0.1:") || strings.HasSuffix(v, "/") {
			t.Errorf("url %q, want http://127.0.0.1:PORT", v)
		}
		if seen[v] {
			t.Errorf("url %q used twice", v)
		}
		seen[v] = true
	}
	a := s.Accounts()
	want := Accounts{ZoomEmail: "admin@example.edu", ZoomPassword: "correct horse battery", TOTPSecret: "JBSWY3DPEHPK3PXP", MeetsUser: "meets-admin", MeetsPassword: "meets-password"}
	if a != want {
		t.Errorf("Accounts() = %+v, want %+v", a, want)
	}
}

func TestSeedsAreDeterministic(t *testing.T) {
	opts := func(seed int64) Options {
		return Options{Seed: seed, ExistingApps: []AppSeed{{Name: "One"}, {Name: "Two", Type: AppTypeGeneral}}}
	}
	a := newSim(t, opts(7)).State()
	b := newSim(t, opts(7)).State()
	c := newSim(t, opts(8)).State()
	d := newSim(t, opts(0)).State()
	e := newSim(t, opts(0)).State()
	if !sameCredentials(a, b) || !sameCredentials(d, e) {
		t.Errorf("same seed, different credentials:\n%+v\n%+v", a.Apps, b.Apps)
	}
	if a.Apps[0].ClientID == c.Apps[0].ClientID || a.Apps[0].AccountID == c.Apps[0].AccountID {
		t.Errorf("seeds 7 and 8 gave the same ids")
	}
	id22 := regexp.MustCompile(`^[A-Za-z0-9_-]{22}$`)
	alnum22 := regexp.MustCompile(`^[A-Za-z0-9]{22}$`)
	alnum32 := regexp.MustCompile(`^[A-Za-z0-9]{32}$`)
	for _, app := range a.Apps {
		if !id22.MatchString(app.AccountID) || !alnum22.MatchString(app.ClientID) || !alnum32.MatchString(app.ClientSecret) || !alnum22.MatchString(app.ID) {
			t.Errorf("bad credential shapes: %+v", app)
		}
	}
	if a.Apps[0].ClientSecret == a.Apps[1].ClientSecret || a.Apps[0].AccountID != a.Apps[1].AccountID {
		t.Errorf("apps must share the account and differ in secrets: %+v", a.Apps)
	}

	// Apps created through the Marketplace are deterministic too.
	created := func() App {
		s := newSim(t, Options{Seed: 3})
		c := signedIn(t, s)
		code, body := doJSON(t, c, "POST", s.URLs().Marketplace+"/api/apps", map[string]string{"name": "MEETS", "type": "s2s_oauth"})
		if code != http.StatusCreated {
			t.Fatalf("create: %d %s", code, body)
		}
		return s.State().Apps[0]
	}
	x, y := created(), created()
	if x.ID != y.ID || x.ClientID != y.ClientID || x.ClientSecret != y.ClientSecret {
		t.Errorf("created apps differ: %+v %+v", x, y)
	}
}

func sameCredentials(a, b State) bool {
	if len(a.Apps) != len(b.Apps) {
		return false
	}
	for i := range a.Apps {
		x, y := a.Apps[i], b.Apps[i]
		if x.ID != y.ID || x.AccountID != y.AccountID || x.ClientID != y.ClientID || x.ClientSecret != y.ClientSecret {
			return false
		}
	}
	return true
}

func TestStateJSONAndDeepCopy(t *testing.T) {
	s := newSim(t, Options{
		ExistingApps: []AppSeed{{Name: "MEETS", Company: "Example University", Scopes: []string{"user:read:admin"}, Activated: true}},
		Meets:        &MeetsConfig{APIKey: "acct:client", APISecret: "secret"},
	})
	st := s.State()
	st.Apps[0].Scopes[0] = "changed"
	if got := s.State().Apps[0].Scopes[0]; got != "user:read:admin" {
		t.Errorf("State() shares its slices: scope now %q", got)
	}

	code, body := do(t, browser(t), "GET", s.URLs().Control+"/state", "", "", nil)
	if code != 200 {
		t.Fatalf("GET /state: %d %s", code, body)
	}
	var got State
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("decode /state: %v\n%s", err, body)
	}
	want := s.State()
	if len(got.Apps) != 1 || got.Apps[0].ClientSecret != want.Apps[0].ClientSecret || got.Apps[0].Company != "Example University" || !got.Apps[0].Activated {
		t.Errorf("/state apps = %+v, want %+v", got.Apps, want.Apps)
	}
	if got.Meets.APIKey != "acct:client" || got.Meets.APISecret != "secret" {
		t.Errorf("/state meets = %+v", got.Meets)
	}
}

func TestSetActivatedAndSetScopes(t *testing.T) {
	s := newSim(t, Options{ExistingApps: []AppSeed{{Name: "A"}, {Name: "Twin"}, {Name: "Twin"}}})
	if err := s.SetActivated("A", true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetScopes("A", []string{"meeting:read:admin"}); err != nil {
		t.Fatal(err)
	}
	a := s.State().Apps[0]
	if !a.Activated || len(a.Scopes) != 1 || a.Scopes[0] != "meeting:read:admin" {
		t.Errorf("app = %+v", a)
	}
	if err := s.SetActivated("missing", true); err == nil {
		t.Error("SetActivated on a missing app: nil error")
	}
	if err := s.SetScopes("Twin", nil); err == nil {
		t.Error("SetScopes on an ambiguous name: nil error")
	}
}

func TestLatencyDelaysEveryListener(t *testing.T) {
	const d = 80 * time.Millisecond
	s := newSim(t, Options{Latency: d})
	u := s.URLs()
	for _, url := range []string{u.Zoom + "/signin", u.Marketplace + "/", u.API + "/v2/users", u.Meets + "/login", u.Control + "/state"} {
		start := time.Now()
		do(t, browser(t), "GET", url, "", "", nil)
		if el := time.Since(start); el < d {
			t.Errorf("GET %s answered in %s, want at least %s", url, el, d)
		}
	}
}

func TestCloseStopsListeners(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := s.URLs().Zoom
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := browser(t).Get(u + "/signin"); err == nil {
		t.Error("listener still answers after Close")
	}
}
