package automation

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"zoomsetup/secret"
)

// testBrowser is the one Chrome of this test binary; each test gets its own browser context.
var testBrowser *Browser

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	b, err := Launch(context.Background(), BrowserOptions{EnvPath: os.Getenv("ZOOMSETUP_BROWSER")})
	if err != nil {
		if os.Getenv("CI") != "" || !errors.Is(err, ErrNoBrowser) {
			fmt.Fprintln(os.Stderr, "browser tests need Chrome:", err)
			return 1
		}
		fmt.Fprintln(os.Stderr, "no browser; browser tests will be skipped:", err)
	}
	testBrowser = b
	defer b.Close()
	return m.Run()
}

// newTab opens a fresh browser context on the test page and returns its
// context with a deadline for the test.
func newTab(t *testing.T) context.Context {
	t.Helper()
	return newTabAt(t, "page.html", t.Logf)
}

// newTabAt is newTab on another page of testdata, with the notes going to logf.
func newTabAt(t *testing.T, file string, logf func(string, ...any)) context.Context {
	t.Helper()
	tab := testdataTab(t, file)
	ctx, cancel2 := context.WithTimeout(tab, 10*time.Second)
	t.Cleanup(cancel2)
	return WithEnv(ctx, &Env{Dismiss: []Locator{Button("Decline", "Reject All").In(Dialog("Cookie consent"))}, Logf: logf})
}

// testdataTab opens a fresh browser context on a page of testdata and
// returns its tab, without a deadline.
func testdataTab(t *testing.T, file string) context.Context {
	t.Helper()
	if testBrowser == nil {
		t.Skip("no browser")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir("testdata")))
	t.Cleanup(srv.Close)
	tab, cancel := chromedp.NewContext(testBrowser.Tab, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(tab, Prepare(1280, 800, 1), chromedp.Navigate(srv.URL+"/"+file)); err != nil {
		t.Fatal(err)
	}
	return tab
}

func outText(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('out').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestClickInRegionPicksTheRightButton(t *testing.T) {
	ctx := newTab(t)
	if err := chromedp.Do(ctx, Click(Button("Create").In(Region("Server-to-Server OAuth")))); err != nil {
		t.Fatal(err)
	}
	if got := outText(t, ctx); got != "s2s" {
		t.Fatalf("clicked %q, want s2s", got)
	}
}

func TestClickDismissesCoveringBanner(t *testing.T) {
	ctx := newTab(t)
	// "Far away" sits under the cookie banner once scrolled into view at the bottom.
	if err := chromedp.Do(ctx, Click(Button("Far"))); err != nil {
		t.Fatal(err)
	}
	if got := outText(t, ctx); got != "far" {
		t.Fatalf("got %q, want far", got)
	}
	gone, err := chromedp.Run(ctx, Holds(Dialog("Cookie consent")))
	if err != nil || gone {
		t.Fatalf("banner still there (%v, %v)", gone, err)
	}
}

func TestFieldByPlaceholderAndLabelSkipsHiddenTwin(t *testing.T) {
	ctx := newTab(t)
	if err := chromedp.Do(ctx,
		Fill(Field("Email or phone number"), "a@example.edu"),
		Fill(Field("Password"), "pw-1234"),
	); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		l    Locator
		want string
	}{
		{Field("Email or phone number"), "a@example.edu"},
		{Field("Password"), "pw-1234"},
	} {
		got, err := chromedp.Run(ctx, Value(c.l))
		if err != nil || got != c.want {
			t.Fatalf("%s = %q, %v; want %q", c.l, got, err, c.want)
		}
	}
}

func TestFillFiresChange(t *testing.T) {
	ctx := newTab(t)
	if err := chromedp.Do(ctx, Fill(Field("Company Name"), "Example University")); err != nil {
		t.Fatal(err)
	}
	if got := outText(t, ctx); got != "changed Example University" {
		t.Fatalf("got %q", got)
	}
}

func TestSetCheckedClicksOnlyWhenNeeded(t *testing.T) {
	ctx := newTab(t)
	box := Checkbox("(meeting:read:meeting:admin)").Containing()
	for i, want := range []bool{true, false} {
		clicked, err := chromedp.Run(ctx, SetChecked(box, true))
		if err != nil {
			t.Fatal(err)
		}
		if clicked != want {
			t.Fatalf("round %d: clicked=%v, want %v", i, clicked, want)
		}
	}
	if got := outText(t, ctx); got != "checked true" {
		t.Fatalf("got %q", got)
	}
}

