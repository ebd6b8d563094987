package automation

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// notes collects a tab's notes, for tests that check what was logged as drift.
type notes struct {
	mu  sync.Mutex
	all []string
}

func (n *notes) logf(format string, args ...any) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.all = append(n.all, fmt.Sprintf(format, args...))
}

func (n *notes) said(s string) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, l := range n.all {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// TestUnknownMarkup finds each thing of testdata/unknown.html, a page whose
// markup is none of the obvious kinds, with the browser's own role and name
// computation and with the engine's own.
func TestUnknownMarkup(t *testing.T) {
	clicks := []struct {
		name  string
		l     Locator
		out   string
		drift string // a part of the drift note the find must log, if any
	}{
		{"a caret in the name", Clickable("Develop"), "develop", ""},
		{"a link where a button was expected", Button("Build app", "Build App"), "", "as a link, not a button"},
		{"a clickable div with a count", Link("Created apps", "Created Apps"), "created", "clickable div"},
		{"a list item with a handler", Link("Information"), "information", "clickable li"},
		{"a button where a link was expected", Link("Scopes"), "scopes", "as a button, not a link"},
		{"a selectable card", Radio("Server-to-Server OAuth"), "s2s card", "clickable div"},
		{"a div button in an overlay", Button("Create").In(Dialog("Create a Server-to-Server OAuth app")), "create ", "overlay"},
	}
	for _, computed := range []bool{true, false} {
		t.Run(fmt.Sprintf("computed=%v", computed), func(t *testing.T) {
			for _, c := range clicks {
				t.Run(c.name, func(t *testing.T) {
					n := &notes{}
					ctx := newTabAt(t, "unknown.html", n.logf)
					use(t, ctx, computed)
					if err := chromedp.Do(ctx, Click(c.l)); err != nil {
						t.Fatal(err)
					}
					if c.out != "" {
						if got := outText(t, ctx); got != c.out {
							t.Fatalf("clicked %q, want %q", got, c.out)
						}
					}
					if c.drift != "" && !n.said(c.drift) {
						t.Fatalf("no drift note with %q in %q", c.drift, n.all)
					}
				})
			}
			t.Run("reading and typing", func(t *testing.T) {
				ctx := newTabAt(t, "unknown.html", t.Logf)
				use(t, ctx, computed)
				for _, c := range []struct {
					l    Locator
					want string
				}{
					{Label("Account ID"), "acct-123"},
					{Label("Client ID"), "client-456"},
					{Label("Client Secret"), "••••••"},
				} {
					got, err := chromedp.Run(ctx, Value(c.l))
					if err != nil || got != c.want {
						t.Fatalf("%s = %q, %v; want %q", c.l, got, err, c.want)
					}
				}
				if err := chromedp.Do(ctx, Click(Button("Show", "Show client secret").In(Region("Client Secret")))); err != nil {
					t.Fatal(err)
				}
				if got, err := chromedp.Run(ctx, Value(Label("Client Secret"))); err != nil || got != "secret-789" {
					t.Fatalf("after Show the secret reads %q, %v", got, err)
				}
				if err := chromedp.Do(ctx, Fill(Field("Company Name"), "Example University")); err != nil {
					t.Fatal(err)
				}
				if got := outText(t, ctx); got != "company Example University" {
					t.Fatalf("got %q", got)
				}
				if err := chromedp.Do(ctx, Fill(Field("App Name").In(Dialog("Create a Server-to-Server OAuth app")), "MEETS")); err != nil {
					t.Fatal(err)
				}
				for _, l := range []Locator{Heading("Choose your app type"), Dialog("Add Scopes"), Dialog("Create a Server-to-Server OAuth app")} {
					if ok, err := chromedp.Run(ctx, Holds(l)); err != nil || !ok {
						t.Fatalf("%s not found (%v)", l, err)
					}
				}
				box := Checkbox("(meeting:read:meeting:admin)").Containing().In(Dialog("Add Scopes"))
				if clicked, err := chromedp.Run(ctx, SetChecked(box, true)); err != nil || !clicked {
					t.Fatalf("the switch was not turned on (%v, %v)", clicked, err)
				}
			})
		})
	}
}

// use turns the browser's own role and name computation on or off in ctx's document.
func use(t *testing.T, ctx context.Context, computed bool) {
	t.Helper()
	got, err := chromedp.Run(ctx, UseComputedAccessibility(computed))
	if err != nil || got != computed {
		t.Fatalf("computed accessibility %v, want %v (%v)", got, computed, err)
	}
}

// TestEngineMatchesAsAReader checks the engine's name matching: exact, then
// without regard to case, then without decoration, then contained.
func TestEngineMatchesAsAReader(t *testing.T) {
	ctx := newTab(t)
	type q struct {
		Names   []string `json:"names"`
		Partial bool     `json:"partial"`
		Word    bool     `json:"word"`
	}
	type m struct {
		I    int `json:"i"`
		Tier int `json:"tier"`
	}
	cases := []struct {
		text  string
		q     q
		match bool
		i     int
	}{
		{"Build App", q{Names: []string{"Build App", "Build an App"}}, true, 0},
		{"Build an App", q{Names: []string{"Build App", "Build an App"}}, true, 1},
		{"build app", q{Names: []string{"Build App"}}, true, 0},
		{"+ Build app", q{Names: []string{"Build App"}}, true, 0},
		{"Develop ▾", q{Names: []string{"Develop"}}, true, 0},
		{"Created apps (3)", q{Names: []string{"Created Apps"}}, true, 0},
		{"Build App now", q{Names: []string{"Build App"}}, false, 0},
		{"Created Apps 2", q{Names: []string{"Created Apps"}}, true, 0},
		{"Step 3", q{Names: []string{"Step 4"}}, false, 0},
		{"View a meeting (meeting:read:meeting:admin)", q{Names: []string{"(meeting:read:meeting:admin)"}, Partial: true}, true, 0},
		{"View a meeting (meeting:read:meeting)", q{Names: []string{"(meeting:read:meeting:admin)"}, Partial: true}, false, 0},
		{"View all user meetings meeting:read:admin", q{Names: []string{"meeting:read:admin"}, Word: true}, true, 0},
		{"meeting:read:admin:extra", q{Names: []string{"meeting:read:admin"}, Word: true}, false, 0},
		{"Choose the scopes the app needs. Search by name or by scope, for example meeting:read:admin.", q{Names: []string{"meeting:read:admin"}, Word: true}, false, 0},
		{"anything", q{Names: []string{}}, true, 0},
	}
	for _, c := range cases {
		got, err := engineRun[*m](ctx, "match", c.text, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if (got != nil) != c.match || (got != nil && got.I != c.i) {
			t.Errorf("match(%q, %+v) = %+v; want match=%v at %d", c.text, c.q, got, c.match, c.i)
		}
	}
}

// TestPlainAgreesWithTheEngine keeps Plain and the engine's plain together.
func TestPlainAgreesWithTheEngine(t *testing.T) {
	ctx := newTab(t)
	for _, s := range []string{"Build App", "+ Build app", "Develop ▾", "Created apps (3)", "Company Name *", "Continue →",
		"(meeting:read:meeting:admin)", "\ue900 Settings", "⚙️ Settings 😀", "Step 3", "  Add   Scopes ", "Email address:"} {
		js, err := engineRun[string](ctx, "plain", s)
		if err != nil {
			t.Fatal(err)
		}
		if js != Plain(s) {
			t.Errorf("plain(%q): engine %q, Go %q", s, js, Plain(s))
		}
	}
}

// engineRun calls the page's engine, for tests.
func engineRun[T any](ctx context.Context, method string, args ...any) (T, error) {
	return chromedp.Run(ctx, chromedp.Action[T](func(ctx context.Context, t *chromedp.Target) (T, error) {
		return engineCall[T](ctx, t, method, args...)
	}))
}

// TestEngineAgreesWithChrome holds the engine's roles and names against
// Chrome's own on every control of the test pages.
func TestEngineAgreesWithChrome(t *testing.T) {
	for _, page := range []string{"page.html", "unknown.html"} {
		t.Run(page, func(t *testing.T) {
			ctx := newTabAt(t, page, t.Logf)
			d, err := chromedp.Run(ctx, Audit())
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range d {
				t.Errorf("%s: Chrome says %s, the engine %s", x.Element, x.Chrome, x.Engine)
			}
		})
	}
}
