package simulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestSSOLookup(t *testing.T) {
	tests := []struct {
		name    string
		sso     bool
		email   string
		wantSSO bool
	}{
		{"off", false, "admin@example.edu", false},
		{"the account", true, "admin@example.edu", true},
		{"same domain, capitals", true, " Someone@EXAMPLE.edu ", true},
		{"other domain", true, "admin@example.com", false},
		{"no domain", true, "admin", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, Options{SSO: tt.sso})
			code, body := doJSON(t, browser(t), "POST", s.URLs().Zoom+"/signin/lookup", map[string]string{"email": tt.email})
			var got struct {
				SSO  bool   `json:"sso"`
				Next string `json:"next"`
			}
			if err := json.Unmarshal([]byte(body), &got); err != nil || code != 200 {
				t.Fatalf("lookup: %d %s", code, body)
			}
			if got.SSO != tt.wantSSO || (tt.wantSSO && got.Next != s.URLs().IdP+"/idp/login") {
				t.Fatalf("lookup = %+v, want sso %v to %s/idp/login", got, tt.wantSSO, s.URLs().IdP)
			}
		})
	}
}

func TestSSOSignIn(t *testing.T) {
	tests := []struct {
		name     string
		user     string
		password string
		wantIn   bool
	}{
		{"email", "admin@example.edu", "correct horse battery", true},
		{"part before @", "admin", "correct horse battery", true},
		{"capitals and spaces", " ADMIN@Example.edu ", "correct horse battery", true},
		{"wrong password", "admin", "correct horse", false},
		{"other user", "root", "correct horse battery", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, Options{SSO: true, TwoFactor: true})
			u := s.URLs()
			c := browser(t)
			code, page := do(t, c, "GET", u.IdP+"/idp/login", "", "", nil)
			for _, want := range []string{"<title>Example University Single Sign-On</title>", "<h1>Example University Single Sign-On</h1>", ">Username</label>", ">Password</label>", ">Sign in</button>"} {
				if code != 200 || !strings.Contains(page, want) {
					t.Fatalf("IdP page %d lacks %q", code, want)
				}
			}
			form := url.Values{"username": {tt.user}, "password": {tt.password}}.Encode()
			req, err := http.NewRequest("POST", u.IdP+"/idp/login", strings.NewReader(form))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			answer, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			st := s.State()
			if st.IdPAttempts != 1 {
				t.Errorf("IdPAttempts = %d, want 1", st.IdPAttempts)
			}
			if !tt.wantIn {
				if resp.StatusCode != 200 || !strings.Contains(string(answer), `<div role="alert" class="alert">Invalid username or password</div>`) {
					t.Fatalf("refused sign-in: %d\n%s", resp.StatusCode, answer)
				}
				if n := s.State().IdPSignIns; n != 0 {
					t.Fatalf("IdPSignIns = %d, want 0", n)
				}
				return
			}
			next := resp.Header.Get("Location")
			if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(next, u.Zoom+"/signin/sso/callback?ticket=") {
				t.Fatalf("accepted sign-in: %d to %q", resp.StatusCode, next)
			}
			if st.IdPSignIns != 1 {
				t.Errorf("IdPSignIns = %d, want 1", st.IdPSignIns)
			}
			if code, _ := do(t, c, "GET", u.Zoom+"/profile", "", "", nil); code != 302 {
				t.Fatalf("signed in before the callback: %d", code)
			}
			// The callback skips Zoom's own two-step verification: the IdP did it.
			code, _ = do(t, c, "GET", next, "", "", nil)
			if code != 302 {
				t.Fatalf("callback: %d", code)
			}
			code, body := do(t, c, "GET", u.Zoom+"/profile", "", "", nil)
			if code != 200 || !strings.Contains(body, "Single sign-on (SSO)") {
				t.Fatalf("profile after SSO: %d", code)
			}
			// A ticket is good once.
			other := browser(t)
			if code, _ := do(t, other, "GET", next, "", "", nil); code != 302 {
				t.Fatalf("ticket reused: %d", code)
			}
			if code, _ := do(t, other, "GET", u.Zoom+"/profile", "", "", nil); code != 302 {
				t.Fatalf("a reused ticket signed in")
			}
		})
	}
}

func TestSSOAccountHasNoPassword(t *testing.T) {
	s := newSim(t, Options{SSO: true})
	a := s.Accounts()
	c := browser(t)
	code, body := doJSON(t, c, "POST", s.URLs().Zoom+"/signin/api", map[string]string{"email": a.ZoomEmail, "password": a.ZoomPassword})
	if code != http.StatusForbidden || !strings.Contains(body, s.URLs().IdP) {
		t.Fatalf("password sign-in of an SSO account: %d %s", code, body)
	}
	if code, _ := do(t, c, "GET", s.URLs().Zoom+"/profile", "", "", nil); code != 302 {
		t.Fatalf("signed in by password")
	}
	if code, _ := do(t, c, "GET", s.URLs().Zoom+"/signin/sso/callback?ticket=forged", "", "", nil); code != 302 {
		t.Fatalf("forged ticket: %d", code)
	}
	if code, _ := do(t, c, "GET", s.URLs().Zoom+"/profile", "", "", nil); code != 302 {
		t.Fatalf("signed in by a forged ticket")
	}
}

