package simulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// meetsAdmin returns a client logged in to MEETS.
func meetsAdmin(t *testing.T, s *Sim) *http.Client {
	t.Helper()
	c := browser(t)
	form := url.Values{"username": {s.Accounts().MeetsUser}, "password": {s.Accounts().MeetsPassword}}
	code, _ := do(t, c, "POST", s.URLs().Meets+"/login", "application/x-www-form-urlencoded", form.Encode(), nil)
	if code != http.StatusSeeOther {
		t.Fatalf("MEETS login: %d", code)
	}
	return c
}

func TestMeetsLogin(t *testing.T) {
	s := newSim(t, Options{})
	m := s.URLs().Meets
	c := browser(t)
	for _, p := range []string{"/", "/admin", "/admin/conferencing"} {
		code, _ := do(t, c, "GET", m+p, "", "", nil)
		if code != 302 {
			t.Errorf("GET %s signed out: %d, want 302", p, code)
		}
	}
	form := url.Values{"username": {"meets-admin"}, "password": {"wrong"}}.Encode()
	code, body := do(t, c, "POST", m+"/login", "application/x-www-form-urlencoded", form, nil)
	if code != 200 || !strings.Contains(body, `role="alert"`) || !strings.Contains(body, "Invalid username or password.") {
		t.Errorf("wrong login: %d", code)
	}
	c = meetsAdmin(t, s)
	code, body = do(t, c, "GET", m+"/admin/conferencing", "", "", nil)
	for _, want := range []string{"Sitewide Settings", "<legend>MEETS API Credentials</legend>", `placeholder="ACCOUNT_ID:CLIENT_ID"`, ">Submit</button>", `role="tab"`} {
		if !strings.Contains(body, want) {
			t.Errorf("conferencing page lacks %q", want)
		}
	}
	if code != 200 {
		t.Errorf("conferencing: %d", code)
	}
}

func TestMeetsSubmit(t *testing.T) {
	scopes := []string{"user:read:list_users:admin"}
	s := newSim(t, Options{ExistingApps: []AppSeed{{Name: "On", Scopes: scopes, Activated: true}, {Name: "Off", Scopes: scopes}}})
	on, off := s.State().Apps[0], s.State().Apps[1]
	tests := []struct {
		name      string
		key       string
		secret    string
		wantSaved bool
		wantAlert string
	}{
		{"no colon", on.AccountID + on.ClientID, on.ClientSecret, false, "API Key must be ACCOUNT_ID:CLIENT_ID"},
		{"empty", "", "", false, "API Key must be ACCOUNT_ID:CLIENT_ID"},
		{"wrong secret", on.AccountID + ":" + on.ClientID, "nope", false, "Zoom rejected these credentials: Invalid client_id or client_secret"},
		{"space in secret", on.AccountID + ":" + on.ClientID, on.ClientSecret + " ", false, "Zoom rejected these credentials: Invalid client_id or client_secret"},
		{"space in account", " " + on.AccountID + ":" + on.ClientID, on.ClientSecret, false, "Zoom rejected these credentials: Invalid Account Id"},
		{"not activated", off.AccountID + ":" + off.ClientID, off.ClientSecret, false, "Zoom rejected these credentials: The app is not activated"},
		{"good", on.AccountID + ":" + on.ClientID, on.ClientSecret, true, ""},
	}
	c := meetsAdmin(t, s)
	m := s.URLs().Meets
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"api_key": {tt.key}, "api_secret": {tt.secret}}.Encode()
			code, body := do(t, c, "POST", m+"/admin/conferencing", "application/x-www-form-urlencoded", form, nil)
			st := s.State().Meets
			if st.Submissions != i+1 {
				t.Errorf("Submissions = %d, want %d", st.Submissions, i+1)
			}
			if !tt.wantSaved {
				if code != 200 || !strings.Contains(body, `role="alert"`) || !strings.Contains(body, tt.wantAlert) {
					t.Fatalf("got %d, want the alert %q in\n%s", code, tt.wantAlert, body)
				}
				if st.APIKey != "" || st.APISecret != "" || st.Saves != 0 {
					t.Fatalf("refused credentials stored: %+v", st)
				}
				if tt.secret != "" && strings.Contains(body, tt.secret) {
					t.Fatalf("the refused secret is echoed in the page")
				}
				return
			}
			if code != http.StatusSeeOther {
				t.Fatalf("good submit: %d", code)
			}
			if st.APIKey != tt.key || st.APISecret != tt.secret || st.Saves != 1 {
				t.Fatalf("stored %+v", st)
			}
			_, page := do(t, c, "GET", m+"/admin/conferencing?saved=1", "", "", nil)
			if !strings.Contains(page, "Zoom credentials saved and verified.") || !strings.Contains(page, "readonly") || strings.Contains(page, ">Submit</button>") ||
				!strings.Contains(page, ">Edit</button>") || !strings.Contains(page, ">Clear Configuration</button>") || !strings.Contains(page, tt.key) {
				t.Fatalf("configured page:\n%s", page)
			}
		})
	}
	if got := s.State().TokensMinted; got != 1 {
		t.Errorf("TokensMinted = %d, want 1 (the good submit)", got)
	}
}

func TestMeetsConfiguredEditAndClear(t *testing.T) {
	s := newSim(t, Options{Meets: &MeetsConfig{APIKey: "old-account:old-client", APISecret: "old-secret"}})
	c := meetsAdmin(t, s)
	m := s.URLs().Meets + "/admin/conferencing"

	_, page := do(t, c, "GET", m, "", "", nil)
	if !strings.Contains(page, `value="old-account:old-client" readonly`) || strings.Contains(page, ">Submit</button>") {
		t.Errorf("configured view is not read-only:\n%s", page)
	}
	_, page = do(t, c, "GET", m+"?edit=1", "", "", nil)
	if strings.Contains(page, "readonly") || !strings.Contains(page, ">Submit</button>") || !strings.Contains(page, ">Cancel</button>") || !strings.Contains(page, `value="old-secret"`) {
		t.Errorf("edit view:\n%s", page)
	}
	// A refused submit keeps the old configuration.
	form := url.Values{"api_key": {"a:b"}, "api_secret": {"c"}}.Encode()
	do(t, c, "POST", m, "application/x-www-form-urlencoded", form, nil)
	if st := s.State().Meets; st.APIKey != "old-account:old-client" {
		t.Errorf("refused submit changed the configuration: %+v", st)
	}
	code, _ := do(t, c, "POST", m+"/clear", "application/x-www-form-urlencoded", "", nil)
	if code != http.StatusSeeOther {
		t.Fatalf("clear: %d", code)
	}
	if st := s.State().Meets; st.APIKey != "" || st.APISecret != "" {
		t.Errorf("after clear: %+v", st)
	}
	_, page = do(t, c, "GET", m+"?cleared=1", "", "", nil)
	if !strings.Contains(page, `role="status"`) || !strings.Contains(page, "Configuration cleared.") || !strings.Contains(page, ">Submit</button>") {
		t.Errorf("cleared view:\n%s", page)
	}
}