func TestWaitAnySeesLateContent(t *testing.T) {
	ctx := newTab(t)
	if err := chromedp.Do(ctx, Click(Button("Next"))); err != nil {
		t.Fatal(err)
	}
	i, err := chromedp.Run(ctx, WaitAny(Heading("Never"), Heading("Later heading")))
	if err != nil || i != 1 {
		t.Fatalf("WaitAny = %d, %v", i, err)
	}
}

func TestWaitTimesOutWithWhatItSaw(t *testing.T) {
	ctx := newTab(t)
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	_, err := chromedp.Run(short, WaitAny(Button("Build App")))
	var we *WaitError
	if !errors.As(err, &we) || !errors.Is(err, ErrWaited) {
		t.Fatalf("err = %v, want a WaitError", err)
	}
	if want := "Test page"; !strings.Contains(we.Seen, want) {
		t.Fatalf("glimpse %q lacks %q", we.Seen, want)
	}
}

func TestDisabledButtonIsNotClicked(t *testing.T) {
	ctx := newTab(t)
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	err := chromedp.Do(short, Click(Button("Sign In")))
	if !errors.Is(err, ErrDisabled) {
		t.Fatalf("err = %v, want ErrDisabled", err)
	}
}

func TestMaskCoversValuesAndElements(t *testing.T) {
	ctx := newTab(t)
	if err := chromedp.Do(ctx, Fill(Field("Company Name"), "s3cr3t-value")); err != nil {
		t.Fatal(err)
	}
	rects, err := chromedp.Run(ctx, Mask([]Locator{Heading("Test page")}, []string{"s3cr3t-value"}))
	if err != nil {
		t.Fatal(err)
	}
	// The heading, the field, and the page's echo of the value.
	if len(rects) != 3 {
		t.Fatalf("masked %d boxes, want 3: %v", len(rects), rects)
	}
	if err := chromedp.Do(ctx, Unmask()); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('[data-zoomsetup-mask]').length`))
	if err != nil || n != 0 {
		t.Fatalf("mask layers left: %d, %v", n, err)
	}
}

func TestAlertMatchesByItsText(t *testing.T) {
	ctx := newTab(t)
	ok, err := chromedp.Run(ctx, Holds(Alert("verification code is incorrect")))
	if err != nil || !ok {
		t.Fatalf("alert not found by its text (%v, %v)", ok, err)
	}
	ok, err = chromedp.Run(ctx, Holds(Alert("Incorrect email or password")))
	if err != nil || ok {
		t.Fatalf("an alert with other words matched (%v, %v)", ok, err)
	}
}

// rebuilt is a Restarter that is needed once, as a session that ended once.
type rebuilt struct{ used bool }

func (r *rebuilt) Needed(context.Context, *chromedp.Target) (bool, error) { return !r.used, nil }
func (r *rebuilt) Recover(context.Context, *chromedp.Target) error        { r.used = true; return nil }
func (r *rebuilt) String() string                                         { return "rebuilt the page" }
func (r *rebuilt) StartsOver()                                            {}

// TestRebuiltPageStartsTheStepOver runs steps whose first run meets a
// Restarter: whatever that run concluded, the step runs again, and a change
// it reported is kept in the outcome.
func TestRebuiltPageStartsTheStepOver(t *testing.T) {
	cases := []struct {
		name  string
		first func(ctx context.Context) (Outcome, error) // after the wait that met the recovery
		want  Outcome
	}{
		{"a verdict from the rebuilt page", func(context.Context) (Outcome, error) {
			return "", Fail(KindUnexpected, "", "the page lacks what was done")
		}, Already},
		{"a change reported", func(context.Context) (Outcome, error) { return Done, nil }, Done},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := WithEnv(newTab(t), &Env{Recover: []Recovery{&rebuilt{}}, Logf: t.Logf})
			runs := 0
			st := Step{Name: "s", Run: func(ctx context.Context, s *Session) (Outcome, error) {
				runs++
				if runs > 1 {
					return Already, nil
				}
				short, cancel := context.WithTimeout(ctx, 2*time.Second)
				defer cancel()
				if _, err := chromedp.Run(short, WaitAny(Heading("Never"))); !errors.Is(err, ErrStartOver) {
					t.Errorf("the wait ended with %v, want ErrStartOver", err)
				}
				return c.first(ctx)
			}}
			dir := t.TempDir()
			m := NewManifest(dir, "run", "test", "test")
			r := &Runner{Dir: dir, StepTimeout: 5 * time.Second, Manifest: m}
			if err := r.Run(ctx, &Session{Tab: ctx, Secrets: &secret.Redactor{}, Logf: t.Logf}, []Step{st}); err != nil {
				t.Fatal(err)
			}
			if runs != 2 || m.Steps[0].Outcome != c.want {
				t.Fatalf("%d runs, outcome %q; want 2 runs, %q", runs, m.Steps[0].Outcome, c.want)
			}
		})
	}
}

// TestPressThatMissesIsStoppedAndAimedAgain: a page that moves under the
// pointer between the look and the press does not get the press on what
// moved there (Delete); Save is pressed once, where it now is.
func TestPressThatMissesIsStoppedAndAimedAgain(t *testing.T) {
	ctx := newTabAt(t, "shifting.html", t.Logf)
	if err := chromedp.Do(ctx, Click(Button("Save"))); err != nil {
		t.Fatal(err)
	}
	if got := outText(t, ctx); got != "save;" {
		t.Fatalf("the page saw %q, want one press on Save", got)
	}
}

// TestShadowRoots: what components draw in their shadow roots is found,
// read, typed into and clicked like the rest of the page, closed roots
// included, and a secret shown inside one is masked.
func TestShadowRoots(t *testing.T) {
	ctx := newTabAt(t, "shadow.html", t.Logf)
	if err := chromedp.Do(ctx, Fill(Field("Account ID"), "abc123")); err != nil {
		t.Fatal(err)
	}
	if v, err := chromedp.Run(ctx, Value(Label("Account ID"))); err != nil || v != "abc123" {
		t.Fatalf("Account ID reads %q (%v), want abc123", v, err)
	}
	scope := Checkbox("meeting:read:admin").Words().In(Dialog("Add Scopes"))
	if _, err := chromedp.Run(ctx, SetChecked(scope, true)); err != nil {
		t.Fatal(err)
	}
	for _, b := range []Locator{Button("Create"), Button("Remove"), Button("Done").In(Dialog("Add Scopes"))} {
		if err := chromedp.Do(ctx, Click(b)); err != nil {
			t.Fatal(err)
		}
	}
	if got := outText(t, ctx); got != "create;remove;done;" {
		t.Fatalf("the page saw %q, want create;remove;done;", got)
	}
	if text, err := chromedp.Run(ctx, PageText()); err != nil || !strings.Contains(text, "Add Scopes") || !strings.Contains(text, "Client Secret") {
		t.Fatalf("page text %q (%v) lacks what the shadow roots show", text, err)
	}
	rects, err := chromedp.Run(ctx, Mask(nil, []string{"S3cretValue42"}))
	if err != nil || len(rects) != 1 {
		t.Fatalf("masked %v (%v), want the secret's field", rects, err)
	}
}

// TestTickAllStopsAPressThatMisses: when the page moves under the pointer
// while boxes are ticked, the press aimed at a box is not given to what
// moved there (Save); that box is left for the next look, and the wait for
// the others does not hang on it.
func TestTickAllStopsAPressThatMisses(t *testing.T) {
	ctx := newTabAt(t, "shifting.html", t.Logf)
	want := func(string) bool { return true }
	first, err := chromedp.Run(ctx, TickAll(Checkbox(), want))
	if err != nil {
		t.Fatal(err)
	}
	second, err := chromedp.Run(ctx, TickAll(Checkbox(), want))
	if err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('input:checked').length`))
	if err != nil {
		t.Fatal(err)
	}
	if got := outText(t, ctx); got != "" || first != 1 || second != 1 || n != 2 {
		t.Fatalf("ticked %d then %d, %d boxes checked, the page saw %q; want 1, 1, 2 and nothing pressed", first, second, n, got)
	}
}

// TestShowSecretShowsOnlyTheOneAskedFor: with ShowSecrets, the secret
// named by ShowInPictures is left in the picture and every other secret
// on the page is still masked.
func TestShowSecretShowsOnlyTheOneAskedFor(t *testing.T) {
	ctx := newTab(t)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.insertAdjacentHTML('afterbegin', '<p>pw-secret-0001</p><p>client-secret-0002</p>'), true`)); err != nil {
		t.Fatal(err)
	}
	client := secret.New("client-secret-0002")
	red := &secret.Redactor{}
	red.Add(secret.New("pw-secret-0001"))
	red.Add(client)
	for _, c := range []struct {
		show bool
		want int
	}{{false, 2}, {true, 1}} {
		s := &Session{Tab: ctx, Secrets: red, ShowSecrets: c.show}
		s.ShowInPictures(client)
		rects, err := (&Runner{}).screenshot(s, nil, t.TempDir()+"/shot.png")
		if err != nil {
			t.Fatal(err)
		}
		if len(rects) != c.want {
			t.Errorf("ShowSecrets %v: %d boxes masked, want %d (%v)", c.show, len(rects), c.want, rects)
		}
	}
}