func TestCaptcha(t *testing.T) {
	const want = `"errorMessage":"An error with reCAPTCHA occured. Please try again."`
	tests := []struct {
		name      string
		captcha   bool
		password  string
		wantCode  int
		wantInBod string
	}{
		{"right password", true, "correct horse battery", 403, want},
		{"wrong password", true, "nope", 403, want},
		{"off", false, "correct horse battery", 200, `"next":"/profile"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, Options{Captcha: tt.captcha})
			c := browser(t)
			code, body := doJSON(t, c, "POST", s.URLs().Zoom+"/signin/api", map[string]string{"email": s.Accounts().ZoomEmail, "password": tt.password})
			if code != tt.wantCode || !strings.Contains(body, tt.wantInBod) {
				t.Fatalf("sign in: %d %s, want %d with %s", code, body, tt.wantCode, tt.wantInBod)
			}
			st := s.State()
			refusals := 0
			if tt.captcha {
				refusals = 1
			}
			if st.SignInAttempts != 1 || st.CaptchaRefusals != refusals {
				t.Errorf("attempts %d, refusals %d; want 1 and %d", st.SignInAttempts, st.CaptchaRefusals, refusals)
			}
			profile, _ := do(t, c, "GET", s.URLs().Zoom+"/profile", "", "", nil)
			if (profile == 200) != (tt.wantCode == 200) {
				t.Errorf("profile: %d", profile)
			}
		})
	}
}

// session reads the Marketplace's /api/session answer.
func session(t *testing.T, s *Sim, c *http.Client) map[string]any {
	t.Helper()
	code, body := do(t, c, "GET", s.URLs().Marketplace+"/api/session", "", "", nil)
	var v map[string]any
	if err := json.Unmarshal([]byte(body), &v); err != nil || code != 200 {
		t.Fatalf("session: %d %s", code, body)
	}
	return v
}

func TestTermsPending(t *testing.T) {
	tests := []struct {
		name    string
		pending bool
	}{
		{"pending", true},
		{"accepted before", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, Options{TermsPending: tt.pending, ExistingApps: []AppSeed{{Name: "Old"}}})
			c := signedIn(t, s)
			m := s.URLs().Marketplace
			if got := session(t, s, c)["termsAccepted"]; got != !tt.pending {
				t.Fatalf("session termsAccepted = %v", got)
			}
			if st := s.State(); st.TermsAccepted != !tt.pending {
				t.Fatalf("State.TermsAccepted = %v", st.TermsAccepted)
			}
			// Listing and opening apps needs no terms; creating one does.
			if code, _ := do(t, c, "GET", m+"/api/apps", "", "", nil); code != 200 {
				t.Fatalf("list: %d", code)
			}
			create := map[string]string{"name": "MEETS", "type": "s2s_oauth"}
			code, body := doJSON(t, c, "POST", m+"/api/apps", create)
			if tt.pending {
				if code != 403 || !strings.Contains(body, "Accept the Zoom Marketplace terms") || len(s.State().Apps) != 1 || s.State().Forbidden != 1 {
					t.Fatalf("create before the terms: %d %s, state %+v", code, body, s.State())
				}
				if code, _ := doJSON(t, c, "POST", m+"/api/terms", nil); code != 200 {
					t.Fatalf("accept: %d", code)
				}
				if !s.State().TermsAccepted || session(t, s, c)["termsAccepted"] != true {
					t.Fatalf("terms not accepted")
				}
				code, body = doJSON(t, c, "POST", m+"/api/apps", create)
			}
			if code != 201 || len(s.State().Apps) != 2 {
				t.Fatalf("create: %d %s", code, body)
			}
		})
	}
}

func TestNoDeveloperRole(t *testing.T) {
	s := newSim(t, Options{NoDeveloperRole: true, ExistingApps: []AppSeed{{Name: "Old", Scopes: []string{"user:read:admin"}, Activated: true}}})
	c := signedIn(t, s)
	m := s.URLs().Marketplace
	id := s.State().Apps[0].ID
	if got := session(t, s, c)["developer"]; got != false {
		t.Fatalf("session developer = %v", got)
	}
	tests := []struct {
		method, path string
		body         any
		wantCode     int
	}{
		{"GET", "/api/featured", nil, 200},
		{"GET", "/api/apps", nil, 403},
		{"POST", "/api/apps", map[string]string{"name": "MEETS", "type": "s2s_oauth"}, 403},
		{"GET", "/api/apps/" + id, nil, 403},
		{"GET", "/api/apps/" + id + "/secret", nil, 403},
		{"PUT", "/api/apps/" + id + "/scopes", map[string][]string{"scopes": {}}, 403},
		{"POST", "/api/apps/" + id + "/deactivate", nil, 403},
		{"POST", "/api/terms", nil, 403},
	}
	forbidden := 0
	for _, tt := range tests {
		code, body := doJSON(t, c, tt.method, m+tt.path, tt.body)
		if code != tt.wantCode {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.path, code, tt.wantCode)
		}
		if code == 403 {
			forbidden++
			if !strings.Contains(body, "You do not have permission to view this page. Contact your account admin.") {
				t.Errorf("%s %s: %s", tt.method, tt.path, body)
			}
		}
	}
	st := s.State()
	if st.Forbidden != forbidden || len(st.Apps) != 1 || !st.Apps[0].Activated || len(st.Apps[0].Scopes) != 1 {
		t.Errorf("state after refusals: %+v", st)
	}
	if _, body := do(t, c, "GET", s.URLs().Zoom+"/profile", "", "", nil); !strings.Contains(body, "<dt>Role</dt><dd>Member</dd>") {
		t.Errorf("profile does not show the Member role")
	}
	// The existing app still mints tokens: only the builder is out of reach.
	tok := mint(t, s)
	_, body := do(t, browser(t), "GET", s.URLs().API+"/v2/users/me", "", "", map[string]string{"Authorization": "Bearer " + tok})
	if !strings.Contains(body, `"role_name":"Member"`) {
		t.Errorf("users/me: %s", body)
	}
}
