package simulator

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"
)

func TestSignIn(t *testing.T) {
	tests := []struct {
		name      string
		email     string
		password  string
		wantCode  int
		wantNext  string
		twoFactor bool
	}{
		{"right", "admin@example.edu", "correct horse battery", 200, "/profile", false},
		{"email in capitals", "Admin@Example.edu", "correct horse battery", 200, "/profile", false},
		{"wrong password", "admin@example.edu", "correct horse", 401, "", false},
		{"password with a space", "admin@example.edu", "correct horse battery ", 401, "", false},
		{"wrong email", "root@example.edu", "correct horse battery", 401, "", false},
		{"right, 2FA", "admin@example.edu", "correct horse battery", 200, "/signin/otp/verify", true},
		{"wrong, 2FA", "admin@example.edu", "nope", 401, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, Options{TwoFactor: tt.twoFactor})
			c := browser(t)
			code, body := doJSON(t, c, "POST", s.URLs().Zoom+"/signin/api", map[string]string{"email": tt.email, "password": tt.password})
			if code != tt.wantCode {
				t.Fatalf("status %d, want %d (%s)", code, tt.wantCode, body)
			}
			if tt.wantNext != "" && !strings.Contains(body, `"next":"`+tt.wantNext+`"`) {
				t.Fatalf("body %s, want next %s", body, tt.wantNext)
			}
			if tt.wantCode == 401 && !strings.Contains(body, "Incorrect email or password") {
				t.Fatalf("body %s, want the Zoom message", body)
			}
			if got := s.State().SignInAttempts; got != 1 {
				t.Errorf("SignInAttempts = %d, want 1", got)
			}
			profile, _ := do(t, c, "GET", s.URLs().Zoom+"/profile", "", "", nil)
			if wantIn := tt.wantNext == "/profile"; (profile == 200) != wantIn {
				t.Errorf("GET /profile: %d, signed in should be %v", profile, wantIn)
			}
		})
	}
}

func TestTwoFactor(t *testing.T) {
	s := newSim(t, Options{TwoFactor: true})
	c := browser(t)
	z := s.URLs().Zoom
	a := s.Accounts()

	if code, _ := do(t, c, "GET", z+"/signin/otp/verify", "", "", nil); code != 302 {
		t.Errorf("verify page without a pending sign-in: %d, want 302", code)
	}
	if code, body := doJSON(t, c, "POST", z+"/signin/otp/api", map[string]string{"code": "123456"}); code != 401 || !strings.Contains(body, `"next":"/signin"`) {
		t.Errorf("code without a pending sign-in: %d %s", code, body)
	}
	doJSON(t, c, "POST", z+"/signin/api", map[string]string{"email": a.ZoomEmail, "password": a.ZoomPassword})
	if code, body := do(t, c, "GET", z+"/signin/otp/verify", "", "", nil); code != 200 || !strings.Contains(body, "Enter verification code") || !strings.Contains(body, `inputmode="numeric"`) {
		t.Fatalf("verify page: %d", code)
	}
	if code, _ := do(t, c, "GET", z+"/profile", "", "", nil); code != 302 {
		t.Errorf("profile before the code: %d, want 302", code)
	}
	good, err := totp.GenerateCode(a.TOTPSecret, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	wrong := "000000"
	if wrong == good {
		wrong = "111111"
	}
	code, body := doJSON(t, c, "POST", z+"/signin/otp/api", map[string]string{"code": wrong})
	if code != 401 || !strings.Contains(body, "The verification code is incorrect. Please try again.") {
		t.Fatalf("wrong code: %d %s", code, body)
	}
	// A plain form post (the page's script not loaded yet) gets a page back.
	code, body = do(t, c, "POST", z+"/signin/otp/api", "application/x-www-form-urlencoded", url.Values{"code": {wrong}}.Encode(), nil)
	if code != 200 || !strings.Contains(body, `role="alert"`) || !strings.Contains(body, "The verification code is incorrect.") {
		t.Fatalf("wrong code by form: %d %s", code, body)
	}
	code, body = doJSON(t, c, "POST", z+"/signin/otp/api", map[string]string{"code": good})
	if code != 200 || !strings.Contains(body, `"next":"/profile"`) {
		t.Fatalf("right code: %d %s", code, body)
	}
	if code, body := do(t, c, "GET", z+"/profile", "", "", nil); code != 200 || !strings.Contains(body, "Avery Admin") {
		t.Errorf("profile after the code: %d", code)
	}
	st := s.State()
	if st.SignInAttempts != 1 || st.CodeAttempts != 4 {
		t.Errorf("attempts = %d/%d, want 1 sign-in and 4 codes", st.SignInAttempts, st.CodeAttempts)
	}
}

func TestZoomPages(t *testing.T) {
	s := newSim(t, Options{CookieBanner: true})
	z := s.URLs().Zoom
	c := browser(t)
	tests := []struct {
		path     string
		wantCode int
		wantText string
	}{
		{"/", 302, ""},
		{"/profile", 302, ""},
		{"/signin", 200, "Cookie consent"},
		{"/static/signin.js", 200, "Email or phone number"},
		{"/nowhere", 404, "Page not found"},
	}
	for _, tt := range tests {
		code, body := do(t, c, "GET", z+tt.path, "", "", nil)
		if code != tt.wantCode || !strings.Contains(body, tt.wantText) {
			t.Errorf("GET %s: %d, want %d with %q", tt.path, code, tt.wantCode, tt.wantText)
		}
	}
	code, body := do(t, c, "GET", z+"/signin", "", "", map[string]string{"Cookie": "zoom_consent=accepted"})
	if code != 200 || strings.Contains(body, "Cookie consent") {
		t.Errorf("banner shown after consent")
	}
}
