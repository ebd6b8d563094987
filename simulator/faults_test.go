package simulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestJitter(t *testing.T) {
	run := func(seed int64) (added, waited time.Duration) {
		s := newSim(t, Options{Jitter: 20 * time.Millisecond, Seed: seed})
		c := browser(t)
		for range 6 {
			start := time.Now()
			do(t, c, "GET", s.URLs().Zoom+"/signin", "", "", nil)
			waited += time.Since(start)
		}
		return s.State().JitterAdded, waited
	}
	a, waited := run(11)
	b, _ := run(11)
	c, _ := run(12)
	if a <= 0 || a > 6*20*time.Millisecond {
		t.Errorf("JitterAdded = %s, want in (0, 120ms]", a)
	}
	if waited < a {
		t.Errorf("requests took %s in all, less than the %s of jitter", waited, a)
	}
	if a != b {
		t.Errorf("same seed, different jitter: %s and %s", a, b)
	}
	if a == c {
		t.Errorf("seeds 11 and 12 gave the same jitter %s", a)
	}
	if got := newSim(t, Options{}).State().JitterAdded; got != 0 {
		t.Errorf("JitterAdded without Jitter = %s", got)
	}
}

func TestMarketplaceFailures(t *testing.T) {
	s := newSim(t, Options{FailRate: 1})
	c := signedIn(t, s)
	m := s.URLs().Marketplace
	create := map[string]string{"name": "MEETS", "type": "s2s_oauth"}
	steps := []struct {
		method, path string
		body         any
		wantFail     bool
	}{
		{"GET", "/api/apps", nil, true},
		{"GET", "/api/apps", nil, false}, // a retry always gets through
		{"POST", "/api/apps", create, true},
		{"GET", "/api/apps", nil, false}, // the path failed last time
		{"POST", "/api/apps", create, false},
		{"GET", "/api/session", nil, false}, // never failed: it would only redirect
		{"GET", "/api/catalogue", nil, true},
		{"GET", "/api/featured", nil, true},
		{"GET", "/api/catalogue", nil, false},
	}
	for i, st := range steps {
		code, body := doJSON(t, c, st.method, m+st.path, st.body)
		if failed := code >= 500; failed != st.wantFail {
			t.Fatalf("step %d %s %s: %d %s, want failed %v", i, st.method, st.path, code, body, st.wantFail)
		}
		if st.wantFail && !strings.Contains(body, `"error":"`) {
			t.Errorf("step %d: failure body %s", i, body)
		}
		if i == 2 && len(s.State().Apps) != 0 {
			t.Fatalf("a failed create made an app")
		}
	}
	st := s.State()
	if st.FaultsServed != 4 || len(st.Apps) != 1 {
		t.Errorf("FaultsServed %d, %d apps; want 4 and 1", st.FaultsServed, len(st.Apps))
	}
	// Signed out, the answer is 401 and never a fault.
	for range 3 {
		if code, _ := do(t, browser(t), "GET", m+"/api/apps", "", "", nil); code != 401 {
			t.Fatalf("signed out: %d, want 401", code)
		}
	}
	if got := s.State().FaultsServed; got != 4 {
		t.Errorf("signed-out requests were failed: FaultsServed %d", got)
	}
}

func TestFailuresReplayBySeed(t *testing.T) {
	paths := []string{"/api/apps", "/api/featured", "/api/catalogue"}
	run := func(seed int64) (string, int) {
		s := newSim(t, Options{FailRate: 0.5, Seed: seed})
		c := signedIn(t, s)
		var pattern strings.Builder
		last := map[string]bool{}
		for i := range 60 {
			p := paths[i%len(paths)]
			if i%7 == 0 {
				p = paths[0]
			}
			code, _ := do(t, c, "GET", s.URLs().Marketplace+p, "", "", nil)
			failed := code >= 500
			if failed && last[p] {
				t.Fatalf("seed %d: %s failed twice in a row", seed, p)
			}
			last[p] = failed
			if failed {
				pattern.WriteByte('x')
			} else {
				pattern.WriteByte('.')
			}
		}
		return pattern.String(), s.State().FaultsServed
	}
	a, n := run(5)
	b, _ := run(5)
	c, _ := run(6)
	if a != b {
		t.Errorf("same seed, different failures:\n%s\n%s", a, b)
	}
	if a == c {
		t.Errorf("seeds 5 and 6 failed the same requests: %s", a)
	}
	if x := strings.Count(a, "x"); x != n || x < 10 || x > 40 {
		t.Errorf("%d failures (%s), FaultsServed %d", x, a, n)
	}
}

