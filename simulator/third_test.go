package simulator

// Tests of the third rendering: every template executes on representative
// data and shows the words and marks the contract asks for, and a real
// browser builds an app in its Marketplace with the mouse and the keyboard.
// Written from shared/reference/zoom-and-meets.md and simulator/pages/README.md
// alone, without reading the flows or the other renderings.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func thirdExec(t *testing.T, tpl *template.Template, name string, data any) string {
	t.Helper()
	var buf bytes.Buffer
	if err := tpl.ExecuteTemplate(&buf, name, data); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return buf.String()
}

func thirdWant(t *testing.T, name, page string, words ...string) {
	t.Helper()
	for _, w := range words {
		if !strings.Contains(page, w) {
			t.Errorf("%s: %q missing", name, w)
		}
	}
}

func TestThirdTemplates(t *testing.T) {
	t.Parallel()
	r, err := loadRendering("third")
	if err != nil {
		t.Fatal(err)
	}
	z := zoomPage{Name: "Avery Admin", Email: "admin@example.edu", Role: "Owner", TwoFactor: true, Marketplace: "http://127.0.0.1:1"}
	zb := z
	zb.Banner = true

	for _, name := range []string{"signin.html", "otp.html", "profile.html", "notfound.html"} {
		page := thirdExec(t, r.zoom, name, z)
		thirdWant(t, name, page, `<div id="root"`, "/static/css/main.5e0d2a.css")
		if strings.Contains(page, "onetrust") {
			t.Errorf("%s: cookie banner without .Banner", name)
		}
		thirdWant(t, name+" with banner", thirdExec(t, r.zoom, name, zb), "Accept Cookies", "Decline", "zoom_consent=")
	}
	thirdWant(t, "signin.html", thirdExec(t, r.zoom, "signin.html", z), "/static/js/signin.a91c3b.js", `page: "signin"`)
	otp := z
	otp.Error = "The verification code is incorrect. Please try again."
	thirdWant(t, "otp.html", thirdExec(t, r.zoom, "otp.html", otp), `name="code"`, "The verification code is incorrect", `action="/signin/otp/api"`)
	thirdWant(t, "profile.html", thirdExec(t, r.zoom, "profile.html", z), "Avery Admin", "admin@example.edu", "Owner", "Sign Out", "http://127.0.0.1:1/")

	shell := thirdExec(t, r.market, "index.html", zoomPage{})
	thirdWant(t, "index.html", shell, `<div id="root"></div>`, "/static/js/runtime.3c7e1a.js", "/static/js/marketplace.7d2f10.js")
	if strings.Contains(shell, "onetrust") {
		t.Error("index.html: cookie banner without .Banner")
	}
	thirdWant(t, "index.html with banner", thirdExec(t, r.market, "index.html", zoomPage{Banner: true}), "Accept Cookies", "Decline")

	login := thirdExec(t, r.meets, "login.html", meetsPage{Title: "Log In", LoginUser: "someone", Error: "Invalid username or password."})
	thirdWant(t, "login.html", login, "Username or Email", "Password", `value="Log In"`, `name="username"`, `value="someone"`, `name="password"`, "Invalid username or password.")
	for _, tab := range []struct{ file, tab string }{{"general.html", "general"}, {"users.html", "users"}, {"integrations.html", "integrations"}} {
		page := thirdExec(t, r.meets, tab.file, meetsPage{Title: "General", User: "meets-admin", Tab: tab.tab})
		thirdWant(t, tab.file, page, "Conferencing Account", `href="/admin/conferencing"`, "meets-admin", `href="/logout"`)
	}
	thirdWant(t, "unavailable.html", thirdExec(t, r.meets, "unavailable.html", meetsPage{Title: "Service temporarily unavailable", Again: "/admin/conferencing?edit=1"}),
		"Service temporarily unavailable", "Try again", `href="/admin/conferencing?edit=1"`)

	secretMarked := regexp.MustCompile(`<input[^>]*value="s3cr3t"[^>]*data-sim-secret`)
	empty := thirdExec(t, r.meets, "conferencing.html", meetsPage{Title: "Conferencing Account", User: "meets-admin", Tab: "conferencing"})
	thirdWant(t, "conferencing.html (empty)", empty, "API Key", "API Secret", `name="api_key"`, `name="api_secret"`, `value="Submit"`, `action="/admin/conferencing"`)
	if strings.Contains(empty, "data-sim-secret ") || strings.Contains(empty, "data-sim-secret>") || strings.Contains(empty, "Clear Configuration") {
		t.Error("conferencing.html (empty): a secret mark or Clear Configuration on an empty form")
	}
	stored := thirdExec(t, r.meets, "conferencing.html", meetsPage{Title: "Conferencing Account", User: "meets-admin", Tab: "conferencing",
		Configured: true, ReadOnly: true, APIKey: "acct:client", APISecret: "s3cr3t", Status: "Zoom credentials saved and verified."})
	thirdWant(t, "conferencing.html (stored)", stored, `value="acct:client"`, "readonly", "Edit", `href="/admin/conferencing?edit=1"`, "Clear Configuration",
		`action="/admin/conferencing/clear"`, "confirm(", "Zoom credentials saved and verified.")
	if !secretMarked.MatchString(stored) {
		t.Error("conferencing.html (stored): the stored secret is not marked data-sim-secret")
	}
	if strings.Contains(stored, `name="api_key"`) || strings.Contains(stored, `value="Submit"`) {
		t.Error("conferencing.html (stored): editable fields on the read-only view")
	}
	editing := thirdExec(t, r.meets, "conferencing.html", meetsPage{Title: "Conferencing Account", User: "meets-admin", Tab: "conferencing",
		Configured: true, APIKey: "acct:client", APISecret: "s3cr3t"})
	thirdWant(t, "conferencing.html (edit)", editing, `name="api_key"`, `value="acct:client"`, `value="Submit"`, "Cancel")
	if !secretMarked.MatchString(editing) {
		t.Error("conferencing.html (edit): a filled API Secret field is not marked data-sim-secret")
	}
	refused := thirdExec(t, r.meets, "conferencing.html", meetsPage{Title: "Conferencing Account", User: "meets-admin", Tab: "conferencing",
		APIKey: "acct:client", Error: "Zoom rejected these credentials: Invalid client_id or client_secret"})
	thirdWant(t, "conferencing.html (refused)", refused, "Zoom rejected these credentials: Invalid client_id or client_secret", `value="acct:client"`)

	// Every page and script the rendering serves names its sources.
	for _, f := range []string{"static/js/runtime.3c7e1a.js", "static/js/signin.a91c3b.js", "static/js/marketplace.7d2f10.js", "static/css/main.5e0d2a.css", "static/css/meets-admin.css"} {
		b, err := pagesFS.ReadFile("pages/third/" + f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "shared/reference/zoom-and-meets.md and simulator/pages/README.md") {
			t.Errorf("%s: no header naming its sources", f)
		}
	}
}

