package simulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestMarketplaceNeedsSession(t *testing.T) {
	s := newSim(t, Options{})
	m := s.URLs().Marketplace
	c := browser(t)
	code, body := do(t, c, "GET", m+"/api/session", "", "", nil)
	if code != 200 || !strings.Contains(body, `"signedIn":false`) || !strings.Contains(body, s.URLs().Zoom+"/signin") {
		t.Errorf("session when signed out: %d %s", code, body)
	}
	for _, p := range []string{"/api/apps", "/api/catalogue"} {
		if code, _ := do(t, c, "GET", m+p, "", "", nil); code != 401 {
			t.Errorf("GET %s signed out: %d, want 401", p, code)
		}
	}
	// Every other path is the page shell.
	for _, p := range []string{"/", "/develop/create", "/develop/app/x/scopes", "/user/build"} {
		if code, body := do(t, c, "GET", m+p, "", "", nil); code != 200 || !strings.Contains(body, "/static/market.js") {
			t.Errorf("GET %s: %d, want the shell", p, code)
		}
	}
	c = signedIn(t, s)
	code, body = do(t, c, "GET", m+"/api/session", "", "", nil)
	if code != 200 || !strings.Contains(body, `"signedIn":true`) || !strings.Contains(body, `"layout":"top"`) {
		t.Errorf("session when signed in: %d %s", code, body)
	}
}

func TestCreateApp(t *testing.T) {
	tests := []struct {
		name     string
		appName  string
		appType  string
		wantCode int
	}{
		{"s2s", "MEETS Integration", "s2s_oauth", 201},
		{"general", "Other", "general", 201},
		{"fifty characters", strings.Repeat("é", 50), "s2s_oauth", 201},
		{"fifty-one characters", strings.Repeat("x", 51), "s2s_oauth", 400},
		{"empty", "", "s2s_oauth", 400},
		{"blank", "   ", "s2s_oauth", 400},
		{"unknown type", "JWT", "jwt", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, Options{})
			c := signedIn(t, s)
			code, body := doJSON(t, c, "POST", s.URLs().Marketplace+"/api/apps", map[string]string{"name": tt.appName, "type": tt.appType})
			if code != tt.wantCode {
				t.Fatalf("status %d, want %d (%s)", code, tt.wantCode, body)
			}
			apps := s.State().Apps
			if tt.wantCode != 201 {
				if len(apps) != 0 {
					t.Fatalf("refused create left apps: %+v", apps)
				}
				return
			}
			if len(apps) != 1 || apps[0].Name != tt.appName || string(apps[0].Type) != tt.appType {
				t.Fatalf("apps = %+v", apps)
			}
			if strings.Contains(body, apps[0].ClientSecret) {
				t.Fatalf("create answer holds the client secret")
			}
		})
	}
}

func TestSecretOnlyFromItsEndpoint(t *testing.T) {
	s := newSim(t, Options{ExistingApps: []AppSeed{{Name: "A"}}})
	c := signedIn(t, s)
	a := s.State().Apps[0]
	m := s.URLs().Marketplace + "/api/apps"
	for _, p := range []string{"", "/" + a.ID} {
		if _, body := do(t, c, "GET", m+p, "", "", nil); strings.Contains(body, a.ClientSecret) {
			t.Errorf("GET %s holds the secret", m+p)
		}
	}
	code, body := do(t, c, "GET", m+"/"+a.ID+"/secret", "", "", nil)
	if code != 200 || !strings.Contains(body, a.ClientSecret) {
		t.Errorf("GET secret: %d %s", code, body)
	}
	if code, _ := do(t, c, "POST", m+"/"+a.ID+"/secret", "", "", nil); code != 200 {
		t.Fatalf("regenerate: %d", code)
	}
	b := s.State().Apps[0]
	if b.ClientSecret == a.ClientSecret || b.SecretRegenerations != 1 || len(b.ClientSecret) != 32 {
		t.Errorf("after regenerate: %+v", b)
	}
	if code, _ := do(t, c, "GET", m+"/nope/secret", "", "", nil); code != 404 {
		t.Errorf("secret of an unknown app: %d, want 404", code)
	}
}

