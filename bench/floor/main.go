// Command floor is the yardstick of make bench: the migration's clicks and
// typing on the built-in simulator (its plain rendering), as a straight
// chromedp program with hard-coded selectors. It looks at nothing first,
// takes no screenshot and recovers from nothing, so it is the least time
// the job takes in this browser. It is never a way to do the job.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
	"zoomsetup/secret"
	"zoomsetup/simulator"
	"zoomsetup/zoomapi"
)

func main() {
	latency := flag.Duration("latency", 0, "delay added to every simulated response")
	flag.Parse()
	start := time.Now()
	if err := run(*latency); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "floor: %.2fs\n", time.Since(start).Seconds())
}

// css, js and the actions below are chromedp's, with the selectors of the
// plain rendering written in.
func css(s string) chromedp.CSS { return chromedp.CSS(s) }

func byText(sel, text string) chromedp.JSPath {
	return chromedp.JSPath(fmt.Sprintf(`[...document.querySelectorAll(%q)].find(e => e.textContent.trim().startsWith(%q))`, sel, text))
}

func run(latency time.Duration) error {
	sim, err := simulator.New(simulator.Options{TwoFactor: true, Latency: latency})
	if err != nil {
		return err
	}
	defer sim.Close()
	u, acc := sim.URLs(), sim.Accounts()
	b, err := a.Launch(context.Background(), a.BrowserOptions{EnvPath: os.Getenv("ZOOMSETUP_BROWSER")})
	if err != nil {
		return err
	}
	defer b.Close()
	ctx, cancel := context.WithTimeout(b.Tab, 2*time.Minute)
	defer cancel()
	auth, err := a.NewAuthenticator(secret.New(acc.TOTPSecret))
	if err != nil {
		return err
	}

	// Zoom sign-in, with the two-step code.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(u.Zoom+"/signin"),
		chromedp.SendKeys(css(`input[name=email]`), acc.ZoomEmail),
		chromedp.Click(css(`#signin-root form button[type=submit]`)),
		chromedp.SendKeys(css(`input[autocomplete=current-password]`), acc.ZoomPassword),
		chromedp.Click(css(`#signin-root form button[type=submit]`)),
		chromedp.WaitVisible(css(`#otp-code`)),
	); err != nil {
		return fmt.Errorf("sign in: %w", err)
	}
	code, err := auth.Code(ctx, 5*time.Second, nil)
	if err != nil {
		return err
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(css(`#otp-code`), code),
		chromedp.Click(css(`main form button[type=submit]`)),
		chromedp.WaitVisible(css(`.profile-row`)),
	); err != nil {
		return fmt.Errorf("two-step code: %w", err)
	}

	// Develop > Build App > Server-to-Server OAuth > Create.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(u.Marketplace),
		chromedp.Click(byText(`[aria-haspopup=menu]`, "Develop")),
		chromedp.Click(byText(`[role=menuitem]`, "Build App")),
		chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('.tile')].find(t => t.textContent.includes('Server-to-Server'))?.querySelector('button')`)),
		chromedp.SendKeys(css(`[role=dialog] input[name=name]`), "MEETS"),
		chromedp.Click(css(`[role=dialog] button[type=submit]`)),
		chromedp.WaitVisible(byText(`button`, "Show")),
	); err != nil {
		return fmt.Errorf("build the app: %w", err)
	}

	// App Credentials.
	if err := chromedp.Do(ctx, chromedp.Click(byText(`button`, "Show"))); err != nil {
		return err
	}
	values, err := chromedp.Run(ctx, chromedp.PollFunction[[]string](`() => {
	  const v = [...document.querySelectorAll('.cred-row input')].map(i => i.value);
	  return v.length === 3 && !v[2].startsWith('\u2022') ? v : null;
	}`))
	if err != nil {
		return fmt.Errorf("read the credentials: %w", err)
	}
	creds := zoomapi.Credentials{AccountID: values[0], ClientID: values[1], ClientSecret: secret.New(values[2])}

	// Information, Feature, Scopes, Activation.
	if err := chromedp.Do(ctx,
		chromedp.Click(byText(`nav a`, "Information")),
		chromedp.SendKeys(css(`textarea[name=shortDescription]`), "CirQlive MEETS integration"),
		chromedp.SendKeys(css(`input[name=company]`), "Example University"),
		chromedp.SendKeys(css(`input[name=contactName]`), "Avery Admin"),
		chromedp.SendKeys(css(`input[name=contactEmail]`), acc.ZoomEmail),
		chromedp.Click(byText(`button`, "Continue")),
		chromedp.WaitVisible(byText(`h2`, "Feature")),
		chromedp.Click(byText(`nav a`, "Scopes")),
		chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('button')].find(b => b.textContent.includes('Add Scopes'))`)),
		chromedp.WaitVisible(css(`input[aria-label="Search scopes"]`)),
	); err != nil {
		return fmt.Errorf("information and scopes: %w", err)
	}
	want := zoomapi.Profile(zoomapi.Granular)
	for _, family := range []string{"meeting", "webinar", "cloud_recording", "user", "report"} {
		if err := chromedp.Do(ctx,
			chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('input[aria-label="Search scopes"]'); s.value = '`+family+`:'; s.dispatchEvent(new Event('input', {bubbles: true})); })()`),
			chromedp.WaitVisible(css(`input[type=checkbox][value^="`+family+`:"]`)),
		); err != nil {
			return fmt.Errorf("search %s: %w", family, err)
		}
		for _, id := range want {
			if strings.HasPrefix(id, family+":") {
				if err := chromedp.Do(ctx, chromedp.Click(css(`input[type=checkbox][value="`+id+`"]`))); err != nil {
					return fmt.Errorf("tick %s: %w", id, err)
				}
			}
		}
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(byText(`[role=dialog] button`, "Done")),
		chromedp.WaitVisible(byText(`p`, fmt.Sprintf("%d scopes added", len(want)))),
		chromedp.Click(byText(`nav a`, "Activation")),
		chromedp.Click(byText(`button`, "Activate your app")),
		chromedp.WaitVisible(byText(`p`, "Your app is activated on the account")),
	); err != nil {
		return fmt.Errorf("activate: %w", err)
	}
	api := zoomapi.Client{ZoomURL: u.Zoom, APIURL: u.API}
	if _, err := api.Token(ctx, creds); err != nil {
		return fmt.Errorf("token: %w", err)
	}

	// MEETS.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(u.Meets+"/login"),
		chromedp.SendKeys(css(`#login-user`), acc.MeetsUser),
		chromedp.SendKeys(css(`#login-password`), acc.MeetsPassword),
		chromedp.Click(css(`main form [type=submit]`)),
		chromedp.Click(css(`#tab-conferencing`)),
		chromedp.SendKeys(css(`#api-key`), creds.AccountID+":"+creds.ClientID),
		chromedp.SendKeys(css(`#api-secret`), creds.ClientSecret.Reveal()),
		chromedp.Click(css(`form[method=post] [type=submit]`)),
		chromedp.WaitVisible(css(`[role=status]`)),
	); err != nil {
		return fmt.Errorf("MEETS: %w", err)
	}
	if st := sim.State(); st.Meets.Saves != 1 || len(st.Apps) != 1 || !st.Apps[0].Activated {
		return fmt.Errorf("the sites do not hold the result: %+v", st.Meets)
	}
	_, err = api.Token(ctx, creds)
	return err
}