// thirdChromium finds a Chromium to drive; without one the browser test is
// skipped, unless CI is set, where it fails.
func thirdChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CHROME_PATH"), "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found, and CI is set")
	}
	t.Skip("no Chromium found")
	return ""
}

// thirdPage drives one tab with the mouse and the keyboard, finding things
// by what a person sees.
type thirdPage struct {
	t   *testing.T
	ctx context.Context
}

// thirdJS finds the innermost visible element whose text, aria-label, title
// or button value is the given text (among those matching a CSS selector,
// when given), and that a click at its centre would reach.
const thirdJS = `(function (text, sel) {
  function vis(el) { var r = el.getBoundingClientRect(), cs = getComputedStyle(el); return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'; }
  function names(el) {
    var out = [(el.innerText || '').trim().replace(/\s+/g, ' '), el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder')];
    if (el.tagName === 'INPUT' && /submit|button/.test(el.type)) out.push(el.value);
    return out.filter(Boolean).map(function (s) { return s.trim(); });
  }
  var hits = Array.prototype.filter.call(document.querySelectorAll(sel || 'body *'), function (el) { return vis(el) && names(el).indexOf(text) >= 0; });
  hits = hits.filter(function (el) { return !hits.some(function (o) { return o !== el && el.contains(o); }); });
  for (var i = hits.length - 1; i >= 0; i--) {
    var el = hits[i];
    el.scrollIntoView({ block: 'center', inline: 'center' });
    var r = el.getBoundingClientRect(), x = r.left + Math.min(r.width / 2, 40), y = r.top + r.height / 2;
    var at = document.elementFromPoint(x, y);
    if (at && (at === el || el.contains(at) || at.contains(el))) return { x: x, y: y };
  }
  return null;
})`

