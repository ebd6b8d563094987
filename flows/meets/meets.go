// Package meets is the MEETS half of the migration: sign in to the admin
// panel, back up what the Conferencing Account holds, enter the new
// credentials and submit them, and confirm by what the page then shows.
package meets

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

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

	// Patience bounds two waits: for MEETS to come back when it answers
	// "unavailable", and for Zoom to accept a fresh activation when MEETS
	// says on Submit that the app is not activated or lacks scopes.
	Patience time.Duration
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
	return a.Step{Name: "meets-sign-in", Entry: true, Timeout: o.Patience + time.Minute, Title: "Sign in to the MEETS admin panel", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		ctx = a.WithOrigin(ctx, o.URL)
		if err := s.Do(ctx, a.Open(o.URL)); err != nil {
			return "", err
		}
		off := a.OffOrigins{o.URL}
		i, err := untilUp(ctx, s, o, conferencingTab, userField, off)
		switch {
		case err != nil:
			return "", err
		case i == 0:
			return a.Already, nil
		case i == 2:
			return "", a.Fail(a.KindPerson, "check --meets-url; if MEETS signs in through SSO a person must do it",
				"the MEETS address led to another site, where the tool does not type credentials")
		}
		if err := s.Do(ctx, a.Fill(userField, o.User), a.FillSecret(passwordField, o.Password.For(o.URL)), a.Click(logInButton)); err != nil {
			var oe *a.OriginError
			if errors.As(err, &oe) {
				return "", a.Fail(a.KindPerson, "check --meets-url; if MEETS signs in through SSO a person must do it", "the MEETS sign-in moved to another site: %v", err)
			}
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

// untilUp waits for one of conds; while MEETS shows its "unavailable" page
// it reloads with growing pauses, up to o.Patience, then gives up with
// KindMeets.
func untilUp(ctx context.Context, s *a.Session, o Options, conds ...a.Condition) (int, error) {
	deadline := a.Now(ctx).Add(o.Patience)
	pause := time.Second
	for {
		i, err := chromedp.Run(ctx, a.WaitAny(append([]a.Condition{unavailable}, conds...)...))
		if err != nil {
			return -1, err
		}
		if i > 0 {
			return i - 1, nil
		}
		if a.Now(ctx).Add(pause).After(deadline) {
			return -1, a.Fail(a.KindMeets, "", "MEETS stayed unavailable for %s", o.Patience)
		}
		s.Note("MEETS is unavailable; trying again in %s", pause)
		if err := a.Pause(ctx, pause); err != nil {
			return -1, err
		}
		pause = min(pause*2, 30*time.Second)
		// Load the address again with a GET: reloading the answer to a
		// form post would post it again.
		u, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			return -1, err
		}
		if err := s.Do(ctx, a.Open(u)); err != nil {
			return -1, err
		}
	}
}

// OpenConferencing is the step "Open Conferencing Account": it reads what is
// stored and backs it up before anything changes it.
func OpenConferencing(creds *zoomapi.Credentials, r *Result) a.Step {
	return a.Step{Name: "meets-open-conferencing", Title: "Open the Conferencing Account tab", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := s.Illustrate(ctx, "meets-conferencing-account", conferencingTab); err != nil {
			return "", err
		}
		if err := s.Do(ctx, a.Click(conferencingTab), a.WaitFor(apiKey)); err != nil {
			return "", err
		}
		key, err := chromedp.Run(ctx, a.Value(apiKey))
		if err != nil {
			return "", err
		}
		sec, err := chromedp.Run(ctx, a.Value(apiSecret))
		if err != nil {
			return "", err
		}
		if key != "" && a.Masked(sec) {
			if sec, err = storedSecret(ctx, s); err != nil {
				return "", err
			}
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

// storedSecret reads the API Secret that MEETS shows masked: by its Show
// control, or in the form Edit opens (which holds the stored values). Edit
// changes nothing until Submit; the form stays open for the next step.
func storedSecret(ctx context.Context, s *a.Session) (string, error) {
	if i, err := chromedp.Run(ctx, a.Glance(0, showSecret)); err != nil {
		return "", err
	} else if i == 0 {
		shown := a.When("the API Secret to be shown", func(ctx context.Context, t *chromedp.Target) (bool, error) {
			v, err := a.ReadNow(apiSecret)(ctx, t)
			return err == nil && !a.Masked(v), err
		})
		if err := s.Do(ctx, a.Click(showSecret), a.WaitFor(shown)); err != nil {
			return "", err
		}
		return chromedp.Run(ctx, a.Value(apiSecret))
	}
	open := a.When("the API Key to be editable", a.Editable(apiKeyField))
	if err := s.Do(ctx, a.Click(editButton), a.WaitFor(open)); err != nil {
		return "", err
	}
	return chromedp.Run(ctx, a.Value(apiSecretField))
}

// EnterCredentials is the step "Enter the API Key and API Secret"; a stored
// configuration is opened with Edit, so it stays until Zoom accepts the new one.
func EnterCredentials(o Options, creds *zoomapi.Credentials, r *Result) a.Step {
	return a.Step{Name: "meets-enter-credentials", Title: "Enter the API Key and API Secret", Mask: []a.Locator{apiSecret},
		Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
			if r.Already {
				return a.Already, nil
			}
			if err := enter(ctx, s, o, creds); err != nil {
				return "", err
			}
			return a.Done, s.Illustrate(ctx, "meets-enter-credentials", credentialFields)
		}}
}

// enter types the credentials into the form, opening a stored configuration
// with Edit first. It waits for the form to show one or the other: a page
// still loading has neither.
func enter(ctx context.Context, s *a.Session, o Options, creds *zoomapi.Credentials) error {
	ctx = a.WithOrigin(ctx, o.URL)
	open := a.When("the API Key to be editable", a.Editable(apiKeyField))
	i, err := chromedp.Run(ctx, a.WaitAny(open, editButton))
	if err != nil {
		return err
	}
	if i == 1 {
		if err := s.Do(ctx, a.Click(editButton), a.WaitFor(open)); err != nil {
			return err
		}
	}
	return s.Do(ctx, a.Fill(apiKeyField, APIKey(*creds)), a.FillSecret(apiSecretField, creds.ClientSecret.For(o.URL)))
}

// Submit is the step "Submit": MEETS tests the credentials with Zoom, and the
// stored API Key shown read-only afterwards is the proof they were saved.
// When MEETS reports that Zoom has not caught up with the activation (not
// activated, scopes missing), it waits and submits again, up to o.Patience.
func Submit(o Options, creds *zoomapi.Credentials, r *Result) a.Step {
	return a.Step{Name: "meets-submit", Title: "Submit", Mask: []a.Locator{apiSecret}, Timeout: o.Patience + time.Minute,
		Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
			if r.Already {
				return a.Already, nil
			}
			want := APIKey(*creds)
			// Shown read-only, then holding the key: in this order, two looks
			// that straddle the form's post cannot pair the key typed in the
			// form with a next page (an error) that has no field at all.
			stored := a.When("the API Key "+want+" stored", func(ctx context.Context, t *chromedp.Target) (bool, error) {
				e, err := a.Editable(apiKey)(ctx, t)
				if err != nil || e {
					return false, err
				}
				v, err := a.ReadNow(apiKey)(ctx, t)
				return err == nil && v == want, err
			})
			if err := s.Illustrate(ctx, "meets-submit", submitButton); err != nil {
				return "", err
			}
			deadline := a.Now(ctx).Add(o.Patience)
			pause := 2 * time.Second
			for try := 1; ; try++ {
				// Every try starts from what the page holds: a page that came
				// back (an error, a reload) may have lost what was typed.
				if ok, _ := chromedp.Run(ctx, a.Holds(stored)); ok {
					r.Saved = true
					return a.Done, nil
				}
				if err := enter(ctx, s, o, creds); err != nil {
					return "", err
				}
				refusal, err := chromedp.Run(ctx, a.Fresh(refused))
				if err != nil {
					return "", err
				}
				again, err := chromedp.Run(ctx, a.Fresh(apiKey))
				if err != nil {
					return "", err
				}
				if err := s.Do(ctx, a.Click(submitButton)); err != nil {
					return "", err
				}
				i, err := untilUp(ctx, s, o, stored, refusal, again)
				if err != nil {
					return "", err
				}
				why := "the page came back without a verdict"
				switch i {
				case 0:
					r.Saved = true
					return a.Done, nil
				case 1:
					w, _ := chromedp.Run(ctx, a.Value(refused))
					why = a.Normalize(w)
					if !catchingUp(why) {
						return "", a.Fail(a.KindMeets, "run zoomsetup verify with the saved credentials to see what Zoom says, fix the app, then run zoomsetup meets again",
							"MEETS did not save the credentials: %s", why)
					}
				}
				if a.Now(ctx).Add(pause).After(deadline) {
					return "", a.Fail(a.KindMeets, "", "MEETS did not save the credentials within %s: %s", o.Patience, why)
				}
				s.Note("MEETS: %s; submitting again in %s (try %d)", why, pause, try+1)
				if err := a.Pause(ctx, pause); err != nil {
					return "", err
				}
				pause = min(pause*2, 30*time.Second)
			}
		}}
}

// catchingUp is true for MEETS refusals that only mean Zoom has not yet
// caught up with a fresh activation or scope change.
func catchingUp(why string) bool {
	w := strings.ToLower(why)
	return strings.Contains(w, "not activated") || strings.Contains(w, "scope")
}

// Steps is the MEETS half, in the order of the setup guide.
func Steps(o Options, creds *zoomapi.Credentials, r *Result) []a.Step {
	return []a.Step{SignIn(o), OpenConferencing(creds, r), EnterCredentials(o, creds, r), Submit(o, creds, r)}
}
