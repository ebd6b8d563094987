package simulator

import (
	"encoding/json"
	"net/url"
	"testing"
	"time"
)

// mint returns an access token for the first app, which must be activated.
func mint(t *testing.T, s *Sim) string {
	t.Helper()
	a := s.State().Apps[0]
	q := url.Values{"grant_type": {"account_credentials"}, "account_id": {a.AccountID}}.Encode()
	code, body := do(t, browser(t), "POST", s.URLs().Zoom+"/oauth/token?"+q, "", "", basic(a.ClientID, a.ClientSecret))
	if code != 200 {
		t.Fatalf("mint: %d %s", code, body)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal([]byte(body), &tok); err != nil {
		t.Fatal(err)
	}
	return tok.AccessToken
}

func TestAPIScopes(t *testing.T) {
	tests := []struct {
		name     string
		scopes   []string
		path     string
		wantCode int
		wantBody string
	}{
		{"list with granular", []string{"user:read:list_users:admin"}, "/v2/users?page_size=1", 200, ""},
		{"list with classic", []string{"user:read:admin"}, "/v2/users?page_size=1", 200, ""},
		{"list without", []string{"meeting:read:meeting:admin", "user:read:user:admin"}, "/v2/users?page_size=1", 400,
			`{"code":4711,"message":"Invalid access token, does not contain scopes:[user:read:list_users:admin, user:read:admin]."}`},
		{"me with granular", []string{"user:read:user:admin"}, "/v2/users/me", 200, ""},
		{"me with classic", []string{"user:read:admin"}, "/v2/users/me", 200, ""},
		{"me without", []string{"user:read:list_users:admin"}, "/v2/users/me", 400,
			`{"code":4711,"message":"Invalid access token, does not contain scopes:[user:read:user:admin, user:read:admin]."}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, Options{ExistingApps: []AppSeed{{Name: "A", Scopes: tt.scopes, Activated: true}}})
			tok := mint(t, s)
			code, body := do(t, browser(t), "GET", s.URLs().API+tt.path, "", "", map[string]string{"Authorization": "Bearer " + tok})
			if code != tt.wantCode {
				t.Fatalf("status %d, want %d (%s)", code, tt.wantCode, body)
			}
			if tt.wantBody != "" {
				if body != tt.wantBody+"\n" {
					t.Fatalf("body %s, want %s", body, tt.wantBody)
				}
				return
			}
			var v map[string]any
			if err := json.Unmarshal([]byte(body), &v); err != nil {
				t.Fatal(err)
			}
			if tt.path == "/v2/users/me" {
				if v["email"] != "admin@example.edu" || v["first_name"] != "Avery" {
					t.Fatalf("me = %v", v)
				}
				return
			}
			users, _ := v["users"].([]any)
			if v["page_size"] != float64(1) || v["total_records"] != float64(1) || len(users) != 1 {
				t.Fatalf("users = %v", v)
			}
			u := users[0].(map[string]any)
			if u["email"] != "admin@example.edu" || u["last_name"] != "Admin" || u["type"] != float64(2) || u["status"] != "active" {
				t.Fatalf("user = %v", u)
			}
		})
	}
}

func TestAPIBadTokens(t *testing.T) {
	s := newSim(t, Options{ExistingApps: []AppSeed{{Name: "A", Scopes: []string{"user:read:admin"}, Activated: true}}})
	tok := mint(t, s)
	const invalid = `{"code":124,"message":"Invalid access token."}`
	tests := []struct {
		name     string
		auth     string
		later    time.Duration
		wantBody string
	}{
		{"no header", "", 0, invalid},
		{"unknown token", "Bearer nope", 0, invalid},
		{"basic instead of bearer", "Basic " + tok, 0, invalid},
		{"expired", "Bearer " + tok, time.Hour, `{"code":124,"message":"Access token is expired."}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.Advance(tt.later) // only the last case moves the clock
			h := map[string]string{}
			if tt.auth != "" {
				h["Authorization"] = tt.auth
			}
			code, body := do(t, browser(t), "GET", s.URLs().API+"/v2/users", "", "", h)
			if code != 401 || body != tt.wantBody+"\n" {
				t.Fatalf("got %d %s, want 401 %s", code, body, tt.wantBody)
			}
		})
	}
}

func TestTokenKeepsScopesOfMintTime(t *testing.T) {
	s := newSim(t, Options{ExistingApps: []AppSeed{{Name: "A", Scopes: []string{"meeting:read:meeting:admin"}, Activated: true}}})
	tok := mint(t, s)
	if err := s.SetScopes("A", []string{"user:read:list_users:admin"}); err != nil {
		t.Fatal(err)
	}
	h := map[string]string{"Authorization": "Bearer " + tok}
	if code, body := do(t, browser(t), "GET", s.URLs().API+"/v2/users", "", "", h); code != 400 {
		t.Errorf("stale token: %d %s, want 400 (4711)", code, body)
	}
	h["Authorization"] = "Bearer " + mint(t, s)
	if code, body := do(t, browser(t), "GET", s.URLs().API+"/v2/users", "", "", h); code != 200 {
		t.Errorf("fresh token: %d %s, want 200", code, body)
	}
}