func TestMeetsFailures(t *testing.T) {
	scopes := []string{"user:read:list_users:admin"}
	s := newSim(t, Options{FailRate: 1, ExistingApps: []AppSeed{{Name: "On", Scopes: scopes, Activated: true}}})
	app := s.State().Apps[0]
	m := s.URLs().Meets
	if code, _ := do(t, browser(t), "GET", m+"/admin", "", "", nil); code != 302 {
		t.Fatalf("signed out: %d, want the redirect to the login", code)
	}
	c := meetsAdmin(t, s) // the login is never failed
	form := url.Values{"api_key": {app.AccountID + ":" + app.ClientID}, "api_secret": {app.ClientSecret}}.Encode()
	steps := []struct {
		method, path string
		wantCode     int
	}{
		{"GET", "/admin", 503},
		{"GET", "/admin", 200},
		{"POST", "/admin/conferencing", 503},
		{"GET", "/admin/conferencing", 200}, // Try again
		{"POST", "/admin/conferencing", 303},
		{"GET", "/admin/conferencing?saved=1", 503},
		{"GET", "/admin/conferencing?saved=1", 200},
	}
	for i, st := range steps {
		ct, body := "", ""
		if st.method == "POST" {
			ct, body = "application/x-www-form-urlencoded", form
		}
		code, page := do(t, c, st.method, m+st.path, ct, body, nil)
		if code != st.wantCode {
			t.Fatalf("step %d %s %s: %d, want %d", i, st.method, st.path, code, st.wantCode)
		}
		if code == 503 {
			for _, want := range []string{"<h1>Service temporarily unavailable</h1>", `<a href="` + st.path + `">Try again</a>`} {
				if !strings.Contains(page, want) {
					t.Fatalf("step %d: the 503 page lacks %q:\n%s", i, want, page)
				}
			}
		}
		if i == 2 {
			if ms := s.State().Meets; ms.Submissions != 0 || ms.APIKey != "" {
				t.Fatalf("a failed POST changed MEETS: %+v", ms)
			}
		}
	}
	st := s.State()
	if st.FaultsServed != 3 || st.Meets.Submissions != 1 || st.Meets.Saves != 1 {
		t.Errorf("FaultsServed %d, MEETS %+v", st.FaultsServed, st.Meets)
	}
}

func TestSessionLimit(t *testing.T) {
	for _, limit := range []int{1, 3} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			s := newSim(t, Options{SessionLimit: limit})
			m := s.URLs().Marketplace
			for round := 1; round <= 2; round++ {
				c := signedIn(t, s)
				for i := range limit {
					if code, _ := do(t, c, "GET", m+"/api/apps", "", "", nil); code != 200 {
						t.Fatalf("round %d request %d: %d", round, i+1, code)
					}
					session(t, s, c) // not counted
				}
				if code, _ := do(t, c, "GET", m+"/api/apps", "", "", nil); code != 401 {
					t.Fatalf("round %d: request past the limit: %d, want 401", round, code)
				}
				if got := session(t, s, c)["signedIn"]; got != false {
					t.Fatalf("session after the end: signedIn %v", got)
				}
				if code, _ := do(t, c, "GET", s.URLs().Zoom+"/profile", "", "", nil); code != 302 {
					t.Fatalf("profile after the end: %d, want 302", code)
				}
				if got := s.State().SessionsEnded; got != round {
					t.Fatalf("SessionsEnded = %d, want %d", got, round)
				}
			}
		})
	}
	s := newSim(t, Options{})
	c := signedIn(t, s)
	for range 30 {
		if code, _ := do(t, c, "GET", s.URLs().Marketplace+"/api/apps", "", "", nil); code != 200 {
			t.Fatalf("no limit: %d", code)
		}
	}
}

// mintAnswer asks for a token for the first app and returns the answer.
func mintAnswer(t *testing.T, s *Sim) (int, string) {
	t.Helper()
	a := s.State().Apps[0]
	q := url.Values{"grant_type": {"account_credentials"}, "account_id": {a.AccountID}}.Encode()
	return do(t, browser(t), "POST", s.URLs().Zoom+"/oauth/token?"+q, "", "", basic(a.ClientID, a.ClientSecret))
}