type thirdPoint struct{ X, Y float64 }

func (p *thirdPage) eval(expr string, out any) error {
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]byte](expr))
	if err != nil {
		return err
	}
	return jsonUnmarshalThird(v, out)
}

// until waits, in the page, for cond (a JavaScript expression) to hold.
func (p *thirdPage) until(what, cond string) {
	p.t.Helper()
	if !p.within(20*time.Second, cond) {
		p.fatal("never: %s", what)
	}
}

// within reports whether cond comes to hold within d; a page load ends a
// poll, which then goes on on the new page.
func (p *thirdPage) within(d time.Duration, cond string) bool {
	ctx, cancel := context.WithTimeout(p.ctx, d)
	defer cancel()
	for ctx.Err() == nil {
		if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void]("!!("+cond+")", chromedp.WithPollingInterval(20*time.Millisecond))); err == nil {
			return true
		}
	}
	return false
}

func (p *thirdPage) fatal(f string, a ...any) {
	p.t.Helper()
	var text string
	p.eval(`document.body ? document.body.innerText.slice(0, 2000) : ''`, &text)
	p.t.Fatalf("%s\npage text:\n%s", fmt.Sprintf(f, a...), text)
}

func (p *thirdPage) hasText(s string) string {
	return fmt.Sprintf("document.body.innerText.indexOf(%q) >= 0", s)
}

// click clicks with the mouse the element showing text (within sel) and
// repeats until done (a JavaScript expression) holds, since a click on an
// element being drawn again can be lost.
func (p *thirdPage) click(text, sel, done string) {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		var at *thirdPoint
		if err := p.eval(fmt.Sprintf("%s(%q, %q)", thirdJS, text, sel), &at); err == nil && at != nil {
			if err := chromedp.Do(p.ctx, chromedp.MouseClickXY(at.X, at.Y)); err != nil {
				p.fatal("click %q: %v", text, err)
			}
			if done == "" || p.within(2*time.Second, done) {
				return
			}
			continue
		}
		p.within(time.Until(deadline), fmt.Sprintf("%s(%q, %q)", thirdJS, text, sel))
	}
	p.fatal("could not click %q", text)
}

// typeInto clicks the field found by sel, replaces what it holds with v and
// waits until the field holds v.
func (p *thirdPage) typeInto(sel, v string) {
	p.t.Helper()
	p.until("field "+sel, fmt.Sprintf("document.querySelector(%q)", sel))
	var at thirdPoint
	if err := p.eval(fmt.Sprintf(`(function(){var f=document.querySelector(%q); f.scrollIntoView({block:'center'}); var r=f.getBoundingClientRect(); return {x:r.left+12, y:r.top+r.height/2};})()`, sel), &at); err != nil {
		p.fatal("field %s: %v", sel, err)
	}
	if err := chromedp.Do(p.ctx, chromedp.MouseClickXY(at.X, at.Y), chromedp.KeyEvent("a", chromedp.KeyModifiers(kb.ModifierCtrl)), chromedp.KeyEvent(kb.Backspace), chromedp.KeyEvent(v)); err != nil {
		p.fatal("type into %s: %v", sel, err)
	}
	p.until(sel+" holds "+v, fmt.Sprintf("document.querySelector(%q) && document.querySelector(%q).value === %q", sel, sel, v))
}

