package zoom

import (
	"context"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
)

// revealed holds once the Client Secret field shows a value instead of dots.
var revealed = a.When("the Client Secret to be shown", func(ctx context.Context, t *chromedp.Target) (bool, error) {
	v, err := a.ReadNow(clientSecretField)(ctx, t)
	return err == nil && !masked(v), err
})
