package simulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

func TestVariationIsDeterministic(t *testing.T) {
	if got := VariationOf(0); got == nil || len(got) != 0 {
		t.Fatalf("VariationOf(0) = %v, want an empty map", got)
	}
	if got := DescribeVariation(0); got != "plain" {
		t.Errorf("DescribeVariation(0) = %q", got)
	}
	differ := 0
	for seed := int64(1); seed <= 50; seed++ {
		a, b := VariationOf(seed), VariationOf(seed)
		if !maps.Equal(a, b) {
			t.Fatalf("seed %d drew %v, then %v", seed, a, b)
		}
		if len(a) != len(dimensions) {
			t.Fatalf("seed %d drew %d dimensions, want %d", seed, len(a), len(dimensions))
		}
		if !maps.Equal(a, VariationOf(seed+1)) {
			differ++
		}
	}
	if differ < 45 {
		t.Errorf("only %d of 50 seeds differ from the next one", differ)
	}
	// The description lists every choice in the order of Dimensions.
	want := []string{}
	for _, d := range Dimensions() {
		want = append(want, d.Name+"="+VariationOf(17)[d.Name])
	}
	if got := DescribeVariation(17); got != strings.Join(want, ", ") {
		t.Errorf("DescribeVariation(17) = %q", got)
	}
}

func TestVariationDrawsEveryChoice(t *testing.T) {
	seen := map[string]map[string]int{}
	for seed := int64(1); seed <= 200; seed++ {
		for dim, choice := range VariationOf(seed) {
			if seen[dim] == nil {
				seen[dim] = map[string]int{}
			}
			seen[dim][choice]++
		}
	}
	names := map[string]bool{}
	for _, d := range Dimensions() {
		if names[d.Name] {
			t.Errorf("dimension %s listed twice", d.Name)
		}
		names[d.Name] = true
		if len(d.Choices) < 2 || len(d.Choices) > 4 || d.About == "" {
			t.Errorf("dimension %s: %d choices, about %q", d.Name, len(d.Choices), d.About)
		}
		for _, c := range d.Choices {
			if seen[d.Name][c] == 0 {
				t.Errorf("seeds 1..200 never draw %s=%s (%v)", d.Name, c, seen[d.Name])
			}
		}
	}
}

func TestChoicesOfAndIs(t *testing.T) {
	var plain Choices
	if plain.Of("menu") != "click" || !plain.Is("dialog", "aria") || plain.Is("dialog", "native") || plain.Of("nonsense") != "" {
		t.Error("the plain choices are not the first ones")
	}
	c := Choices{"dialog": "native"}
	if !c.Is("dialog", "native") || !c.Is("menu", "click") {
		t.Errorf("Choices %v", c)
	}
	if f := c.Field("meetsFields", "api-key", "API Key"); !f.Label() || f.Aria() || f.Above() || f.Placeholder() {
		t.Errorf("plain field %+v", f)
	}
}

