package simulator

// Tests of the second rendering (pages/second): every template executes on
// representative data, its static files are served, and a real browser can
// build and activate a Server-to-Server OAuth app in its Marketplace.

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestSecondTemplatesExecute(t *testing.T) {
	r, err := loadRendering("second")
	if err != nil {
		t.Fatal(err)
	}
	run := func(tpl *template.Template, name string, data any) string {
		t.Helper()
		var b bytes.Buffer
		if err := tpl.ExecuteTemplate(&b, name, data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b.String()
	}
	has := func(page, out string, words ...string) {
		t.Helper()
		for _, w := range words {
			if !strings.Contains(out, w) {
				t.Errorf("%s: no %q", page, w)
			}
		}
	}
	lacks := func(page, out string, words ...string) {
		t.Helper()
		for _, w := range words {
			if strings.Contains(out, w) {
				t.Errorf("%s: unexpected %q", page, w)
			}
		}
	}

	full := zoomPage{Banner: true, Name: "Avery Admin", Email: "admin@example.edu", Role: "Owner", TwoFactor: true, Marketplace: "http://marketplace.test", Error: "The verification code is incorrect. Please try again."}
	for _, p := range []zoomPage{{}, full} {
		out := run(r.zoom, "signin.html", p)
		has("signin.html", out, "Sign In", "Next", "Email or phone number", "/static/signin.js")
		out = run(r.zoom, "otp.html", p)
		has("otp.html", out, "Verify", "verification code", `action="/signin/otp/api"`, `name="code"`)
		if p.Error != "" {
			has("otp.html", out, "The verification code is incorrect.")
		}
		out = run(r.zoom, "profile.html", p)
		has("profile.html", out, p.Name, p.Email, "/signout")
		run(r.zoom, "notfound.html", p)
		out = run(r.market, "index.html", zoomPage{Banner: p.Banner})
		has("index.html", out, "/static/market.js")
		if p.Banner {
			has("index.html", out, "Accept Cookies", "Decline")
		} else {
			lacks("index.html", out, "Accept Cookies")
		}
	}

	login := run(r.meets, "login.html", meetsPage{Title: "Log In", LoginUser: "someone", Error: "Invalid username or password."})
	has("login.html", login, `name="username"`, `name="password"`, "Log In", "Invalid username or password.", `value="someone"`)
	for _, tab := range []struct{ file, tab string }{{"general.html", "general"}, {"users.html", "users"}, {"integrations.html", "integrations"}} {
		out := run(r.meets, tab.file, meetsPage{Title: tab.file, User: "meets-admin", Tab: tab.tab})
		has(tab.file, out, "Conferencing Account", "meets-admin", `aria-current="page"`)
	}
	base := meetsPage{Title: "Conferencing Account", User: "meets-admin", Tab: "conferencing"}

	empty := run(r.meets, "conferencing.html", base)
	has("conferencing (empty)", empty, "API Key", "API Secret", "Submit", `name="api_key"`, `name="api_secret"`)
	lacks("conferencing (empty)", empty, "data-sim-secret", "Clear Configuration")

	stored := base
	stored.Configured, stored.ReadOnly, stored.APIKey, stored.APISecret, stored.Status = true, true, "acct:client", "s3cr3t-value", "Zoom credentials saved and verified."
	out := run(r.meets, "conferencing.html", stored)
	has("conferencing (stored)", out, "acct:client", "Edit", "Clear Configuration", "data-confirm", "Zoom credentials saved and verified.")
	lacks("conferencing (stored)", out, "s3cr3t-value", `name="api_key"`)

	edit := stored
	edit.ReadOnly, edit.Status = false, ""
	out = run(r.meets, "conferencing.html", edit)
	has("conferencing (edit)", out, `value="acct:client"`, "data-sim-secret", "Submit")

	refused := base
	refused.APIKey, refused.Error = "acct:client", "Zoom rejected these credentials: Invalid client_id or client_secret"
	out = run(r.meets, "conferencing.html", refused)
	has("conferencing (refused)", out, "Zoom rejected these credentials", `value="acct:client"`)
	lacks("conferencing (refused)", out, "data-sim-secret")

	out = run(r.meets, "unavailable.html", meetsPage{Title: "Service temporarily unavailable", Again: "/admin/conferencing"})
	has("unavailable.html", out, "Try again", `href="/admin/conferencing"`)

	for _, f := range []string{"zoom.css", "consent.css", "consent.js", "signin.js", "otp.js", "market.css", "market.js", "meets.css", "meets.js"} {
		rec := httptest.NewRecorder()
		r.static.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/static/"+f, nil))
		if rec.Code != http.StatusOK || rec.Body.Len() == 0 {
			t.Errorf("/static/%s: %d, %d bytes", f, rec.Code, rec.Body.Len())
		}
	}
}

// TestSecondMarketplaceInBrowser signs in and builds, fills, scopes and
// activates an app in the second rendering's Marketplace, left layout, with
// the terms to accept first, checking each step on the server.
func TestSecondMarketplaceInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium not found")
		}
		t.Skip("chromium not found")
	}
	s, err := New(Options{Rendering: "second", Layout: LayoutLeft, TermsPending: true, CookieBanner: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u := s.URLs()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path),
		chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true), chromedp.Flag("disable-sync", true), chromedp.WindowSize(1280, 900))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	tctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()

	start := time.Now()
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		t.Logf("%6.1fs %s", time.Since(start).Seconds(), what)
		if err := chromedp.Do(tctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// until waits for a JavaScript condition to hold.
	until := func(what, cond string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(tctx, 15*time.Second)
		defer cancel()
		for ctx.Err() == nil {
			// A page load ends a poll, which then goes on on the new page.
			if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void]("!!("+cond+")", chromedp.WithPollingInterval(20*time.Millisecond))); err == nil {
				return
			}
		}
		t.Fatalf("%s: %s never held", what, cond)
	}
	// byText marks the visible element matching css whose text is text, so
	// a real mouse click can reach it.
	byText := func(css, text string) string {
		t.Helper()
		until("find "+text, fmt.Sprintf(`(() => { document.querySelectorAll("[data-t]").forEach(e => e.removeAttribute("data-t"));
			const e = [...document.querySelectorAll(%q)].find(e => e.offsetParent !== null && e.textContent.trim() === %q);
			if (e) e.setAttribute("data-t", ""); return !!e; })()`, css, text))
		return "[data-t]"
	}
	click := func(css string) { t.Helper(); step("click "+css, chromedp.Click(chromedp.CSS(css))) }

	step("open sign-in", chromedp.Navigate(u.Zoom+"/signin"))
	until("banner settled", `document.querySelector(".consent--in") && !document.getAnimations().length`)
	click(byText("button", "Accept Cookies"))
	until("banner gone", `!document.querySelector(".consent")`)
	step("email", chromedp.SendKeys(chromedp.CSS("#login-email"), zoomEmail))
	click("#email-next")
	step("password", chromedp.WaitVisible(chromedp.CSS("#login-password")), chromedp.SendKeys(chromedp.CSS("#login-password"), zoomPassword))
	click("#password-go")
	until("profile", `location.pathname === "/profile"`)

	step("marketplace", chromedp.Navigate(u.Marketplace+"/"))
	click(byText(".mk-side__item", "Developer"))
	click(byText(".mk-side__item", "Created apps"))
	click(byText("button", "+ Build app"))
	click("#mk-terms-ok")
	click(byText("button", "Accept and Continue"))
	until("kind dialog", `document.querySelector("dialog[open]")`)
	click("#mk-kind-s2s_oauth")
	click(byText("dialog button", "Create"))
	step("app name", chromedp.WaitVisible(chromedp.CSS(".mk-sheet input")), chromedp.SendKeys(chromedp.CSS(".mk-sheet input"), "MEETS"))
	click(byText(".mk-sheet button", "Create"))
	until("credentials", `document.querySelector(".mk-creds") && !document.querySelector(".mk-scrim")`)
	st := s.State()
	if len(st.Apps) != 1 || st.Apps[0].Type != AppTypeS2S || !st.TermsAccepted {
		t.Fatalf("after create: %+v", st)
	}
	a := st.Apps[0]
	until("account id shown", fmt.Sprintf(`document.querySelector(".mk-creds").textContent.includes(%q)`, a.AccountID))
	click(`.mk-cred button[aria-label="Show"]`)
	until("secret shown", fmt.Sprintf(`document.querySelector("[data-sim-secret]")?.textContent === %q`, a.ClientSecret))

	click(byText(".mk-step", "Information"))
	step("company", chromedp.WaitVisible(chromedp.CSS("input[autocomplete=organization]")),
		chromedp.SendKeys(chromedp.CSS("input[autocomplete=organization]"), "Example University"),
		chromedp.SendKeys(chromedp.CSS("input[autocomplete=name]"), "Avery Admin"),
		chromedp.SendKeys(chromedp.CSS("input[type=email]"), "avery@example.edu"))
	click(byText("button", "Continue"))
	until("feature", `document.querySelector("#mk-evsub")`)
	if a := s.State().Apps[0]; a.Company != "Example University" || a.ContactName != "Avery Admin" || a.ContactEmail != "avery@example.edu" {
		t.Fatalf("information not saved: %+v", a)
	}
	click(byText(".mk-step", "Scopes"))
	click(byText("button", "+ Add Scopes"))
	click(byText(".mk-prod__head", "Meeting"))
	click(byText(".mk-row__text", "View a meeting (meeting:read:meeting:admin)"))
	click(byText(".mk-drawer button", "Done"))
	until("count", `document.querySelector(".mk-count-big")?.textContent === "1 scope added" && !document.querySelector(".mk-drawer-scrim")`)
	click(byText(".mk-step", "Activation"))
	click("#mk-activate")
	until("activated", `document.querySelector(".mk-live")?.textContent.includes("Your app is activated on the account")`)
	if a := s.State().Apps[0]; !a.Activated || len(a.Scopes) != 1 || a.Scopes[0] != "meeting:read:meeting:admin" || a.SecretRegenerations != 0 {
		t.Fatalf("after activation: %+v", a)
	}
}
