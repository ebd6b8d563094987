package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"zoomsetup/flows/zoom"
	"zoomsetup/zoomapi"
)

// parse runs argv through the real command line with action replaced, and
// returns what the action built.
func parseZoom(t *testing.T, env map[string]string, args ...string) (zoom.Options, error) {
	t.Helper()
	var got zoom.Options
	var gotErr error
	app := newApp(&bytes.Buffer{}, &bytes.Buffer{}, func(k string) string { return env[k] })
	for _, c := range app.Commands {
		if c.Name == "zoom" {
			c.Action = func(c *cli.Context) error {
				got, gotErr = zoomOptions(c, streams{Getenv: func(k string) string { return env[k] }})
				return gotErr
			}
		}
	}
	err := app.RunContext(context.Background(), append([]string{"zoomsetup", "zoom"}, args...))
	if err != nil && gotErr == nil {
		gotErr = err
	}
	return got, gotErr
}

func TestZoomOptionsFromFlagsAndEnvironment(t *testing.T) {
	pw := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pw, []byte("from-file-password\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"ZOOM_EMAIL": "admin@example.edu", "ZOOM_PASSWORD": "env-password", "ZOOM_TOTP_SECRET": "JBSWY3DPEHPK3PXP"}
	o, err := parseZoom(t, env, "--zoom-password-file", pw, "--app-name", " MEETS prod ", "--scopes", "classic", "--zoom-url", "http://127.0.0.1:1/")
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case o.Email != "admin@example.edu":
		t.Errorf("email %q", o.Email)
	case o.Password.Reveal() != "from-file-password":
		t.Error("the password file did not win over the environment")
	case o.TOTP.Secret().Reveal() != "JBSWY3DPEHPK3PXP":
		t.Error("TOTP secret not read from ZOOM_TOTP_SECRET")
	case o.AppName != "MEETS prod":
		t.Errorf("app name %q", o.AppName)
	case o.Scopes != zoomapi.Classic:
		t.Errorf("scopes %q", o.Scopes)
	case o.ZoomURL != "http://127.0.0.1:1" || o.MarketplaceURL != "https://marketplace.zoom.us":
		t.Errorf("urls %q %q", o.ZoomURL, o.MarketplaceURL)
	}
}

func TestBadInputIsUsageError(t *testing.T) {
	env := map[string]string{"ZOOM_EMAIL": "admin@example.edu", "ZOOM_PASSWORD": "pw"}
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no password", map[string]string{"ZOOM_EMAIL": "a@b.c"}, nil, "ZOOM_PASSWORD"},
		{"no email", map[string]string{"ZOOM_PASSWORD": "pw"}, nil, "--zoom-email"},
		{"long app name", env, []string{"--app-name", strings.Repeat("x", 51)}, "51 characters"},
		{"bad scopes", env, []string{"--scopes", "all"}, "auto, granular or classic"},
		{"bad url", env, []string{"--marketplace-url", "marketplace.zoom.us"}, "--marketplace-url"},
		{"password as a flag", env, []string{"--zoom-password", "x"}, "flag provided but not defined"},
		{"missing password file", env, []string{"--zoom-password-file", "/nonexistent/pw"}, "--zoom-password-file"},
		{"totp secret not base32", map[string]string{"ZOOM_EMAIL": "a@b.c", "ZOOM_PASSWORD": "pw", "ZOOM_TOTP_SECRET": "not base32 !!"}, nil, "ZOOM_TOTP_SECRET"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseZoom(t, c.env, c.args...)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to mention %q", err, c.want)
			}
			if code := exitCode(err); code != exitUsage {
				t.Fatalf("exit code %d, want %d", code, exitUsage)
			}
		})
	}
}

// TestShellQuoteKeepsEveryCharacter passes quoted values through sh: what
// sim prints to export must reach the variable unchanged.
func TestShellQuoteKeepsEveryCharacter(t *testing.T) {
	for _, v := range []string{"correct horse battery", `p$ss"w'rd`, "a`b`c", `\n$(rm -rf x)`, ""} {
		out, err := exec.Command("sh", "-c", "printf %s "+shellQuote(v)).Output()
		if err != nil || string(out) != v {
			t.Errorf("sh gives %q for %q (%v)", out, v, err)
		}
	}
}
