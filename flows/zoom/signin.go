package zoom

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
	"zoomsetup/secret"
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
// typing the email, the password and a two-step code as needed. Everything
// it does is bound to the Zoom origin: a sign-in that goes to another site
// (an identity provider, by a redirect or in a frame) gets nothing typed
// and nothing clicked, and stops with the advice to sign in assisted.
func signInHere(ctx context.Context, o Options, note func(string, ...any)) (a.Outcome, error) {
	ctx = a.WithOrigin(ctx, o.ZoomURL)
	off := a.OffOrigins{o.ZoomURL}
	frame := a.ForeignFrame(o.ZoomURL)
	i, err := chromedp.Run(ctx, a.WaitAny(o.signedIn(), off, frame, passwordField, emailField))
	if err != nil {
		return "", elsewhere(ctx, err)
	}
	switch i {
	case 0:
		return a.Already, nil
	case 1, 2:
		return "", ssoError(ctx)
	case 4:
		// Email first; the password may be asked on the same page or the next.
		if err := chromedp.Do(ctx, a.Fill(emailField, o.Email)); err != nil {
			return "", elsewhere(ctx, err)
		}
		if j, _ := chromedp.Run(ctx, a.Glance(0, passwordField)); j != 0 {
			if err := chromedp.Do(ctx, a.Click(nextButton)); err != nil {
				return "", elsewhere(ctx, err)
			}
		}
		if i, err = chromedp.Run(ctx, a.WaitAny(passwordField, off, frame)); err != nil {
			return "", elsewhere(ctx, err)
		} else if i != 0 {
			return "", ssoError(ctx)
		}
	}
	password := o.Password.For(a.Origin(o.ZoomURL))
	if err := chromedp.Do(ctx, a.FillSecret(passwordField, password), a.Click(signInButton)); err != nil {
		return "", elsewhere(ctx, err)
	}
	conds := append([]a.Condition{o.signedIn(), wrongPassword, a.Any(codeField, codeBoxes), off, frame}, captchaShown...)
	i, err = chromedp.Run(ctx, a.WaitAny(conds...))
	switch {
	case err != nil:
		return "", elsewhere(ctx, err)
	case i == 0:
		return a.Done, nil
	case i == 1:
		return "", a.Fail(a.KindRejected, "check ZOOM_EMAIL and ZOOM_PASSWORD; the tool does not try again, so the account is not locked",
			"zoom refused the email or password (%q)", "Incorrect email or password")
	case i == 2:
		return a.Done, elsewhere(ctx, twoStep(ctx, o, note))
	case i == 3, i == 4:
		return "", ssoError(ctx)
	default:
		return "", a.Fail(a.KindPerson, "run again with --assisted and sign in yourself through the link it prints (a live view of the browser)",
			"zoom showed a CAPTCHA, which the tool will not try to solve")
	}
}

// elsewhere turns a failure into the SSO stop when the sign-in has left Zoom
// (a page or a frame of another site, an action refused for its origin);
// other failures pass unchanged.
func elsewhere(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var oe *a.OriginError
	if errors.As(err, &oe) {
		return ssoError(ctx)
	}
	if a.KindOf(err) != a.KindUnexpected || ctx.Err() != nil {
		return err
	}
	if u := a.Location(ctx); u != "" && a.Origin(u) != "" && !strings.HasPrefix(u, "chrome-error:") && a.Origin(u) != a.BoundOrigin(ctx) {
		return ssoError(ctx)
	}
	if len(a.FrameOrigins(ctx)) > 0 {
		return ssoError(ctx)
	}
	return err
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
		typeCode := a.FillSecret(codeField, secret.New(code).For(o.ZoomURL))
		if j, _ := chromedp.Run(ctx, a.Glance(0, codeField)); j != 0 {
			typeCode = a.FillSecretAcross(codeBoxes, secret.New(code).For(o.ZoomURL))
		}
		if err := chromedp.Do(ctx, typeCode, a.Click(verifyButton)); err != nil {
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

// ssoError explains a sign-in that left Zoom for another site, or brought
// one into a frame of the page.
func ssoError(ctx context.Context) error {
	where := hostOf(a.Location(ctx))
	if a.Origin(a.Location(ctx)) == a.BoundOrigin(ctx) {
		if f := a.FrameOrigins(ctx); len(f) > 0 {
			where = hostOf(f[0])
		}
	}
	return a.Fail(a.KindPerson, "the account probably signs in through SSO: run again with --assisted and sign in yourself through the link it prints (a live view of the browser)",
		"the sign-in left Zoom for %q, where the tool does not type credentials", where)
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
