package automation

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestDevToolsURL resolves the addresses --browser-url takes: a WebSocket
// address as given, an http:// one through the browser's /json/version.
func TestDevToolsURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/json/version":
			w.Write([]byte(`{"Browser":"Chrome/1","webSocketDebuggerUrl":"ws://` + r.Host + `/devtools/browser/abc"}`))
		case "/empty/json/version":
			w.Write([]byte(`{}`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	ctx := context.Background()
	for _, c := range []struct{ in, want string }{
		{srv.URL, "ws://" + host + "/devtools/browser/abc"},
		{srv.URL + "/", "ws://" + host + "/devtools/browser/abc"},
		{"ws://127.0.0.1:3000/?token=s3cret", "ws://127.0.0.1:3000/?token=s3cret"},
		{"ws://grid.example:4444/session/1/se/cdp", "ws://grid.example:4444/session/1/se/cdp"},
		{"ws://localhost:9222/devtools/browser/x", "ws://localhost:9222/devtools/browser/x"},
	} {
		got, err := DevToolsURL(ctx, c.in)
		if err != nil || got != c.want {
			t.Errorf("%s: %q %v, want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{srv.URL + "/empty", srv.URL + "/nothing", "ftp://" + host, "127.0.0.1:9222", "http://127.0.0.1:1/?token=s3cret"} {
		got, err := DevToolsURL(ctx, bad)
		if err == nil {
			t.Errorf("%s gave %q", bad, got)
		} else if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("the error prints the token: %v", err)
		}
	}
	if got := shownURL("wss://user:pw@browserless.example/chromium?token=s3cret"); got != "wss://browserless.example" {
		t.Errorf("shown as %q: the token or the password would be printed", got)
	}
}

// TestUnreachableBrowserKeepsItsToken connects to an address where no
// browser listens: the error names the host, never the token.
func TestUnreachableBrowserKeepsItsToken(t *testing.T) {
	b, err := Launch(context.Background(), BrowserOptions{RemoteURL: "ws://127.0.0.1:1/?token=s3cret"})
	if err == nil {
		b.Close()
		t.Fatal("connected to nothing")
	}
	if strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "ws://127.0.0.1:1") {
		t.Fatalf("error %q", err)
	}
	if _, err := Launch(context.Background(), BrowserOptions{RemoteURL: "ws://127.0.0.1:1/", ProfileDir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "profile") {
		t.Fatalf("a profile folder with a running browser: %v", err)
	}
}
