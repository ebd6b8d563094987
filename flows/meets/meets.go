// Package meets is the MEETS half of the migration: sign in to the admin
// panel, back up what the Conferencing Account holds, enter the new
// credentials and submit them, and confirm by what the page then shows.
package meets

import (
	"context"
	"fmt"
	"net/url"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
	"zoomsetup/secret"
	"zoomsetup/zoomapi"
)

// Options say which MEETS site and which admin; cmd/ fills them.
type Options struct {
	URL      string // the admin panel's address
	User     string
	Password secret.Secret
}

// Check refuses options that cannot work, naming the flag to fix.
func (o Options) Check() error {
	p, err := url.Parse(o.URL)
	switch {
	case o.URL == "":
		return fmt.Errorf("no MEETS address: pass --meets-url")
	case err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "":
		return fmt.Errorf("--meets-url %q is not an http(s) address", o.URL)
	case o.User == "":
		return fmt.Errorf("no MEETS user: pass --meets-user or set MEETS_USER")
	case o.Password.IsZero():
		return fmt.Errorf("no MEETS password: set MEETS_PASSWORD or pass --meets-password-file")
	}
	return nil
}

// Config is what the Conferencing Account holds.
type Config struct {
	APIKey    string        `json:"api_key"`
	APISecret secret.Secret `json:"-"`
}

// Result is what the MEETS half found and did.
type Result struct {
	Before  *Config `json:"-"`       // what MEETS held before, if anything
	Already bool    `json:"already"` // MEETS held these exact credentials
	Saved   bool    `json:"saved"`
	// Backup is called with the old configuration before it is edited, so it can be kept (0600).
	Backup func(Config) error `json:"-"`
}

// APIKey is what MEETS calls the API Key: ACCOUNT_ID:CLIENT_ID.
func APIKey(c zoomapi.Credentials) string { return c.AccountID + ":" + c.ClientID }

// SignIn is the step "Sign in to MEETS admin".
func SignIn(o Options) a.Step {
	return a.Step{Name: "meets-sign-in", Title: "Sign in to the MEETS admin panel", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := s.Do(ctx, chromedp.Navigate(o.URL)); err != nil {
			return "", err
		}
		off := a.OffOrigins{o.URL}
		i, err := chromedp.Run(ctx, a.WaitAny(conferencingTab, userField, off))
		switch {
		case err != nil:
			return "", err
		case i == 0:
			return a.Already, nil
		case i == 2:
			return "", a.Fail(a.KindPerson, "check --meets-url; if MEETS signs in through SSO a person must do it",
				"the MEETS address led to another site, where the tool does not type credentials")
		}
		if err := s.Do(ctx, a.Fill(userField, o.User), a.Fill(passwordField, o.Password.Reveal()), a.Click(logInButton)); err != nil {
			return "", err
		}
		if i, err = chromedp.Run(ctx, a.WaitAny(conferencingTab, loginRefused)); err != nil {
			return "", err
		} else if i == 1 {
			return "", a.Fail(a.KindRejected, "check MEETS_USER and MEETS_PASSWORD", "MEETS refused the user or password")
		}
		return a.Done, nil
	}}
}

// OpenConferencing is the step "Open Conferencing Account": it reads what is
// stored and backs it up before anything changes it.
func OpenConferencing(creds *zoomapi.Credentials, r *Result) a.Step {
	return a.Step{Name: "meets-open-conferencing", Title: "Open the Conferencing Account tab", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := s.Illustrate(ctx, "meets-conferencing-account", conferencingTab); err != nil {
			return "", err
		}
		if err := s.Do(ctx, a.Click(conferencingTab), a.WaitFor(apiKeyField)); err != nil {
			return "", err
		}
		key, err := chromedp.Run(ctx, a.Value(apiKeyField))
		if err != nil {
			return "", err
		}
		sec, err := chromedp.Run(ctx, a.Value(apiSecretField))
		if err != nil {
			return "", err
		}
		old := secret.New(sec)
		s.Secrets.Add(old)
		if key == "" && sec == "" {
			return a.Done, nil
		}
		r.Before = &Config{APIKey: key, APISecret: old}
		if key == APIKey(*creds) && sec == creds.ClientSecret.Reveal() {
			r.Already = true
			return a.Already, nil
		}
		if r.Backup != nil {
			if err := r.Backup(*r.Before); err != nil {
				return "", fmt.Errorf("back up the MEETS configuration: %w", err)
			}
		}
		return a.Done, nil
	}}
}

// EnterCredentials is the step "Enter the API Key and API Secret"; a stored
// configuration is opened with Edit, so it stays until Zoom accepts the new one.
func EnterCredentials(creds *zoomapi.Credentials, r *Result) a.Step {
	return a.Step{Name: "meets-enter-credentials", Title: "Enter the API Key and API Secret", Mask: []a.Locator{apiSecretField},
		Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
			if r.Already {
				return a.Already, nil
			}
			editable, err := chromedp.Run(ctx, a.Editable(apiKeyField))
			if err != nil {
				return "", err
			}
			if !editable {
				if err := s.Do(ctx, a.Click(editButton), a.WaitFor(a.When("the API Key to be editable", a.Editable(apiKeyField)))); err != nil {
					return "", err
				}
			}
			if err := s.Do(ctx, a.Fill(apiKeyField, APIKey(*creds)), a.Fill(apiSecretField, creds.ClientSecret.Reveal())); err != nil {
				return "", err
			}
			return a.Done, s.Illustrate(ctx, "meets-enter-credentials", credentialFields)
		}}
}

// Submit is the step "Submit": MEETS tests the credentials with Zoom, and the
// stored API Key shown read-only afterwards is the proof they were saved.
func Submit(creds *zoomapi.Credentials, r *Result) a.Step {
	return a.Step{Name: "meets-submit", Title: "Submit", Mask: []a.Locator{apiSecretField},
		Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
			if r.Already {
				return a.Already, nil
			}
			want := APIKey(*creds)
			stored := a.When("the API Key "+want+" stored", func(ctx context.Context, t *chromedp.Target) (bool, error) {
				v, err := a.ReadNow(apiKeyField)(ctx, t)
				if err != nil || v != want {
					return false, err
				}
				e, err := a.Editable(apiKeyField)(ctx, t)
				return !e, err
			})
			if err := s.Illustrate(ctx, "meets-submit", submitButton); err != nil {
				return "", err
			}
			if err := s.Do(ctx, a.Click(submitButton)); err != nil {
				return "", err
			}
			i, err := chromedp.Run(ctx, a.WaitAny(stored, refused))
			if err != nil {
				return "", err
			}
			if i == 1 {
				why, _ := chromedp.Run(ctx, a.Value(refused))
				return "", a.Fail(a.KindMeets, "run zoomsetup verify with the saved credentials to see what Zoom says, fix the app, then run zoomsetup meets again",
					"MEETS did not save the credentials: %s", a.Normalize(why))
			}
			r.Saved = true
			return a.Done, nil
		}}
}

// Steps is the MEETS half, in the order of the setup guide.
func Steps(o Options, creds *zoomapi.Credentials, r *Result) []a.Step {
	return []a.Step{SignIn(o), OpenConferencing(creds, r), EnterCredentials(creds, r), Submit(creds, r)}
}
