package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zoomsetup/flows"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

// TestVerify runs the verify command against the simulator's token endpoint
// and API: no browser is involved.
func TestVerify(t *testing.T) {
	profile := zoomapi.Profile(zoomapi.Granular)
	cases := []struct {
		name   string
		change func(sim *simulator.Sim, f *flows.CredentialsFile)
		code   int
		reason string // Zoom's words
		advice string // what to do
	}{
		{"good credentials", func(*simulator.Sim, *flows.CredentialsFile) {}, 0, "", ""},
		{"wrong secret", func(_ *simulator.Sim, f *flows.CredentialsFile) { f.ClientSecret = "wrongSecret0123456789abcdefABCDEF" },
			6, "Invalid client_id or client_secret", "copy both again"},
		{"wrong account id", func(_ *simulator.Sim, f *flows.CredentialsFile) { f.AccountID = "WrongAccount123" },
			6, "Invalid Account Id", "not the account number"},
		{"deactivated app", func(sim *simulator.Sim, _ *flows.CredentialsFile) { sim.SetActivated("MEETS", false) },
			6, "The app is not activated", "activate the app"},
		{"missing scope", func(sim *simulator.Sim, _ *flows.CredentialsFile) { sim.SetScopes("MEETS", profile[1:]) },
			6, profile[0], "add them to the app"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sim, err := simulator.New(simulator.Options{ExistingApps: []simulator.AppSeed{{
				Name: "MEETS", Company: "Example University", ContactName: "Avery Admin", ContactEmail: "avery@example.edu",
				Scopes: profile, Activated: true,
			}}})
			if err != nil {
				t.Fatal(err)
			}
			defer sim.Close()
			app := sim.State().Apps[0]
			f := flows.CredentialsFile{AppName: app.Name, AccountID: app.AccountID, ClientID: app.ClientID, ClientSecret: app.ClientSecret, Catalogue: zoomapi.Granular, Scopes: profile, Activated: true}
			c.change(sim, &f)
			path := filepath.Join(t.TempDir(), "credentials.json")
			b, _ := json.Marshal(f)
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			var out, errw bytes.Buffer
			u := sim.URLs()
			err = newApp(&out, &errw, func(string) string { return "" }).RunContext(context.Background(),
				[]string{"zoomsetup", "verify", "--credentials", path, "--zoom-url", u.Zoom, "--api-url", u.API, "--propagation-timeout", "0s"})
			if got := exitCode(err); got != c.code {
				t.Fatalf("exit %d, want %d (err %v)", got, c.code, err)
			}
			if c.code == 0 {
				if !strings.Contains(out.String(), "token minted") {
					t.Fatalf("stdout lacks the verification: %s", out.String())
				}
				return
			}
			for _, want := range []string{c.reason, c.advice} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
			if strings.Contains(err.Error()+out.String()+errw.String(), app.ClientSecret) {
				t.Error("the client secret was printed")
			}
		})
	}
}