func TestActivationAndScopeDelays(t *testing.T) {
	const notActive = `{"reason":"The app is not activated","error":"invalid_request"}` + "\n"
	scopes := []string{"user:read:list_users:admin"}
	complete := AppSeed{Name: "A", Company: "Example University", ContactName: "Avery", ContactEmail: "a@example.edu", Scopes: scopes}
	type want struct {
		at    time.Duration // since activation
		token string        // "refused", "scopeless" or "full"
	}
	tests := []struct {
		name       string
		activation time.Duration
		scope      time.Duration
		wants      []want
	}{
		{"none", 0, 0, []want{{0, "full"}}},
		{"activation", 10 * time.Second, 0, []want{{0, "refused"}, {9 * time.Second, "refused"}, {10 * time.Second, "full"}}},
		{"scope", 0, 12 * time.Second, []want{{0, "scopeless"}, {11 * time.Second, "scopeless"}, {12 * time.Second, "full"}}},
		{"both", 5 * time.Second, 12 * time.Second, []want{{0, "refused"}, {5 * time.Second, "scopeless"}, {12 * time.Second, "full"}}},
		{"scope shorter", 10 * time.Second, 5 * time.Second, []want{{0, "refused"}, {10 * time.Second, "full"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, Options{ActivationDelay: tt.activation, ScopeDelay: tt.scope, ExistingApps: []AppSeed{complete}})
			c := signedIn(t, s)
			base := s.URLs().Marketplace + "/api/apps/" + s.State().Apps[0].ID
			if code, _ := doJSON(t, c, "POST", base+"/activate", nil); code != 200 {
				t.Fatalf("activate: %d", code)
			}
			now := time.Duration(0)
			for _, w := range tt.wants {
				s.Advance(w.at - now)
				now = w.at
				checkToken(t, s, w.token, notActive)
			}
			// A change of scopes starts the scope delay again; the same set does not.
			s.Advance(time.Hour)
			if code, _ := doJSON(t, c, "PUT", base+"/scopes", map[string][]string{"scopes": scopes}); code != 200 {
				t.Fatalf("same scopes: %d", code)
			}
			checkToken(t, s, "full", notActive)
			if code, _ := doJSON(t, c, "PUT", base+"/scopes", map[string][]string{"scopes": {"user:read:user:admin", "user:read:list_users:admin"}}); code != 200 {
				t.Fatalf("new scopes: %d", code)
			}
			if tt.scope > 0 {
				checkToken(t, s, "scopeless", notActive)
				s.Advance(tt.scope)
			}
			checkToken(t, s, "full", notActive)
			// Deactivating and activating again starts both delays again.
			doJSON(t, c, "POST", base+"/deactivate", nil)
			if err := s.SetActivated("A", true); err != nil {
				t.Fatal(err)
			}
			checkToken(t, s, tt.wants[0].token, notActive)
		})
	}
}

// checkToken mints a token and checks that it is refused, scopeless or full,
// and that State says the same.
func checkToken(t *testing.T, s *Sim, want, notActive string) {
	t.Helper()
	app := s.State().Apps[0]
	if app.ActivationPending != (want == "refused") || (want != "refused" && app.ScopesPending != (want == "scopeless")) {
		t.Errorf("%s: pending activation %v, scopes %v", want, app.ActivationPending, app.ScopesPending)
	}
	before := s.State().ScopelessTokens
	code, body := mintAnswer(t, s)
	if want == "refused" {
		if code != 400 || body != notActive {
			t.Fatalf("want refused, got %d %s", code, body)
		}
		return
	}
	var tok struct {
		AccessToken string `json:"access_token"`
		Scope       *string
	}
	if err := json.Unmarshal([]byte(body), &tok); err != nil || code != 200 || tok.Scope == nil {
		t.Fatalf("want a token, got %d %s", code, body)
	}
	api, apiBody := do(t, browser(t), "GET", s.URLs().API+"/v2/users?page_size=1", "", "", map[string]string{"Authorization": "Bearer " + tok.AccessToken})
	after := s.State().ScopelessTokens
	if want == "scopeless" {
		if *tok.Scope != "" || api != 400 || !strings.Contains(apiBody, `"code":4711`) || after != before+1 {
			t.Fatalf("want scopeless: scope %q, API %d %s, ScopelessTokens %d->%d", *tok.Scope, api, apiBody, before, after)
		}
		return
	}
	if *tok.Scope == "" || api != 200 || after != before {
		t.Fatalf("want full: scope %q, API %d %s", *tok.Scope, api, apiBody)
	}
}

