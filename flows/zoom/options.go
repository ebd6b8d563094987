// Package zoom is the Zoom half of the migration: sign in, find or build the
// Server-to-Server OAuth app, read its credentials, fill Information, add the
// scopes and activate it. Each step looks first and does only what is missing.
package zoom

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	a "zoomsetup/automation"
	"zoomsetup/secret"
	"zoomsetup/zoomapi"
)

// Options say which account and which app; cmd/ fills them from flags and the environment.
type Options struct {
	ZoomURL        string // sign-in and OAuth origin, e.g. https://zoom.us
	MarketplaceURL string // e.g. https://marketplace.zoom.us
	Email          string
	Password       secret.Secret
	TOTP           *a.Authenticator // nil when the account has no 2FA or a person types the code

	AppName      string
	Description  string
	Company      string // empty keeps what the app has
	ContactName  string
	ContactEmail string
	Scopes       zoomapi.Catalogue
	ShowSecret   bool // leave the client secret unmasked in screenshots

	Assisted    bool          // a person signs in, through the live view or the visible window (SSO, CAPTCHA, push codes)
	AssistWait  time.Duration // how long to wait for that person
	AcceptTerms bool          // accept the Marketplace developer terms when asked
}

// MaxAppName is the Marketplace's limit on an app's name.
const MaxAppName = 50

// Check refuses options that cannot work, naming the flag to fix.
func (o Options) Check() error {
	for _, u := range []struct{ flag, v string }{{"--zoom-url", o.ZoomURL}, {"--marketplace-url", o.MarketplaceURL}} {
		p, err := url.Parse(u.v)
		if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			return fmt.Errorf("%s %q is not an http(s) address", u.flag, u.v)
		}
	}
	switch {
	case o.Email == "":
		return fmt.Errorf("no Zoom email: pass --zoom-email or set ZOOM_EMAIL")
	case !strings.Contains(o.Email, "@"):
		return fmt.Errorf("--zoom-email %q is not an email address", o.Email)
	case o.Password.IsZero() && !o.Assisted:
		return fmt.Errorf("no Zoom password: set ZOOM_PASSWORD or pass --zoom-password-file")
	case strings.TrimSpace(o.AppName) == "":
		return fmt.Errorf("no app name: pass --app-name")
	case len([]rune(o.AppName)) > MaxAppName:
		return fmt.Errorf("--app-name %q is %d characters; Zoom allows %d", o.AppName, len([]rune(o.AppName)), MaxAppName)
	case o.ContactEmail != "" && !strings.Contains(o.ContactEmail, "@"):
		return fmt.Errorf("--contact-email %q is not an email address", o.ContactEmail)
	}
	return nil
}

// Result is what the Zoom half learned; it is filled as the steps run.
type Result struct {
	AppName     string              `json:"app_name"`
	AppExisted  bool                `json:"app_existed"`
	Credentials zoomapi.Credentials `json:"-"`
	Catalogue   zoomapi.Catalogue   `json:"catalogue,omitempty"`
	Scopes      []string            `json:"scopes,omitempty"`
	Activated   bool                `json:"activated"`

	// Saved is called whenever credentials or scopes change, so that what was
	// read from Zoom is on disk before anything else can fail.
	Saved func(*Result) error `json:"-"`
}

func (r *Result) save() error {
	if r.Saved == nil {
		return nil
	}
	return r.Saved(r)
}
