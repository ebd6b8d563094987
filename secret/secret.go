// Package secret keeps passwords, TOTP seeds and client secrets out of every
// output: a type that will not print, and a redactor for text that might.
package secret

import (
	"fmt"
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
// logs, errors, page HTML saved as evidence.
type Redactor struct {
	mu     sync.RWMutex
	values []string
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
	for _, have := range r.values {
		if have == v {
			return
		}
	}
	r.values = append(r.values, v)
}

// Values returns the values to hide, for masking them on screen.
func (r *Redactor) Values() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return append([]string(nil), r.values...)
}

// Redact returns s with every known secret replaced by "[redacted]".
func (r *Redactor) Redact(s string) string {
	if r == nil {
		return s
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, v := range r.values {
		s = strings.ReplaceAll(s, v, "[redacted]")
	}
	return s
}
