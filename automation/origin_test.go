package automation

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"zoomsetup/secret"
)

// TestSecretIsTypedOnlyOnItsSite types a secret bound to the page's origin
// (typed), then one bound to another site (refused, naming both origins and
// not the secret), on a page served from a site of its own.
func TestSecretIsTypedOnlyOnItsSite(t *testing.T) {
	if testBrowser == nil {
		t.Skip("no browser")
	}
	page := `<!doctype html><title>Sign in</title><label for=p>Password</label><input id=p type=password><p id=out></p>
<script>document.getElementById('p').addEventListener('input', e => document.getElementById('out').textContent = 'typed ' + e.target.value.length)</script>`
	home := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(page)) }))
	defer home.Close()
	other := httptest.NewServer(http.NotFoundHandler())
	defer other.Close()
	tab, cancel := chromedp.NewContext(testBrowser.Tab, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(tab, Prepare(1280, 800, 1), chromedp.Navigate(home.URL)); err != nil {
		t.Fatal(err)
	}
	red := &secret.Redactor{}
	ctx, cancel2 := context.WithTimeout(WithEnv(tab, &Env{Secrets: red, Logf: t.Logf}), 10*time.Second)
	defer cancel2()

	pw := secret.New("hunter2-not-shown")
	err := chromedp.Do(ctx, FillSecret(Field("Password"), pw.For(other.URL)))
	var oe *OriginError
	if !errors.As(err, &oe) {
		t.Fatalf("a secret bound to another site was typed (err %v)", err)
	}
	if !strings.Contains(err.Error(), Origin(other.URL)) || !strings.Contains(err.Error(), Origin(home.URL)) || strings.Contains(err.Error(), pw.Reveal()) {
		t.Fatalf("the refusal %q must name both origins and not the secret", err)
	}
	if got := outText(t, ctx); got != "" {
		t.Fatalf("the page saw input after the refusal: %q", got)
	}
	if err := chromedp.Do(ctx, FillSecret(Field("Password"), pw)); err == nil {
		t.Fatal("a secret bound to no site was typed")
	}
	if err := chromedp.Do(ctx, FillSecret(Field("Password"), pw.For(home.URL))); err != nil {
		t.Fatal(err)
	}
	if got := outText(t, ctx); got != "typed 17" {
		t.Fatalf("the page saw %q, want the secret typed", got)
	}
	if got := red.Redact("x " + pw.Reveal()); strings.Contains(got, pw.Reveal()) {
		t.Fatal("the redactor did not learn the typed secret")
	}
}

// TestClicksStayOnTheBoundSite clicks nothing on a page of another origin
// when the context is bound to one.
func TestClicksStayOnTheBoundSite(t *testing.T) {
	ctx := newTab(t)
	err := chromedp.Do(WithOrigin(ctx, "http://zoom.example"), Click(Button("Next")))
	var oe *OriginError
	if !errors.As(err, &oe) {
		t.Fatalf("clicked on another site (err %v)", err)
	}
}
