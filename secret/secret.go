// Package secret keeps passwords, TOTP seeds and client secrets out of every
// output: a type that will not print, and a redactor for text that might.
package secret

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// Secret holds a value that must never be printed: a password, a TOTP seed, a
// client secret. Every way of formatting it prints "[redacted]"; Reveal is the
// one door to its value, so each use of it is easy to find and review.
//
// The value sits behind a pointer: fmt cannot call String on a Secret held in
// an unexported field of another struct, and prints such fields raw; a
// pointer then prints as an address, never as the value.
type Secret struct {
	v      *string
	origin string
}

// New wraps s.
func New(s string) Secret { return Secret{v: &s} }

// For binds the secret to the site it belongs to (scheme://host[:port]), the
// way a password manager binds a password: the action that types it types
// it nowhere else.
func (s Secret) For(origin string) Secret {
	s.origin = origin
	return s
}

// Origin is the site the secret may be typed into, or "" when it is bound to none.
func (s Secret) Origin() string { return s.origin }

// Reveal returns the value, for typing it into a page or sending it to Zoom.
func (s Secret) Reveal() string {
	if s.v == nil {
		return ""
	}
	return *s.v
}

// IsZero reports whether no value is held.
func (s Secret) IsZero() bool { return s.Reveal() == "" }

// String prints "[redacted]".
func (s Secret) String() string { return "[redacted]" }

// GoString prints "[redacted]" for %#v too.
func (s Secret) GoString() string { return "[redacted]" }

// Format prints "[redacted]" for every verb.
func (s Secret) Format(f fmt.State, _ rune) { fmt.Fprint(f, "[redacted]") }

// MarshalJSON writes "[redacted]", so a Secret put in JSON by mistake leaks nothing.
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`"[redacted]"`), nil }

// Redactor replaces known secret values in text bound for a person or a file:
// logs, errors, page HTML saved as evidence. It knows each value in every
// form it can take in such text (see Forms), not only as typed.
type Redactor struct {
	mu     sync.RWMutex
	values []string // as typed
	forms  []string // every form of every value, longest first
}

// Add makes the redactor hide s from now on. Values shorter than 4
// characters are ignored: hiding them would garble ordinary text.
func (r *Redactor) Add(s Secret) {
	v := s.Reveal()
	if len(v) < 4 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if slices.Contains(r.values, v) {
		return
	}
	r.values = append(r.values, v)
	for _, f := range Forms(v) {
		if !slices.Contains(r.forms, f) {
			r.forms = append(r.forms, f)
		}
	}
	// Longest first, so a short form never cuts a longer one in two and
	// leaves part of it behind.
	slices.SortStableFunc(r.forms, func(a, b string) int { return len(b) - len(a) })
}

// Values returns the values to hide, as typed, for masking them on screen.
func (r *Redactor) Values() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return append([]string(nil), r.values...)
}

// Redact returns s with every known secret, in any of its forms, replaced
// by "[redacted]".
func (r *Redactor) Redact(s string) string {
	if r == nil {
		return s
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, v := range r.forms {
		s = strings.ReplaceAll(s, v, "[redacted]")
	}
	return s
}

// Forms lists the ways v can be written in the text a run saves: as typed;
// escaped for HTML by Go's html package, by html/template (which also
// escapes +), and as a browser writes a page back (text and attribute
// values); escaped for JSON, with and without HTML escaping; and escaped
// for a URL's query and path. Each form appears once.
func Forms(v string) []string {
	var out []string
	add := func(f string) {
		if f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	add(v)
	add(html.EscapeString(v))
	add(templateHTML.Replace(v))
	add(domText.Replace(v))
	add(domAttr.Replace(v))
	for _, escapeHTML := range []bool{true, false} {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(escapeHTML)
		if enc.Encode(v) == nil {
			add(strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(b.String(), `"`), "\n"), `"`))
		}
	}
	add(url.QueryEscape(v))
	add(url.PathEscape(v))
	return out
}

// The HTML escapings Forms knows besides html.EscapeString.
var (
	// templateHTML is html/template's escaping of a value in a page.
	templateHTML = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")
	// domText and domAttr are how a browser serializes text and attribute
	// values (outerHTML): the page HTML saved as evidence.
	domText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\u00a0", "&nbsp;")
	domAttr = strings.NewReplacer("&", "&amp;", `"`, "&quot;", "\u00a0", "&nbsp;")
)
