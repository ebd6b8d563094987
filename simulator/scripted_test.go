package simulator

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// TestScriptedFaults sends each scripted fault its request and checks the
// answer and what the simulator then holds: a fault after the fact carried
// the request out, one before did not.
func TestScriptedFaults(t *testing.T) {
	scopes := []string{"user:read:list_users:admin"}
	seed := AppSeed{Name: "On", Company: "C", ContactName: "N", ContactEmail: "n@example.edu"}
	cases := []struct {
		name  string
		fault Fault
		send  func(t *testing.T, s *Sim) (int, error)
		check func(t *testing.T, st State)
	}{
		{"create, then 5xx", Fault{Call: "POST /api/apps", After: true, Times: 1}, create,
			func(t *testing.T, st State) { wantApps(t, st, 2) }},
		{"create, then no answer", Fault{Call: "POST /api/apps", After: true, Drop: true, Times: 1}, create,
			func(t *testing.T, st State) { wantApps(t, st, 2) }},
		{"5xx before the create", Fault{Call: "POST /api/apps", Times: 1}, create,
			func(t *testing.T, st State) { wantApps(t, st, 1) }},
		{"scopes saved, then 5xx", Fault{Call: "PUT /api/apps/{id}/scopes", After: true, Times: 1}, func(t *testing.T, s *Sim) (int, error) {
			return send(t, s, signedIn(t, s), "PUT", s.URLs().Marketplace+"/api/apps/"+s.State().Apps[0].ID+"/scopes", "application/json", `{"scopes":["`+scopes[0]+`"]}`)
		}, func(t *testing.T, st State) {
			if len(st.Apps[0].Scopes) != 1 {
				t.Errorf("scopes %v, want the one sent", st.Apps[0].Scopes)
			}
		}},
		{"activated, then no answer", Fault{Call: "POST /api/apps/{id}/activate", After: true, Drop: true, Times: 1}, func(t *testing.T, s *Sim) (int, error) {
			s.SetScopes("On", scopes)
			return send(t, s, signedIn(t, s), "POST", s.URLs().Marketplace+"/api/apps/"+s.State().Apps[0].ID+"/activate", "application/json", `{}`)
		}, func(t *testing.T, st State) {
			if !st.Apps[0].Activated {
				t.Error("the app was not activated")
			}
		}},
		{"MEETS saved, then 5xx", Fault{Call: "POST /admin/conferencing", After: true, Times: 1}, submit,
			func(t *testing.T, st State) {
				if st.Meets.Saves != 1 || st.Meets.APIKey == "" {
					t.Errorf("MEETS saves %d, key %q; want the credentials saved once", st.Meets.Saves, st.Meets.APIKey)
				}
			}},
		{"5xx before MEETS saves", Fault{Call: "POST /admin/conferencing", Times: 1}, submit,
			func(t *testing.T, st State) {
				if st.Meets.Saves != 0 || st.Meets.Submissions != 0 {
					t.Errorf("MEETS saves %d, submissions %d; want none", st.Meets.Saves, st.Meets.Submissions)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := newSim(t, Options{Faults: []Fault{c.fault}, ExistingApps: []AppSeed{seed}})
			code, err := c.send(t, s)
			switch {
			case c.fault.Drop && err == nil:
				t.Fatalf("answered %d, want the connection closed", code)
			case !c.fault.Drop && code < 500:
				t.Fatalf("answered %d (%v), want a 5xx", code, err)
			}
			st := s.State()
			if st.Scripted != 1 || st.Committed != map[bool]int{true: 1}[c.fault.After] {
				t.Errorf("Scripted %d, Committed %d", st.Scripted, st.Committed)
			}
			c.check(t, st)
			// Times: 1, so the next request of the kind gets through, once
			// a dropped call's window has passed.
			s.mu.Lock()
			s.wall = func() time.Time { return time.Now().Add(dropFor) }
			s.mu.Unlock()
			if code, err := c.send(t, s); err != nil || code >= 500 {
				t.Fatalf("the request after the fault: %d %v", code, err)
			}
		})
	}
}

// TestScriptedFaultTimes fails a request three times in a row, then lets
// it through; a fault that never ends fails every one.
func TestScriptedFaultTimes(t *testing.T) {
	for _, times := range []int{3, Forever} {
		s := newSim(t, Options{Faults: []Fault{{Call: "POST /api/apps", Times: times}}})
		var got []int
		for range 5 {
			code, _ := create(t, s)
			got = append(got, code)
		}
		want := []int{500, 500, 500, 201, 201}
		if times == Forever {
			want = []int{500, 500, 500, 500, 500}
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("Times %d: answers %v, want %v", times, got, want)
			}
		}
		if code, _ := doJSON(t, signedIn(t, s), "GET", s.URLs().Marketplace+"/api/apps", nil); code != 200 {
			t.Fatalf("Times %d: another call failed too: %d", times, code)
		}
	}
}

