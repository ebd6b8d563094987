package simulator

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestFourthTemplates executes every template of the fourth rendering on
// representative data and looks for the words the reference asks for.
func TestFourthTemplates(t *testing.T) {
	r, err := loadRendering("fourth")
	if err != nil {
		t.Fatal(err)
	}
	zp := zoomPage{Banner: true, Name: "Avery Admin", Email: zoomEmail, Role: "Owner", TwoFactor: true, Marketplace: "http://mk.test", Error: "The verification code is incorrect. Please try again."}
	zoom := []struct {
		name  string
		words []string
	}{
		{"signin.html", []string{"Sign In", "Email", "Email or phone number", "Next", "Password", "Accept Cookies", "Decline"}},
		{"otp.html", []string{"verification code", "Verify", "The verification code is incorrect", "Accept Cookies"}},
		{"profile.html", []string{"Profile", "Avery Admin", zoomEmail, "Owner", "http://mk.test"}},
		{"notfound.html", []string{"404", "Sign In"}},
	}
	for _, c := range zoom {
		got := fourthExec(t, r.zoom.ExecuteTemplate, c.name, zp)
		fourthHas(t, c.name, got, c.words...)
	}
	noBanner := fourthExec(t, r.zoom.ExecuteTemplate, "signin.html", zoomPage{})
	if strings.Contains(noBanner, "Accept Cookies") {
		t.Error("signin.html shows the cookie banner without .Banner")
	}
	mk := fourthExec(t, r.market.ExecuteTemplate, "index.html", zoomPage{Banner: true})
	fourthHas(t, "index.html", mk, "/static/market.js", "/static/zm.js", "Accept Cookies")

	meets := []struct {
		name  string
		p     meetsPage
		words []string
		not   []string
	}{
		{"login.html", meetsPage{Title: "Log In", LoginUser: "typed-user", Error: "Invalid username or password."},
			[]string{"Username or email", "Password", "Log In", "typed-user", "Invalid username or password."}, nil},
		{"general.html", meetsPage{Title: "General", User: meetsUser, Tab: "general"}, []string{"General", "Conferencing Account", "Log Out"}, nil},
		{"users.html", meetsPage{Title: "Users", User: meetsUser, Tab: "users"}, []string{"Users", "Conferencing Account"}, nil},
		{"integrations.html", meetsPage{Title: "Integrations", User: meetsUser, Tab: "integrations"}, []string{"Integrations", "Conferencing Account"}, nil},
		{"conferencing.html", meetsPage{Title: "Conferencing Account", User: meetsUser, Tab: "conferencing"},
			[]string{"Conferencing Account", "Sitewide Settings", "MEETS API Credentials", "API Key", "API Secret", "Submit", `name="api_key"`, `name="api_secret"`},
			[]string{"Clear Configuration", "readonly"}},
		{"conferencing.html", meetsPage{Title: "Conferencing Account", User: meetsUser, Tab: "conferencing", Configured: true, ReadOnly: true, APIKey: "acc:cli", APISecret: "s3cr3t", Status: "Zoom credentials saved and verified."},
			[]string{"Edit", "Clear Configuration", "acc:cli", `value="s3cr3t" readonly class="m-ro" data-sim-secret`, "Zoom credentials saved and verified.", "confirm("},
			[]string{"Submit"}},
		{"conferencing.html", meetsPage{Title: "Conferencing Account", User: meetsUser, Tab: "conferencing", Configured: true, APIKey: "acc:cli", Error: "Zoom rejected these credentials: Invalid client_id or client_secret"},
			[]string{"Submit", "Cancel", "Clear Configuration", `value="acc:cli"`, "Zoom rejected these credentials"}, nil},
		{"unavailable.html", meetsPage{Title: "Service Unavailable", Again: "/admin/conferencing"}, []string{"Try again", `href="/admin/conferencing"`}, nil},
	}
	for _, c := range meets {
		got := fourthExec(t, r.meets.ExecuteTemplate, c.name, c.p)
		fourthHas(t, c.name, got, c.words...)
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("%s (%+v) shows %q", c.name, c.p, w)
			}
		}
	}
	// The editable form with a stored secret marks the field.
	edit := fourthExec(t, r.meets.ExecuteTemplate, "conferencing.html", meetsPage{User: meetsUser, Tab: "conferencing", Configured: true, APIKey: "a:b", APISecret: "xyz"})
	fourthHas(t, "conferencing.html edit", edit, `value="xyz" spellcheck="false" id="secret" data-sim-secret`)

	// The single-page app carries the reference's words.
	js, err := pagesFS.ReadFile("pages/fourth/static/market.js")
	if err != nil {
		t.Fatal(err)
	}
	fourthHas(t, "market.js", string(js), "Develop", "Build App", "Manage", "Created Apps", "Developer", "Created apps", "Build app",
		"Choose your app type", "What kind of app are you creating?", "Server to Server OAuth App", "Create a Server-to-Server OAuth app",
		"App Name", "Create", "App Credentials", "Account ID", "Client ID", "Client Secret", "Copy", "Show", "Regenerate",
		"Information", "Company Name", "Developer Contact Information", "Name", "Email address", "Feature", "Event Subscriptions",
		"Secret Token", "Scopes", "Add Scopes", "Done", "scopes added", "Activation", "Activate your app",
		"Your app is activated on the account", "Deactivate", "Continue", "Try again", "data-sim-secret", "Accept")
}