func TestThirdMarketplaceBrowser(t *testing.T) {
	chrome := thirdChromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900))
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}

	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"top-granular", Options{Layout: LayoutTop, Catalogue: CatalogueGranular, CookieBanner: true}},
		{"left-classic-terms-plain", Options{Layout: LayoutLeft, Catalogue: CatalogueClassic, TermsPending: true, PlainSecret: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Rendering = "third"
			s, err := New(tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			// a fresh browser context per case: no cookies carried over
			ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
			defer cancel()
			ctx, tcancel := context.WithTimeout(ctx, 3*time.Minute)
			defer tcancel()
			if err := chromedp.Do(ctx); err != nil {
				t.Fatal(err)
			}
			dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
			go func() {
				for _, err := range dialogs {
					if err != nil {
						return
					}
					chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
				}
			}()
			thirdBuild(t, &thirdPage{t: t, ctx: ctx}, s, tc.opts)
		})
	}
}

// thirdBuild signs in and builds, fills, scopes and activates an app, then
// checks the simulator's state.
func thirdBuild(t *testing.T, p *thirdPage, s *Sim, o Options) {
	u, acc := s.URLs(), s.Accounts()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(u.Zoom+"/signin")); err != nil {
		t.Fatal(err)
	}
	if o.CookieBanner {
		p.click("Accept Cookies", "button", "!document.getElementById('onetrust-consent-sdk')")
	}
	p.typeInto(`input[placeholder="Email or phone number"]`, acc.ZoomEmail)
	p.click("Next", "button", `document.querySelector('input[type="password"][data-fk]')`)
	p.typeInto(`input[type="password"][data-fk]`, acc.ZoomPassword)
	p.click("Sign In", "button", `location.pathname === "/profile"`)

	if err := chromedp.Do(p.ctx, chromedp.Navigate(u.Marketplace+"/")); err != nil {
		t.Fatal(err)
	}
	p.until("the Marketplace home", p.hasText("Featured apps"))
	if strings.Contains(thirdText(p), "Accept Cookies") {
		t.Error("the cookie banner shows again after a choice")
	}
	terms := `document.body.innerText.indexOf("Zoom Marketplace Developer Terms") >= 0`
	if o.Layout == LayoutLeft {
		p.click("Developer", "", `document.querySelector('a[href="/user/build"]')`)
		p.click("Created apps", "a", `location.pathname === "/user/build"`)
		p.click("Build app", "[role=button]", terms)
		p.click("I have read and agree to the Zoom API License and Terms of Use", "label", `document.querySelector('[role=dialog] input[type=checkbox]:checked')`)
		p.click("Accept", "button", p.hasText("What kind of app are you creating?"))
		p.click("Server to Server OAuth App", "", `document.querySelector('[data-click=kindCreate]') && !document.querySelector('[data-click=kindCreate]').disabled`)
		p.click("Create", "[data-dialog] button", p.hasText("Create a Server-to-Server OAuth app"))
	} else {
		p.click("Develop", "", `document.querySelector('[role=menu]')`)
		p.click("Build App", "[role=menuitem]", p.hasText("Choose your app type"))
		p.until("three app types", p.hasText("Webhook Only"))
		// the Create of the Server-to-Server OAuth tile: the second tile
		p.until("tiles", `document.querySelectorAll('button[data-type]').length === 3`)
		var at thirdPoint
		p.eval(`(function(){var b=document.querySelector('button[data-type="s2s_oauth"]'); var r=b.getBoundingClientRect(); return {x:r.left+r.width/2,y:r.top+r.height/2};})()`, &at)
		if err := chromedp.Do(p.ctx, chromedp.MouseClickXY(at.X, at.Y)); err != nil {
			t.Fatal(err)
		}
		p.until("the create dialog", p.hasText("Create a Server-to-Server OAuth app"))
	}
	name := "MEETS " + o.Layout
	p.typeInto(`[role=dialog] input[type=text]`, string(name))
	p.click("Create", "[role=dialog] button", p.hasText("App Credentials"))
	p.until("the credentials", p.hasText("Client Secret"))

	st := s.State()
	if len(st.Apps) != 1 {
		t.Fatalf("apps: %+v", st.Apps)
	}
	app := st.Apps[0]
	if app.Name != string(name) || app.Type != AppTypeS2S {
		t.Fatalf("app: %+v", app)
	}
	p.until("the account and client ids", p.hasText(app.AccountID)+" && "+p.hasText(app.ClientID))
	secretShown := fmt.Sprintf(`(document.querySelector('[data-sim-secret]') || {}).textContent === %q`, app.ClientSecret)
	if !o.PlainSecret {
		if strings.Contains(thirdText(p), app.ClientSecret) {
			t.Fatal("the client secret shows before it is revealed")
		}
		p.click("Show", "[role=button]", secretShown)
	}
	p.until("the revealed secret", secretShown)

	p.click("Continue", "button", p.hasText("Developer Contact Information"))
	p.typeInto(`[data-f="company"]`, "Example University")
	p.typeInto(`[data-f="contactName"]`, "Avery Admin")
	p.typeInto(`[data-f="contactEmail"]`, acc.ZoomEmail)
	p.click("Continue", "button", p.hasText("Event Subscriptions"))
	p.click("Continue", "button", p.hasText("scopes added"))

	want := []string{"meeting:read:meeting:admin", "user:read:list_users:admin"}
	if o.Catalogue == CatalogueClassic {
		want = []string{"meeting:read:admin", "user:read:admin"}
	}
	p.click("Add Scopes", "button", `document.querySelector('input[placeholder="Search by scope name or ID"]')`)
	for _, id := range want {
		p.typeInto(`input[placeholder="Search by scope name or ID"]`, "("+id+")")
		box := fmt.Sprintf(`input[type=checkbox][data-id=%q]`, id)
		p.until("the row of "+id, fmt.Sprintf("document.querySelector(%q)", box))
		var label string
		p.eval(fmt.Sprintf(`document.querySelector(%q).closest('label').innerText.trim().replace(/\s+/g, ' ')`, box), &label)
		if !strings.HasSuffix(label, "("+id+")") {
			t.Errorf("row reads %q, want Label (%s)", label, id)
		}
		p.click(label, "label", fmt.Sprintf("document.querySelector(%q).checked", box))
	}
	p.click("Done", "[role=dialog] button", p.hasText(fmt.Sprintf("%d scopes added", len(want))))
	p.click("Continue", "button", p.hasText("Activate your app"))
	p.click("Activate your app", "button", p.hasText("Your app is activated on the account"))

	app = s.State().Apps[0]
	if !app.Activated || app.Company != "Example University" || app.ContactName != "Avery Admin" || app.ContactEmail != acc.ZoomEmail {
		t.Errorf("after the run: %+v", app)
	}
	if strings.Join(app.Scopes, " ") != strings.Join(want, " ") {
		t.Errorf("scopes %v, want %v", app.Scopes, want)
	}
	if app.SecretRegenerations != 0 {
		t.Errorf("secret regenerated %d times", app.SecretRegenerations)
	}
	if o.TermsPending && !s.State().TermsAccepted {
		t.Error("terms not accepted")
	}

	// The app is listed by name with its type, and opens from the list.
	if o.Layout == LayoutLeft {
		p.click("Created apps", "a", `location.pathname === "/user/build"`)
	} else {
		p.click("Manage", "", `document.querySelector('[role=menu]')`)
		p.click("Created Apps", "[role=menuitem]", `location.pathname === "/user/build"`)
	}
	p.until("the list", p.hasText(string(name))+" && "+p.hasText("Server-to-Server OAuth"))
	p.click(string(name), "[data-click=openApp]", p.hasText("App Credentials"))

	// The control listener reports the same.
	resp, err := http.Get(u.Control + "/state")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"Activated":true`) {
		t.Errorf("GET /state: %s", body)
	}
}

func jsonUnmarshalThird(b []byte, out any) error {
	if out == nil {
		return nil
	}
	return json.Unmarshal(b, out)
}

func thirdText(p *thirdPage) string {
	var s string
	p.eval(`document.body.innerText`, &s)
	return s
}
