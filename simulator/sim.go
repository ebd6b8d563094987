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
	"net"
	"net/http"
	"sync"
	"time"
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
// every layout and starting state the flows must handle.
type Options struct {
	Layout       Layout        // LayoutTop (default) or LayoutLeft
	Catalogue    Catalogue     // CatalogueGranular (default) or CatalogueClassic
	PlainSecret  bool          // client secret shown plainly instead of masked until "Show"
	TwoFactor    bool          // the Zoom account asks for a TOTP code after the password
	CookieBanner bool          // cookie consent banner on first visit of Zoom web and Marketplace
	Latency      time.Duration // added before every HTTP response on every listener
	Seed         int64         // makes generated ids and secrets deterministic (0 = a fixed default)
	ExistingApps []AppSeed     // apps that exist before the run
	Meets        *MeetsConfig  // MEETS already configured with these values (nil = not configured)
}

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
	Control     string // test-only: GET /state
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
	opts   Options
	urls   URLs
	mu     sync.Mutex // guards w
	w      *world
	now    func() time.Time // guarded by mu; replaced in tests to expire tokens without waiting
	client *http.Client     // MEETS uses it to test credentials against Zoom

	servers   []*http.Server
	closeOnce sync.Once
	closeErr  error
}

// New starts the five listeners on 127.0.0.1 with free ports and serves them
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
	if opts.Latency < 0 {
		return nil, fmt.Errorf("negative latency %s", opts.Latency)
	}
	for _, a := range opts.ExistingApps {
		if err := checkAppName(a.Name); err != nil {
			return nil, fmt.Errorf("existing app %q: %w", a.Name, err)
		}
		if a.Type != "" && !validType(a.Type) {
			return nil, fmt.Errorf("existing app %q: unknown type %q", a.Name, a.Type)
		}
	}

	s := &Sim{opts: opts, now: time.Now}
	s.client = &http.Client{Timeout: 30 * time.Second}

	var lns []net.Listener
	for range 5 {
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
	s.urls = URLs{Zoom: base(lns[0]), Marketplace: base(lns[1]), API: base(lns[2]), Meets: base(lns[3]), Control: base(lns[4])}

	w, err := newWorld(opts)
	if err != nil {
		for _, l := range lns {
			l.Close()
		}
		return nil, err
	}
	s.w = w

	handlers := []http.Handler{s.zoomHandler(), s.marketplaceHandler(), s.apiHandler(), s.meetsHandler(), s.controlHandler()}
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
		ZoomPassword:  zoomPassword,
		TOTPSecret:    totpSecret,
		MeetsUser:     meetsUser,
		MeetsPassword: meetsPassword,
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

// common wraps a site's handler with what every listener does: the configured
// latency and no caching, so each test sees fresh pages.
func (s *Sim) common(h http.Handler) http.Handler {
	d := s.opts.Latency
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d > 0 {
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