// TestScriptedDropDropsTheResend closes a committed create, and the same
// call sent at once (as a browser resends on a closed connection) is
// dropped too without being carried out again.
func TestScriptedDropDropsTheResend(t *testing.T) {
	s := newSim(t, Options{Faults: []Fault{{Call: "POST /api/apps", After: true, Drop: true, Times: 1}}})
	now := time.Now()
	s.mu.Lock()
	s.wall = func() time.Time { return now }
	s.mu.Unlock()
	for i := range 2 {
		if _, err := create(t, s); err == nil {
			t.Fatalf("request %d was answered, want it dropped", i+1)
		}
	}
	s.mu.Lock()
	now = now.Add(dropFor)
	s.mu.Unlock()
	if code, err := create(t, s); err != nil || code != 201 {
		t.Fatalf("after the window: %d %v", code, err)
	}
	if st := s.State(); len(st.Apps) != 2 || st.Dropped != 2 || st.Committed != 1 {
		t.Fatalf("%d apps, %d dropped, %d committed; want 2, 2, 1", len(st.Apps), st.Dropped, st.Committed)
	}
}

func TestBadScriptedFaults(t *testing.T) {
	for _, f := range []Fault{{Call: "/api/apps", Times: 1}, {Call: "POST api/apps", Times: 1}, {Call: "POST /api/apps"}, {Call: "POST /api/apps", Times: -2}} {
		if s, err := New(Options{Faults: []Fault{f}}); err == nil {
			s.Close()
			t.Errorf("New accepted the fault %+v", f)
		}
	}
}

// create posts a new app with a fresh sign-in, on a connection of its own.
func create(t *testing.T, s *Sim) (int, error) {
	return send(t, s, signedIn(t, s), "POST", s.URLs().Marketplace+"/api/apps", "application/json", `{"name":"MEETS","type":"s2s_oauth"}`)
}

// submit posts the first app's credentials to MEETS as its form does.
func submit(t *testing.T, s *Sim) (int, error) {
	app := s.State().Apps[0]
	s.SetScopes(app.Name, []string{"user:read:list_users:admin"})
	s.SetActivated(app.Name, true)
	form := url.Values{"api_key": {app.AccountID + ":" + app.ClientID}, "api_secret": {app.ClientSecret}}.Encode()
	return send(t, s, meetsAdmin(t, s), "POST", s.URLs().Meets+"/admin/conferencing", "application/x-www-form-urlencoded", form)
}

// send is do that reports a closed connection instead of failing the test.
func send(t *testing.T, s *Sim, c *http.Client, method, u, contentType, body string) (int, error) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	c.Transport = &http.Transport{DisableKeepAlives: true}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func wantApps(t *testing.T, st State, n int) {
	t.Helper()
	if len(st.Apps) != n {
		t.Errorf("%d apps, want %d", len(st.Apps), n)
	}
}

