package automation

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// openTries bounds the loads of one address when the network fails.
const openTries = 5

// Open loads url as typing it in the address bar does. When the network
// fails (no answer, a connection refused or reset) it loads it again with
// growing pauses, as a person presses Reload, each try logged with its
// cause; any other failure, and the last network one, is returned.
func Open(url string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		pause := 250 * time.Millisecond
		for try := 1; ; try++ {
			_, err := chromedp.Navigate(url)(ctx, t)
			var le *chromedp.LoadError
			if err == nil || !errors.As(err, &le) || !strings.HasPrefix(le.ErrorText, "net::") || try == openTries {
				return chromedp.Void{}, err
			}
			envFrom(ctx).logf("could not load %s (%s); trying again in %s (try %d of %d)", url, le.ErrorText, pause, try+1, openTries)
			if err := Pause(ctx, pause); err != nil {
				return chromedp.Void{}, err
			}
			pause *= 2
		}
	}
}

// NetworkErrorPage is a Recovery for the browser's own error page ("This
// page isn't working", "This site can't be reached"), shown when a click or
// a form's submission got no answer: it loads the address again with a GET
// (resending a form is the step's decision, never the recovery's), and the
// step starts over from the page that comes back.
func NetworkErrorPage() Recovery { return &networkErrorPage{} }

type networkErrorPage struct{ url string }

func (n *networkErrorPage) Needed(ctx context.Context, t *chromedp.Target) (bool, error) {
	loc, err := chromedp.Location()(ctx, t)
	if err != nil || !strings.HasPrefix(loc, "chrome-error://") {
		return false, err
	}
	h, err := chromedp.NavigationEntries()(ctx, t)
	if err != nil || h.CurrentIndex < 0 || h.CurrentIndex >= int64(len(h.Entries)) {
		return false, err
	}
	n.url = h.Entries[h.CurrentIndex].URL
	return strings.HasPrefix(n.url, "http"), nil
}

func (n *networkErrorPage) Recover(ctx context.Context, t *chromedp.Target) error {
	_, err := Open(n.url)(ctx, t)
	return err
}

func (n *networkErrorPage) String() string {
	return "the browser showed a network error for " + n.url + ": loaded it again"
}

// StartsOver: the page that comes back has lost what the step had typed.
func (n *networkErrorPage) StartsOver() {}
