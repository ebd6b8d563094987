package automation

import (
	"context"
	"testing"
	"time"

	"zoomsetup/secret"
)

func TestPlain(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Build App", "build app"},
		{"  Add   Scopes ", "add scopes"},
		{"Develop ▾", "develop"},
		{"+ Build app", "build app"},
		{" Settings", "settings"},
		{"Created apps (3)", "created apps"},
		{"Company Name *", "company name"},
		{"Continue →", "continue"},
		{"(meeting:read:meeting:admin)", "meeting:read:meeting:admin"},
		{"View a meeting (meeting:read:meeting:admin)", "view a meeting (meeting:read:meeting:admin"},
		{"⚙️ Settings 😀", "settings"},
		{"Step 3", "step 3"},
		{"+", ""},
	}
	for _, c := range cases {
		if got := Plain(c.in); got != c.want {
			t.Errorf("Plain(%q) = %q, want %q", c.in, got, c.want)
		}
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
	codeFrom := func(at time.Time) string {
		au, err := NewAuthenticator(seed)
		if err != nil {
			t.Fatal(err)
		}
		au.clock = func() time.Time { return at }
		c, err := au.Code(context.Background(), 5*time.Second, nil)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	now, lateCode := codeFrom(base), codeFrom(late)
	nextCode, _ := codeAt(seed, next)
	if lateCode != nextCode || lateCode == now {
		t.Fatalf("near the end got %s; want the next period's %s (current %s)", lateCode, nextCode, now)
	}
	if _, err := codeAt(secret.New("not base32 !!"), base); err == nil {
		t.Fatal("a bad secret gave a code")
	}
	if _, err := NewAuthenticator(secret.New("not base32 !!")); err == nil {
		t.Fatal("an authenticator took a bad secret")
	}
}

func TestEntryBefore(t *testing.T) {
	steps := []Step{{Name: "a", Entry: true}, {Name: "b"}, {Name: "c", Entry: true}, {Name: "d"}}
	for i, want := range []int{0, 0, 2, 2, 2} {
		if got := EntryBefore(steps, i); got != want {
			t.Errorf("EntryBefore(%d) = %d, want %d", i, got, want)
		}
	}
	if got := EntryBefore([]Step{{Name: "x"}, {Name: "y"}}, 1); got != 0 {
		t.Errorf("no entry: %d, want 0", got)
	}
}

// TestAuthenticatorNeverGivesACodeTwice asks for codes at moments of a
// period, as sign-ins of one run would, with some periods' codes spent.
func TestAuthenticatorNeverGivesACodeTwice(t *testing.T) {
	start := time.Unix(1_700_000_010, 0) // a period starts here
	p := start.Unix() / 30
	cases := []struct {
		name       string
		at         time.Duration // into the period
		spent      []int64       // periods already given, relative to p
		wantPeriod int64         // relative to p, when no wait
		wantWait   time.Duration
	}{
		{"fresh", 10 * time.Second, nil, 0, 0},
		{"near the end", 27 * time.Second, nil, 1, 0},
		{"this one spent", 10 * time.Second, []int64{0}, 1, 0},
		{"both spent", 10 * time.Second, []int64{0, 1}, 0, 20 * time.Second},
		{"near the end, next spent", 27 * time.Second, []int64{1}, 0, 3 * time.Second},
		{"earlier ones spent", 0, []int64{-2, -1}, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			au, err := NewAuthenticator(secret.New("JBSWY3DPEHPK3PXP"))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range c.spent {
				au.spent[p+s] = true
			}
			period, wait := au.pick(start.Add(c.at), 5*time.Second)
			if wait != c.wantWait || (wait == 0 && period != p+c.wantPeriod) {
				t.Fatalf("pick = period %+d, wait %s; want period %+d, wait %s", period-p, wait, c.wantPeriod, c.wantWait)
			}
		})
	}
}

// TestAuthenticatorWaitsForAFreshPeriod spends a clock's current and next
// codes: the third code comes only after the period turns, and differs.
func TestAuthenticatorWaitsForAFreshPeriod(t *testing.T) {
	au, err := NewAuthenticator(secret.New("JBSWY3DPEHPK3PXP"))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_700_000_010+29, 900_000_000) // 100 ms before a period ends
	au.clock = func() time.Time { return now }
	seen := map[string]bool{}
	for range 2 {
		c, err := au.Code(context.Background(), 0, nil)
		if err != nil || seen[c] {
			t.Fatalf("code %q, err %v: repeated or failed", c, err)
		}
		seen[c] = true
	}
	var waited time.Duration
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := au.Code(ctx, 0, func(d time.Duration) { waited = d; now = now.Add(d) })
	if err != nil || seen[c] || waited != 100*time.Millisecond {
		t.Fatalf("third code %q (err %v) after waiting %s; want a new code after 100ms", c, err, waited)
	}
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	au.clock = func() time.Time { return time.Unix(1_700_000_010+10, 0) }
	au.spent[(1_700_000_010)/30], au.spent[(1_700_000_010)/30+1] = true, true
	if _, err := au.Code(ctx, 0, nil); err == nil {
		t.Fatal("a cancelled wait gave a code")
	}
}