func TestPaintSecrets(t *testing.T) {
	for _, paint := range []bool{false, true} {
		for _, r := range Renderings {
			s := newSim(t, Options{PaintSecrets: paint, Rendering: r})
			for _, u := range []string{s.URLs().Meets + "/login", s.URLs().Marketplace + "/", s.URLs().Zoom + "/signin"} {
				code, body := do(t, browser(t), "GET", u, "", "", nil)
				if code != 200 || strings.Contains(body, "data-sim-paint") != paint {
					t.Errorf("rendering %s, paint %v: %s answered %d, style there: %v", r, paint, u, code, strings.Contains(body, "data-sim-paint"))
				}
			}
			if _, body := doJSON(t, signedIn(t, s), "GET", s.URLs().Marketplace+"/api/apps", nil); strings.Contains(body, "data-sim-paint") {
				t.Errorf("the style was put into JSON")
			}
		}
	}
}

func TestSecretPixels(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 10, 10))
	img.Set(2, 3, color.RGBA{SecretColor[0], SecretColor[1], SecretColor[2], 255})
	img.Set(4, 4, color.RGBA{SecretColor[0], SecretColor[1], SecretColor[2] - 1, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if n, err := SecretPixels(&b); err != nil || n != 1 {
		t.Fatalf("SecretPixels = %d, %v; want 1", n, err)
	}
}

// TestAccountOptions signs in with the passwords a test chose and draws
// client secrets from its alphabet.
func TestAccountOptions(t *testing.T) {
	s := newSim(t, Options{ZoomPassword: `p<a&s"s' %+w`, MeetsPassword: `m<&"' %+`, SecretAlphabet: `<&"'%+ é`, ExistingApps: []AppSeed{{Name: "A"}}})
	a := s.Accounts()
	if a.ZoomPassword != `p<a&s"s' %+w` || a.MeetsPassword != `m<&"' %+` {
		t.Fatalf("accounts %+v", a)
	}
	signedIn(t, s)
	meetsAdmin(t, s)
	sec := s.State().Apps[0].ClientSecret
	if n := len([]rune(sec)); n != 32 || strings.Trim(sec, `<&"'%+ é`) != "" {
		t.Fatalf("client secret %q is not 32 characters of the alphabet", sec)
	}
}

// TestStrictCodesAndTheirClock checks codes against the clock a test set:
// with StrictCodes only the current period's code signs in, without it the
// next period's too; the period of each accepted code is recorded.
func TestStrictCodesAndTheirClock(t *testing.T) {
	at := time.Unix(1_800_000_000/30*30+29, 0) // the last second of a period
	code := func(p int64) string {
		c, err := totp.GenerateCodeCustom(totpSecret, time.Unix(p*30, 0), totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	cur := at.Unix() / 30
	for _, strict := range []bool{true, false} {
		s := newSim(t, Options{TwoFactor: true, StrictCodes: strict, TOTPClock: func() time.Time { return at }})
		z := s.URLs().Zoom
		try := func(p int64) int {
			c := browser(t)
			doJSON(t, c, "POST", z+"/signin/api", map[string]string{"email": s.Accounts().ZoomEmail, "password": s.Accounts().ZoomPassword})
			got, _ := doJSON(t, c, "POST", z+"/signin/otp/api", map[string]string{"code": code(p)})
			return got
		}
		next, now := try(cur+1), try(cur)
		if wantNext := map[bool]int{true: 401, false: 200}[strict]; next != wantNext || now != 200 {
			t.Errorf("strict %v: next period's code %d (want %d), this period's %d (want 200)", strict, next, wantNext, now)
		}
		want := []int64{cur}
		if !strict {
			want = []int64{cur + 1, cur}
		}
		if got := s.State().CodePeriods; len(got) != len(want) || got[0] != want[0] {
			t.Errorf("strict %v: CodePeriods %v, want %v", strict, got, want)
		}
	}
}
