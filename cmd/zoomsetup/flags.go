package main

import (
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	a "zoomsetup/automation"
	"zoomsetup/flows/meets"
	"zoomsetup/flows/zoom"
	"zoomsetup/secret"
	"zoomsetup/zoomapi"
)

// Flag groups, shared by the commands that need them.
var (
	zoomSiteFlags = []cli.Flag{
		&cli.StringFlag{Name: "zoom-url", Value: "https://zoom.us", Usage: "Zoom sign-in and OAuth address"},
		&cli.StringFlag{Name: "marketplace-url", Value: "https://marketplace.zoom.us", Usage: "Zoom App Marketplace address"},
	}
	apiFlags = []cli.Flag{
		&cli.StringFlag{Name: "api-url", Value: "https://api.zoom.us", Usage: "Zoom REST API address"},
		&cli.StringFlag{Name: "check", Value: zoomapi.DefaultCheck, Usage: "API call that proves a token works"},
	}
	zoomAccountFlags = []cli.Flag{
		&cli.StringFlag{Name: "zoom-email", Usage: "Zoom admin email (or set ZOOM_EMAIL)"},
		&cli.StringFlag{Name: "zoom-password-file", Usage: "file holding the Zoom password (or set ZOOM_PASSWORD)"},
		&cli.StringFlag{Name: "zoom-totp-secret-file", Usage: "file holding the base32 authenticator secret (or set ZOOM_TOTP_SECRET)"},
		&cli.BoolFlag{Name: "assisted", Usage: "let a person sign in to Zoom (SSO, CAPTCHA, push codes) through a live view of the browser, at a one-time link printed on stderr (and in the window with --headful)"},
		&cli.DurationFlag{Name: "assist-timeout", Value: 5 * time.Minute, Usage: "how long --assisted waits for the person; the link expires then"},
		&cli.StringFlag{Name: "live-addr", Value: "127.0.0.1:0", Usage: "HOST:PORT the live view of --assisted listens on (loopback by default; another address for a tunnel or a machine on the same network)"},
		&cli.BoolFlag{Name: "accept-terms", Usage: "accept the Marketplace developer terms if Zoom asks for them"},
	}
	appFlags = []cli.Flag{
		&cli.StringFlag{Name: "app-name", Value: "MEETS", Usage: "name of the Server-to-Server OAuth app (at most 50 characters)"},
		&cli.StringFlag{Name: "description", Value: "CirQlive MEETS integration", Usage: "the app's short description"},
		&cli.StringFlag{Name: "company", Usage: "Company Name for the app's Information (empty keeps what the app has)"},
		&cli.StringFlag{Name: "contact-name", Usage: "developer contact name (empty keeps what the app has)"},
		&cli.StringFlag{Name: "contact-email", Usage: "developer contact email (empty keeps what the app has)"},
		&cli.StringFlag{Name: "scopes", Value: "auto", Usage: "scope catalogue: auto (what the picker offers), granular or classic"},
		&cli.BoolFlag{Name: "show-secret", Usage: "leave the client secret unmasked in screenshots"},
	}
	meetsFlags = []cli.Flag{
		&cli.StringFlag{Name: "meets-url", Usage: "MEETS admin panel address (or set MEETS_URL)"},
		&cli.StringFlag{Name: "meets-user", Usage: "MEETS admin user (or set MEETS_USER)"},
		&cli.StringFlag{Name: "meets-password-file", Usage: "file holding the MEETS password (or set MEETS_PASSWORD)"},
	}
	runFlags = []cli.Flag{
		&cli.StringFlag{Name: "out", Value: "screenshots", Usage: "folder for runs (screenshots, manifest, credentials)"},
		&cli.BoolFlag{Name: "json", Usage: "print the result as one JSON object"},
		&cli.BoolFlag{Name: "headful", Usage: "show the browser window"},
		&cli.BoolFlag{Name: "no-screenshots", Usage: "take no screenshot of each step (a failure still leaves its evidence)"},
		&cli.StringFlag{Name: "browser", Usage: "Chrome or Chromium binary (or set ZOOMSETUP_BROWSER)"},
		&cli.DurationFlag{Name: "step-timeout", Value: 60 * time.Second, Usage: "deadline of each step"},
		patienceFlag,
		&cli.StringFlag{Name: "profile", Usage: "keep the browser profile (sign-ins) in this folder between runs; it holds session cookies, keep it private"},
		&cli.StringFlag{Name: "browser-url", Usage: "use a running Chrome over the DevTools protocol instead of starting one: ws://… or http://host:9222 (or set ZOOMSETUP_BROWSER_URL)"},
	}
	credentialsFlag = &cli.StringFlag{Name: "credentials", Usage: "credentials.json written by an earlier run"}
	patienceFlag    = &cli.DurationFlag{Name: "propagation-timeout", Value: 10 * time.Minute,
		Usage: "how long to wait for a fresh activation to reach Zoom's token service, and for MEETS when it is unavailable"}
)