func TestMeetsDown(t *testing.T) {
	s := newSim(t, Options{MeetsDownFor: 30 * time.Second})
	m := s.URLs().Meets
	c := browser(t)
	login := url.Values{"username": {s.Accounts().MeetsUser}, "password": {s.Accounts().MeetsPassword}}.Encode()
	steps := []struct {
		method, path, body string
		wantCode           int
	}{
		{"GET", "/login", "", 503},
		{"POST", "/login", login, 503},
		{"GET", "/admin", "", 503},
		{"GET", "/static/meets.css", "", 200},
	}
	for _, st := range steps {
		ct := ""
		if st.body != "" {
			ct = "application/x-www-form-urlencoded"
		}
		code, page := do(t, c, st.method, m+st.path, ct, st.body, nil)
		if code != st.wantCode {
			t.Fatalf("%s %s: %d, want %d", st.method, st.path, code, st.wantCode)
		}
		if code == 503 && !strings.Contains(page, `<a href="`+st.path+`">Try again</a>`) {
			t.Fatalf("%s %s: no Try again link:\n%s", st.method, st.path, page)
		}
	}
	if st := s.State(); !st.Meets.Unavailable || st.FaultsServed != 3 {
		t.Fatalf("while down: Unavailable %v, FaultsServed %d", st.Meets.Unavailable, st.FaultsServed)
	}
	// Another process moves the clock through the control listener.
	for _, bad := range []string{"soon", "-1s", ""} {
		if code, _ := do(t, c, "POST", s.URLs().Control+"/advance?by="+url.QueryEscape(bad), "", "", nil); code != 400 {
			t.Errorf("advance by %q: %d, want 400", bad, code)
		}
	}
	if code, _ := do(t, c, "POST", s.URLs().Control+"/advance?by=29s", "", "", nil); code != 200 {
		t.Fatalf("advance: %d", code)
	}
	if code, _ := do(t, c, "GET", m+"/login", "", "", nil); code != 503 {
		t.Fatalf("29 s later: %d, want 503", code)
	}
	s.Advance(time.Second)
	if s.State().Meets.Unavailable {
		t.Fatal("still unavailable")
	}
	if code, _ := do(t, c, "POST", m+"/login", "application/x-www-form-urlencoded", login, nil); code != http.StatusSeeOther {
		t.Fatalf("login once up: %d", code)
	}
}

func TestEveryOptionAtOnce(t *testing.T) {
	s := newSim(t, Options{
		Layout: LayoutLeft, Catalogue: CatalogueClassic, PlainSecret: true, TwoFactor: true, CookieBanner: true,
		SSO: true, Captcha: true, TermsPending: true, NoDeveloperRole: true,
		Latency: time.Millisecond, Jitter: time.Millisecond, FailRate: 0.2, LateContent: time.Second, SessionLimit: 5,
		ActivationDelay: time.Second, ScopeDelay: time.Second, MeetsDownFor: time.Second,
		ExistingApps: []AppSeed{{Name: "Old", Type: AppTypeGeneral}},
	})
	st := s.State()
	if st.TermsAccepted || !st.Meets.Unavailable || len(st.Apps) != 1 || st.Apps[0].Type != AppTypeGeneral {
		t.Errorf("state: %+v", st)
	}
}

func TestDroppedRequests(t *testing.T) {
	s := newSim(t, Options{DropRate: 1})
	now := time.Now()
	s.mu.Lock()
	s.wall = func() time.Time { return now }
	s.mu.Unlock()
	advance := func(d time.Duration) {
		s.mu.Lock()
		now = now.Add(d)
		s.mu.Unlock()
	}
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	get := func(u string) error {
		res, err := c.Get(u)
		if err == nil {
			res.Body.Close()
		}
		return err
	}
	m, meets := s.URLs().Marketplace, s.URLs().Meets
	steps := []struct {
		name    string
		url     string
		later   time.Duration
		dropped bool
	}{
		{"a page", m + "/develop", 0, true},
		{"the same page at once", m + "/develop", 0, true},
		{"a static file", m + "/static/market.js", 0, false},
		{"the session probe", m + "/api/session", 0, false},
		{"the page after the window", m + "/develop", dropFor, false},
		{"the page drawn again", m + "/develop", 0, true},
		{"MEETS", meets + "/login", 0, true},
	}
	for _, st := range steps {
		advance(st.later)
		if err := get(st.url); (err != nil) != st.dropped {
			t.Errorf("%s: err = %v, want dropped %v", st.name, err, st.dropped)
		}
	}
	if got := s.State().Dropped; got != 4 {
		t.Errorf("Dropped = %d, want 4", got)
	}
	if got := get(s.URLs().Zoom + "/signin"); got != nil {
		t.Errorf("the Zoom sign-in is never dropped: %v", got)
	}
}