func TestSessionCarriesVariation(t *testing.T) {
	for _, seed := range []int64{0, 7} {
		s := newSim(t, Options{Variation: seed})
		_, body := do(t, signedIn(t, s), "GET", s.URLs().Marketplace+"/api/session", "", "", nil)
		var got struct {
			Variation map[string]string `json:"variation"`
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		if got.Variation == nil || !maps.Equal(got.Variation, VariationOf(seed)) {
			t.Errorf("seed %d: session variation %v, want %v", seed, got.Variation, VariationOf(seed))
		}
	}
}

// TestTemplatesRenderEveryChoice executes every server-rendered page with
// each choice of each dimension and checks the words stay.
func TestTemplatesRenderEveryChoice(t *testing.T) {
	r, err := loadRendering("first")
	if err != nil {
		t.Fatal(err)
	}
	zoomPages := map[string][]string{
		"signin.html":   {"window.simVariation = {\"", "/static/signin.js"},
		"otp.html":      {"Enter verification code", "Verification code", "Verify", "The code is wrong"},
		"profile.html":  {"Avery Admin", "We use cookies", "Accept Cookies", "Decline"},
		"notfound.html": {"Page not found"},
	}
	meets := []struct {
		name string
		page meetsPage
		want []string
	}{
		{"login.html", meetsPage{Title: "Log In", Error: "Invalid username or password."}, []string{"Username or Email", "Password", "Log In", "Invalid username or password."}},
		{"general.html", meetsPage{User: "u", Tab: "general"}, []string{"General", "Conferencing Account", "Users", "Integrations", "General Settings"}},
		{"users.html", meetsPage{User: "u", Tab: "users"}, []string{"Conferencing Account", "jdoe"}},
		{"integrations.html", meetsPage{User: "u", Tab: "integrations"}, []string{"Conferencing Account", "Moodle"}},
		{"conferencing.html", meetsPage{User: "u", Tab: "conferencing"}, []string{"API Key", "API Secret", "Submit", "MEETS API Credentials"}},
		{"conferencing.html", meetsPage{User: "u", Tab: "conferencing", Configured: true, APIKey: "acc:cli", APISecret: "s3cret", Error: "Zoom rejected these credentials"}, []string{"API Key", "API Secret", "Submit", "Cancel", "acc:cli", "data-sim-secret"}},
		{"conferencing.html", meetsPage{User: "u", Tab: "conferencing", Configured: true, ReadOnly: true, APIKey: "acc:cli", APISecret: "s3cret", Status: "saved"}, []string{"API Key", "API Secret", "Edit", "Clear Configuration", "acc:cli", "s3cret", "data-sim-secret", "confirm("}},
		{"unavailable.html", meetsPage{Title: "Service temporarily unavailable", Again: "/admin?x=1"}, []string{"Service temporarily unavailable", "Try again", "/admin?x=1"}},
	}
	for _, d := range Dimensions() {
		for _, choice := range d.Choices {
			c := Choices{d.Name: choice}
			for name, want := range zoomPages {
				var b bytes.Buffer
				p := zoomPage{Banner: true, Name: "Avery Admin", Email: zoomEmail, Error: "The code is wrong", Variation: c}
				if err := r.zoom.ExecuteTemplate(&b, name, p); err != nil {
					t.Fatalf("%s=%s: %s: %v", d.Name, choice, name, err)
				}
				if name == "signin.html" {
					want = append(want, fmt.Sprintf(`{%q:%q}`, d.Name, choice))
				}
				for _, w := range want {
					if !strings.Contains(b.String(), w) {
						t.Errorf("%s=%s: %s lacks %q", d.Name, choice, name, w)
					}
				}
			}
			var b bytes.Buffer
			if err := r.market.ExecuteTemplate(&b, "index.html", zoomPage{Banner: true, Variation: c}); err != nil || !strings.Contains(b.String(), "Accept Cookies") {
				t.Errorf("%s=%s: index.html: %v", d.Name, choice, err)
			}
			for _, m := range meets {
				var b bytes.Buffer
				m.page.Variation = c
				if err := r.meets.ExecuteTemplate(&b, m.name, m.page); err != nil {
					t.Fatalf("%s=%s: %s: %v", d.Name, choice, m.name, err)
				}
				for _, w := range m.want {
					if !strings.Contains(b.String(), w) {
						t.Errorf("%s=%s: %s lacks %q", d.Name, choice, m.name, w)
					}
				}
			}
		}
	}
}

// TestPlainPagesHaveNoVariation: seed 0 serves the pages as they were.
func TestPlainPagesHaveNoVariation(t *testing.T) {
	s := newSim(t, Options{})
	c := browser(t)
	_, body := do(t, c, "GET", s.URLs().Zoom+"/signin", "", "", nil)
	if strings.Contains(body, "simVariation") {
		t.Error("the plain sign-in page carries a variation")
	}
	_, body = do(t, c, "GET", s.URLs().Meets+"/login", "", "", nil)
	if !strings.Contains(body, `<label for="login-user">Username or Email</label>`) || !strings.Contains(body, `<button type="submit" class="btn wide">Log In</button>`) {
		t.Errorf("plain MEETS login: %s", body)
	}
}

// TestVariationsInBrowser loads the Marketplace's pages for a few seeds in
// both layouts and checks they render their words without a script error.
func TestVariationsInBrowser(t *testing.T) {
	tab := startBrowser(t)
	seeds := []int64{1, 2, 3, 4, 5, 6}
	for _, seed := range seeds {
		layout := []Layout{LayoutTop, LayoutLeft}[seed%2]
		t.Run(fmt.Sprintf("seed %d %s", seed, layout), func(t *testing.T) {
			s := newSim(t, Options{Variation: seed, Layout: layout, ExistingApps: []AppSeed{{Name: "Old", Scopes: []string{"meeting:read:meeting:admin"}}}})
			b := tab(t)
			t.Log(DescribeVariation(seed))
			if err := chromedp.Do(b.ctx, chromedp.Navigate("about:blank")); err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			var thrown []string
			if err := chromedp.Listen(b.ctx, func(ev any) {
				if e, ok := ev.(*runtime.EventExceptionThrown); ok {
					mu.Lock()
					thrown = append(thrown, e.ExceptionDetails.Text+" "+exceptionText(e.ExceptionDetails))
					mu.Unlock()
				}
			}); err != nil {
				t.Fatal(err)
			}
			// Sign in by the field's type, whatever labels it, and the form's submit.
			a := s.Accounts()
			b.open(s.URLs().Zoom + "/signin")
			fill := `(sel, v) => { const f = document.querySelector(sel); f.value = v; f.form.requestSubmit(); return true; }`
			b.waitFor(`document.querySelector('input[type=email]')`)
			b.run(fmt.Sprintf(`(%s)('input[type=email]', %q)`, fill, a.ZoomEmail))
			b.waitFor(`document.querySelector('input[type=password]:not([tabindex])')`)
			b.run(fmt.Sprintf(`(%s)('input[type=password]:not([tabindex])', %q)`, fill, a.ZoomPassword))
			b.waitFor(`location.pathname === '/profile'`)
			m := s.URLs().Marketplace
			id := s.State().Apps[0].ID
			pages := []struct{ path, words string }{
				{"/", "Discover apps that work with Zoom"},
				{"/user/build", "Old"},
				{"/develop/create", "Server-to-Server OAuth"},
				{"/develop/app/" + id + "/credentials", "Client Secret"},
				{"/develop/app/" + id + "/information", "Company Name"},
				{"/develop/app/" + id + "/scopes", "1 scope added"},
				{"/develop/app/" + id + "/activation", "Activate your app"},
			}
			if layout == LayoutLeft {
				pages[2] = struct{ path, words string }{"/user/build", "Build app"}
			}
			for _, p := range pages {
				b.open(m + p.path)
				b.waitFor(fmt.Sprintf(`(%s)().includes(%q)`, mainWords, p.words))
			}
			// Open a dialog too.
			b.open(m + "/develop/app/" + id + "/scopes")
			b.waitFor(fmt.Sprintf(`(%s)().includes('Add Scopes')`, mainWords))
			b.run(`[...document.querySelectorAll('button, a, input, div.clickable')].find(e => /Add Scopes/.test(e.textContent || e.value)).click(), true`)
			b.waitFor(`[...document.querySelectorAll('h2')].some(h => h.textContent === 'Add Scopes') && document.body.innerText.includes('meeting:read:meeting:admin')`)
			// What the dialog's scripts throw has shown by the time two frames are drawn.
			if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, chromedp.EvalAwaitPromise)); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(thrown) > 0 {
				t.Errorf("script errors: %v", thrown)
			}
		})
	}
}

// mainWords is a function that reads the words of the Marketplace's loaded
// content: its text, and the values, placeholders and names of its fields
// and controls ("" while it loads).
const mainWords = `() => {
  const m = document.querySelector('main');
  if (!m || m.hasAttribute('aria-busy')) return '';
  const attrs = [...m.querySelectorAll('input, textarea, [aria-label]')].map(e => [e.value, e.placeholder, e.getAttribute('aria-label')].join(' '));
  return m.innerText + ' ' + attrs.join(' ');
}`

// exceptionText is what an uncaught exception says.
func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Exception.Description
	}
	return ""
}
