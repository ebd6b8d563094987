package simulator

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestRelabelRewritesPages(t *testing.T) {
	s, err := New(Options{Relabel: map[string]string{"Log In": "Sign On"}})
	// The MEETS login page is a template whose type Go sniffs on write.
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	resp, err := http.Get(s.URLs().Meets + "/login")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if strings.Contains(string(b), "Log In") || !strings.Contains(string(b), "Sign On") {
		t.Fatalf("the login page was not relabelled")
	}
}