func fourthExec(t *testing.T, exec func(w io.Writer, name string, data any) error, name string, data any) string {
	t.Helper()
	var b bytes.Buffer
	if err := exec(&b, name, data); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b.String()
}

func fourthHas(t *testing.T, what, got string, words ...string) {
	t.Helper()
	for _, w := range words {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// fourthFind is a page function: the centre of the smallest visible element,
// in the document or any open shadow root, whose own text is exactly text
// (or, with a "label:" prefix, the field of the zm-input so labelled; with
// "css:", the first element matching the selector), or null.
const fourthFind = `(q) => {
  const all = [];
  (function walk(root) {
    for (const el of root.querySelectorAll("*")) { all.push(el); if (el.shadowRoot) walk(el.shadowRoot); }
  })(document);
  const onTop = (el) => {
    el.scrollIntoView({ block: "center" });
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    let deep = document.elementFromPoint(x, y);
    while (deep && deep.shadowRoot) { const d = deep.shadowRoot.elementFromPoint(x, y); if (!d || d === deep) break; deep = d; }
    for (let n = deep; n; n = n.parentNode || n.host) if (n === el) return true;
    return false;
  };
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
  const norm = (s) => (s || "").replace(/[\u203a\u25be\u25b8]/g, "").trim();
  let cands = [];
  if (q.startsWith("label:")) {
    cands = all.filter((el) => el.tagName === "ZM-INPUT" && el.getAttribute("label") === q.slice(6) && shown(el))
      .flatMap((host) => Array.from(host.shadowRoot.querySelectorAll("input, textarea")).filter(shown));
  } else if (q.startsWith("css:")) {
    cands = all.filter((el) => el.matches(q.slice(4)) && shown(el));
  } else {
    const area = (el) => { const r = el.getBoundingClientRect(); return r.width * r.height; };
    cands = all.filter((el) => norm(el.textContent) === q && shown(el)).sort((a, b) => area(a) - area(b));
  }
  const hit = cands.find(onTop);
  if (!hit) return null;
  const r = hit.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}`

// TestFourthBrowser builds a Server-to-Server OAuth app in the fourth
// rendering with clicks and keys in a real Chromium, as a person would.
func TestFourthBrowser(t *testing.T) {
	const chromium = "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil || testing.Short() {
		t.Skip("no Chromium")
	}
	for _, layout := range []Layout{LayoutTop, LayoutLeft} {
		t.Run(string(layout), func(t *testing.T) { fourthBuild(t, chromium, layout) })
	}
}

func fourthBuild(t *testing.T, chromium string, layout Layout) {
	s, err := New(Options{Rendering: "fourth", Layout: layout, TermsPending: layout == LayoutLeft, CookieBanner: true, LateContent: 150 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.Headless)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(bctx, 20*time.Second)
	defer cancel()

	u := s.URLs()
	step := func(what string, acts ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, acts...); err != nil {
			shot, _ := chromedp.Run(bctx, chromedp.CaptureScreenshot())
			_ = os.WriteFile(os.TempDir()+"/fourth-fail-"+string(layout)+".png", shot, 0o644)
			body, _ := chromedp.Run(bctx, chromedp.Evaluate[string](`document.body.innerText`))
			t.Fatalf("%s: %v\npage:\n%s", what, err, body)
		}
	}
	// find polls for q; a navigation under way restarts the poll.
	find := func(ctx context.Context, tg *chromedp.Target, q string) ([]float64, error) {
		deadline := time.Now().Add(8 * time.Second)
		for {
			xy, err := chromedp.PollFunction[[]float64](fourthFind, chromedp.WithPollingArgs(q), chromedp.WithPollingTimeout(time.Until(deadline)))(ctx, tg)
			if err == nil || time.Now().After(deadline) || ctx.Err() != nil || !strings.Contains(err.Error(), "navigated") && !strings.Contains(err.Error(), "context") {
				return xy, err
			}
		}
	}
	at := func(q string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			xy, err := find(ctx, tg, q)
			if err != nil {
				return fmt.Errorf("find %q: %w", q, err)
			}
			_, err = chromedp.MouseClickXY(xy[0], xy[1])(ctx, tg)
			return err
		})
	}
	typeIn := func(label, text string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if _, err := at("label:"+label)(ctx, tg); err != nil {
				return err
			}
			_, err := chromedp.KeyEvent(text)(ctx, tg)
			return err
		})
	}
	see := func(text string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := find(ctx, tg, text)
			if err != nil {
				return fmt.Errorf("see %q: %w", text, err)
			}
			return nil
		})
	}
	acc := s.Accounts()

	step("sign in",
		chromedp.Navigate(u.Zoom+"/signin"),
		at("Accept Cookies"),
		typeIn("Email", acc.ZoomEmail), at("Next"),
		typeIn("Password", acc.ZoomPassword+"\r"),
		see("Profile"),
	)
	step("open the builder", chromedp.Navigate(u.Marketplace+"/"), see("Featured apps"))
	if layout == LayoutTop {
		step("Develop > Build App", at("Develop"), at("Build App"), see("Choose your app type"))
		step("pick Server-to-Server OAuth", at("Server-to-Server OAuth"))
	} else {
		step("Developer > Created apps", at("Developer"), at("Created apps"), see("Accept"), at("Accept"))
		step("+ Build app", at("+ Build app"), see("What kind of app are you creating?"), at("Server to Server OAuth App"), at("Create"))
	}
	step("name the app",
		see("Create a Server-to-Server OAuth app"),
		typeIn("App Name", "MEETS "+string(layout)),
		at("Create"),
		see("Account ID"),
	)
	if layout == LayoutTop {
		step("reveal the secret", at("Show"), see("Hide"))
	}
	step("credentials > information", at("Continue"), see("Developer Contact Information"))
	step("information",
		typeIn("Company Name", "Example University"),
		typeIn("Name", "Avery Admin"),
		typeIn("Email address", "avery@example.edu"),
		at("Continue"), see("Event Subscriptions"),
		at("Continue"), see("0 scopes added"),
	)
	step("add scopes",
		at("+ Add Scopes"), see("Meeting"),
		typeIn("Search scopes", "meeting:read:meeting:admin"),
		at("View a meeting (meeting:read:meeting:admin)"),
		chromedp.KeyEvent("\t"),
		at("Done"), see("1 scope added"),
	)
	step("activate", at("Continue"), at("Activate your app"), see("Your app is activated on the account"))

	st := s.State()
	if len(st.Apps) != 1 {
		t.Fatalf("apps: %+v", st.Apps)
	}
	a := st.Apps[0]
	b, _ := json.Marshal(a)
	if a.Type != AppTypeS2S || !a.Activated || a.Company != "Example University" || a.ContactEmail != "avery@example.edu" || len(a.Scopes) != 1 {
		t.Errorf("app built: %s", b)
	}
}
