package zoom

import (
	"context"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
)

// totpMargin is how much of a code's 30 s must be left for it to be typed and
// checked; with less, the next period's code is used.
const totpMargin = 5 * time.Second

// signedIn holds on the profile page, which Zoom shows only to a signed-in user.
func (o Options) signedIn() a.Condition { return a.URLPrefix(o.ZoomURL + "/profile") }

// SignIn is the step "Sign in to Zoom": email, Next, password, Sign In, and a
// two-step code when the account asks for one. A wrong password stops at once,
// so the tool never locks an account by retrying.
func SignIn(o Options) a.Step {
	return a.Step{Name: "zoom-sign-in", Title: "Sign in to Zoom", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := s.Do(ctx, chromedp.Navigate(o.ZoomURL+"/profile")); err != nil {
			return "", err
		}
		off := a.OffOrigins{o.ZoomURL}
		i, err := chromedp.Run(ctx, a.WaitAny(o.signedIn(), emailField, off))
		if err != nil {
			return "", err
		}
		switch i {
		case 0:
			return a.Already, nil
		case 2:
			return "", ssoError(s)
		}
		if err := s.Do(ctx, a.Fill(emailField, o.Email), a.Click(nextButton)); err != nil {
			return "", err
		}
		if i, err = chromedp.Run(ctx, a.WaitAny(passwordField, off)); err != nil {
			return "", err
		} else if i == 1 {
			return "", ssoError(s)
		}
		if err := s.Do(ctx, a.Fill(passwordField, o.Password.Reveal()), a.Click(signInButton)); err != nil {
			return "", err
		}
		conds := append([]a.Condition{o.signedIn(), wrongPassword, codeField, off}, captchaShown...)
		i, err = chromedp.Run(ctx, a.WaitAny(conds...))
		switch {
		case err != nil:
			return "", err
		case i == 0:
			return a.Done, nil
		case i == 1:
			return "", a.Fail(a.KindRejected, "check ZOOM_EMAIL and ZOOM_PASSWORD; the tool does not try again, so the account is not locked",
				"zoom refused the email or password (%q)", "Incorrect email or password")
		case i == 2:
			return a.Done, twoStep(ctx, s, o)
		case i == 3:
			return "", ssoError(s)
		default:
			return "", a.Fail(a.KindPerson, "a person must sign in: sign in once in a normal browser from this machine, or run again later",
				"zoom showed a CAPTCHA, which the tool will not try to solve")
		}
	}}
}

// twoStep types the authenticator code, taken so that it cannot expire
// while being typed. A refused code stops the run.
func twoStep(ctx context.Context, s *a.Session, o Options) error {
	if o.TOTPSecret.IsZero() {
		return a.Fail(a.KindPerson, "set ZOOM_TOTP_SECRET (or --zoom-totp-secret-file) to the account's authenticator secret",
			"zoom asked for a two-step verification code and no TOTP secret was given")
	}
	code, err := a.TOTPCode(o.TOTPSecret, time.Now(), totpMargin)
	if err != nil {
		return a.Fail(a.KindUsage, "check ZOOM_TOTP_SECRET: it is the base32 text shown when the authenticator was set up", "%v", err)
	}
	if err := s.Do(ctx, a.Fill(codeField, code), a.Click(verifyButton)); err != nil {
		return err
	}
	i, err := chromedp.Run(ctx, a.WaitAny(o.signedIn(), wrongCode))
	if err != nil {
		return err
	}
	if i == 1 {
		return a.Fail(a.KindRejected, "check that ZOOM_TOTP_SECRET belongs to this account and that this machine's clock is right",
			"zoom refused the two-step verification code")
	}
	return nil
}

// ssoError explains a sign-in that left Zoom for another site.
func ssoError(s *a.Session) error {
	u := location(s)
	return a.Fail(a.KindPerson, "the account probably signs in through SSO; a person must complete that sign-in",
		"the sign-in left Zoom for %q, where the tool does not type credentials", hostOf(u))
}

func location(s *a.Session) string {
	ctx, cancel := context.WithTimeout(s.Tab, 2*time.Second)
	defer cancel()
	u, _ := chromedp.Run(ctx, chromedp.Location())
	return u
}

func hostOf(u string) string {
	o := a.Origin(u)
	if o == "" {
		return u
	}
	return strings.TrimPrefix(strings.TrimPrefix(o, "https://"), "http://")
}
