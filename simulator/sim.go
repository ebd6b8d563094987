// Package simulator is a faithful fake of the sites zoomsetup drives: the Zoom
// sign-in and OAuth token endpoint, the Zoom App Marketplace, the Zoom REST API
// and a CirQlive MEETS admin panel. Each site has its own loopback listener so
// that origins are as distinct as the real ones, and the whole state is readable
// by tests through the Go API and a JSON endpoint.
package simulator

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"zoomsetup/clock"
)

// Layout chooses which of the two known Marketplace navigations is served, so
// flows are tested against both.
type Layout string

const (
	// LayoutTop is the top navigation: Develop > Build App, Manage > Created Apps.
	LayoutTop Layout = "top"
	// LayoutLeft is the 2025/26 left navigation: Developer > Created apps > + Build app.
	LayoutLeft Layout = "left"
)

// Catalogue chooses which scope picker the Marketplace offers, since new apps
// see granular scopes and old accounts the classic ones.
type Catalogue string

const (
	// CatalogueGranular offers granular scopes grouped under the old classic labels.
	CatalogueGranular Catalogue = "granular"
	// CatalogueClassic offers the classic scopes such as meeting:read:admin.
	CatalogueClassic Catalogue = "classic"
)

// AppType is the kind of Marketplace app, because only Server-to-Server OAuth
// apps may mint account tokens.
type AppType string

const (
	// AppTypeS2S is a Server-to-Server OAuth app, the one MEETS needs.
	AppTypeS2S AppType = "s2s_oauth"
	// AppTypeGeneral is a General App (user or admin managed OAuth).
	AppTypeGeneral AppType = "general"
	// AppTypeWebhook is a Webhook Only app.
	AppTypeWebhook AppType = "webhook"
)

// Options choose the variant of the simulated sites, so one simulator covers
// every layout, starting state and fault the flows must handle. Every option
// is off by default and any of them combine.
type Options struct {
	Layout       Layout        // LayoutTop (default) or LayoutLeft
	Catalogue    Catalogue     // CatalogueGranular (default) or CatalogueClassic
	PlainSecret  bool          // client secret shown plainly instead of masked until "Show"
	TwoFactor    bool          // the Zoom account asks for a TOTP code after the password
	CookieBanner bool          // cookie consent banner on first visit of Zoom web and Marketplace
	Latency      time.Duration // added before every HTTP response on every listener
	Seed         int64         // makes generated ids, secrets and fault choices deterministic (0 = a fixed default)
	ExistingApps []AppSeed     // apps that exist before the run
	Meets        *MeetsConfig  // MEETS already configured with these values (nil = not configured)

	// Hard accounts.
	SSO bool // the account signs in at a simulated identity provider (URLs.IdP) after the email step
	// SSOWay is how an SSO sign-in reaches the identity provider; every way
	// but the default shows a provider whose page reads like Zoom's own
	// (Email, Next, Password, Sign In). See SSOWays.
	SSOWay          string
	MeetsSSO        bool // the MEETS sign-in sends the browser to the identity provider
	Captcha         bool // reCAPTCHA refuses every password sign-in, right or wrong
	TermsPending    bool // the Marketplace terms must be accepted before the first app is built
	NoDeveloperRole bool // the account's role lacks the developer permission: no builder, 403 from the apps API

	// Faults. Every random choice comes from a source seeded from Seed, so a
	// run can be replayed; times are measured on the simulator's clock (Advance).
	Jitter          time.Duration // each response waits Latency plus a random 0..Jitter
	FailRate        float64       // share (0..1) of Marketplace /api/ and MEETS /admin requests answered 5xx
	DropRate        float64       // share (0..1) of Marketplace and MEETS requests (pages and /api/) left unanswered, the connection closed
	LateContent     time.Duration // the Marketplace renders a page's content this long after its data arrived
	SessionLimit    int           // the Zoom session ends after this many Marketplace /api/ requests (0: never)
	ActivationDelay time.Duration // tokens are refused as "not activated" for this long after activation
	ScopeDelay      time.Duration // tokens carry no scope for this long after activation or a scope change
	MeetsDownFor    time.Duration // MEETS answers 503 to every request for this long after the start

	// Rendering chooses which of Renderings draws the pages ("" is the
	// first). Variation, when not 0, draws for each page one of several
	// renderings of the same words (a menu that opens on hover, values as
	// text beside their labels, a dialog without role=dialog...), the same
	// for the same seed.
	Rendering string
	Variation int64

	// Relabel replaces visible words in every page, script and JSON answer
	// ("Build App" -> "Create App"), to rehearse a site renaming a control.
	Relabel map[string]string

	// Faults scripts failures of given requests, after the request was
	// carried out or before, in a row or forever: the cases random faults
	// rarely draw (a Create that made the app and lost its answer).
	Faults []Fault

	// PaintSecrets paints every element that shows a secret in plain text
	// (data-sim-secret) in SecretColor, text and background, on every page
	// of every rendering, so a test finds an unmasked secret in a picture
	// without asking the tool what it masked.
	PaintSecrets bool

	// Accounts. Empty keeps the demo's values; a test sets passwords and
	// client secrets that HTML, JSON and URLs must escape.
	ZoomPassword   string // the Zoom account's password
	MeetsPassword  string // the MEETS admin's password
	SecretAlphabet string // the characters client secrets are drawn from (default: letters and digits)

	// Two-step codes. TOTPClock is the clock codes are checked against (nil:
	// the simulator's, Clock), so a test decides the moment each code
	// arrives and gives the tool's authenticator the same clock. StrictCodes accepts only the
	// current period's code, without the usual period of skew.
	TOTPClock   func() time.Time
	StrictCodes bool
}