// join concatenates flag groups.
func join(groups ...[]cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// flagOrEnv returns the flag's value, or the environment variable's when the flag is not given.
func flagOrEnv(c *cli.Context, env streams, flag, envName string) string {
	if v := strings.TrimSpace(c.String(flag)); v != "" {
		return v
	}
	return strings.TrimSpace(env.Getenv(envName))
}

// readSecret takes a secret from its environment variable or, if given, a
// file (first line, trimmed). Secrets never come from flag values, which
// other users see in ps.
func readSecret(env streams, envName, fileFlag, path string) (secret.Secret, error) {
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return secret.Secret{}, usage(fmt.Errorf("--%s: %w", fileFlag, err))
		}
		line, _, _ := strings.Cut(string(b), "\n")
		v := strings.TrimSpace(line)
		if v == "" {
			return secret.Secret{}, usage(fmt.Errorf("--%s %q is empty", fileFlag, path))
		}
		return secret.New(v), nil
	}
	return secret.New(env.Getenv(envName)), nil
}

// zoomOptions builds zoom.Options from flags and the environment.
func zoomOptions(c *cli.Context, env streams) (zoom.Options, error) {
	cat, err := zoomapi.ParseCatalogue(c.String("scopes"))
	if err != nil {
		return zoom.Options{}, usage(err)
	}
	o := zoom.Options{
		ZoomURL:        strings.TrimRight(c.String("zoom-url"), "/"),
		MarketplaceURL: strings.TrimRight(c.String("marketplace-url"), "/"),
		Email:          flagOrEnv(c, env, "zoom-email", "ZOOM_EMAIL"),
		AppName:        strings.TrimSpace(c.String("app-name")),
		Description:    c.String("description"),
		Company:        strings.TrimSpace(c.String("company")),
		ContactName:    strings.TrimSpace(c.String("contact-name")),
		ContactEmail:   strings.TrimSpace(c.String("contact-email")),
		Scopes:         cat,
		ShowSecret:     c.Bool("show-secret"),
		Assisted:       c.Bool("assisted"),
		AssistWait:     c.Duration("assist-timeout"),
		AcceptTerms:    c.Bool("accept-terms"),
	}
	if o.Password, err = readSecret(env, "ZOOM_PASSWORD", "zoom-password-file", c.String("zoom-password-file")); err != nil {
		return o, err
	}
	seed, err := readSecret(env, "ZOOM_TOTP_SECRET", "zoom-totp-secret-file", c.String("zoom-totp-secret-file"))
	if err != nil {
		return o, err
	}
	if !seed.IsZero() {
		if o.TOTP, err = a.NewAuthenticator(seed); err != nil {
			return o, usage(fmt.Errorf("ZOOM_TOTP_SECRET (or --zoom-totp-secret-file): %w; it is the base32 text shown when the authenticator was set up", err))
		}
	}
	return o, usage(o.Check())
}

// meetsOptions builds meets.Options from flags and the environment.
func meetsOptions(c *cli.Context, env streams) (meets.Options, error) {
	o := meets.Options{URL: flagOrEnv(c, env, "meets-url", "MEETS_URL"), User: flagOrEnv(c, env, "meets-user", "MEETS_USER"),
		Patience: c.Duration("propagation-timeout")}
	var err error
	if o.Password, err = readSecret(env, "MEETS_PASSWORD", "meets-password-file", c.String("meets-password-file")); err != nil {
		return o, err
	}
	return o, usage(o.Check())
}

// browserOptions builds the options of the run's browser from flags and
// the environment: a Chrome to start, or a running one to use.
func browserOptions(c *cli.Context, env streams) (a.BrowserOptions, error) {
	o := a.BrowserOptions{Path: c.String("browser"), EnvPath: env.Getenv("ZOOMSETUP_BROWSER"), Headful: c.Bool("headful"),
		ProfileDir: c.String("profile"), RemoteURL: flagOrEnv(c, env, "browser-url", "ZOOMSETUP_BROWSER_URL")}
	if o.RemoteURL == "" {
		return o, nil
	}
	switch {
	case o.ProfileDir != "":
		return o, usage(fmt.Errorf("--profile and --browser-url (or ZOOMSETUP_BROWSER_URL) cannot be used together: a running browser keeps its own profile, and each run gets a fresh browser context in it"))
	case o.Path != "" || c.Bool("headful"):
		return o, usage(fmt.Errorf("--browser and --headful start a browser; --browser-url (or ZOOMSETUP_BROWSER_URL) uses a running one: pass one or the other"))
	}
	if u, err := url.Parse(o.RemoteURL); err != nil || u.Host == "" || !slices.Contains([]string{"ws", "wss", "http", "https"}, u.Scheme) {
		return o, usage(fmt.Errorf("--browser-url (or ZOOMSETUP_BROWSER_URL) is not a ws://, wss://, http:// or https:// address"))
	}
	return o, nil
}

// liveView builds the live view of --assisted, already listening, so a bad
// or busy --live-addr shows before anything runs; nil without --assisted.
func liveView(c *cli.Context) (*a.Live, error) {
	if !c.Bool("assisted") {
		return nil, nil
	}
	live := &a.Live{Addr: c.String("live-addr"), Window: c.Bool("headful")}
	if _, err := live.Listen(); err != nil {
		return nil, usage(fmt.Errorf("--live-addr %q: %w", c.String("live-addr"), err))
	}
	return live, nil
}

// apiClient builds the HTTP client for Zoom's token endpoint and API.
func apiClient(c *cli.Context) zoomapi.Client {
	return zoomapi.Client{ZoomURL: strings.TrimRight(c.String("zoom-url"), "/"), APIURL: strings.TrimRight(c.String("api-url"), "/")}
}
