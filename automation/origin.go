package automation

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"

	"zoomsetup/secret"
)

// OriginError is an action refused because the page, or the field that had
// the focus, belongs to another site than the one the action is bound to: a
// sign-in that went to an identity provider, a form in a foreign frame.
type OriginError struct {
	What string // the element, e.g. `textbox "Password"`
	Want string // the origin the action is bound to
	Got  string // the origin the page showed
}

func (e *OriginError) Error() string {
	got := e.Got
	if got == "" {
		got = "another site"
	}
	return fmt.Sprintf("%s is on %s, not on %s; nothing was typed or clicked there", e.What, got, e.Want)
}

type originKey struct{}

// WithOrigin binds the actions run with ctx to one site, as a sign-in must
// be: they click, type and dismiss nothing on a page of another origin.
func WithOrigin(ctx context.Context, origin string) context.Context {
	return context.WithValue(ctx, originKey{}, Origin(origin))
}

// BoundOrigin is the origin ctx's actions are bound to, or "".
func BoundOrigin(ctx context.Context) string {
	o, _ := ctx.Value(originKey{}).(string)
	return o
}

// checkOrigin refuses got when ctx is bound to another origin.
func checkOrigin(ctx context.Context, got string) error {
	want, _ := ctx.Value(originKey{}).(string)
	if want == "" || Origin(got) == want {
		return nil
	}
	return &OriginError{What: "the page", Want: want, Got: got}
}

// FillSecret types a secret into the field l, as Fill does, but only on the
// site the secret is bound to (secret.Secret.For): the origin of the page
// that holds the focused field is checked at the moment of typing, and the
// secret is typed nowhere else. The run's redactor learns the value first,
// so no output can show what was typed.
func FillSecret(l Locator, s secret.Secret) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if err := learn(ctx, l, s); err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.Void{}, fill(ctx, t, l, s.Reveal(), s.Origin())
	}
}

// learn refuses a secret bound to no site, and has the run's redactor
// learn the secret before any of it is typed.
func learn(ctx context.Context, l Locator, s secret.Secret) error {
	if s.Origin() == "" {
		return fmt.Errorf("%s: the secret is bound to no site; nothing was typed", l)
	}
	if r := envFrom(ctx).Secrets; r != nil {
		r.Add(s)
	}
	return nil
}

// FillSecretAcross types a secret one character per field into the fields
// l finds, in their order: a code entered in six boxes of one digit. Each
// character is typed only on the secret's site, as FillSecret does.
func FillSecretAcross(l Locator, s secret.Secret) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if err := learn(ctx, l, s); err != nil {
			return chromedp.Void{}, err
		}
		if _, _, err := actionable(ctx, t, l); err != nil {
			return chromedp.Void{}, err
		}
		hits, err := find(ctx, t, l)
		if err != nil {
			return chromedp.Void{}, err
		}
		chars := []rune(s.Reveal())
		if len(hits) != len(chars) {
			return chromedp.Void{}, fmt.Errorf("%s: %d fields for %d characters; nothing was typed", l, len(hits), len(chars))
		}
		var got strings.Builder
		for i, h := range hits {
			p, err := engineCall[point](ctx, t, "point", h.ID)
			if err != nil {
				return chromedp.Void{}, err
			}
			if err := typeInto(ctx, t, l.String(), h, p, string(chars[i]), s.Origin()); err != nil {
				return chromedp.Void{}, err
			}
		}
		for _, h := range hits {
			v, err := engineCall[string](ctx, t, "value", h.ID)
			if err != nil {
				return chromedp.Void{}, err
			}
			got.WriteString(v)
		}
		if got.String() != s.Reveal() {
			return chromedp.Void{}, fmt.Errorf("%s did not take the characters typed into them", l)
		}
		return chromedp.Void{}, nil
	}
}