// SSOWays are the ways a sign-in reaches an identity provider: "" after the
// email step, by a client-side redirect; "server", the sign-in page itself
// redirects; "typed", the sign-in page leaves as soon as the email typed has
// the SSO domain, before Next; "late", as "", to a page that renders its
// form late; "frame", the provider's form in a frame of another origin on a
// Zoom page.
var SSOWays = []string{"", "server", "typed", "late", "frame"}

// AppSeed describes an app that exists before the run, to test reuse of an
// earlier, possibly half-finished, app.
type AppSeed struct {
	Name         string
	Type         AppType // empty means AppTypeS2S
	Company      string
	ContactName  string
	ContactEmail string
	Scopes       []string
	Activated    bool
}

// MeetsConfig is a MEETS credential pair, used to start MEETS already configured.
type MeetsConfig struct {
	APIKey    string // ACCOUNT_ID:CLIENT_ID
	APISecret string
}

// URLs are the base addresses of the simulated sites, to be passed to the tool
// in place of the real ones.
type URLs struct {
	Zoom        string // sign-in, profile, /oauth/token
	Marketplace string // App Marketplace
	API         string // REST API (/v2/...)
	Meets       string // MEETS admin panel
	Control     string // test-only: GET /state, POST /advance
	IdP         string // the identity provider an SSO account signs in at (Options.SSO)
}

// Accounts are the credentials the simulated sites accept, so tests and the
// demo can sign in.
type Accounts struct {
	ZoomEmail     string
	ZoomPassword  string
	TOTPSecret    string // base32, RFC 6238, 30 s, 6 digits
	MeetsUser     string
	MeetsPassword string
}

// Fixed accounts: one Zoom user and one MEETS admin.
const (
	zoomEmail     = "admin@example.edu"
	zoomPassword  = "correct horse battery"
	totpSecret    = "JBSWY3DPEHPK3PXP"
	meetsUser     = "meets-admin"
	meetsEmail    = "meets-admin@example.edu"
	meetsPassword = "meets-password"
	userFirstName = "Avery"
	userLastName  = "Admin"
	defaultSeed   = 20240611
)

// Sim is a running simulator; New starts it and Close stops it.
type Sim struct {
	opts    Options
	pages   *rendering
	urls    URLs
	mu      sync.Mutex // guards w, skew
	w       *world
	wall    func() time.Time // the real clock; the simulator's is wall plus skew
	skew    time.Duration    // how far Advance moved the clock
	started time.Time        // the simulator's clock at New
	client  *http.Client     // MEETS uses it to test credentials against Zoom

	servers   []*http.Server
	closeOnce sync.Once
	closeErr  error
}

// listeners is how many sites New serves: Zoom, Marketplace, API, MEETS,
// control and the identity provider.
const listeners = 6

