package secret

import (
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"strings"
	"testing"
)

func TestSecretNeverFormats(t *testing.T) {
	s := New("hunter2-very-secret")
	type wrap struct{ S Secret }
	type hidden struct{ s Secret } // unexported: fmt prints it without calling String
	b, _ := json.Marshal(wrap{s})
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%v %s %q %#v %+v %v %+v", s, s, s, s, wrap{s}, hidden{s}, hidden{s}), string(b)} {
		if strings.Contains(out, "hunter2") {
			t.Fatalf("secret leaked: %s", out)
		}
	}
	if s.Reveal() != "hunter2-very-secret" {
		t.Fatal("Reveal lost the value")
	}
}

func TestRedactor(t *testing.T) {
	var r Redactor
	r.Add(New("abcd1234"))
	r.Add(New("xy")) // too short to hide safely
	if got := r.Redact("key abcd1234 and xy"); got != "key [redacted] and xy" {
		t.Fatalf("got %q", got)
	}
}

// TestRedactorHidesEveryForm writes a secret full of characters that
// escape the ways a run's outputs write it, each by the real encoder, and
// finds each redacted.
func TestRedactorHidesEveryForm(t *testing.T) {
	v := `p<a&s"s' w%o+rd>`
	var r Redactor
	r.Add(New(v))
	page := func(tmpl string) string {
		var b strings.Builder
		if err := template.Must(template.New("").Parse(tmpl)).Execute(&b, v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	jsonOf := func(escapeHTML bool) string {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(escapeHTML)
		if err := enc.Encode(map[string]string{"error": "saw " + v}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	cases := []struct{ name, text string }{
		{"as typed", "typed " + v + " here"},
		{"html", "<p>" + html.EscapeString(v) + "</p>"},
		{"html/template text", page(`<p>{{.}}</p>`)},
		{"html/template attribute", page(`<input value="{{.}}">`)},
		{"browser text", "<code>" + strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(v) + "</code>"},
		{"browser attribute", `<input value="` + strings.NewReplacer("&", "&amp;", `"`, "&quot;").Replace(v) + `">`},
		{"json", jsonOf(true)},
		{"json without html escaping", jsonOf(false)},
		{"query", "https://x.test/?s=" + url.QueryEscape(v) + "&n=1"},
		{"path", "https://x.test/" + url.PathEscape(v) + "/x"},
		{"form post", url.Values{"api_secret": {v}}.Encode()},
	}
	for _, c := range cases {
		got := r.Redact(c.text)
		if !strings.Contains(got, "[redacted]") {
			t.Errorf("%s: %q was not redacted: %q", c.name, c.text, got)
		}
		for _, part := range []string{"p<a", "&s", "w%o", "o+r", "rd>", "p&lt;a", "%3Ca", "\\u003ca"} {
			if strings.Contains(got, part) {
				t.Errorf("%s: %q left %q of the secret", c.name, got, part)
			}
		}
	}
	if got := r.Values(); len(got) != 1 || got[0] != v {
		t.Errorf("Values() = %q, want the value as typed", got)
	}
}
