package simulator

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"testing"
)

func basic(id, secret string) map[string]string {
	return map[string]string{"Authorization": "Basic " + base64.StdEncoding.EncodeToString([]byte(id+":"+secret))}
}

func TestTokenEndpoint(t *testing.T) {
	scopes := []string{"meeting:read:meeting:admin", "user:read:list_users:admin"}
	s := newSim(t, Options{ExistingApps: []AppSeed{
		{Name: "Active", Scopes: scopes, Activated: true},
		{Name: "Inactive", Scopes: scopes},
		{Name: "General", Type: AppTypeGeneral, Scopes: scopes, Activated: true},
	}})
	st := s.State()
	act, inact, gen := st.Apps[0], st.Apps[1], st.Apps[2]
	tokenURL := s.URLs().Zoom + "/oauth/token"
	query := func(grant, account string) string {
		return "?" + url.Values{"grant_type": {grant}, "account_id": {account}}.Encode()
	}
	const (
		badClient  = `{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`
		badGrant   = `{"reason":"unsupported grant type","error":"unsupported_grant_type"}`
		badAccount = `{"reason":"Invalid Account Id","error":"invalid_request"}`
		notActive  = `{"reason":"The app is not activated","error":"invalid_request"}`
	)
	tests := []struct {
		name     string
		query    string
		form     string
		auth     map[string]string
		wantCode int
		wantBody string // exact JSON for refusals; empty for success
	}{
		{"query string", query("account_credentials", act.AccountID), "", basic(act.ClientID, act.ClientSecret), 200, ""},
		{"form body", "", query("account_credentials", act.AccountID)[1:], basic(act.ClientID, act.ClientSecret), 200, ""},
		{"wrong grant", query("client_credentials", act.AccountID), "", basic(act.ClientID, act.ClientSecret), 400, badGrant},
		{"no grant", "", "", basic(act.ClientID, act.ClientSecret), 400, badGrant},
		{"wrong secret", query("account_credentials", act.AccountID), "", basic(act.ClientID, act.ClientSecret+"x"), 400, badClient},
		{"unknown client", query("account_credentials", act.AccountID), "", basic("nobody", act.ClientSecret), 400, badClient},
		{"no authorization", query("account_credentials", act.AccountID), "", nil, 400, badClient},
		{"client id with a space", query("account_credentials", act.AccountID), "", basic(act.ClientID+" ", act.ClientSecret), 400, badClient},
		{"wrong account", query("account_credentials", "someoneelse"), "", basic(act.ClientID, act.ClientSecret), 400, badAccount},
		{"account with a space", query("account_credentials", act.AccountID+" "), "", basic(act.ClientID, act.ClientSecret), 400, badAccount},
		{"not activated", query("account_credentials", inact.AccountID), "", basic(inact.ClientID, inact.ClientSecret), 400, notActive},
		{"not server-to-server", query("account_credentials", gen.AccountID), "", basic(gen.ClientID, gen.ClientSecret), 400, badGrant},
	}
	minted := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := ""
			if tt.form != "" {
				ct = "application/x-www-form-urlencoded"
			}
			code, body := do(t, browser(t), "POST", tokenURL+tt.query, ct, tt.form, tt.auth)
			if code != tt.wantCode {
				t.Fatalf("status %d, want %d (%s)", code, tt.wantCode, body)
			}
			if tt.wantBody != "" {
				if body != tt.wantBody+"\n" {
					t.Fatalf("body %s, want %s", body, tt.wantBody)
				}
				return
			}
			minted++
			var tok map[string]any
			if err := json.Unmarshal([]byte(body), &tok); err != nil {
				t.Fatal(err)
			}
			if tok["token_type"] != "bearer" || tok["expires_in"] != float64(3599) || tok["api_url"] != s.URLs().API ||
				tok["scope"] != "meeting:read:meeting:admin user:read:list_users:admin" || tok["access_token"] == "" {
				t.Fatalf("token = %v", tok)
			}
		})
	}
	if got := s.State().TokensMinted; got != minted {
		t.Errorf("TokensMinted = %d, want %d", got, minted)
	}
}

func TestTokenNeedsPost(t *testing.T) {
	s := newSim(t, Options{})
	if code, _ := do(t, browser(t), "GET", s.URLs().Zoom+"/oauth/token?grant_type=account_credentials", "", "", nil); code != 405 {
		t.Errorf("GET /oauth/token: %d, want 405", code)
	}
}