// New starts the six listeners on 127.0.0.1 with free ports and serves them
// until Close.
func New(opts Options) (*Sim, error) {
	if opts.Layout == "" {
		opts.Layout = LayoutTop
	}
	if opts.Layout != LayoutTop && opts.Layout != LayoutLeft {
		return nil, fmt.Errorf("unknown layout %q", opts.Layout)
	}
	if opts.Catalogue == "" {
		opts.Catalogue = CatalogueGranular
	}
	if opts.Catalogue != CatalogueGranular && opts.Catalogue != CatalogueClassic {
		return nil, fmt.Errorf("unknown catalogue %q", opts.Catalogue)
	}
	for _, d := range []struct {
		name string
		d    time.Duration
	}{
		{"latency", opts.Latency}, {"jitter", opts.Jitter}, {"late content", opts.LateContent},
		{"activation delay", opts.ActivationDelay}, {"scope delay", opts.ScopeDelay}, {"meets down for", opts.MeetsDownFor},
	} {
		if d.d < 0 {
			return nil, fmt.Errorf("negative %s %s", d.name, d.d)
		}
	}
	for _, r := range []struct {
		name string
		v    float64
	}{{"fail rate", opts.FailRate}, {"drop rate", opts.DropRate}} {
		if math.IsNaN(r.v) || r.v < 0 || r.v > 1 {
			return nil, fmt.Errorf("%s %v is not between 0 and 1", r.name, r.v)
		}
	}
	if !slices.Contains(SSOWays, opts.SSOWay) {
		return nil, fmt.Errorf("unknown SSO way %q (have %q)", opts.SSOWay, SSOWays)
	}
	if opts.ZoomPassword == "" {
		opts.ZoomPassword = zoomPassword
	}
	if opts.MeetsPassword == "" {
		opts.MeetsPassword = meetsPassword
	}
	if opts.SecretAlphabet == "" {
		opts.SecretAlphabet = alnum
	}
	for _, f := range opts.Faults {
		if err := f.check(); err != nil {
			return nil, err
		}
	}
	if opts.SessionLimit < 0 {
		return nil, fmt.Errorf("negative session limit %d", opts.SessionLimit)
	}
	for _, a := range opts.ExistingApps {
		if err := checkAppName(a.Name); err != nil {
			return nil, fmt.Errorf("existing app %q: %w", a.Name, err)
		}
		if a.Type != "" && !validType(a.Type) {
			return nil, fmt.Errorf("existing app %q: unknown type %q", a.Name, a.Type)
		}
	}

	pages, err := loadRendering(opts.Rendering)
	if err != nil {
		return nil, err
	}
	s := &Sim{opts: opts, pages: pages, wall: time.Now}
	s.started = s.wall()
	s.client = &http.Client{Timeout: 30 * time.Second}

	var lns []net.Listener
	for range listeners {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			for _, l := range lns {
				l.Close()
			}
			return nil, fmt.Errorf("listen on loopback: %w", err)
		}
		lns = append(lns, ln)
	}
	base := func(ln net.Listener) string { return "http://" + ln.Addr().String() }
	s.urls = URLs{Zoom: base(lns[0]), Marketplace: base(lns[1]), API: base(lns[2]), Meets: base(lns[3]), Control: base(lns[4]), IdP: base(lns[5])}

	w, err := newWorld(opts)
	if err != nil {
		for _, l := range lns {
			l.Close()
		}
		return nil, err
	}
	s.w = w

	handlers := []http.Handler{s.zoomHandler(), s.dropping(s.marketplaceHandler()), s.apiHandler(), s.dropping(s.meetsHandler()), s.controlHandler(), s.idpHandler()}
	for i, h := range handlers {
		srv := &http.Server{Handler: s.common(h), ReadHeaderTimeout: 10 * time.Second}
		s.servers = append(s.servers, srv)
		go srv.Serve(lns[i])
	}
	return s, nil
}

// URLs returns the base address of each simulated site, without a trailing slash.
func (s *Sim) URLs() URLs { return s.urls }

// Accounts returns the credentials the simulated sites accept.
func (s *Sim) Accounts() Accounts {
	return Accounts{
		ZoomEmail:     zoomEmail,
		ZoomPassword:  s.opts.ZoomPassword,
		TOTPSecret:    totpSecret,
		MeetsUser:     meetsUser,
		MeetsPassword: s.opts.MeetsPassword,
	}
}

// Close stops every listener; calling it again returns the first result.
func (s *Sim) Close() error {
	s.closeOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var errs []error
		for _, srv := range s.servers {
			if err := srv.Shutdown(ctx); err != nil {
				errs = append(errs, srv.Close())
			}
		}
		s.closeErr = errors.Join(errs...)
	})
	return s.closeErr
}

// Advance moves the simulator's clock forward by d (nothing when d <= 0), so
// tests pass the delays and expiries it times without waiting. Two-step
// codes are checked on this clock unless Options.TOTPClock replaces it: an
// authenticator must follow the same clock (Clock).
func (s *Sim) Advance(d time.Duration) {
	if d <= 0 {
		return
	}
	s.mu.Lock()
	s.skew += d
	s.mu.Unlock()
}

// now is the simulator's clock; s.mu is held.
func (s *Sim) now() time.Time { return s.wall().Add(s.skew) }

// Clock is the simulator's clock for the tool's own waits: Sleep moves the
// simulated time on instead of waiting, so a run whose pauses use it (a
// test's) meets an activation delay or a MEETS down for minutes at once,
// while what the browser does still takes its real time. Two-step codes
// follow this clock too.
func (s *Sim) Clock() clock.Clock { return simClock{s} }

type simClock struct{ s *Sim }

func (c simClock) Now() time.Time {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return c.s.now()
}

func (c simClock) Sleep(ctx context.Context, d time.Duration) error {
	c.s.Advance(d)
	return ctx.Err()
}

// common wraps a site's handler with what every listener does: the configured
// latency and jitter, no caching, so each test sees fresh pages, and the
// relabelling and secret painting its options ask for.
func (s *Sim) common(h http.Handler) http.Handler {
	h = s.painted(s.relabeled(h))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d := s.delay(); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}