func TestActivationRefusal(t *testing.T) {
	all := []string{"Company Name is required", "Developer contact name is required", "Developer contact email is required", "Add at least one scope"}
	tests := []struct {
		name string
		seed AppSeed
		want []string
	}{
		{"nothing", AppSeed{Name: "A"}, all},
		{"no scope", AppSeed{Name: "A", Company: "Example University", ContactName: "Avery", ContactEmail: "a@example.edu"}, all[3:]},
		{"no email", AppSeed{Name: "A", Company: "Example University", ContactName: "Avery", Scopes: []string{"user:read:admin"}}, all[2:3]},
		{"no company", AppSeed{Name: "A", ContactName: "Avery", ContactEmail: "a@example.edu", Scopes: []string{"user:read:admin"}}, all[:1]},
		{"complete", AppSeed{Name: "A", Company: "Example University", ContactName: "Avery", ContactEmail: "a@example.edu", Scopes: []string{"user:read:admin"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, Options{ExistingApps: []AppSeed{tt.seed}})
			c := signedIn(t, s)
			id := s.State().Apps[0].ID
			code, body := doJSON(t, c, "POST", s.URLs().Marketplace+"/api/apps/"+id+"/activate", nil)
			if tt.want == nil {
				if code != 200 || !s.State().Apps[0].Activated {
					t.Fatalf("complete app: %d %s", code, body)
				}
				if code, _ := doJSON(t, c, "POST", s.URLs().Marketplace+"/api/apps/"+id+"/deactivate", nil); code != 200 || s.State().Apps[0].Activated {
					t.Fatalf("deactivate: %d", code)
				}
				return
			}
			var got mpError
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			if code != http.StatusUnprocessableEntity || got.Error != "Your app cannot be activated" || strings.Join(got.Problems, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("got %d %+v, want %v", code, got, tt.want)
			}
			if s.State().Apps[0].Activated {
				t.Fatal("refused app is activated")
			}
		})
	}
}

