package simulator

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"zoomsetup/automation"
)

// The pages' scripts are checked in a real Chromium here; flows/ drives the
// whole migration, these tests pin what each option shows. They are skipped
// with -short, and when no Chromium is installed unless CI is set.

// browserTab is one tab, in its own browser context (no shared cookies).
type browserTab struct {
	t   *testing.T
	ctx context.Context
}

// startBrowser starts a headless Chromium for the test and returns a
// function that opens fresh tabs in it.
func startBrowser(t *testing.T) func(t *testing.T) *browserTab {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	b, err := automation.Launch(context.Background(), automation.BrowserOptions{EnvPath: os.Getenv("ZOOMSETUP_BROWSER")})
	if err != nil {
		if os.Getenv("CI") != "" || !errors.Is(err, automation.ErrNoBrowser) {
			t.Fatalf("browser tests need Chrome: %v", err)
		}
		t.Skip("no Chromium found (set ZOOMSETUP_BROWSER)")
	}
	t.Cleanup(b.Close)
	bctx := b.Tab
	return func(t *testing.T) *browserTab {
		ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
		ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
		t.Cleanup(func() { cancelTimeout(); cancel() })
		return &browserTab{t: t, ctx: ctx}
	}
}

// helpers is the tests' own way into a page: elements by their visible
// text or label, as a person finds them.
const helpers = `
window.__t = window.__t || {
  // text finds a visible element by its words; an open dialog covers the page.
  text: (sel, txt) => [...(document.querySelector('[role="dialog"]') || document).querySelectorAll(sel)].find(e => e.textContent.trim() === txt && e.getClientRects().length),
  field: (label) => {
    const l = [...document.querySelectorAll('label')].find(l => l.textContent.trim() === label);
    return l ? document.getElementById(l.htmlFor) : document.querySelector('[aria-label="' + label + '"]');
  },
  type: (label, v) => {
    const f = __t.field(label);
    f.value = v;
    f.dispatchEvent(new Event('input', { bubbles: true }));
    f.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  },
  press: (txt) => { const b = __t.text('button, a', txt); b.click(); return true; },
};
`

