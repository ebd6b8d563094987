package simulator

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

// shadowSecretPage shows a secret only inside a component's shadow root,
// written there after the root was attached.
const shadowSecretPage = `<!doctype html><html><head><title>Shadow</title></head><body>
<x-secret></x-secret>
<script>
customElements.define('x-secret', class extends HTMLElement {
  connectedCallback() {
    const r = this.attachShadow({ mode: 'closed' });
    r.innerHTML = '<p style="font-size:40px">Client Secret <span data-sim-secret>s3cr3t</span></p>';
  }
});
</script></body></html>`

// TestPaintReachesShadowRoots: a secret a component draws in its shadow
// root is painted too, so a picture that shows it is caught.
func TestPaintReachesShadowRoots(t *testing.T) {
	t.Parallel()
	newTab := startBrowser(t)
	for _, paint := range []bool{false, true} {
		page := []byte(shadowSecretPage)
		if paint {
			page = withStyle(page)
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(page)
		}))
		defer srv.Close()
		b := newTab(t)
		b.open(srv.URL)
		b.waitFor(`document.querySelector('x-secret').getClientRects().length > 0`)
		shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		n, err := SecretPixels(bytes.NewReader(shot))
		if err != nil {
			t.Fatal(err)
		}
		if (n > 0) != paint {
			t.Errorf("paint %v: %d secret-coloured pixels", paint, n)
		}
	}
}