func TestInformationAndScopes(t *testing.T) {
	s := newSim(t, Options{ExistingApps: []AppSeed{{Name: "A", Scopes: []string{"legacy:scope", "meeting:read:meeting:admin"}}}})
	c := signedIn(t, s)
	base := s.URLs().Marketplace + "/api/apps/" + s.State().Apps[0].ID

	code, _ := doJSON(t, c, "PUT", base, map[string]string{"company": "Example University", "contactEmail": "admin@example.edu"})
	if code != 200 {
		t.Fatalf("save: %d", code)
	}
	if code, _ := doJSON(t, c, "PUT", base, map[string]string{"contactName": "Avery", "contactEmail": "not an email"}); code != 400 {
		t.Errorf("bad email: %d, want 400", code)
	}
	a := s.State().Apps[0]
	if a.Company != "Example University" || a.ContactEmail != "admin@example.edu" || a.ContactName != "" {
		t.Errorf("after saves: %+v", a)
	}

	tests := []struct {
		name     string
		send     []string
		wantCode int
		want     []string
	}{
		{"add keeps order", []string{"user:read:list_users:admin", "legacy:scope", "meeting:read:meeting:admin"}, 200, []string{"legacy:scope", "meeting:read:meeting:admin", "user:read:list_users:admin"}},
		{"uncheck", []string{"user:read:list_users:admin", "meeting:read:meeting:admin"}, 200, []string{"meeting:read:meeting:admin", "user:read:list_users:admin"}},
		{"unknown scope", []string{"user:read:list_recordings:admin"}, 400, []string{"meeting:read:meeting:admin", "user:read:list_users:admin"}},
		{"classic on granular", []string{"meeting:read:admin"}, 400, []string{"meeting:read:meeting:admin", "user:read:list_users:admin"}},
		{"none", []string{}, 200, nil},
	}
	for _, tt := range tests {
		code, body := doJSON(t, c, "PUT", base+"/scopes", map[string][]string{"scopes": tt.send})
		if code != tt.wantCode {
			t.Errorf("%s: %d, want %d (%s)", tt.name, code, tt.wantCode, body)
		}
		if got := s.State().Apps[0].Scopes; strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: scopes %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCatalogues(t *testing.T) {
	meets := []string{
		"meeting:read:meeting:admin", "meeting:read:list_meetings:admin", "meeting:read:invitation:admin", "meeting:read:past_meeting:admin", "meeting:read:list_past_instances:admin", "meeting:read:list_past_participants:admin", "meeting:read:list_registrants:admin",
		"meeting:write:meeting:admin", "meeting:update:meeting:admin", "meeting:delete:meeting:admin", "meeting:update:status:admin",
		"webinar:read:webinar:admin", "webinar:read:list_webinars:admin", "webinar:read:list_registrants:admin",
		"webinar:write:webinar:admin", "webinar:update:webinar:admin", "webinar:delete:webinar:admin",
		"cloud_recording:read:list_user_recordings:admin", "cloud_recording:read:list_recording_files:admin", "cloud_recording:read:recording_settings:admin",
		"cloud_recording:delete:meeting_recording:admin", "cloud_recording:delete:recording_file:admin", "cloud_recording:update:recover_meeting_recordings:admin", "cloud_recording:update:recording_settings:admin",
		"user:read:user:admin", "user:read:list_users:admin", "user:read:settings:admin", "user:read:token:admin", "user:read:list_schedulers:admin",
		"user:write:user:admin", "user:update:user:admin", "user:delete:user:admin", "user:update:settings:admin",
		"report:read:list_meeting_participants:admin", "report:read:meeting:admin", "report:read:list_webinar_participants:admin", "report:read:webinar:admin", "report:read:user:admin", "report:read:list_users:admin", "report:read:operation_logs:admin", "report:read:user_activities:admin",
	}
	granular := scopeLabels(CatalogueGranular)
	for _, id := range meets {
		if granular[id] == "" {
			t.Errorf("granular catalogue lacks %s", id)
		}
	}
	if len(granular) < 150 {
		t.Errorf("granular catalogue has %d scopes, want at least 150", len(granular))
	}
	if granular["user:read:list_recordings:admin"] != "" {
		t.Error("the scope that does not exist is offered")
	}
	if len(granularCatalogue) < 13 {
		t.Errorf("%d products, want at least 13", len(granularCatalogue))
	}
	seen := map[string]bool{}
	for _, p := range granularCatalogue {
		for _, g := range p.Groups {
			for _, sc := range g.Scopes {
				if seen[sc.ID] {
					t.Errorf("scope %s listed twice", sc.ID)
				}
				seen[sc.ID] = true
			}
		}
	}
	classic := map[string]string{
		"meeting:read:admin": "View all user meetings", "meeting:write:admin": "View and manage all user meetings",
		"webinar:read:admin": "View all user Webinars", "webinar:write:admin": "View and manage all user Webinars",
		"recording:read:admin": "View all user recordings", "recording:write:admin": "View and manage all user recordings",
		"user:read:admin": "View all user information", "user:write:admin": "View users information and manage users",
		"report:read:admin": "View report data",
	}
	labels := scopeLabels(CatalogueClassic)
	for id, label := range classic {
		if labels[id] != label {
			t.Errorf("classic %s labelled %q, want %q", id, labels[id], label)
		}
	}
	// The granular picker groups the MEETS scopes under the classic labels.
	group := map[string]string{}
	for _, p := range granularCatalogue {
		for _, g := range p.Groups {
			for _, sc := range g.Scopes {
				group[sc.ID] = p.Name + " > " + g.Title
			}
		}
	}
	for id, want := range map[string]string{
		"meeting:read:meeting:admin":                      "Meeting > View all user meetings",
		"meeting:write:meeting:admin":                     "Meeting > View and manage all user meetings",
		"cloud_recording:read:list_user_recordings:admin": "Recording > View all user recordings",
		"user:read:list_users:admin":                      "User > View all user information",
		"report:read:operation_logs:admin":                "Report > View report data",
	} {
		if group[id] != want {
			t.Errorf("%s under %q, want %q", id, group[id], want)
		}
	}
}
