package secret

import (
	"encoding/json"
	"fmt"
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
