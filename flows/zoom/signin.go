package zoom

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
)

// signInStep names the sign-in step, where the sign-in page is expected.
const signInStep = "zoom-sign-in"

// totpMargin is how much of a code's 30 s must be left for it to be typed and
// checked; with less, the next period's code is used.
const totpMargin = 5 * time.Second

// signedIn holds on the profile page, which Zoom shows only to a signed-in user.
func (o Options) signedIn() a.Condition { return a.URLPrefix(o.ZoomURL + "/profile") }

// SignIn is the step "Sign in to Zoom": email, Next, password, Sign In, and a
// two-step code when the account asks for one. A wrong password stops at once,
// so the tool never locks an account by retrying.
func SignIn(o Options) a.Step {
	st := a.Step{Name: signInStep, Title: "Sign in to Zoom", Entry: true, Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		if err := s.Do(ctx, a.Open(o.ZoomURL+"/profile")); err != nil {
			return "", err
		}
		if o.Assisted {
			return assisted(ctx, s, o)
		}
		return signInHere(ctx, o, s.Note)
	}}
	if o.Assisted {
		st.Timeout = o.AssistWait
	}
	return st
}

// signInHere signs in on the page the tab shows (Zoom's profile or sign-in),
// typing the email, the password and a two-step code as needed.
func signInHere(ctx context.Context, o Options, note func(string, ...any)) (a.Outcome, error) {
	off := a.OffOrigins{o.ZoomURL}
	i, err := chromedp.Run(ctx, a.WaitAny(o.signedIn(), emailField, off))
	if err != nil {
		return "", err
	}
	switch i {
	case 0:
		return a.Already, nil
	case 2:
		return "", ssoError(ctx)
	}
	if err := chromedp.Do(ctx, a.Fill(emailField, o.Email), a.Click(nextButton)); err != nil {
		return "", err
	}
	if i, err = chromedp.Run(ctx, a.WaitAny(passwordField, off)); err != nil {
		return "", err
	} else if i == 1 {
		return "", ssoError(ctx)
	}
	if err := chromedp.Do(ctx, a.Fill(passwordField, o.Password.Reveal()), a.Click(signInButton)); err != nil {
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
		return a.Done, twoStep(ctx, o, note)
	case i == 3:
		return "", ssoError(ctx)
	default:
		return "", a.Fail(a.KindPerson, "run again with --assisted and sign in yourself in the window that opens",
			"zoom showed a CAPTCHA, which the tool will not try to solve")
	}
}

// assisted hands the sign-in to a person, wherever it takes them (an
// identity provider, a CAPTCHA, a push to a phone), through the live view or
// the visible window, and goes on once Zoom's profile page shows.
func assisted(ctx context.Context, s *a.Session, o Options) (a.Outcome, error) {
	if done, _ := chromedp.Run(ctx, a.Holds(o.signedIn())); done {
		return a.Already, nil
	}
	err := s.HandOver(ctx, a.Handoff{Purpose: "sign in to Zoom", Detail: "SSO, CAPTCHA and codes are fine",
		Until: "when you are in", Done: o.signedIn()})
	if errors.Is(err, a.ErrWaited) {
		return "", a.Fail(a.KindPerson, "run again and finish the sign-in sooner, or raise --assist-timeout",
			"nobody finished signing in to Zoom")
	} else if err != nil {
		return "", err
	}
	s.Note("signed in; carrying on")
	return a.Done, nil
}

// twoStep types the authenticator code, taken so that it cannot expire
// while being typed and was not typed before in this run. A refused code is
// tried once more with a fresh one, then the run stops: more tries could
// lock the account.
func twoStep(ctx context.Context, o Options, note func(string, ...any)) error {
	if o.TOTP == nil {
		return a.Fail(a.KindPerson, "set ZOOM_TOTP_SECRET (or --zoom-totp-secret-file) to the account's authenticator secret, or run with --assisted and type the code yourself",
			"zoom asked for a two-step verification code and no TOTP secret was given")
	}
	for attempt := 1; attempt <= 2; attempt++ {
		code, err := o.TOTP.Code(ctx, totpMargin, func(d time.Duration) {
			note("both two-step codes usable now were typed earlier in this run; waiting %s for a fresh one", (d + time.Second - 1).Truncate(time.Second))
		})
		if err != nil {
			return err
		}
		refused, err := chromedp.Run(ctx, a.Fresh(wrongCode))
		if err != nil {
			return err
		}
		if err := chromedp.Do(ctx, a.Fill(codeField, code), a.Click(verifyButton)); err != nil {
			return err
		}
		i, err := chromedp.Run(ctx, a.WaitAny(o.signedIn(), refused))
		if err != nil {
			return err
		}
		if i == 0 {
			return nil
		}
		note("zoom refused the two-step code (try %d of 2)", attempt)
	}
	return a.Fail(a.KindRejected, "check that ZOOM_TOTP_SECRET belongs to this account and that this machine's clock is right",
		"zoom refused two two-step verification codes")
}

// ssoError explains a sign-in that left Zoom for another site.
func ssoError(ctx context.Context) error {
	u := a.Location(ctx)
	return a.Fail(a.KindPerson, "the account probably signs in through SSO: run again with --assisted and sign in yourself in the window that opens",
		"the sign-in left Zoom for %q, where the tool does not type credentials", hostOf(u))
}

func hostOf(u string) string {
	o := a.Origin(u)
	if o == "" {
		return u
	}
	return strings.TrimPrefix(strings.TrimPrefix(o, "https://"), "http://")
}

// Resume is a Recovery for a Zoom session that ends halfway: when the
// Marketplace sends the browser to the sign-in page, it signs in again with
// the same credentials and returns to the Marketplace page the tab's history
// holds last; the step then starts over from there.
func Resume(o Options, note func(string, ...any)) a.Recovery { return &resume{o: o, note: note} }

type resume struct {
	o    Options
	note func(string, ...any)
	back string // the Marketplace page to return to
}

func (r *resume) Needed(ctx context.Context, t *chromedp.Target) (bool, error) {
	if r.o.Assisted || a.CurrentStep(ctx) == signInStep {
		return false, nil
	}
	loc, err := chromedp.Location()(ctx, t)
	if err != nil || !strings.HasPrefix(loc, r.o.ZoomURL+"/signin") {
		return false, err
	}
	h, err := chromedp.NavigationEntries()(ctx, t)
	if err != nil {
		return false, err
	}
	r.back = ""
	for i := min(h.CurrentIndex, int64(len(h.Entries))) - 1; i >= 0 && r.back == ""; i-- {
		if u := h.Entries[i].URL; a.Origin(u) == a.Origin(r.o.MarketplaceURL) {
			r.back = u
		}
	}
	return r.back != "", nil
}

func (r *resume) Recover(ctx context.Context, t *chromedp.Target) error {
	if _, err := signInHere(ctx, r.o, r.note); err != nil {
		return err
	}
	_, err := a.Open(r.back)(ctx, t)
	return err
}

func (r *resume) String() string { return "the Zoom session had ended: signed in again" }

// StartsOver: the new session's page has lost what the step had typed or opened.
func (r *resume) StartsOver() {}
