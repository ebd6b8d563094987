package automation

import (
	"testing"
	"time"
	"zoomsetup/secret"
)

func TestMatch(t *testing.T) {
	cases := []struct {
		name    string
		names   []string
		partial bool
		want    string
		ok      bool
	}{
		{"Build App", []string{"Build App", "Build an App"}, false, "Build App", true},
		{"Build an App", []string{"Build App", "Build an App"}, false, "Build an App", true},
		{"build app", []string{"Build App"}, false, "Build App", true},
		{"  Add   Scopes ", []string{"Add Scopes"}, false, "Add Scopes", true},
		{"Build App now", []string{"Build App"}, false, "", false},
		{"View a meeting (meeting:read:meeting:admin)", []string{"(meeting:read:meeting:admin)"}, true, "(meeting:read:meeting:admin)", true},
		{"View a meeting (meeting:read:meeting)", []string{"(meeting:read:meeting:admin)"}, true, "", false},
		{"anything", nil, false, "", true},
	}
	for _, c := range cases {
		got, ok := match(c.name, c.names, c.partial)
		if got != c.want || ok != c.ok {
			t.Errorf("match(%q, %q, %v) = %q, %v; want %q, %v", c.name, c.names, c.partial, got, ok, c.want, c.ok)
		}
	}
}

func TestRankPrefersEarlierNames(t *testing.T) {
	hits := []Hit{{Name: "Build app", Matched: "Build app"}, {Name: "Build App", Matched: "Build App"}}
	got := rank(hits, []string{"Build App", "Build app"})
	if got[0].Matched != "Build App" {
		t.Fatalf("rank put %q first", got[0].Matched)
	}
}

func TestLocatorString(t *testing.T) {
	l := Button("Create").In(Region("Server-to-Server OAuth"))
	if got, want := l.String(), `button "Create" in region "Server-to-Server OAuth"`; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

func TestTOTPUsesNextCodeNearPeriodEnd(t *testing.T) {
	seed := secret.New("JBSWY3DPEHPK3PXP")
	start := time.Unix(1_700_000_010, 0) // a period starts here (divisible by 30)
	base := start.Add(10 * time.Second)
	late := start.Add(28 * time.Second) // 2 s before the period ends
	next := start.Add(30 * time.Second) // the next period
	now, err := TOTPCode(seed, base, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	lateCode, _ := TOTPCode(seed, late, 5*time.Second)
	nextCode, _ := TOTPCode(seed, next, 0)
	if lateCode != nextCode || lateCode == now {
		t.Fatalf("near the end got %s; want the next period's %s (current %s)", lateCode, nextCode, now)
	}
	if _, err := TOTPCode(secret.New("not base32 !!"), base, 0); err == nil {
		t.Fatal("a bad secret gave a code")
	}
}