// run evaluates a JavaScript expression with the helpers loaded.
func (b *browserTab) run(expr string) any {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](helpers+expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitFor waits until a JavaScript expression is truthy, across page loads.
func (b *browserTab) waitFor(expr string) {
	b.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithDeadline(b.ctx, deadline)
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`(() => { `+helpers+` return `+expr+`; })()`,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(time.Until(deadline))))
		cancel()
		if err == nil {
			return
		}
		last = err // a page load ends the poll: try again on the new page
	}
	loc, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.href + ' ' + document.body.innerText.slice(0, 400)`))
	b.t.Fatalf("waited for %s: %v; page: %s", expr, last, loc)
}

func (b *browserTab) open(url string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(url)); err != nil {
		b.t.Fatalf("open %s: %v", url, err)
	}
}

// signIn goes through the Zoom sign-in page with the account's email and
// password, up to the Sign In button.
func (b *browserTab) signIn(s *Sim, password string) {
	b.t.Helper()
	b.open(s.URLs().Zoom + "/signin")
	b.waitFor(`__t.field('Email or phone number')`)
	b.run(fmt.Sprintf(`__t.type('Email or phone number', %q) && __t.press('Next')`, s.Accounts().ZoomEmail))
	b.waitFor(`__t.field('Password')`)
	b.run(fmt.Sprintf(`__t.type('Password', %q) && __t.press('Sign In')`, password))
}

func (b *browserTab) heading(text string) {
	b.t.Helper()
	b.waitFor(fmt.Sprintf(`__t.text('h1, h2', %q)`, text))
}

// developerNav is true when the header or side navigation offers anything
// of the builder; textContent includes the closed menus' items.
const developerNav = `/Develop|Created apps|Build app/i.test(document.querySelector('header').textContent + (document.querySelector('nav[aria-label="Main"]') || {}).textContent)`

func TestPagesInBrowser(t *testing.T) {
	tab := startBrowser(t)

	t.Run("SSO", func(t *testing.T) {
		s := newSim(t, Options{SSO: true})
		b := tab(t)
		b.open(s.URLs().Zoom + "/signin")
		b.waitFor(`__t.field('Email or phone number')`)
		b.run(fmt.Sprintf(`__t.type('Email or phone number', %q) && __t.press('Next')`, s.Accounts().ZoomEmail))
		b.waitFor(fmt.Sprintf(`location.origin === %q && document.title === 'Example University Single Sign-On'`, s.URLs().IdP))
		b.run(`__t.type('Username', 'admin') && __t.type('Password', 'wrong') && __t.press('Sign in')`)
		b.waitFor(`(document.querySelector('[role="alert"]') || {}).textContent === 'Invalid username or password'`)
		b.run(fmt.Sprintf(`__t.type('Username', 'admin') && __t.type('Password', %q) && __t.press('Sign in')`, s.Accounts().ZoomPassword))
		b.waitFor(fmt.Sprintf(`location.href === %q`, s.URLs().Zoom+"/profile"))
		if st := s.State(); st.IdPAttempts != 2 || st.IdPSignIns != 1 || st.SignInAttempts != 0 {
			t.Errorf("state: %+v", st)
		}
	})

	t.Run("captcha", func(t *testing.T) {
		s := newSim(t, Options{Captcha: true})
		b := tab(t)
		b.signIn(s, s.Accounts().ZoomPassword)
		b.waitFor(`(document.querySelector('[role="alert"]') || {}).textContent === 'An error with reCAPTCHA occured. Please try again.'`)
		if st := s.State(); st.SignInAttempts != 1 || st.CaptchaRefusals != 1 {
			t.Errorf("state: %+v", st)
		}
	})

	for _, layout := range []Layout{LayoutTop, LayoutLeft} {
		t.Run("terms, "+string(layout), func(t *testing.T) {
			s := newSim(t, Options{Layout: layout, TermsPending: true})
			b := tab(t)
			b.signIn(s, s.Accounts().ZoomPassword)
			b.waitFor(`location.pathname === '/profile'`)
			if layout == LayoutTop {
				b.open(s.URLs().Marketplace + "/develop/create")
			} else {
				b.open(s.URLs().Marketplace + "/user/build")
				b.heading("Created apps")
				b.run(`__t.press('+ Build app')`)
			}
			const agree = "I agree to the Zoom Marketplace Developer Agreement and the Zoom API License and Terms of Use"
			b.waitFor(`(() => { const d = document.querySelector('[role="dialog"]'); return d && document.getElementById(d.getAttribute('aria-labelledby')).textContent === 'Accept the Zoom Marketplace terms'; })()`)
			if got := b.run(`__t.text('button', 'Accept').disabled && __t.field('` + agree + `').type`); got != "checkbox" {
				t.Fatalf("Accept is not disabled before the box is ticked (%v)", got)
			}
			if s.State().TermsAccepted {
				t.Fatal("accepted before Accept")
			}
			b.run(`__t.field('` + agree + `').click(); !__t.text('button', 'Accept').disabled && __t.press('Accept')`)
			if layout == LayoutTop {
				b.heading("Choose your app type")
			} else {
				b.heading("What kind of app are you creating?")
			}
			if !s.State().TermsAccepted {
				t.Fatal("TermsAccepted is false after Accept")
			}
			if got := b.run(developerNav); got != true {
				t.Error("no developer entry with the developer role")
			}
		})

		t.Run("no developer role, "+string(layout), func(t *testing.T) {
			s := newSim(t, Options{Layout: layout, NoDeveloperRole: true})
			b := tab(t)
			b.signIn(s, s.Accounts().ZoomPassword)
			b.waitFor(`location.pathname === '/profile'`)
			b.open(s.URLs().Marketplace + "/")
			b.heading("Discover apps that work with Zoom")
			if got := b.run(developerNav); got != false {
				t.Fatal("a developer entry shows")
			}
			for _, p := range []string{"/develop/create", "/user/build", "/develop/app/whatever/credentials"} {
				b.open(s.URLs().Marketplace + p)
				b.heading("Page not available")
				b.waitFor(`__t.text('p', 'You do not have permission to view this page. Contact your account admin.')`)
			}
		})
	}

	t.Run("failures and Retry", func(t *testing.T) {
		s := newSim(t, Options{FailRate: 1})
		b := tab(t)
		b.signIn(s, s.Accounts().ZoomPassword)
		b.waitFor(`location.pathname === '/profile'`)
		b.open(s.URLs().Marketplace + "/user/build")
		const panel = `(() => { const a = document.querySelector('main [role="alert"], [role="dialog"] [role="alert"]'); return a && a.textContent.startsWith('Something went wrong. Please try again.') && __t.text('button', 'Retry'); })()`
		b.waitFor(panel)
		b.run(`window.samePage = true`)
		b.run(`__t.press('Retry')`)
		b.heading("Created Apps")
		// An action that fails keeps what was typed and is sent again by Retry.
		b.open(s.URLs().Marketplace + "/develop/create")
		b.heading("Choose your app type")
		b.run(`window.samePage = true; [...document.querySelectorAll('section')].find(s => s.querySelector('h2').textContent === 'Server-to-Server OAuth').querySelector('button').click()`)
		b.waitFor(`__t.field('App Name')`)
		b.run(`__t.type('App Name', 'MEETS') && __t.press('Create')`)
		b.waitFor(panel)
		if n := len(s.State().Apps); n != 0 {
			t.Fatalf("%d apps after a failed create", n)
		}
		b.run(`__t.press('Retry')`)
		b.waitFor(panel) // the new app's page fails once too
		b.run(`__t.press('Retry')`)
		b.heading("MEETS")
		if got := b.run(`window.samePage === true`); got != true {
			t.Error("Retry loaded the page again")
		}
		if st := s.State(); len(st.Apps) != 1 || st.Apps[0].Name != "MEETS" || st.FaultsServed != 3 {
			t.Errorf("state: %d apps, %d faults", len(st.Apps), st.FaultsServed)
		}
	})

	t.Run("late content", func(t *testing.T) {
		const late = 1500 * time.Millisecond
		s := newSim(t, Options{LateContent: late})
		b := tab(t)
		b.signIn(s, s.Accounts().ZoomPassword)
		b.waitFor(`location.pathname === '/profile'`)
		b.open(s.URLs().Marketplace + "/user/build")
		b.waitFor(`__t.text('[role="status"]', 'Loading\u2026')`)
		b.waitFor(`__t.text('h1', 'Created Apps') && (window.shown = performance.now())`)
		gap := b.run(`window.shown - performance.getEntriesByType('resource').find(e => e.name.endsWith('/api/apps')).responseEnd`).(float64)
		if gap < float64(late.Milliseconds()) {
			t.Errorf("content came %.0f ms after the data, want at least %s", gap, late)
		}
	})

	t.Run("session limit", func(t *testing.T) {
		s := newSim(t, Options{SessionLimit: 2, ExistingApps: []AppSeed{{Name: "Old"}}})
		b := tab(t)
		b.signIn(s, s.Accounts().ZoomPassword)
		b.waitFor(`location.pathname === '/profile'`)
		b.open(s.URLs().Marketplace + "/user/build") // request 1
		b.heading("Created Apps")
		b.run(`__t.press('Old')`) // request 2 ends the session
		b.heading("Old")
		b.run(`__t.press('Information')`) // request 3: 401
		b.waitFor(fmt.Sprintf(`location.href.startsWith(%q)`, s.URLs().Zoom+"/signin"))
		if got := s.State().SessionsEnded; got != 1 {
			t.Errorf("SessionsEnded = %d", got)
		}
	})
}

// TestStateJSONHasNewFields keeps /state in step with State.
func TestStateJSONHasNewFields(t *testing.T) {
	s := newSim(t, Options{TermsPending: true, MeetsDownFor: time.Minute})
	_, body := do(t, browser(t), "GET", s.URLs().Control+"/state", "", "", nil)
	var got map[string]any
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"CaptchaRefusals", "IdPAttempts", "IdPSignIns", "TermsAccepted", "Forbidden", "SessionsEnded", "FaultsServed", "JitterAdded", "ScopelessTokens"} {
		if _, ok := got[k]; !ok {
			t.Errorf("/state lacks %s", k)
		}
	}
	if m, _ := got["Meets"].(map[string]any); m["Unavailable"] != true {
		t.Errorf("/state Meets = %v", got["Meets"])
	}
	if !strings.Contains(body, `"TermsAccepted":false`) {
		t.Errorf("/state: %s", body)
	}
}
